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

/**
 * The full build's rows laid out for scoped cuts, each column in the order it is read in, so a
 * scoped cut reads memory in sequence rather than at random (random reads of the history's columns
 * were nine tenths of a province-wide scope's cost): the pairs of the enrolment rows grouped by
 * unit; the recording instant, days and unit of each row in the full build's per-pair order; the
 * lapse days of each pair, sorted, with their instants. About 32 bytes per enrolment row and 12 per
 * lapse, made once per full build.
 */
interface Grouped {
  readonly unitOffsets: Int32Array
  /** The pair of each enrolment row, grouped by unit. */
  readonly unitPairs: Int32Array
  /** Aligned with the full build's `order`: each row's recording instant, days and unit. */
  readonly at: Float64Array
  readonly from: Int32Array
  readonly through: Int32Array
  readonly unit: Int32Array
  /** Lapses grouped by pair, sorted by day within a pair, and their recording instants. */
  readonly lapOffsets: Int32Array
  readonly lapDays: Int32Array
  readonly lapAt: Float64Array
  /** A pair's mark in the scope being collected (compared with {@link Grouped.stamp}). */
  readonly marks: Int32Array
  /** The pairs of the scope being collected (room for every pair). */
  readonly scratch: Int32Array
  stamp: number
}

/** The layout of each full build, made on the first scoped cut over it (a few passes over its rows). */
const groupings = new WeakMap<FullIndex, Grouped>()

const groupedOf = (s: CutSource): Grouped => {
  let g = groupings.get(s.base)
  if (g !== undefined) return g
  const { rows, base, recordedAt, enrEvent, lapEvent } = s
  const pairs = base.pairSeg.length - 1
  const byUnit = groupBy(rows.unit, rows.unit.length, base.unitKeys / 4)
  const unitPairs = new Int32Array(byUnit.order.length)
  for (let k = 0; k < unitPairs.length; k++) unitPairs[k] = rows.pair[byUnit.order[k]!]!
  const n = base.order.length
  const at = new Float64Array(n),
    from = new Int32Array(n),
    through = new Int32Array(n),
    unit = new Int32Array(n)
  for (let k = 0; k < n; k++) {
    const row = base.order[k]!
    at[k] = recordedAt[enrEvent[row]!]!
    from[k] = rows.from[row]!
    through[k] = rows.through[row]!
    unit[k] = rows.unit[row]!
  }
  const byPair = groupBy(rows.lapPair, rows.lapPair.length, pairs)
  const lapDays = new Int32Array(byPair.order.length)
  const lapAt = new Float64Array(byPair.order.length)
  for (let p = 0; p < pairs; p++) {
    const lo = byPair.offsets[p]!,
      hi = byPair.offsets[p + 1]!
    for (let k = lo; k < hi; k++) {
      // insertion by day: a pair has few lapses
      const row = byPair.order[k]!
      const day = rows.lapDay[row]!,
        t = recordedAt[lapEvent[row]!]!
      let j = k - 1
      while (j >= lo && lapDays[j]! > day) {
        lapDays[j + 1] = lapDays[j]!
        lapAt[j + 1] = lapAt[j]!
        j--
      }
      lapDays[j + 1] = day
      lapAt[j + 1] = t
    }
  }
  g = {
    unitOffsets: byUnit.offsets,
    unitPairs,
    at,
    from,
    through,
    unit,
    lapOffsets: byPair.offsets,
    lapDays,
    lapAt,
    marks: new Int32Array(pairs),
    scratch: new Int32Array(pairs),
    stamp: 0,
  }
  groupings.set(s.base, g)
  return g
}

/**
 * How many scoped cuts over a full build are made straight from its rows before its layout is
 * made: a one-off question about a few communes (a CLI process asks one) then costs a sequential
 * pass over the rows' units and the lapses' pairs, not the layout's passes at random over every
 * row (0.2 s for the seed store's 800 k rows); from the ninth on, or for a scope of more than an
 * eighth of the rows, the layout pays for itself.
 */
