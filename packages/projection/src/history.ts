/**
 * `History`: the temporal indexes every report reads, folded from positioned events that are not
 * kept. Per event the history keeps only its position and recording instant (typed columns, by
 * ordinal = 0-based index in position order); each read model keeps its rows as columns or small
 * records carrying the ordinal of their event. A known-at view (only events recorded at or before
 * an instant K) filters those rows by `recordedAt[ordinal] ≤ K` instead of re-folding events; the
 * views are kept in a small LRU cache, since auditors ask many questions about the same cut-off.
 * A row's event is named by its ordinal's position: an audit fetches the event itself (its id and
 * content) from the source by position (docs/performance.md, "columnar history").
 *
 * @module history
 */
import * as E from 'fp-ts/lib/Either.js'
import type { PositionedEvent } from '@ansinh/core'
import { FloatColumn } from './columns.js'
import { DebtLedger } from './debts.js'
import { Geography } from './geography.js'
import { Participation } from './participation.js'
import { recordedMillis } from './instants.js'
import { Denominators, Quotas } from './registers.js'
import { AgentEnrolments } from './agents.js'
import { Revenue } from './revenue.js'

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

/** The read models of one view, as a snapshot restores them or a known-at cut assembles them. */
export interface ViewParts {
  readonly participation: Participation
  readonly geography: Geography
  readonly denominators: Denominators
  readonly quotas: Quotas
  readonly debts: DebtLedger
  /** Version 2 (agents-revenue): the agents of enrolments, collections and revenue plans. */
  readonly agents?: AgentEnrolments
  readonly revenue?: Revenue
}

/** Every read model of a view. */
type Parts = Required<ViewParts>

/** How a known-at cut makes each read model, on its first use (a plan question reads no debts). */
type Makers = { readonly [K in keyof Parts]: () => Parts[K] }

/** The indexes of one set of known events: geography, registers, participation and debts. */
export class HistoryView {
  private readonly parts: Partial<Parts>
  private readonly makers: Makers | null

  /** Parent links of the known UnitEstablished. */
  get geography(): Geography {
    return this.part('geography')
  }
  /** Known PopulationEstimated per unit. */
  get denominators(): Denominators {
    return this.part('denominators')
  }
  /** Known QuotaAssigned per (unit, scheme, year). */
  get quotas(): Quotas {
    return this.part('quotas')
  }
  /** Known enrolments and lapses. */
  get participation(): Participation {
    return this.part('participation')
  }
  /** Known debts and settlements. */
  get debts(): DebtLedger {
    return this.part('debts')
  }
  /** The agent of each known enrolment that names one (agents-revenue). */
  get agents(): AgentEnrolments {
    return this.part('agents')
  }
  /** Known collections and revenue plans (agents-revenue). */
  get revenue(): Revenue {
    return this.part('revenue')
  }
  private count = 0
  private last: number | null = null

  /**
   * A view of no events, or one assembled from read models (a snapshot), or (`makers`) one whose
   * read models are made on first use (a known-at cut).
   */
  constructor(parts?: ViewParts, makers?: Makers) {
    this.makers = makers ?? null
    this.parts =
      makers !== undefined
        ? {}
        : {
            participation: parts?.participation ?? new Participation(),
            geography: parts?.geography ?? new Geography(),
            denominators: parts?.denominators ?? new Denominators(),
            quotas: parts?.quotas ?? new Quotas(),
            debts: parts?.debts ?? new DebtLedger(),
            agents: parts?.agents ?? new AgentEnrolments(),
            revenue: parts?.revenue ?? new Revenue(),
          }
  }

  private part<K extends keyof Parts>(k: K): Parts[K] {
    let v = this.parts[k]
    if (v === undefined) this.parts[k] = v = this.makers![k]()
    return v as Parts[K]
  }

