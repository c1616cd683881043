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
import { FloatColumn, IntColumn, dayOf } from './columns.js'
import { KeyTable, pairKeyOf, participantOfKey } from './intern.js'
import { OPEN_END, type Rows } from './segments.js'
import { type Overlay, buildOverlay, overlayLimit } from './overlay.js'
import {
  type FullIndex,
  type Index,
  type NotCoveredOn,
  buildIndex,
  countIn,
  notCoveredIndex,
  withinFirst,
} from './participation-index.js'
import { countUncoveredIn, yearEndBit } from './year-ends.js'
import { type CutRows, type CutSource, scopedIndex } from './scoped-cut.js'

/** The index of each scheme in pair keys (`pair = participant · 4 + scheme`). */
export const SCHEME_INDEX: Readonly<Record<Scheme, number>> = {
  voluntary: 0,
  compulsory: 1,
  health: 2,
  unemployment: 3,
}

/** How many later days (31 Decembers) keep their own index of segments not covered then. */
const LATER_DAYS_CACHED = 12

/** How many unit scopes a known-at copy keeps indexes of (see scoped-cut.ts). */
const SCOPES_CACHED = 16

/** An index of a known-at copy over the pairs of some units, and those units (marked by number). */
interface Scope {
  readonly units: Uint8Array
  readonly index: Index
}

/**
 * Interned (participant, scheme) pairs and unit codes; a known-at copy shares them with the full
 * view. Pairs are numbered densely, so per-pair arrays hold only real pairs.
 */
export interface Ids {
  /** Pair key (`participant · 4 + scheme`, see intern.ts) → pair. */
  readonly table: KeyTable
  /** `scheme|participantId` → pair, for ids that are not 10 digits (histories built in code). */
  readonly odd: Map<string, number>
  /** The scheme index of each pair. */
  readonly pairScheme: IntColumn
  /** The key of each pair (-1: an odd id, found in `odd`). */
  readonly pairKey: FloatColumn
  /** Unit code → unit number, and the codes by number. */
  readonly units: Map<string, number>
  readonly unitCodes: string[]
}

/** Empty ids. */
export const emptyIds = (): Ids => ({
  table: new KeyTable(),
  odd: new Map(),
  pairScheme: new IntColumn(),
  pairKey: new FloatColumn(),
  units: new Map(),
  unitCodes: [],
})

/** The columns of a participation index (what a snapshot keeps, besides the built index). */
export interface ParticipationColumns {
  readonly enrPair: Int32Array
  readonly enrFrom: Int32Array
  readonly enrThrough: Int32Array
  readonly enrUnit: Int32Array
  readonly enrEvent: Int32Array
  readonly lapPair: Int32Array
  readonly lapDay: Int32Array
  readonly lapEvent: Int32Array
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
  /**
   * Known id links (ParticipantIdentified, version 2): the 10-digit and the 12-digit id of each,
   * and the ordinal of its event. Linked ids are one person: the index is built on rows whose
   * pairs are mapped to the person's pair (the 10-digit id's), see {@link rows}.
   */
  private readonly linkIds: string[] = []
  private readonly linkPersonal: string[] = []
  private readonly linkEvent = new IntColumn()
  /** How many links the full build rests on. */
  private baseLinks = 0
  /**
   * A known-at copy whose rows are not copied yet: the full view's rows it is cut from, read by
   * scoped indexes (see scoped-cut.ts) and copied on the first need of the rows themselves.
   */
  private source: CutSource | null = null
  /** The rows of a known-at copy still to be copied (null: copied, or not a copy). */
  private pending: CutRows | null = null
  /** Indexes of unit scopes, most recently used last. */
  private readonly scopes: Scope[] = []
  /** Columns of the history's own (positions, instants) fitted with these on a full build. */
  private readonly fittedWith: { fit(): void }[] = []
  /** The pair rows mapped through the links, and the counts they were mapped at. */
  private mapped: {
    enrolments: number
    lapses: number
    links: number
    enrPair: Int32Array
    lapPair: Int32Array
    pairOf: Int32Array
  } | null = null

  constructor(ids?: Ids) {
    this.ids = ids ?? emptyIds()
  }

  /** The interned ids (shared with known-at copies). */
  get interned(): Ids {
    return this.ids
  }