const DIRECT_CUTS = 8
const directCuts = new WeakMap<FullIndex, number>()

/**
 * {@link scopedIndex} without the layout, for a scope of at most `maxRows` enrolment rows (null for
 * a larger one): the same pairs in the same order, each painted from the same rows and lapse days,
 * so the same index.
 */
const directIndex = (s: CutSource, units: readonly number[], maxRows: number): Index | null => {
  const { rows, base, recordedAt, enrEvent, lapEvent, knownAt } = s
  const n = rows.unit.length
  const unitCount = base.unitKeys / 4
  // each asked unit's place among the asked units (the layout's path takes them in that order)
  const slot = new Int32Array(unitCount).fill(-1)
  let slots = 0
  for (const u of units) if (u < unitCount && slot[u] === -1) slot[u] = slots++
  const rowOffsets = new Int32Array(slots + 1)
  for (let i = 0; i < n; i++) {
    const k = slot[rows.unit[i]!]!
    if (k >= 0) rowOffsets[k + 1]!++
  }
  for (let k = 0; k < slots; k++) rowOffsets[k + 1]! += rowOffsets[k]!
  if (rowOffsets[slots]! > maxRows) return null
  const scopeRows = new Int32Array(rowOffsets[slots]!)
  const fill = rowOffsets.slice(0, slots)
  for (let i = 0; i < n; i++) {
    const k = slot[rows.unit[i]!]!
    if (k >= 0) scopeRows[fill[k]!++] = i
  }
  // the pairs of those rows, by asked unit then row; `local[p]` is 1 + the pair's place (0: not in scope)
  const local = new Int32Array(base.pairSeg.length - 1)
  const pairs: number[] = []
  for (let k = 0; k < scopeRows.length; k++) {
    const p = rows.pair[scopeRows[k]!]!
    if (local[p] === 0) local[p] = pairs.push(p)
  }
  const m = pairs.length
  // the lapse days known at the cut of each pair in scope, sorted
  const lapOffsets = new Int32Array(m + 1)
  for (let k = 0; k < rows.lapPair.length; k++) {
    const l = local[rows.lapPair[k]!]!
    if (l > 0 && recordedAt[lapEvent[k]!]! <= knownAt) lapOffsets[l]!++
  }
  for (let l = 0; l < m; l++) lapOffsets[l + 1]! += lapOffsets[l]!
  const lapDays = new Int32Array(lapOffsets[m]!)
  const lapFill = lapOffsets.slice(0, m)
  for (let k = 0; k < rows.lapPair.length; k++) {
    const l = local[rows.lapPair[k]!]!
    if (l > 0 && recordedAt[lapEvent[k]!]! <= knownAt) lapDays[lapFill[l - 1]!++] = rows.lapDay[k]!
  }
  for (let l = 0; l < m; l++) sortDays(lapDays, lapOffsets[l]!, lapOffsets[l + 1]!)
  // the pair's rows known then, in the full build's (coveredFrom, row) order
  return paintScope(base, pairs, m, rows, lapDays, lapOffsets, (lo, hi, order) => {
    let known = 0
    for (let k = lo; k < hi; k++) {
      const row = base.order[k]!
      if (recordedAt[enrEvent[row]!]! <= knownAt) order[known++] = row
    }
    return known
  })
}

/**
 * The index of the scope's pairs `pairs[0, m)`: each painted from the rows of `paint` that
 * `knownRows` puts in `order` (from the pair's range `[lo, hi)` of the full build's per-pair order,
 * returning how many) and from its known lapse days `lapDays[lapOffsets[l], lapOffsets[l + 1])`.
 */
