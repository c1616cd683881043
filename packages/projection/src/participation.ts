/**
 * The participation index. For each (participant, scheme) pair the enrolments and lapses fold into
 * a piecewise-constant timeline "day → unit the participant is counted in" (see segments.ts); every
 * query is then a handful of binary searches over sorted segment starts and ends per (scheme, unit).
 *
 * Why it is equivalent to the spec: an enrolment covers d when coveredFrom ≤ d ≤ its effective
 * end = min(coveredThrough, (least lapsedOn > coveredFrom) − 1), and the counting enrolment on d is
 * the covering one with the greatest (coveredFrom, position). Painting the effective intervals in
 * increasing (coveredFrom, position) order, each over the previous ones, leaves exactly that winner
 * on every day. The segments of one pair are disjoint, so counting segments counts people.
 *
 * Events are folded into typed-array columns (one row per enrolment or lapse; rows are in position
 * order, so a row's index breaks ties as its position would). The indexes are built from the
 * columns on the first query after a change, and a known-at view copies the rows recorded by its
 * cut-off instead of re-folding events.
 *
 * @module participation
 */
import type { ParticipantEnrolled, ParticipantLapsed, Scheme } from '@ansinh/core'
import { IntColumn, dayOf } from './columns.js'
import { OPEN_END, type Rows } from './segments.js'
import { type Overlay, buildOverlay, overlayLimit } from './overlay.js'
import { type FullIndex, type Index, type NotCoveredOn, buildIndex, countIn, notCoveredIndex, withinFirst } from './participation-index.js'

/** The index of each scheme in pair keys (`pair = participant · 4 + scheme`). */
export const SCHEME_INDEX: Readonly<Record<Scheme, number>> = { voluntary: 0, compulsory: 1, health: 2, unemployment: 3 }

/** How many later days (31 Decembers) keep their own index of segments not covered then. */
const LATER_DAYS_CACHED = 12

/**
 * Interned (participant, scheme) pairs and unit codes; a known-at copy shares them with the full
 * view. Pairs are numbered densely (one map per scheme), so per-pair arrays hold only real pairs.
 */
interface Ids {
  readonly pairs: readonly Map<string, number>[]
  /** The scheme index of each pair. */
  readonly pairScheme: IntColumn
  readonly units: Map<string, number>
}

/** Enrolments and lapses of every participant, and the indexes answering participation queries. */
export class Participation {
  private readonly ids: Ids
  private readonly enrPair = new IntColumn()
  private readonly enrFrom = new IntColumn()
  private readonly enrThrough = new IntColumn()
  private readonly enrUnit = new IntColumn()
  /** The ordinal (0-based index in the history) of each enrolment's event, for known-at cuts. */
  private readonly enrEvent = new IntColumn()
  private readonly lapPair = new IntColumn()
  private readonly lapDay = new IntColumn()
  private readonly lapEvent = new IntColumn()
  /** The last full build, and how many enrolment and lapse rows it rests on. */
  private base: FullIndex | null = null
  private baseEnrolments = 0
  private baseLapses = 0
  /** The pairs changed by rows appended since the full build (null: none). */
  private overlay: Overlay | null = null

  constructor(ids?: Ids) {
    this.ids = ids ?? { pairs: [new Map(), new Map(), new Map(), new Map()], pairScheme: new IntColumn(), units: new Map() }
  }

  /** Makes room for `enrolments` and `lapses` more rows (a fold that knows its events' types). */
  reserve(enrolments: number, lapses: number): void {
    for (const c of [this.enrPair, this.enrFrom, this.enrThrough, this.enrUnit, this.enrEvent]) c.reserve(enrolments)
    for (const c of [this.lapPair, this.lapDay, this.lapEvent]) c.reserve(lapses)
  }

  /** Folds a ParticipantEnrolled in; `ordinal` is the event's 0-based index in the history. */
  addEnrolment(data: ParticipantEnrolled, ordinal: number): void {
    this.enrPair.push(this.pairOf(data.participantId, data.scheme))
    this.enrFrom.push(dayOf(data.coveredFrom))
    this.enrThrough.push(data.coveredThrough == null ? OPEN_END : dayOf(data.coveredThrough))
    const units = this.ids.units
    let unit = units.get(data.unit)
    if (unit === undefined) {
      unit = units.size
      units.set(data.unit, unit)
    }
    this.enrUnit.push(unit)
    this.enrEvent.push(ordinal)
  }

  /** Folds a ParticipantLapsed in (a lapse's position never breaks a tie: only its day matters). */
  addLapse(data: ParticipantLapsed, ordinal: number): void {
    this.lapPair.push(this.pairOf(data.participantId, data.scheme))
    this.lapDay.push(dayOf(data.lapsedOn))
    this.lapEvent.push(ordinal)
  }

  /** The rows whose event was recorded by the cut-off (`recordedAt[ordinal] ≤ knownAt`), as a new index. */
  knownAt(recordedAt: Float64Array, knownAt: number): Participation {
    const cut = new Participation(this.ids)
    const enrEvent = this.enrEvent.view(), lapEvent = this.lapEvent.view()
    let enrolments = 0, lapses = 0
    for (let i = 0; i < enrEvent.length; i++) if (recordedAt[enrEvent[i]!]! <= knownAt) enrolments++
    for (let i = 0; i < lapEvent.length; i++) if (recordedAt[lapEvent[i]!]! <= knownAt) lapses++
    // exact sizes: in a process holding a million events, growth garbage can cost a full collection
    cut.reserve(enrolments, lapses)
    for (let i = 0; i < enrEvent.length; i++) {
      if (recordedAt[enrEvent[i]!]! <= knownAt) {
        cut.enrPair.push(this.enrPair.at(i))
        cut.enrFrom.push(this.enrFrom.at(i))
        cut.enrThrough.push(this.enrThrough.at(i))
        cut.enrUnit.push(this.enrUnit.at(i))
        cut.enrEvent.push(enrEvent[i]!)
      }
    }
    for (let i = 0; i < lapEvent.length; i++) {
      if (recordedAt[lapEvent[i]!]! <= knownAt) {
        cut.lapPair.push(this.lapPair.at(i))
        cut.lapDay.push(this.lapDay.at(i))
        cut.lapEvent.push(lapEvent[i]!)
      }
    }
    return cut
  }