  /** The filled columns (views, not copies). */
  columns(): ParticipationColumns {
    this.copied()
    return {
      enrPair: this.enrPair.view(),
      enrFrom: this.enrFrom.view(),
      enrThrough: this.enrThrough.view(),
      enrUnit: this.enrUnit.view(),
      enrEvent: this.enrEvent.view(),
      lapPair: this.lapPair.view(),
      lapDay: this.lapDay.view(),
      lapEvent: this.lapEvent.view(),
    }
  }

  /**
   * Brings the full build up to date with every row (no overlay), so that a snapshot carries an
   * index a restored history answers from at once. Costs one build when rows came since the last.
   */
  settle(): void {
    this.copied()
    if (this.enrPair.length + this.lapPair.length === 0) return
    const current =
      this.base !== null &&
      this.linkIds.length === this.baseLinks &&
      this.enrPair.length === this.baseEnrolments &&
      this.lapPair.length === this.baseLapses
    if (!current) this.rebuild(this.ids.units.size * 4)
  }

  /** The last full build and the rows it rests on (null: none yet), for a snapshot. */
  built(): { index: FullIndex; enrolments: number; lapses: number } | null {
    this.copied()
    return this.base === null ? null : { index: this.base, enrolments: this.baseEnrolments, lapses: this.baseLapses }
  }

  /** A participation restored from a snapshot's ids, columns and (optionally) built index. */
  static restore(
    ids: Ids,
    c: ParticipationColumns,
    built: { index: FullIndex; enrolments: number; lapses: number } | null,
  ): Participation {
    const p = new Participation(ids)
    p.enrPair.adopt(c.enrPair)
    p.enrFrom.adopt(c.enrFrom)
    p.enrThrough.adopt(c.enrThrough)
    p.enrUnit.adopt(c.enrUnit)
    p.enrEvent.adopt(c.enrEvent)
    p.lapPair.adopt(c.lapPair)
    p.lapDay.adopt(c.lapDay)
    p.lapEvent.adopt(c.lapEvent)
    if (built !== null) {
      p.base = built.index
      p.baseEnrolments = built.enrolments
      p.baseLapses = built.lapses
    }
    return p
  }

  /**
   * Fits `columns` to their values with this participation's own on each full build: the history's
   * positions and recording instants, one value per event, grow as the rows do.
   */
  fitWith(...columns: { fit(): void }[]): void {
    this.fittedWith.push(...columns)
  }

  /** Folds a ParticipantIdentified in: from now on the two ids are one person in every figure. */
  addLink(participantId: string, personalId: string, ordinal: number): void {
    this.changing()
    this.linkIds.push(participantId)
    this.linkPersonal.push(personalId)
    this.linkEvent.push(ordinal)
  }

  /** The known links as `[participantId, personalId, ordinal]` (for a snapshot). */
  links(): [string, string, number][] {
    this.copied()
    return this.linkIds.map((a, i) => [a, this.linkPersonal[i]!, this.linkEvent.at(i)])
  }

  /** Restores the links of a snapshot (before any query), the built index resting on all of them. */
  restoreLinks(links: readonly (readonly [string, string, number])[]): void {
    this.changing()
    for (const [a, b, o] of links) this.addLink(a, b, o)
    if (this.base !== null) this.baseLinks = links.length
  }

  /**
   * The pair standing for the pair `pair` once links are applied: the person's pair for that
   * scheme (the 10-digit id's, which explain output shows for both ids).
   */
  personPair(pair: number): number {
    this.copied()
    const m = this.linkedPairs()
    return m === null || pair >= m.pairOf.length ? pair : m.pairOf[pair]!
  }

  /** The participant id and scheme index of a pair (what an audit of a row names). */
  pairOwner(pair: number): { participantId: string; scheme: number } {
    const key = this.ids.pairKey.at(pair)
    const scheme = this.ids.pairScheme.at(pair)
    if (key >= 0) return { participantId: participantOfKey(key), scheme }
    for (const [k, p] of this.ids.odd) if (p === pair) return { participantId: k.slice(k.indexOf('|') + 1), scheme }
    throw new RangeError(`no pair ${pair}`)
  }

