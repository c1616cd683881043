/**
 * Known-at questions about a few units without a pass over the whole history. A known-at view
 * keeps only the rows recorded by its cut-off, and its index used to be built over every pair on
 * its first question: seconds at a province's scale, for a question about one commune. A pair's
 * timeline at any cut-off is painted from its own rows only, and its segments lie in units its
 * enrolments name; so the timelines of the pairs with an enrolment in the asked units, painted from
 * their rows known at the cut-off, answer every count in those units exactly. The full build
 * already holds each pair's rows sorted by (coveredFrom, row): filtering them by recording instant
 * keeps that order, so painting needs no sort.
 *
 * @module scoped-cut
 */
import { type FullIndex, type Index, assemble } from './participation-index.js'
import { type Rows, SegmentBuffer, groupBy, paintPair, sortDays } from './segments.js'

/** The rows a known-at copy is cut from, captured at the cut, and the cut-off. */
export interface CutRows {
  /** The full view's rows (views: rows appended later are past their length). */
  readonly rows: Rows
  readonly enrEvent: Int32Array
  readonly lapEvent: Int32Array
  /** Recording instants by ordinal (epoch ms), and the cut-off. */
  readonly recordedAt: Float64Array
  readonly knownAt: number
}

/** What a scoped cut reads: the rows, and the full build over exactly those rows. */
export interface CutSource extends CutRows {
  readonly base: FullIndex
}

/** The full build's rows grouped for scoped cuts: enrolment rows by unit, lapse rows by pair. */
interface Grouped {
  readonly unitOffsets: Int32Array
  readonly unitRows: Int32Array
  readonly lapOffsets: Int32Array
  readonly lapRows: Int32Array
  /** A pair's mark in the scope being collected (compared with {@link Grouped.stamp}). */
  readonly marks: Int32Array
  stamp: number
}

/** The grouping of each full build, made on the first scoped cut over it (one pass over its rows). */
const groupings = new WeakMap<FullIndex, Grouped>()

const groupedOf = (s: CutSource): Grouped => {
  let g = groupings.get(s.base)
  if (g === undefined) {
    const pairs = s.base.pairSeg.length - 1
    const byUnit = groupBy(s.rows.unit, s.rows.unit.length, s.base.unitKeys / 4)
    const byPair = groupBy(s.rows.lapPair, s.rows.lapPair.length, pairs)
    g = {
      unitOffsets: byUnit.offsets,
      unitRows: byUnit.order,
      lapOffsets: byPair.offsets,
      lapRows: byPair.order,
      marks: new Int32Array(pairs),
      stamp: 0,
    }
    groupings.set(s.base, g)
  }
  return g
}

/**
 * The index, as known at `s.knownAt`, of the pairs with an enrolment in one of `units` (unit
 * numbers): exact for every count in those units, and only in those.
 */
export const scopedIndex = (s: CutSource, units: readonly number[]): Index => {
  const g = groupedOf(s)
  const { rows, base, recordedAt, knownAt, enrEvent, lapEvent } = s
  const stamp = ++g.stamp
  const pairs: number[] = []
  const unitCount = g.unitOffsets.length - 1
  for (const u of units) {
    if (u >= unitCount) continue
    for (let k = g.unitOffsets[u]!; k < g.unitOffsets[u + 1]!; k++) {
      const p = rows.pair[g.unitRows[k]!]!
      if (g.marks[p] !== stamp) {
        g.marks[p] = stamp
        pairs.push(p)
      }
    }
  }
  const m = pairs.length
  const pairScheme = new Int32Array(m)
  const pairSeg = new Int32Array(m + 1)
  const firstDay = new Int32Array(m)
  const firstUnit = new Int32Array(m).fill(-1)
  let order = new Int32Array(1024)
  let laps = new Int32Array(64)
  const segments = new SegmentBuffer(m * 2)
  for (let l = 0; l < m; l++) {
    const p = pairs[l]!
    pairScheme[l] = base.pairScheme[p]!
    pairSeg[l] = segments.length
    // the pair's enrolments known then, still sorted by (coveredFrom, row)
    const lo = base.offsets[p]!,
      hi = base.offsets[p + 1]!
    if (hi - lo > order.length) order = new Int32Array(2 * (hi - lo))
    let n = 0
    for (let k = lo; k < hi; k++) {
      const row = base.order[k]!
      if (recordedAt[enrEvent[row]!]! <= knownAt) order[n++] = row
    }
    if (n === 0) continue
    const llo = g.lapOffsets[p]!,
      lhi = g.lapOffsets[p + 1]!
    if (lhi - llo > laps.length) laps = new Int32Array(2 * (lhi - llo))
    let z = 0
    for (let k = llo; k < lhi; k++) {
      const row = g.lapRows[k]!
      if (recordedAt[lapEvent[row]!]! <= knownAt) laps[z++] = rows.lapDay[row]!
    }
    if (z > 1) sortDays(laps, 0, z)
    firstDay[l] = rows.from[order[0]!]!
    firstUnit[l] = rows.unit[order[0]!]!
    paintPair(segments, rows, order, 0, n, laps, 0, z)
  }
  pairSeg[m] = segments.length
  return assemble(segments, pairSeg, pairScheme, firstDay, firstUnit, base.unitKeys, base.yearEnds.firstYear, false)
}