  /** Folds one event in (positions increasing); `ordinal` is its 0-based index in the history. */
  add(e: PositionedEvent, ordinal: number = this.count): void {
    this.count++
    this.last = e.position
    const { event, position } = e
    switch (event.type) {
      case 'ParticipantEnrolled':
        if (event.data.agent !== undefined) this.agents.add(ordinal, event.data.agent)
        return this.participation.addEnrolment(event.data, ordinal)
      case 'ParticipantLapsed':
        return this.participation.addLapse(event.data, ordinal)
      case 'QuotaAssigned':
        return this.quotas.add(event.data, position, ordinal)
      case 'DebtRecorded':
        return this.debts.addDebt(event.data, position, ordinal)
      case 'DebtSettled':
        return this.debts.addSettlement(event.data, position, ordinal)
      case 'UnitEstablished':
        return this.geography.add(event.data, position, ordinal)
      case 'PopulationEstimated':
        return this.denominators.add(event.data, position, ordinal)
      case 'ContributionCollected':
        return this.revenue.addCollection(event.data, ordinal)
      case 'RevenuePlanAssigned':
        return this.revenue.addPlan(event.data, position, ordinal)
      case 'UnitChanged':
        return this.geography.addChange(event.data, position, ordinal)
      case 'UnitDissolved':
        return this.geography.addDissolution(event.data, position, ordinal)
      case 'ParticipantIdentified':
        return this.participation.addLink(event.data.participantId, event.data.personalId, ordinal)
    }
  }

  /** The events this view rests on. */
  get basis(): Basis {
    return { events: this.count, lastPosition: this.last }
  }

  /** Counts an event whose rows were added to the read models directly (a line parser's). */
  note(position: number): void {
    this.count++
    this.last = position
  }

  /** Sets the basis of a view assembled from read models, or after rows were added directly. */
  rest(events: number, lastPosition: number | null): void {
    this.count = events
    this.last = lastPosition
  }

  /**
   * The view of the rows whose event was recorded by `knownAt` (`recordedAt` by ordinal). Each read
   * model is cut on its first use; `recordedAt` is the view of the instants at the cut, so rows
   * appended to this view later (ordinals past its end) are never part of it.
   */
  knownAt(recordedAt: Float64Array, knownAt: number): HistoryView {
    const participation = this.participation.knownAt(recordedAt, knownAt)
    return new HistoryView(undefined, {
      participation: () => participation,
      geography: () => this.geography.knownAt(recordedAt, knownAt),
      denominators: () => this.denominators.knownAt(recordedAt, knownAt),
      quotas: () => this.quotas.knownAt(recordedAt, knownAt),
      debts: () => this.debts.knownAt(recordedAt, knownAt),
      agents: () => this.agents.knownAt(recordedAt, knownAt),
      revenue: () => this.revenue.knownAt(recordedAt, knownAt),
    })
  }
}

/** How many known-at views are kept. */
const KNOWN_AT_CACHE = 8

/** Ordinals per block of recording-instant bounds (see `History.cut`). */
const BLOCK = 4096

/** The per-event columns of a history (what a snapshot keeps besides the read models). */
export interface EventColumns {
  readonly positions: Float64Array
  readonly recordedAt: Float64Array
}

/** A history: per-event positions and recording instants, the full view and cached known-at views. */
export class History {
  /** Positions by ordinal. */
  private readonly positions = new FloatColumn()
  /**
   * Recording instants (epoch ms) by ordinal, parsed as each event is folded: the event's string
   * is at hand then, and the event itself is not kept.
   */
  private readonly recordedAt = new FloatColumn()
  private latestRecordedAt = -Infinity
  private full = this.owned(new HistoryView())
  private readonly knownAtViews = new Map<number, HistoryView>()
  /** Bounds of the recording instants per block of ordinals, as of `events` events. */
  private instantBlocks: { events: number; min: Float64Array; max: Float64Array } | null = null

  /** A history of the given events, taken in order of position, e.g. `History.of(decoded.events)`. */
  static of(events: Iterable<PositionedEvent>): History {
    let sorted = Array.isArray(events) ? (events as readonly PositionedEvent[]) : [...events]
    for (let i = 1; i < sorted.length; i++) {
      // Stryker disable next-line ConditionalExpression,EqualityOperator: `true` and `<=` only sort a sorted input again (cost only); `>=` is killed by a reversed input
      if (sorted[i]!.position < sorted[i - 1]!.position) {
        sorted = [...sorted].sort((a, b) => a.position - b.position)
        break
      }
    }
    const history = new History()
    // Stryker disable all: capacity hints, the columns grow as needed without them (cost only)
    let enrolments = 0,
      lapses = 0
    for (const { event } of sorted) {
      const type = event.type
      if (type === 'ParticipantEnrolled') enrolments++
      else if (type === 'ParticipantLapsed') lapses++
    }
    history.full.participation.reserve(enrolments, lapses)
    history.recordedAt.reserve(sorted.length)
    history.positions.reserve(sorted.length)
    // Stryker restore all
    for (let i = 0; i < sorted.length; i++) history.fold(sorted[i]!)
    return history
  }

