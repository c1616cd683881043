/**
 * The participation index. For each (participant, scheme) pair the enrolments and lapses fold into
 * a piecewise-constant timeline "day → unit the participant is counted in"; every query is then a
 * handful of binary searches over sorted segment starts and ends per (scheme, unit).
 *
 * Why it is equivalent to the spec: an enrolment covers d when coveredFrom ≤ d ≤ its effective
 * end = min(coveredThrough, (least lapsedOn > coveredFrom) − 1), and the counting enrolment on d is
 * the covering one with the greatest (coveredFrom, position). Painting the effective intervals in
 * increasing (coveredFrom, position) order, each over the previous ones, leaves exactly that winner
 * on every day. The segments of one pair are disjoint, so counting segments counts people.
 *
 * @module participation
 */
import type { ParticipantEnrolled, ParticipantLapsed, Scheme } from '@ansinh/core'
import { FloatColumn, IntColumn, countAtMost, countBelow, dayOf, groupByKey } from './columns.js'
import { Painter, sortRange } from './timeline.js'

/** The index of each scheme in pair keys (`pair = participant · 4 + scheme`). */
export const SCHEME_INDEX: Readonly<Record<Scheme, number>> = { voluntary: 0, compulsory: 1, health: 2, unemployment: 3 }

/** The day number standing for "no end" (an open-ended enrolment). */
const OPEN_END = 0x7fffffff

/** Segments grouped by key, with their starts and ends each sorted within a group. */
interface Partition {
  readonly offsets: Int32Array
  readonly starts: Int32Array
  readonly ends: Int32Array
}

/** First-enrolment days grouped by key, sorted within a group. */
interface FirstDays {
  readonly offsets: Int32Array
  readonly days: Int32Array
}

/** The segments whose person is not covered on a later day, indexed like all segments. */
interface NotCoveredOn {
  readonly byUnit: Partition
  readonly national: Partition
}

/** How many later days (31 Decembers) keep their own index of segments not covered then. */
const LATER_DAYS_CACHED = 4

interface Built {
  readonly pairSegOffsets: Int32Array
  readonly segUnit: Int32Array
  readonly unitKeys: number
  readonly notCoveredOn: Map<number, NotCoveredOn>
  readonly segStart: Int32Array
  readonly segEnd: Int32Array
  readonly segPair: Int32Array
  readonly byUnit: Partition
  readonly national: Partition
  readonly firstByUnit: FirstDays
  readonly firstNational: FirstDays
}

/** Enrolments and lapses of every participant, and the indexes answering participation queries. */
export class Participation {
  private readonly participantIds = new Map<string, number>()
  private readonly unitIds = new Map<string, number>()
  private readonly enrPair = new IntColumn()
  private readonly enrFrom = new IntColumn()
  private readonly enrThrough = new IntColumn()
  private readonly enrUnit = new IntColumn()
  private readonly enrPosition = new FloatColumn()
  private readonly lapPair = new IntColumn()
  private readonly lapDay = new IntColumn()
  private built: Built | null = null

  /** Folds a ParticipantEnrolled in. */
  addEnrolment(data: ParticipantEnrolled, position: number): void {
    this.enrPair.push(this.pairOf(data.participantId, data.scheme))
    this.enrFrom.push(dayOf(data.coveredFrom))
    this.enrThrough.push(data.coveredThrough == null ? OPEN_END : dayOf(data.coveredThrough))
    let unit = this.unitIds.get(data.unit)
    if (unit === undefined) {
      unit = this.unitIds.size
      this.unitIds.set(data.unit, unit)
    }
    this.enrUnit.push(unit)
    this.enrPosition.push(position)
    this.built = null
  }

  /** Folds a ParticipantLapsed in. */
  addLapse(data: ParticipantLapsed, position: number): void {
    void position // a lapse's position never breaks a tie: only its day matters
    this.lapPair.push(this.pairOf(data.participantId, data.scheme))
    this.lapDay.push(dayOf(data.lapsedOn))
    this.built = null
  }

  /** participants(U, s, d): people covered under s on `day` and counted in one of `units` (null: anywhere). */
  participants(units: readonly string[] | null, scheme: Scheme, day: number): number {
    const b = this.index()
    const s = SCHEME_INDEX[scheme]
    if (units === null) return countIn(b.national, s, day)
    let n = 0
    for (const code of units) {
      const id = this.unitIds.get(code)
      if (id !== undefined) n += countIn(b.byUnit, id * 4 + s, day)
    }
    return n
  }

