/**
 * `History`: the positioned events of a history and the temporal indexes every report reads.
 * The full view folds each appended event at once. A known-at view (only events recorded at or
 * before an instant K) copies the participation rows recorded by K out of the full view's columns
 * (enrolments and lapses are nearly all of a history) and re-folds only the few other events; the
 * views are kept in a small LRU cache, since auditors ask many questions about the same cut-off.
 *
 * @module history
 */
import * as E from 'fp-ts/lib/Either.js'
import type { PositionedEvent } from '@ansinh/core'
import { FloatColumn, IntColumn } from './columns.js'
import { DebtLedger } from './debts.js'
import { Geography } from './geography.js'
import { Participation } from './participation.js'
import { recordedMillis } from './instants.js'
import { Denominators, Quotas } from './registers.js'


/** How many events figures rest on, and the position of the last of them (null: none). */
export interface Basis {
  readonly events: number
  readonly lastPosition: number | null
}

/** Why an append was refused. */
export interface PositionNotIncreasing {
  readonly _tag: 'PositionNotIncreasing'
  readonly position: number
  readonly lastPosition: number
}

/** The indexes of one set of known events: geography, registers, participation and debts. */
export class HistoryView {
  /** Parent links of the known UnitEstablished. */
  readonly geography = new Geography()
  /** Known PopulationEstimated per unit. */
  readonly denominators = new Denominators()
  /** Known QuotaAssigned per (unit, scheme, year). */
  readonly quotas = new Quotas()
  /** Known enrolments and lapses. */
  readonly participation: Participation
  /** Known debts and settlements. */
  readonly debts = new DebtLedger()
  private count = 0
  private last: number | null = null

  /** A view of no events, or one whose participation rows were copied from another view. */
  constructor(participation?: Participation) {
    this.participation = participation ?? new Participation()
  }

  /** Folds one event in (positions increasing). */
  add(e: PositionedEvent): void {
    const ordinal = this.count
    this.count++
    this.last = e.position
    const { event } = e
    if (event.type === 'ParticipantEnrolled') this.participation.addEnrolment(event.data, ordinal)
    else if (event.type === 'ParticipantLapsed') this.participation.addLapse(event.data, ordinal)
    else this.addOther(e)
  }

  /** The events this view rests on. */
  get basis(): Basis {
    return { events: this.count, lastPosition: this.last }
  }

  /** Folds an event other than an enrolment or a lapse; the basis is the caller's to keep. */
  addOther({ event, position }: PositionedEvent): void {
    switch (event.type) {
      case 'QuotaAssigned':
        return this.quotas.add(event.data, position)
      case 'DebtRecorded':
        return this.debts.addDebt(event.data, position)
      case 'DebtSettled':
        return this.debts.addSettlement(event.data, position)
      case 'UnitEstablished':
        return this.geography.add(event.data, position)
      case 'PopulationEstimated':
        return this.denominators.add(event.data, position)
    }
  }

  /** Sets the basis of a view assembled from another's rows. */
  rest(events: number, lastPosition: number | null): void {
    this.count = events
    this.last = lastPosition
  }
}

/** How many known-at views are kept. */
const KNOWN_AT_CACHE = 8

/** A history: its positioned events, the full view and cached known-at views. */
export class History {
  private events: PositionedEvent[] = []
  /** Ordinals of the events other than enrolments and lapses (re-folded by known-at views). */
  private readonly others = new IntColumn()
  /**
   * Recording instants (epoch ms) of the events, parsed as each is folded: the event's string is
   * at hand then, whereas reading a million of them back later is bound by memory latency.
   */
  private readonly recordedAt = new FloatColumn()
  private latestRecordedAt = -Infinity
  private readonly full = new HistoryView()
  private readonly knownAtViews = new Map<number, HistoryView>()

