/**
 * The sorted arrays behind participation queries, built from the enrolment and lapse columns:
 * segments per pair, then segment starts and ends grouped by (unit, scheme) and by scheme, each
 * group sorted, so "covered on d" counts are (starts ≤ d) − (ends < d). The build allocates few
 * and flat arrays: in a process holding a million event objects every large allocation wave can
 * cost a full garbage collection.
 *
 * @module participation-index
 */
import { civilToDays, fromDayNumber } from '@ansinh/core'
import { countAtMost, countBelow } from './columns.js'
import { type Masks, type YearEnds, YEAR_ENDS, pairMasks, ranksOf } from './year-ends.js'
import { type Rows, SegmentBuffer, groupBy, paintPair, sortByFrom, sortDays } from './segments.js'

/** Values grouped by key, each group sorted; keys the index does not know count nothing. */
export interface Partition {
  readonly offsets: Int32Array
  readonly starts: Int32Array
  readonly ends: Int32Array
}

/** First-enrolment days grouped by key, sorted within a group. */
export interface FirstDays {
  readonly offsets: Int32Array
  readonly days: Int32Array
}

/** The segments whose person is not covered on a later day, indexed like all segments. */
export interface NotCoveredOn {
  readonly byUnit: Partition
  readonly national: Partition
}

/**
 * Everything a participation query reads, over a set of pairs: all pairs for a full build, or the
 * few pairs an overlay replaces (then `pairScheme`, `firstDay` and `firstUnit` are indexed by the
 * overlay's own numbering).
 */
export interface Index {
  /** Segments of pair p: [pairSeg[p], pairSeg[p + 1]). */
  readonly pairSeg: Int32Array
  /** The scheme index of each pair. */
  readonly pairScheme: Int32Array
  /** Each pair's first coveredFrom and the unit of that enrolment (-1: the pair has none). */
  readonly firstDay: Int32Array
  readonly firstUnit: Int32Array
  readonly segments: SegmentBuffer
  /** Keys (unit · 4 + scheme) of the byUnit partitions. */
  readonly unitKeys: number
  readonly byUnit: Partition
  readonly national: Partition
  readonly firstByUnit: FirstDays
  readonly firstNational: FirstDays
  readonly yearEnds: YearEnds
  /** Indexes of "not covered on" days outside {@link yearEnds}, built on demand. */
  readonly notCoveredOn: Map<number, NotCoveredOn>
}

/** A full build: the index, and the rows grouped by pair that an overlay re-reads. */
export interface FullIndex extends Index {
  /** Enrolment rows of pair p, sorted by (coveredFrom, row): order[offsets[p], offsets[p + 1]). */
  readonly order: Int32Array
  readonly offsets: Int32Array
  /** Lapse days of pair p, sorted: laps[lapOffsets[p], lapOffsets[p + 1]). */
  readonly laps: Int32Array
  readonly lapOffsets: Int32Array
}

/** Builds the index of `rows` for the pairs of `pairScheme` and `unitKeys` (unit, scheme) keys. */
export const buildIndex = (rows: Rows, pairScheme: Int32Array, unitKeys: number): FullIndex => {
  let minFrom = 0x7fffffff
  for (let i = 0; i < rows.from.length; i++) if (rows.from[i]! < minFrom) minFrom = rows.from[i]!
  const firstYear = rows.from.length === 0 ? 2000 : +fromDayNumber(minFrom).slice(0, 4)
  const pairs = pairScheme.length
  const { order, offsets } = groupBy(rows.pair, rows.pair.length, pairs)
  const lap = groupBy(rows.lapPair, rows.lapPair.length, pairs)
  const laps = new Int32Array(lap.order.length)
  for (let k = 0; k < laps.length; k++) laps[k] = rows.lapDay[lap.order[k]!]!

  const segments = new SegmentBuffer(rows.pair.length + 16)
  const pairSeg = new Int32Array(pairs + 1)
  // first enrolment of each pair (least coveredFrom, ties: earliest position); -1: none
  const firstDay = new Int32Array(pairs)
  const firstUnit = new Int32Array(pairs).fill(-1)
  for (let p = 0; p < pairs; p++) {
    pairSeg[p] = segments.length
    const lo = offsets[p]!,
      hi = offsets[p + 1]!
    if (lo === hi) continue
    if (hi - lo > 1) sortByFrom(order, lo, hi, rows.from)
    const llo = lap.offsets[p]!,
      lhi = lap.offsets[p + 1]!
    if (lhi - llo > 1) sortDays(laps, llo, lhi)
    firstDay[p] = rows.from[order[lo]!]!
    firstUnit[p] = rows.unit[order[lo]!]!
    paintPair(segments, rows, order, lo, hi, laps, llo, lhi)
  }
  pairSeg[pairs] = segments.length
  return {
    ...assemble(segments, pairSeg, pairScheme, firstDay, firstUnit, unitKeys, firstYear),
    order,
    offsets,
    laps,
    lapOffsets: lap.offsets,
  }
}