  /** People whose first enrolment under s starts within [fromDay, toDay] in one of `units` (null: anywhere). */
  newInRange(units: readonly string[] | null, scheme: Scheme, fromDay: number, toDay: number): number {
    if (toDay < fromDay) return 0
    const b = this.index()
    const s = SCHEME_INDEX[scheme]
    const within = (f: FirstDays, key: number): number => {
      const lo = f.offsets[key]!, hi = f.offsets[key + 1]!
      return countAtMost(f.days, lo, hi, toDay) - countBelow(f.days, lo, hi, fromDay)
    }
    if (units === null) return within(b.firstNational, s)
    let n = 0
    for (const code of units) {
      const id = this.unitIds.get(code)
      if (id !== undefined) n += within(b.firstByUnit, id * 4 + s)
    }
    return n
  }

  /**
   * People counted in one of `units` (null: anywhere) on `day` who are not covered under s on
   * `laterDay`. The segments of people not covered on `laterDay` get their own sorted index the
   * first time that day is asked for (a report asks for few: the 31 Decembers of plan years), so
   * the count is binary searches like {@link participants}.
   */
  notCoveredLater(units: readonly string[] | null, scheme: Scheme, day: number, laterDay: number): number {
    const b = this.index()
    let index = b.notCoveredOn.get(laterDay)
    if (index === undefined) {
      index = notCoveredIndex(b, laterDay)
      if (b.notCoveredOn.size >= LATER_DAYS_CACHED) b.notCoveredOn.delete(b.notCoveredOn.keys().next().value!)
      b.notCoveredOn.set(laterDay, index)
    }
    const s = SCHEME_INDEX[scheme]
    if (units === null) return countIn(index.national, s, day)
    let n = 0
    for (const code of units) {
      const id = this.unitIds.get(code)
      if (id !== undefined) n += countIn(index.byUnit, id * 4 + s, day)
    }
    return n
  }

  private pairOf(participantId: string, scheme: Scheme): number {
    let p = this.participantIds.get(participantId)
    if (p === undefined) {
      p = this.participantIds.size
      this.participantIds.set(participantId, p)
    }
    return p * 4 + SCHEME_INDEX[scheme]
  }

  /** The indexes, rebuilt lazily after events were folded in since the last query. */
  private index(): Built {
    if (this.built === null) this.built = this.build()
    return this.built
  }

  private build(): Built {
    const pairs = this.participantIds.size * 4
    const enrPair = this.enrPair.view(), from = this.enrFrom.view(), through = this.enrThrough.view()
    const unit = this.enrUnit.view(), position = this.enrPosition
    const enr = groupByKey(enrPair.length, pairs, (i) => enrPair[i]!)
    const lapPair = this.lapPair.view(), lapDay = this.lapDay.view()
    const lap = groupByKey(lapPair.length, pairs, (i) => lapPair[i]!)
    const lapDays = new Int32Array(lap.order.length)
    for (let k = 0; k < lapDays.length; k++) lapDays[k] = lapDay[lap.order[k]!]!
    for (let p = 0; p < pairs; p++) if (lap.offsets[p + 1]! - lap.offsets[p]! > 1) lapDays.subarray(lap.offsets[p]!, lap.offsets[p + 1]!).sort()

    const segStart = new IntColumn(), segEnd = new IntColumn(), segUnit = new IntColumn(), segPair = new IntColumn()
    const pairSegOffsets = new Int32Array(pairs + 1)
    const firstDay = new Int32Array(pairs)
    const firstUnit = new Int32Array(pairs).fill(-1)
    const painter = new Painter()
    const before = (i: number, j: number): boolean => from[i]! < from[j]! || (from[i] === from[j] && position.at(i) < position.at(j))
    for (let p = 0; p < pairs; p++) {
      pairSegOffsets[p] = segStart.length
      const lo = enr.offsets[p]!, hi = enr.offsets[p + 1]!
      if (lo === hi) continue
      sortRange(enr.order, lo, hi, before)
      firstDay[p] = from[enr.order[lo]!]!
      firstUnit[p] = unit[enr.order[lo]!]!
      const llo = lap.offsets[p]!, lhi = lap.offsets[p + 1]!
      painter.clear()
      for (let k = lo; k < hi; k++) {
        const i = enr.order[k]!
        const a = from[i]!
        let b = through[i]!
        const cut = llo + countAtMost(lapDays, llo, lhi, a)
        if (cut < lhi) b = Math.min(b, lapDays[cut]! - 1)
        if (b >= a) painter.paint(a, b, unit[i]!)
      }
      painter.emit((a, b, u) => {
        segStart.push(a)
        segEnd.push(b)
        segUnit.push(u)
        segPair.push(p)
      })
    }
    pairSegOffsets[pairs] = segStart.length

    const starts = segStart.view(), ends = segEnd.view(), units = segUnit.view(), owners = segPair.view()
    const unitKeys = this.unitIds.size * 4
    const firstUnitKey = (p: number): number => (firstUnit[p]! < 0 ? unitKeys : firstUnit[p]! * 4 + (p & 3))
    const firstNationalKey = (p: number): number => (firstUnit[p]! < 0 ? 4 : p & 3)
    return {
      pairSegOffsets,
      segStart: starts,
      segEnd: ends,
      segPair: owners,
      segUnit: units,
      unitKeys,
      notCoveredOn: new Map(),
      byUnit: partition(unitKeys, starts, ends, (i) => units[i]! * 4 + (owners[i]! & 3)),
      national: partition(4, starts, ends, (i) => owners[i]! & 3),
      firstByUnit: firstDays(unitKeys, firstDay, firstUnitKey),
      firstNational: firstDays(4, firstDay, firstNationalKey),
    }
  }
}

