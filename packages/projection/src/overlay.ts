/**
 * Incremental participation indexes. After a full build, events appended later change only the
 * timelines of the pairs they name; instead of rebuilding everything on the next query, those pairs
 * get a small overlay: their old timelines (`minus`, copied from the full build) and their new ones
 * (`plus`, repainted from the full build's rows plus the new rows). Every count is linear in
 * segments, so a figure is base + plus − minus. Past a limit of new rows a full rebuild is cheaper.
 *
 * @module overlay
 */
import { type FullIndex, type Index, assemble } from './participation-index.js'
import { type Rows, SegmentBuffer, paintPair, sortByFrom, sortDays } from './segments.js'

/** The pairs changed since a full build: their timelines then (minus) and now (plus). */
export interface Overlay {
  /** How many enrolment and lapse rows the overlay accounts for. */
  readonly enrolments: number
  readonly lapses: number
  readonly plus: Index
  readonly minus: Index
}

/**
 * How many rows appended since a full build an overlay takes before a full rebuild is due: an
 * overlay is rebuilt on each query after an append, so it must stay small beside the history
 * (about √rows keeps both the overlay and the amortised rebuild cheap).
 */
export const overlayLimit = (rows: number): number => 1024 + 8 * Math.sqrt(rows)

/** The overlay of the rows at and after `baseEnrolments` / `baseLapses` over the full build `base`. */
export const buildOverlay = (
  base: FullIndex,
  rows: Rows,
  pairScheme: Int32Array,
  unitKeys: number,
  baseEnrolments: number,
  baseLapses: number,
): Overlay => {
  const basePairs = base.pairSeg.length - 1
  const local = new Map<number, number>()
  const dirty: number[] = [],
    newEnrolments: number[][] = [],
    newLapses: number[][] = []
  const localOf = (p: number): number => {
    let l = local.get(p)
    if (l === undefined) {
      l = dirty.length
      local.set(p, l)
      dirty.push(p)
      newEnrolments.push([])
      newLapses.push([])
    }
    return l
  }
  for (let i = baseEnrolments; i < rows.pair.length; i++) newEnrolments[localOf(rows.pair[i]!)]!.push(i)
  for (let i = baseLapses; i < rows.lapPair.length; i++) newLapses[localOf(rows.lapPair[i]!)]!.push(rows.lapDay[i]!)

  const m = dirty.length
  const scheme = new Int32Array(m)
  const minus = new SegmentBuffer(16),
    minusSeg = new Int32Array(m + 1),
    minusDay = new Int32Array(m),
    minusUnit = new Int32Array(m).fill(-1)
  const plus = new SegmentBuffer(16),
    plusSeg = new Int32Array(m + 1),
    plusDay = new Int32Array(m),
    plusUnit = new Int32Array(m).fill(-1)
  for (let l = 0; l < m; l++) {
    const p = dirty[l]!
    scheme[l] = pairScheme[p]!
    minusSeg[l] = minus.length
    plusSeg[l] = plus.length
    const known = p < basePairs
    if (known) {
      for (let i = base.pairSeg[p]!; i < base.pairSeg[p + 1]!; i++)
        minus.add(base.segments.start[i]!, base.segments.end[i]!, base.segments.unit[i]!)
      minusDay[l] = base.firstDay[p]!
      minusUnit[l] = base.firstUnit[p]!
    }
    // the pair's rows then and now: the full build's (sorted) followed by the new ones, in row order
    const lo = known ? base.offsets[p]! : 0,
      hi = known ? base.offsets[p + 1]! : 0
    const added = newEnrolments[l]!
    const order = new Int32Array(hi - lo + added.length)
    order.set(base.order.subarray(lo, hi))
    for (let k = 0; k < added.length; k++) order[hi - lo + k] = added[k]!
    sortByFrom(order, 0, order.length, rows.from)
    const llo = known ? base.lapOffsets[p]! : 0,
      lhi = known ? base.lapOffsets[p + 1]! : 0
    const lapsed = newLapses[l]!
    const laps = new Int32Array(lhi - llo + lapsed.length)
    laps.set(base.laps.subarray(llo, lhi))
    for (let k = 0; k < lapsed.length; k++) laps[lhi - llo + k] = lapsed[k]!
    sortDays(laps, 0, laps.length)
    if (order.length > 0) {
      plusDay[l] = rows.from[order[0]!]!
      plusUnit[l] = rows.unit[order[0]!]!
      paintPair(plus, rows, order, 0, order.length, laps, 0, laps.length)
    }
  }
  minusSeg[m] = minus.length
  plusSeg[m] = plus.length
  return {
    enrolments: rows.pair.length,
    lapses: rows.lapPair.length,
    plus: assemble(plus, plusSeg, scheme, plusDay, plusUnit, unitKeys, base.yearEnds.firstYear),
    minus: assemble(minus, minusSeg, scheme, minusDay, minusUnit, unitKeys, base.yearEnds.firstYear),
  }
}