  /** A history assembled from a snapshot's columns and read models (see snapshot.ts). */
  static restore(columns: EventColumns, parts: ViewParts): History {
    const history = new History()
    history.positions.adopt(columns.positions)
    history.recordedAt.adopt(columns.recordedAt)
    for (const t of columns.recordedAt) history.latestRecordedAt = Math.max(history.latestRecordedAt, t)
    history.full = history.owned(new HistoryView(parts))
    history.full.rest(columns.positions.length, history.lastPosition)
    return history
  }

  /** Appends the next event; its position must be greater than every earlier one. */
  append(e: PositionedEvent): E.Either<PositionNotIncreasing, void> {
    const last = this.lastPosition
    if (last !== null && e.position <= last)
      return E.left({ _tag: 'PositionNotIncreasing', position: e.position, lastPosition: last })
    this.fold(e)
    this.knownAtViews.clear()
    return E.right(undefined)
  }

  /**
   * Appends a ParticipantEnrolled given as values (what a line parser reads, no event object):
   * recording instant in epoch ms, scheme index (`SCHEME_INDEX`), day numbers (`through` OPEN_END:
   * open-ended), and the collection agent when the enrolment names one.
   */
  appendEnrolment(
    position: number,
    recordedAt: number,
    participantId: string,
    scheme: number,
    unit: string,
    from: number,
    through: number,
    agent?: string,
  ): E.Either<PositionNotIncreasing, void> {
    const last = this.lastPosition
    if (last !== null && position <= last)
      return E.left({ _tag: 'PositionNotIncreasing', position, lastPosition: last })
    this.record(position, recordedAt)
    if (agent !== undefined) this.full.agents.add(this.positions.length - 1, agent)
    this.full.participation.addEnrolmentRow(participantId, scheme, unit, from, through, this.positions.length - 1)
    this.full.note(position)
    this.knownAtViews.clear()
    return E.right(undefined)
  }

  /** Appends a ParticipantLapsed given as values (see {@link appendEnrolment}). */
  appendLapse(
    position: number,
    recordedAt: number,
    participantId: string,
    scheme: number,
    lapsedOn: number,
  ): E.Either<PositionNotIncreasing, void> {
    const last = this.lastPosition
    if (last !== null && position <= last)
      return E.left({ _tag: 'PositionNotIncreasing', position, lastPosition: last })
    this.record(position, recordedAt)
    this.full.participation.addLapseRow(participantId, scheme, lapsedOn, this.positions.length - 1)
    this.full.note(position)
    this.knownAtViews.clear()
    return E.right(undefined)
  }

  /** How many events the history holds. */
  get size(): number {
    return this.positions.length
  }

  /** The position of the last event, or null for an empty history. */
  get lastPosition(): number | null {
    return this.positions.length === 0 ? null : this.positions.at(this.positions.length - 1)
  }

  /** The position of the event at `ordinal` (0-based index in position order), e.g. of an index row. */
  positionAt(ordinal: number): number {
    if (!(ordinal >= 0 && ordinal < this.positions.length))
      throw new RangeError(`no event at ordinal ${ordinal} (history of ${this.positions.length})`)
    return this.positions.at(ordinal)
  }

  /** `view` as this history's full view: its full builds fit the per-event columns too. */
  private owned(view: HistoryView): HistoryView {
    view.participation.fitWith(this.positions, this.recordedAt)
    return view
  }

  /** The per-event columns (views, not copies). */
  columns(): EventColumns {
    return { positions: this.positions.view(), recordedAt: this.recordedAt.view() }
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
    const view = this.cut(knownAt)
    this.knownAtViews.set(knownAt, view)
    if (this.knownAtViews.size > KNOWN_AT_CACHE) this.knownAtViews.delete(this.knownAtViews.keys().next().value!)
    return view
  }

  /** The basis of figures under a known-at cut: how many events, and the last position. */
  basis(knownAt?: number | null): Basis {
    return this.view(knownAt).basis
  }