/** Year ends no day is (an index without masks answers every later day from {@link notCoveredIndex}). */
const NO_YEAR_ENDS = new Int32Array(YEAR_ENDS).fill(-0x80000000)

const NO_MASKS: Masks = {
  startMask: new Uint16Array(0),
  endMask: new Uint16Array(0),
  startRank: new Int32Array(0),
  endRank: new Int32Array(0),
}

/**
 * The partitions of painted segments and first enrolments. `yearEnds: false` leaves out the
 * year-end masks (sorting with them costs more than the rest): for an index asked a few
 * questions, which builds the index of the one year end a plan question asks instead.
 */
export const assemble = (
  segments: SegmentBuffer,
  pairSeg: Int32Array,
  pairScheme: Int32Array,
  firstDay: Int32Array,
  firstUnit: Int32Array,
  unitKeys: number,
  firstYear: number,
  yearEnds = true,
): Index => {
  const built = { pairSeg, pairScheme, segments }
  const days = yearEnds ? new Int32Array(YEAR_ENDS) : NO_YEAR_ENDS
  if (yearEnds) for (let k = 0; k < YEAR_ENDS; k++) days[k] = civilToDays(firstYear + k, 12, 31)
  const masks = yearEnds ? pairMasks(segments, pairSeg, days) : null
  const byUnit = partition(built, unitKeys, true, null, masks)
  const national = partition(built, 4, false, null, masks)
  return {
    pairSeg,
    pairScheme,
    firstDay,
    firstUnit,
    segments,
    unitKeys,
    byUnit: byUnit.partition,
    national: national.partition,
    firstByUnit: firstDays(firstDay, firstUnit, pairScheme, unitKeys, true),
    firstNational: firstDays(firstDay, firstUnit, pairScheme, 4, false),
    yearEnds: { firstYear, days, byUnit: byUnit.masks ?? NO_MASKS, national: national.masks ?? NO_MASKS },
    notCoveredOn: new Map(),
  }
}

/** How many segments of group `key` cover `day` (0 for a key the index does not know). */
export const countIn = (p: Partition, key: number, day: number): number => {
  if (key + 1 >= p.offsets.length) return 0
  const lo = p.offsets[key]!,
    hi = p.offsets[key + 1]!
  return countAtMost(p.starts, lo, hi, day) - countBelow(p.ends, lo, hi, day)
}

/** How many first days of group `key` fall within [fromDay, toDay]. */
export const withinFirst = (f: FirstDays, key: number, fromDay: number, toDay: number): number => {
  if (key + 1 >= f.offsets.length) return 0
  const lo = f.offsets[key]!,
    hi = f.offsets[key + 1]!
  return countAtMost(f.days, lo, hi, toDay) - countBelow(f.days, lo, hi, fromDay)
}

/** The segments of people not covered on `laterDay`, indexed by unit and nationally. */
export const notCoveredIndex = (b: Index, laterDay: number): NotCoveredOn => {
  const { segments, pairSeg } = b
  const pairs = pairSeg.length - 1
  const covered = new Uint8Array(pairs)
  for (let p = 0; p < pairs; p++) {
    const lo = pairSeg[p]!,
      hi = pairSeg[p + 1]!
    const k = countAtMost(segments.start, lo, hi, laterDay)
    if (k > 0 && segments.end[lo + k - 1]! >= laterDay) covered[p] = 1
  }
  return {
    byUnit: partition(b, b.unitKeys, true, covered, null).partition,
    national: partition(b, 4, false, covered, null).partition,
  }
}

/**
 * Groups the segments by (unit, scheme) (`byUnit`) or by scheme, leaving out the pairs marked in
 * `skip`, and sorts starts and ends within each group: a counting sort straight into place. With
 * `pairMask`, each start and end carries its pair's year-end mask (sorted along, packed as
 * `day · 65536 + mask` in a double).
 */