  /** Makes room for `enrolments` and `lapses` more rows (a fold that knows its events' types). */
  reserve(enrolments: number, lapses: number): void {
    this.copied()
    for (const c of [this.enrPair, this.enrFrom, this.enrThrough, this.enrUnit, this.enrEvent]) c.reserve(enrolments)
    for (const c of [this.lapPair, this.lapDay, this.lapEvent]) c.reserve(lapses)
  }

  /** Folds a ParticipantEnrolled in; `ordinal` is the event's 0-based index in the history. */
  addEnrolment(data: ParticipantEnrolled, ordinal: number): void {
    this.addEnrolmentRow(
      data.participantId,
      SCHEME_INDEX[data.scheme],
      data.unit,
      dayOf(data.coveredFrom),
      data.coveredThrough == null ? OPEN_END : dayOf(data.coveredThrough),
      ordinal,
    )
  }

  /** Folds an enrolment given as values (day numbers; `through` OPEN_END: open-ended), e.g. from a line parser. */
  addEnrolmentRow(
    participantId: string,
    scheme: number,
    unitCode: string,
    from: number,
    through: number,
    ordinal: number,
  ): void {
    this.changing()
    this.enrPair.push(this.pairOf(participantId, scheme))
    this.enrFrom.push(from)
    this.enrThrough.push(through)
    const units = this.ids.units
    let unit = units.get(unitCode)
    if (unit === undefined) {
      unit = units.size
      units.set(unitCode, unit)
      this.ids.unitCodes.push(unitCode)
    }
    this.enrUnit.push(unit)
    this.enrEvent.push(ordinal)
  }

  /** Folds a ParticipantLapsed in (a lapse's position never breaks a tie: only its day matters). */
  addLapse(data: ParticipantLapsed, ordinal: number): void {
    this.addLapseRow(data.participantId, SCHEME_INDEX[data.scheme], dayOf(data.lapsedOn), ordinal)
  }

  /** Folds a lapse given as values. */
  addLapseRow(participantId: string, scheme: number, day: number, ordinal: number): void {
    this.changing()
    this.lapPair.push(this.pairOf(participantId, scheme))
    this.lapDay.push(day)
    this.lapEvent.push(ordinal)
  }

  /**
   * The rows whose event was recorded by the cut-off (`recordedAt[ordinal] ≤ knownAt`), as a new
   * index. When no id links are known and no rows came since this view's full build (which is
   * made now if there is none: every later cut-off reuses it), the copy is made lazily: questions
   * about units are answered from scoped indexes of the pairs enrolled in them (scoped-cut.ts),
   * and the rows are copied only when something reads them (or asks about the whole country).
   */
  knownAt(recordedAt: Float64Array, knownAt: number): Participation {
    this.copied()
    if (this.base === null && this.linkIds.length === 0 && this.enrPair.length > 0) this.index()
    const cut = new Participation(this.ids)
    const base = this.base
    const from: CutRows = {
      rows: {
        pair: this.enrPair.view(),
        from: this.enrFrom.view(),
        through: this.enrThrough.view(),
        unit: this.enrUnit.view(),
        lapPair: this.lapPair.view(),
        lapDay: this.lapDay.view(),
      },
      enrEvent: this.enrEvent.view(),
      lapEvent: this.lapEvent.view(),
      recordedAt,
      knownAt,
    }
    cut.pending = from
    if (
      base !== null &&
      this.overlay === null &&
      this.enrPair.length === this.baseEnrolments &&
      this.lapPair.length === this.baseLapses &&
      this.linkIds.length === 0
    ) {
      cut.source = { ...from, base }
      return cut
    }
    cut.copied()
    for (let i = 0; i < this.linkIds.length; i++) {
      const o = this.linkEvent.at(i)
      if (recordedAt[o]! <= knownAt) cut.addLink(this.linkIds[i]!, this.linkPersonal[i]!, o)
    }
    return cut
  }

  /** Before rows or links are added: a copy's rows are its own from now on, and no scope holds. */
  private changing(): void {
    this.copied()
    this.source = null
    this.scopes.length = 0
  }