  /** Folds the next event into the full view. */
  private fold(e: PositionedEvent): void {
    const at = recordedMillis(e.event.recordedAt)
    this.record(e.position, at)
    this.full.add(e, this.positions.length - 1)
  }

  /** Takes the next event's position and recording instant. */
  private record(position: number, at: number): void {
    this.recordedAt.push(at)
    this.positions.push(position)
    this.latestRecordedAt = Math.max(this.latestRecordedAt, at)
  }

  /** The view of the events recorded at or before `knownAt`. */
  private cut(knownAt: number): HistoryView {
    const recordedAt = this.recordedAt.view()
    const view = this.full.knownAt(recordedAt, knownAt)
    // how many events were recorded by then, and the last of them: whole blocks recorded before
    // (or after) the cut-off are counted at once, so a history recorded roughly in position order
    // scans one or two blocks
    const { min, max } = this.blocks(recordedAt)
    let count = 0,
      last = -1
    // Stryker disable next-line EqualityOperator: `<=` reads past the end, undefined compares false: equivalent; block bounds are a shortcut (docs/testing.md)
    for (let b = 0; b < min.length; b++) {
      const lo = b * BLOCK,
        hi = Math.min(lo + BLOCK, recordedAt.length)
      // Stryker disable next-line ConditionalExpression,EqualityOperator,BlockStatement: `false`, `<` and an empty block send the block to the scan below, which counts the same: cost only; block bounds are a shortcut (docs/testing.md)
      if (max[b]! <= knownAt) {
        count += hi - lo
        last = hi - 1
        continue
      }
      // Stryker disable next-line ConditionalExpression: `false` scans a block recorded after the cut-off and counts none of it: cost only; block bounds are a shortcut (docs/testing.md)
      if (min[b]! > knownAt) continue
      for (let i = lo; i < hi; i++) {
        if (recordedAt[i]! <= knownAt) {
          count++
          last = i
        }
      }
    }
    view.rest(count, last < 0 ? null : this.positions.at(last))
    return view
  }

  /** The least and greatest recording instant of each block of {@link BLOCK} ordinals, brought up to date. */
  private blocks(recordedAt: Float64Array): { min: Float64Array; max: Float64Array } {
    const n = recordedAt.length
    const b = this.instantBlocks
    // Stryker disable next-line ConditionalExpression: `false` computes the same bounds again: cost only; block bounds are a shortcut (docs/testing.md)
    if (b !== null && b.events === n) return b
    const count = Math.ceil(n / BLOCK)
    const min = new Float64Array(count),
      max = new Float64Array(count)
    // blocks complete at the last update keep their bounds (events are only appended)
    // Stryker disable next-line ConditionalExpression,EqualityOperator: keeping fewer blocks computes the same bounds again (events are only appended, so b.events > n never holds): cost only; block bounds are a shortcut (docs/testing.md)
    const kept = b === null || b.events > n ? 0 : Math.floor(b.events / BLOCK)
    if (kept > 0) {
      min.set(b!.min.subarray(0, kept))
      max.set(b!.max.subarray(0, kept))
    }
    // Stryker disable next-line EqualityOperator: `<=` writes past the typed arrays' end, which is dropped: equivalent; block bounds are a shortcut (docs/testing.md)
    for (let k = kept; k < count; k++) {
      let lo = Infinity,
        // Stryker disable next-line UnaryOperator: a block's bounds only widen: it is scanned, cost only; block bounds are a shortcut (docs/testing.md)
        hi = -Infinity
      // Stryker disable next-line EqualityOperator: `<=` widens the bounds by the next block's first instant (or undefined, which compares false): cost only; block bounds are a shortcut (docs/testing.md)
      for (let i = k * BLOCK; i < Math.min(n, (k + 1) * BLOCK); i++) {
        const t = recordedAt[i]!
        // Stryker disable next-line EqualityOperator: `<=` gives the same bound; block bounds are a shortcut (docs/testing.md)
        if (t < lo) lo = t
        // Stryker disable next-line EqualityOperator: `>=` gives the same bound; block bounds are a shortcut (docs/testing.md)
        if (t > hi) hi = t
      }
      min[k] = lo
      max[k] = hi
    }
    this.instantBlocks = { events: n, min, max }
    return this.instantBlocks
  }
}