  /** A history of the given events, taken in order of position, e.g. `History.of(decoded.events)`. */
  static of(events: Iterable<PositionedEvent>): History {
    let sorted = Array.isArray(events) ? (events as readonly PositionedEvent[]) : [...events]
    for (let i = 1; i < sorted.length; i++) {
      if (sorted[i]!.position < sorted[i - 1]!.position) {
        sorted = [...sorted].sort((a, b) => a.position - b.position)
        break
      }
    }
    const history = new History()
    let enrolments = 0, lapses = 0
    for (let i = 0; i < sorted.length; i++) {
      const type = sorted[i]!.event.type
      if (type === 'ParticipantEnrolled') enrolments++
      else if (type === 'ParticipantLapsed') lapses++
    }
    history.full.participation.reserve(enrolments, lapses)
    history.others.reserve(sorted.length - enrolments - lapses)
    history.recordedAt.reserve(sorted.length)
    history.events = sorted.slice()
    for (let i = 0; i < sorted.length; i++) history.fold(sorted[i]!, i)
    return history
  }

  /** Appends the next event; its position must be greater than every earlier one. */
  append(e: PositionedEvent): E.Either<PositionNotIncreasing, void> {
    const last = this.lastPosition
    if (last !== null && e.position <= last) return E.left({ _tag: 'PositionNotIncreasing', position: e.position, lastPosition: last })
    this.take(e)
    return E.right(undefined)
  }

  /** How many events the history holds. */
  get size(): number {
    return this.events.length
  }

  /** The position of the last event, or null for an empty history. */
  get lastPosition(): number | null {
    return this.events.length === 0 ? null : this.events[this.events.length - 1]!.position
  }

  /** The positioned events, in order of position (what a snapshot of the history keeps). */
  entries(): readonly PositionedEvent[] {
    return this.events
  }

  /** The view of what was known at `knownAt` (epoch ms; null or absent: every event). */
  view(knownAt?: number | null): HistoryView {
    if (knownAt == null || knownAt >= this.latestRecordedAt) return this.full
    const cached = this.knownAtViews.get(knownAt)
    if (cached !== undefined) {
      this.knownAtViews.delete(knownAt)
      this.knownAtViews.set(knownAt, cached)
      return cached
    }
    const view = this.cut(this.recordedAt.view(), knownAt)
    this.knownAtViews.set(knownAt, view)
    if (this.knownAtViews.size > KNOWN_AT_CACHE) this.knownAtViews.delete(this.knownAtViews.keys().next().value!)
    return view
  }

  /** The basis of figures under a known-at cut: how many events, and the last position. */
  basis(knownAt?: number | null): Basis {
    return this.view(knownAt).basis
  }

  private take(e: PositionedEvent): void {
    this.events.push(e)
    this.fold(e, this.events.length - 1)
    if (this.knownAtViews.size > 0) this.knownAtViews.clear()
  }

  /** Folds the event at `ordinal` into the full view. */
  private fold(e: PositionedEvent, ordinal: number): void {
    const at = recordedMillis(e.event.recordedAt)
    this.recordedAt.push(at)
    if (at > this.latestRecordedAt) this.latestRecordedAt = at
    const type = e.event.type
    if (type !== 'ParticipantEnrolled' && type !== 'ParticipantLapsed') this.others.push(ordinal)
    this.full.add(e)
  }

  /** The view of the events recorded at or before `knownAt`. */
  private cut(recordedAt: Float64Array, knownAt: number): HistoryView {
    const view = new HistoryView(this.full.participation.knownAt(recordedAt, knownAt))
    const others = this.others.view()
    for (let k = 0; k < others.length; k++) if (recordedAt[others[k]!]! <= knownAt) view.addOther(this.events[others[k]!]!)
    let count = 0, last = -1
    for (let i = 0; i < recordedAt.length; i++) {
      if (recordedAt[i]! <= knownAt) {
        count++
        last = i
      }
    }
    view.rest(count, last < 0 ? null : this.events[last]!.position)
    return view
  }
}