const partition = (
  b: Pick<Index, 'pairSeg' | 'pairScheme' | 'segments'>,
  keys: number,
  byUnit: boolean,
  skip: Uint8Array | null,
  pairMask: Uint16Array | null,
): { partition: Partition; masks: Masks | null } => {
  const { pairSeg, pairScheme, segments } = b
  const { start, end, unit } = segments
  const pairs = pairSeg.length - 1
  const offsets = new Int32Array(keys + 1)
  for (let p = 0; p < pairs; p++) {
    if (skip !== null && skip[p] === 1) continue
    const s = pairScheme[p]!
    for (let i = pairSeg[p]!; i < pairSeg[p + 1]!; i++) offsets[(byUnit ? unit[i]! * 4 + s : s) + 1]!++
  }
  for (let k = 0; k < keys; k++) offsets[k + 1]! += offsets[k]!
  const n = offsets[keys]!
  const starts = new Int32Array(n),
    ends = new Int32Array(n)
  const next = offsets.slice(0, keys)
  if (pairMask !== null)
    return {
      partition: { offsets, starts, ends },
      masks: masked(b, keys, byUnit, pairMask, offsets, next, starts, ends),
    }
  for (let p = 0; p < pairs; p++) {
    if (skip !== null && skip[p] === 1) continue
    const s = pairScheme[p]!
    for (let i = pairSeg[p]!; i < pairSeg[p + 1]!; i++) {
      const at = next[byUnit ? unit[i]! * 4 + s : s]!++
      starts[at] = start[i]!
      ends[at] = end[i]!
    }
  }
  for (let k = 0; k < keys; k++) {
    const lo = offsets[k]!,
      hi = offsets[k + 1]!
    if (hi - lo > 1) {
      sortDays(starts, lo, hi)
      sortDays(ends, lo, hi)
    }
  }
  return { partition: { offsets, starts, ends }, masks: null }
}

/** Fills `starts` and `ends` (grouped by `next`) sorted with their pairs' masks alongside. */
const masked = (
  b: Pick<Index, 'pairSeg' | 'pairScheme' | 'segments'>,
  keys: number,
  byUnit: boolean,
  pairMask: Uint16Array,
  offsets: Int32Array,
  next: Int32Array,
  starts: Int32Array,
  ends: Int32Array,
): Masks => {
  const { pairSeg, pairScheme, segments } = b
  const { start, end, unit } = segments
  const pairs = pairSeg.length - 1
  const n = starts.length
  const ps = new Float64Array(n),
    pe = new Float64Array(n)
  for (let p = 0; p < pairs; p++) {
    const s = pairScheme[p]!,
      m = pairMask[p]!
    for (let i = pairSeg[p]!; i < pairSeg[p + 1]!; i++) {
      const at = next[byUnit ? unit[i]! * 4 + s : s]!++
      ps[at] = start[i]! * 65536 + m
      pe[at] = end[i]! * 65536 + m
    }
  }
  for (let k = 0; k < keys; k++) {
    const lo = offsets[k]!,
      hi = offsets[k + 1]!
    if (hi - lo > 1) {
      ps.subarray(lo, hi).sort()
      pe.subarray(lo, hi).sort()
    }
  }
  const startMask = new Uint16Array(n),
    endMask = new Uint16Array(n)
  for (let i = 0; i < n; i++) {
    const a = Math.floor(ps[i]! / 65536),
      z = Math.floor(pe[i]! / 65536)
    starts[i] = a
    startMask[i] = ps[i]! - a * 65536
    ends[i] = z
    endMask[i] = pe[i]! - z * 65536
  }
  return { startMask, endMask, startRank: ranksOf(startMask), endRank: ranksOf(endMask) }
}

/** Groups the first-enrolment days by (unit, scheme) (`byUnit`) or by scheme, sorted within a group. */
const firstDays = (
  firstDay: Int32Array,
  firstUnit: Int32Array,
  scheme: Int32Array,
  keys: number,
  byUnit: boolean,
): FirstDays => {
  const pairs = firstDay.length
  const offsets = new Int32Array(keys + 1)
  for (let p = 0; p < pairs; p++)
    if (firstUnit[p]! >= 0) offsets[(byUnit ? firstUnit[p]! * 4 + scheme[p]! : scheme[p]!) + 1]!++
  for (let k = 0; k < keys; k++) offsets[k + 1]! += offsets[k]!
  const days = new Int32Array(offsets[keys]!)
  const next = offsets.slice(0, keys)
  for (let p = 0; p < pairs; p++)
    if (firstUnit[p]! >= 0) days[next[byUnit ? firstUnit[p]! * 4 + scheme[p]! : scheme[p]!]!++] = firstDay[p]!
  for (let k = 0; k < keys; k++) if (offsets[k + 1]! - offsets[k]! > 1) sortDays(days, offsets[k]!, offsets[k + 1]!)
  return { offsets, days }
}