  /** Copies the rows of a known-at copy made lazily (see {@link knownAt}); nothing otherwise. */
  private copied(): void {
    const pending = this.pending
    if (pending === null) return
    this.pending = null
    const { rows, enrEvent, lapEvent, recordedAt, knownAt } = pending
    let enrolments = 0,
      lapses = 0
    for (let i = 0; i < enrEvent.length; i++) if (recordedAt[enrEvent[i]!]! <= knownAt) enrolments++
    for (let i = 0; i < lapEvent.length; i++) if (recordedAt[lapEvent[i]!]! <= knownAt) lapses++
    // exact sizes: in a process holding a million events, growth garbage can cost a full collection
    this.reserve(enrolments, lapses)
    for (let i = 0; i < enrEvent.length; i++) {
      if (recordedAt[enrEvent[i]!]! <= knownAt) {
        this.enrPair.push(rows.pair[i]!)
        this.enrFrom.push(rows.from[i]!)
        this.enrThrough.push(rows.through[i]!)
        this.enrUnit.push(rows.unit[i]!)
        this.enrEvent.push(enrEvent[i]!)
      }
    }
    for (let i = 0; i < lapEvent.length; i++) {
      if (recordedAt[lapEvent[i]!]! <= knownAt) {
        this.lapPair.push(rows.lapPair[i]!)
        this.lapDay.push(rows.lapDay[i]!)
        this.lapEvent.push(lapEvent[i]!)
      }
    }
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
    }, units)
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
    }, units)
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
      const bit = yearEndBit(ix.yearEnds, laterDay)
      if (bit >= 0) {
        const y = ix.yearEnds
        if (units === null) return countUncoveredIn(ix.national, y.national, s, day, bit)
        let n = 0
        for (const code of units) {
          const id = this.ids.units.get(code)
          if (id !== undefined) n += countUncoveredIn(ix.byUnit, y.byUnit, id * 4 + s, day, bit)
        }
        return n
      }
      const index = notCoveredOn(ix, laterDay)
      if (units === null) return countIn(index.national, s, day)
      let n = 0
      for (const code of units) {
        const id = this.ids.units.get(code)
        if (id !== undefined) n += countIn(index.byUnit, id * 4 + s, day)
      }
      return n
    }, units)
  }

  /**
   * A count over the full build, corrected by the overlay of the pairs changed since; for a
   * known-at copy not yet copied, over the index of a scope holding `units` (null: everywhere,
   * which needs the copy's own full build).
   */
  private sum(count: (ix: Index) => number, units: readonly string[] | null): number {
    const scoped = units === null || this.source === null ? null : this.scoped(this.source, units)
    if (scoped !== null) return count(scoped)
    this.copied()
    const base = this.index()
    const overlay = this.overlay
    return overlay === null ? count(base) : count(base) + count(overlay.plus) - count(overlay.minus)
  }

  /** The index of a scope holding every one of `units` (built from the source when none does yet). */
  private scoped(source: CutSource, units: readonly string[]): Index {
    const numbers: number[] = []
    for (const code of units) {
      const id = this.ids.units.get(code)
      if (id !== undefined) numbers.push(id)
    }
    const scopes = this.scopes
    for (let i = scopes.length - 1; i >= 0; i--) {
      const scope = scopes[i]!
      if (numbers.every((u) => u < scope.units.length && scope.units[u] === 1)) {
        if (i !== scopes.length - 1) scopes.push(...scopes.splice(i, 1))
        return scope.index
      }
    }
    const marked = new Uint8Array(this.ids.unitCodes.length)
    for (const u of numbers) marked[u] = 1
    if (scopes.length >= SCOPES_CACHED) scopes.shift()
    const index = scopedIndex(source, numbers)
    scopes.push({ units: marked, index })
    return index
  }

  private pairOf(participantId: string, s: number): number {
    const ids = this.ids
    const next = ids.pairScheme.length
    const key = pairKeyOf(participantId, s)
    if (key >= 0) {
      const p = ids.table.intern(key, next)
      if (p === next) {
        ids.pairScheme.push(s)
        ids.pairKey.push(key)
      }
      return p
    }
    const oddKey = `${s}|${participantId}`
    const p = ids.odd.get(oddKey)
    if (p !== undefined) return p
    ids.odd.set(oddKey, next)
    ids.pairScheme.push(s)
    ids.pairKey.push(-1)
    return next
  }

  /**
   * The full build, brought up to date on the first query after appends: by an overlay of the
   * changed pairs while few rows were appended since the build, else by a full rebuild.
   */
  private index(): FullIndex {
    const enrolments = this.enrPair.length,
      lapses = this.lapPair.length
    // a new link can join pairs the build holds apart: rebuild in full
    if (this.base !== null && this.linkIds.length !== this.baseLinks) {
      this.base = null
      this.overlay = null
    }
    const base = this.base
    if (base !== null && enrolments === this.baseEnrolments && lapses === this.baseLapses) return base
    const unitKeys = this.ids.units.size * 4
    if (
      base !== null &&
      enrolments - this.baseEnrolments + lapses - this.baseLapses <= overlayLimit(this.baseEnrolments + this.baseLapses)
    ) {
      const o = this.overlay
      if (o === null || o.enrolments !== enrolments || o.lapses !== lapses) {
        this.overlay = buildOverlay(
          base,
          this.rows(),
          this.ids.pairScheme.view(),
          unitKeys,
          this.baseEnrolments,
          this.baseLapses,
        )
      }
      return base
    }
    return this.rebuild(unitKeys)
  }

  /**
   * A full build over every row, and what it rests on. The columns are fitted to their rows first
   * (the build reads every row anyway): a participation folded event by event then holds no more
   * than one restored or built at once.
   */
  private rebuild(unitKeys: number): FullIndex {
    for (const c of [
      this.enrPair,
      this.enrFrom,
      this.enrThrough,
      this.enrUnit,
      this.enrEvent,
      this.lapPair,
      this.lapDay,
      this.lapEvent,
      this.ids.pairScheme,
      this.ids.pairKey,
      ...this.fittedWith,
    ])
      c.fit()
    this.base = buildIndex(this.rows(), this.ids.pairScheme.view(), unitKeys)
    this.baseEnrolments = this.enrPair.length
    this.baseLapses = this.lapPair.length
    this.baseLinks = this.linkIds.length
    this.overlay = null
    return this.base
  }

  private rows(): Rows {
    const m = this.linkedPairs()
    return {
      pair: m === null ? this.enrPair.view() : m.enrPair,
      from: this.enrFrom.view(),
      through: this.enrThrough.view(),
      unit: this.enrUnit.view(),
      lapPair: m === null ? this.lapPair.view() : m.lapPair,
      lapDay: this.lapDay.view(),
    }
  }

  /**
   * The rows' pairs mapped to persons (null: no link known). Ids joined by links, directly or
   * through a chain of links recorded elsewhere, are one person; the person's pair for a scheme is
   * that of its first-linked 10-digit id. Computed once per change of rows or links.
   */
  private linkedPairs(): { enrPair: Int32Array; lapPair: Int32Array; pairOf: Int32Array } | null {
    const links = this.linkIds.length
    if (links === 0) return null
    const enrolments = this.enrPair.length,
      lapses = this.lapPair.length
    const m = this.mapped
    if (m !== null && m.enrolments === enrolments && m.lapses === lapses && m.links === links) return m
    // union-find over ids; the root is the first id of a link seen (the 10-digit one)
    const parent = new Map<string, string>()
    const find = (x: string): string => {
      let r = x
      while (parent.has(r) && parent.get(r) !== r) r = parent.get(r)!
      return r
    }
    for (let i = 0; i < links; i++) {
      const a = find(this.linkIds[i]!),
        b = find(this.linkPersonal[i]!)
      if (!parent.has(a)) parent.set(a, a)
      if (a !== b) parent.set(b, a)
    }
    // every id of a link gets its pairs for the four schemes, mapped to the root's
    const moves: [number, number][] = []
    for (const id of parent.keys()) {
      const root = find(id)
      if (root === id) continue
      for (let s = 0; s < 4; s++) moves.push([this.pairOf(id, s), this.pairOf(root, s)])
    }
    const pairOf = new Int32Array(this.ids.pairScheme.length)
    for (let p = 0; p < pairOf.length; p++) pairOf[p] = p
    for (const [from, to] of moves) pairOf[from] = to
    const enr = this.enrPair.view(),
      lap = this.lapPair.view()
    const enrPair = new Int32Array(enr.length),
      lapPair = new Int32Array(lap.length)
    for (let i = 0; i < enr.length; i++) enrPair[i] = pairOf[enr[i]!]!
    for (let i = 0; i < lap.length; i++) lapPair[i] = pairOf[lap[i]!]!
    this.mapped = { enrolments, lapses, links, enrPair, lapPair, pairOf }
    return this.mapped
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