const paintScope = (
  base: FullIndex,
  pairs: ArrayLike<number>,
  m: number,
  paint: Rows,
  lapDays: Int32Array,
  lapOffsets: Int32Array,
  knownRows: (lo: number, hi: number, order: Int32Array) => number,
): Index => {
  const pairScheme = new Int32Array(m)
  const pairSeg = new Int32Array(m + 1)
  const firstDay = new Int32Array(m)
  const firstUnit = new Int32Array(m).fill(-1)
  let order = new Int32Array(1024)
  const segments = new SegmentBuffer(m * 2)
  for (let l = 0; l < m; l++) {
    const p = pairs[l]!
    pairScheme[l] = base.pairScheme[p]!
    pairSeg[l] = segments.length
    const lo = base.offsets[p]!,
      hi = base.offsets[p + 1]!
    if (hi - lo > order.length) order = new Int32Array(2 * (hi - lo))
    const n = knownRows(lo, hi, order)
    if (n === 0) continue
    firstDay[l] = paint.from[order[0]!]!
    firstUnit[l] = paint.unit[order[0]!]!
    paintPair(segments, paint, order, 0, n, lapDays, lapOffsets[l]!, lapOffsets[l + 1]!)
  }
  pairSeg[m] = segments.length
  return assemble(segments, pairSeg, pairScheme, firstDay, firstUnit, base.unitKeys, base.yearEnds.firstYear, false)
}

/**
 * The index, as known at `s.knownAt`, of the pairs with an enrolment in one of `units` (unit
 * numbers): exact for every count in those units, and only in those. `path` picks how it is cut
 * (the tests compare both): straight from the rows, or from the layout; by default, from the rows
 * for the first {@link DIRECT_CUTS} scopes of at most an eighth of the rows, then from the layout.
 */
export const scopedIndex = (
  s: CutSource,
  units: readonly number[],
  path: 'chosen' | 'direct' | 'layout' = 'chosen',
): Index => {
  if (path === 'direct') return directIndex(s, units, Infinity)!
  if (path === 'chosen' && !groupings.has(s.base)) {
    const done = directCuts.get(s.base) ?? 0
    const direct = done < DIRECT_CUTS ? directIndex(s, units, s.rows.unit.length / 8) : null
    if (direct !== null) {
      directCuts.set(s.base, done + 1)
      return direct
    }
  }
  const g = groupedOf(s)
  const { base, knownAt } = s
  const { marks, scratch: pairs, unitOffsets, unitPairs, at, lapOffsets, lapDays, lapAt } = g
  const stamp = ++g.stamp
  let m = 0
  const unitCount = unitOffsets.length - 1
  for (const u of units) {
    if (u >= unitCount) continue
    for (let k = unitOffsets[u]!; k < unitOffsets[u + 1]!; k++) {
      const p = unitPairs[k]!
      if (marks[p] !== stamp) {
        marks[p] = stamp
        pairs[m++] = p
      }
    }
  }
  // each pair's lapses known then, still sorted by day
  const scopeLapOffsets = new Int32Array(m + 1)
  for (let l = 0; l < m; l++) {
    const p = pairs[l]!
    let z = 0
    for (let k = lapOffsets[p]!; k < lapOffsets[p + 1]!; k++) if (lapAt[k]! <= knownAt) z++
    scopeLapOffsets[l + 1] = scopeLapOffsets[l]! + z
  }
  const scopeLapDays = new Int32Array(scopeLapOffsets[m]!)
  for (let l = 0, z = 0; l < m; l++) {
    const p = pairs[l]!
    for (let k = lapOffsets[p]!; k < lapOffsets[p + 1]!; k++) if (lapAt[k]! <= knownAt) scopeLapDays[z++] = lapDays[k]!
  }
  // painting reads the laid-out columns: `order` holds positions in the full build's order
  const laidOut: Rows = { ...s.rows, from: g.from, through: g.through, unit: g.unit }
  return paintScope(base, pairs, m, laidOut, scopeLapDays, scopeLapOffsets, (lo, hi, order) => {
    let n = 0
    for (let k = lo; k < hi; k++) if (at[k]! <= knownAt) order[n++] = k
    return n
  })
}