const countIn = (p: Partition, key: number, day: number): number => {
  const lo = p.offsets[key]!, hi = p.offsets[key + 1]!
  return countAtMost(p.starts, lo, hi, day) - countBelow(p.ends, lo, hi, day)
}

/** Whether pair `p` is covered (in any unit) on `day`: a binary search over its own segments. */
const coveredOn = (b: Built, p: number, day: number): boolean => {
  const lo = b.pairSegOffsets[p]!, hi = b.pairSegOffsets[p + 1]!
  const k = countAtMost(b.segStart, lo, hi, day)
  return k > 0 && b.segEnd[lo + k - 1]! >= day
}

/** The segments of people not covered on `laterDay`, indexed by unit and nationally. */
const notCoveredIndex = (b: Built, laterDay: number): NotCoveredOn => {
  const pairs = b.pairSegOffsets.length - 1
  const covered = new Uint8Array(pairs)
  for (let p = 0; p < pairs; p++) if (coveredOn(b, p, laterDay)) covered[p] = 1
  const keep = (i: number): boolean => covered[b.segPair[i]!] === 0
  return {
    byUnit: partition(b.unitKeys, b.segStart, b.segEnd, (i) => (keep(i) ? b.segUnit[i]! * 4 + (b.segPair[i]! & 3) : b.unitKeys)),
    national: partition(4, b.segStart, b.segEnd, (i) => (keep(i) ? b.segPair[i]! & 3 : 4)),
  }
}

/**
 * Groups segments by key and sorts starts and ends within each group. `keyOf` may return `keys`
 * itself to leave a segment out (it lands in a last group that no query reads).
 */
const partition = (keys: number, starts: Int32Array, ends: Int32Array, keyOf: (i: number) => number): Partition => {
  const { offsets, order } = groupByKey(starts.length, keys + 1, keyOf)
  const s = new Int32Array(order.length), e = new Int32Array(order.length)
  for (let k = 0; k < order.length; k++) {
    s[k] = starts[order[k]!]!
    e[k] = ends[order[k]!]!
  }
  for (let key = 0; key < keys; key++) {
    const lo = offsets[key]!, hi = offsets[key + 1]!
    if (hi - lo > 1) {
      s.subarray(lo, hi).sort()
      e.subarray(lo, hi).sort()
    }
  }
  return { offsets, starts: s, ends: e }
}

/** Groups first-enrolment days by key; the extra key `keys` collects pairs without enrolment. */
const firstDays = (keys: number, days: Int32Array, keyOf: (p: number) => number): FirstDays => {
  const { offsets, order } = groupByKey(days.length, keys + 1, keyOf)
  const sorted = new Int32Array(order.length)
  for (let k = 0; k < order.length; k++) sorted[k] = days[order[k]!]!
  for (let key = 0; key < keys; key++) {
    if (offsets[key + 1]! - offsets[key]! > 1) sorted.subarray(offsets[key]!, offsets[key + 1]!).sort()
  }
  return { offsets, days: sorted }
}
