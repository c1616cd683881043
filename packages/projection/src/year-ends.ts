/**
 * Year-end coverage masks: what lets the first plan question of a year be answered without
 * building an index for that year (see {@link YearEnds}).
 *
 * @module year-ends
 */
import { countAtMost, countBelow } from './columns.js'
import type { Partition } from './participation-index.js'
import type { SegmentBuffer } from './segments.js'

/** How many consecutive 31 Decembers an index answers "not covered then" for without a further build. */
export const YEAR_ENDS = 16

/**
 * Year-end coverage, so the first plan question of a year costs no pass over the history: for
 * {@link YEAR_ENDS} consecutive 31 Decembers, each entry of a partition's sorted starts and ends
 * carries a bit mask of the year ends its person is covered on, with prefix counts of unset bits
 * every 64 entries. "Counted on d, not covered on L" is then (starts ≤ d, bit unset) − (ends < d,
 * bit unset): binary searches and a scan of at most 63 masks.
 */
export interface YearEnds {
  /** The year of the first year end. */
  readonly firstYear: number
  /** The day numbers of the year ends, increasing. */
  readonly days: Int32Array
  readonly byUnit: Masks
  readonly national: Masks
}

/** The masks of a partition's sorted starts and ends, and their prefix counts of unset bits. */
export interface Masks {
  readonly startMask: Uint16Array
  readonly endMask: Uint16Array
  /** rank[(i >> 6) · YEAR_ENDS + k]: entries before block i >> 6 whose bit k is unset. */
  readonly startRank: Int32Array
  readonly endRank: Int32Array
}

/** The bit of `day` among the index's year ends, or -1 when it is not one of them. */
export const yearEndBit = (y: YearEnds, day: number): number => {
  const k = countAtMost(y.days, 0, YEAR_ENDS, day) - 1
  return k >= 0 && y.days[k] === day ? k : -1
}

/** How many segments of group `key` cover `day` and belong to a person not covered on year end `bit`. */
export const countUncoveredIn = (p: Partition, m: Masks, key: number, day: number, bit: number): number => {
  if (key + 1 >= p.offsets.length) return 0
  const lo = p.offsets[key]!,
    hi = p.offsets[key + 1]!
  const i = lo + countAtMost(p.starts, lo, hi, day),
    j = lo + countBelow(p.ends, lo, hi, day)
  return (
    unsetBefore(m.startMask, m.startRank, i, bit) -
    unsetBefore(m.startMask, m.startRank, lo, bit) -
    unsetBefore(m.endMask, m.endRank, j, bit) +
    unsetBefore(m.endMask, m.endRank, lo, bit)
  )
}

/** How many of `mask[0, i)` have `bit` unset. */
const unsetBefore = (mask: Uint16Array, rank: Int32Array, i: number, bit: number): number => {
  const block = i >> 6
  let n = rank[block * YEAR_ENDS + bit]!
  for (let j = block << 6; j < i; j++) n += ((mask[j]! >> bit) & 1) ^ 1
  return n
}

/** Each pair's mask of the year ends (bit k: `days[k]`) one of its segments covers. */
export const pairMasks = (segments: SegmentBuffer, pairSeg: Int32Array, days: Int32Array): Uint16Array => {
  const pairs = pairSeg.length - 1
  const masks = new Uint16Array(pairs)
  const first = days[0]!,
    last = days[YEAR_ENDS - 1]!
  for (let p = 0; p < pairs; p++) {
    let m = 0
    for (let i = pairSeg[p]!; i < pairSeg[p + 1]!; i++) {
      const a = segments.start[i]!,
        b = segments.end[i]!
      if (b < first || a > last) continue
      for (let k = a <= first ? 0 : countBelow(days, 0, YEAR_ENDS, a); k < YEAR_ENDS && days[k]! <= b; k++) m |= 1 << k
    }
    masks[p] = m
  }
  return masks
}

/** Prefix counts of unset bits of `mask`, every 64 entries. */
export const ranksOf = (mask: Uint16Array): Int32Array => {
  const blocks = (mask.length >> 6) + 1
  const rank = new Int32Array(blocks * YEAR_ENDS)
  const run = new Int32Array(YEAR_ENDS)
  for (let i = 0; i < mask.length; i++) {
    if ((i & 63) === 0) rank.set(run, (i >> 6) * YEAR_ENDS)
    const m = mask[i]!
    for (let k = 0; k < YEAR_ENDS; k++) run[k]! += ((m >> k) & 1) ^ 1
  }
  if ((mask.length & 63) === 0) rank.set(run, (mask.length >> 6) * YEAR_ENDS)
  return rank
}