  /** participants(U, s, d): people covered under s on `day` and counted in one of `units` (null: anywhere). */
  participants(units: readonly string[] | null, scheme: Scheme, day: number): number {
    const s = SCHEME_INDEX[scheme]
    return this.sum((ix) => {
      if (units === null) return countIn(ix.national, s, day)
      let n = 0
      for (const code of units) {
        const id = this.ids.units.get(code)
        if (id !== undefined) n += countIn(ix.byUnit, id * 4 + s, day)
      }
      return n
    })
  }

  /** People whose first enrolment under s starts within [fromDay, toDay] in one of `units` (null: anywhere). */
  newInRange(units: readonly string[] | null, scheme: Scheme, fromDay: number, toDay: number): number {
    if (toDay < fromDay) return 0
    const s = SCHEME_INDEX[scheme]
    return this.sum((ix) => {
      if (units === null) return withinFirst(ix.firstNational, s, fromDay, toDay)
      let n = 0
      for (const code of units) {
        const id = this.ids.units.get(code)
        if (id !== undefined) n += withinFirst(ix.firstByUnit, id * 4 + s, fromDay, toDay)
      }
      return n
    })
  }

  /**
   * People counted in one of `units` (null: anywhere) on `day` who are not covered under s on
   * `laterDay`. The segments of people not covered on `laterDay` get their own sorted index the
   * first time that day is asked for (a report asks for few: the 31 Decembers of plan years), so
   * the count is binary searches like {@link participants}.
   */
  notCoveredLater(units: readonly string[] | null, scheme: Scheme, day: number, laterDay: number): number {
    const s = SCHEME_INDEX[scheme]
    return this.sum((ix) => {
      const index = notCoveredOn(ix, laterDay)
      if (units === null) return countIn(index.national, s, day)
      let n = 0
      for (const code of units) {
        const id = this.ids.units.get(code)
        if (id !== undefined) n += countIn(index.byUnit, id * 4 + s, day)
      }
      return n
    })
  }

  /** A count over the full build, corrected by the overlay of the pairs changed since. */
  private sum(count: (ix: Index) => number): number {
    const base = this.index()
    const overlay = this.overlay
    return overlay === null ? count(base) : count(base) + count(overlay.plus) - count(overlay.minus)
  }

  private pairOf(participantId: string, scheme: Scheme): number {
    const s = SCHEME_INDEX[scheme]
    const pairs = this.ids.pairs[s]!
    let p = pairs.get(participantId)
    if (p === undefined) {
      p = this.ids.pairScheme.length
      this.ids.pairScheme.push(s)
      pairs.set(participantId, p)
    }
    return p
  }

  /**
   * The full build, brought up to date on the first query after appends: by an overlay of the
   * changed pairs while few rows were appended since the build, else by a full rebuild.
   */
  private index(): FullIndex {
    const enrolments = this.enrPair.length, lapses = this.lapPair.length
    const base = this.base
    if (base !== null && enrolments === this.baseEnrolments && lapses === this.baseLapses) return base
    const rows = this.rows()
    const unitKeys = this.ids.units.size * 4
    if (base !== null && enrolments - this.baseEnrolments + lapses - this.baseLapses <= overlayLimit(this.baseEnrolments + this.baseLapses)) {
      const o = this.overlay
      if (o === null || o.enrolments !== enrolments || o.lapses !== lapses) {
        this.overlay = buildOverlay(base, rows, this.ids.pairScheme.view(), unitKeys, this.baseEnrolments, this.baseLapses)
      }
      return base
    }
    this.base = buildIndex(rows, this.ids.pairScheme.view(), unitKeys)
    this.baseEnrolments = enrolments
    this.baseLapses = lapses
    this.overlay = null
    return this.base
  }

  private rows(): Rows {
    return {
      pair: this.enrPair.view(),
      from: this.enrFrom.view(),
      through: this.enrThrough.view(),
      unit: this.enrUnit.view(),
      lapPair: this.lapPair.view(),
      lapDay: this.lapDay.view(),
    }
  }
}

/**
 * The index of segments not covered on `laterDay`, built once per day asked. The most recently
 * used twelve are kept (a decade of plan years and more), so plan reports over many years do not
 * rebuild one on every question.
 */
const notCoveredOn = (ix: Index, laterDay: number): NotCoveredOn => {
  let index = ix.notCoveredOn.get(laterDay)
  if (index !== undefined) {
    ix.notCoveredOn.delete(laterDay)
    ix.notCoveredOn.set(laterDay, index)
  } else {
    index = notCoveredIndex(ix, laterDay)
    if (ix.notCoveredOn.size >= LATER_DAYS_CACHED) ix.notCoveredOn.delete(ix.notCoveredOn.keys().next().value!)
    ix.notCoveredOn.set(laterDay, index)
  }
  return index
}
