/**
 * `History`: the positioned events of a history and the temporal indexes every report reads.
 * The full view folds each appended event at once; a known-at view (only events recorded at or
 * before an instant K) is folded by the same code from the filtered events and kept in a small
 * LRU cache, since auditors ask many questions about the same cut-off.
 *
 * @module history
 */
import * as E from 'fp-ts/lib/Either.js'
import { type DomainEvent, instantMillis } from '@ansinh/core'
import { DebtLedger } from './debts.js'
import { Geography } from './geography.js'
import { Participation } from './participation.js'
import { Denominators, Quotas } from './registers.js'

/** An event and its position (1-based order) in the history. */
export interface PositionedEvent {
  readonly event: DomainEvent
  readonly position: number
}

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
  readonly participation = new Participation()
  /** Known debts and settlements. */
  readonly debts = new DebtLedger()
  private count = 0
  private last: number | null = null

  /** Folds one event in (positions increasing). */
  add({ event, position }: PositionedEvent): void {
    this.count++
    this.last = position
    switch (event.type) {
      case 'ParticipantEnrolled':
        return this.participation.addEnrolment(event.data, position)
      case 'ParticipantLapsed':
        return this.participation.addLapse(event.data, position)
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

  /** The events this view rests on. */
  get basis(): Basis {
    return { events: this.count, lastPosition: this.last }
  }
}

/** How many known-at views are kept. */
const KNOWN_AT_CACHE = 8

/** A history: its positioned events, the full view and cached known-at views. */
export class History {
  private readonly events: PositionedEvent[] = []
  private readonly recordedAt: number[] = []
  private latestRecordedAt = -Infinity
  private readonly full = new HistoryView()
  private readonly knownAtViews = new Map<number, HistoryView>()

  /** A history of the given events, taken in order of position, e.g. `History.of(decoded.events)`. */
  static of(events: Iterable<PositionedEvent>): History {
    const sorted = [...events]
    for (let i = 1; i < sorted.length; i++) {
      if (sorted[i]!.position < sorted[i - 1]!.position) {
        sorted.sort((a, b) => a.position - b.position)
        break
      }
    }
    const history = new History()
    for (const e of sorted) history.take(e)
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
    if (knownAt == null) return this.full
    const recordedAt = this.recordedInstants()
    if (knownAt >= this.latestRecordedAt) return this.full
    const cached = this.knownAtViews.get(knownAt)
    if (cached !== undefined) {
      this.knownAtViews.delete(knownAt)
      this.knownAtViews.set(knownAt, cached)
      return cached
    }
    const view = new HistoryView()
    for (let i = 0; i < this.events.length; i++) if (recordedAt[i]! <= knownAt) view.add(this.events[i]!)
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
    this.full.add(e)
    if (this.knownAtViews.size > 0) this.knownAtViews.clear()
  }

  /** Parses recording instants only once a known-at cut is asked for: most queries need none. */
  private recordedInstants(): number[] {
    for (let i = this.recordedAt.length; i < this.events.length; i++) {
      const at = instantMillis(this.events[i]!.event.recordedAt)
      this.recordedAt.push(at)
      if (at > this.latestRecordedAt) this.latestRecordedAt = at
    }
    return this.recordedAt
  }
}
