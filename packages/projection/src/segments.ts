/**
 * Timelines of (participant, scheme) pairs as segments "days [start, end] → unit counted in".
 * A pair's timeline is built by painting the effective intervals of its enrolments in increasing
 * (coveredFrom, position) order, each over the earlier ones: what remains on a day is the covering
 * enrolment with the greatest (coveredFrom, position), which is the spec's counting rule.
 * Everything here works on typed-array columns, without an object per enrolment or segment.
 *
 * @module segments
 */

/** The day number standing for "no end" (an open-ended enrolment). */
export const OPEN_END = 0x7fffffff

/** The enrolment and lapse columns a build reads; an enrolment's row order is its position order. */
export interface Rows {
  readonly pair: Int32Array
  readonly from: Int32Array
  readonly through: Int32Array
  readonly unit: Int32Array
  readonly lapPair: Int32Array
  readonly lapDay: Int32Array
}

/** Growable segment columns; the segments of one pair are contiguous and sorted by start. */
export class SegmentBuffer {
  start: Int32Array
  end: Int32Array
  unit: Int32Array
  /** How many segments are held. */
  length = 0
  private readonly tail: number[] = []

  /** A buffer over existing columns of equal length (a snapshot's, restored). */
  static of(start: Int32Array, end: Int32Array, unit: Int32Array): SegmentBuffer {
    if (end.length !== start.length || unit.length !== start.length)
      throw new RangeError(`segment columns of ${start.length}, ${end.length} and ${unit.length} values`)
    const b = new SegmentBuffer(0)
    b.start = start
    b.end = end
    b.unit = unit
    b.length = start.length
    return b
  }

  constructor(capacity: number) {
    const n = Math.max(16, capacity)
    this.start = new Int32Array(n)
    this.end = new Int32Array(n)
    this.unit = new Int32Array(n)
  }

  /**
   * Paints [a, b] with `unit` over the timeline that occupies [base, length). Every painted
   * interval starts at or after the earlier ones, so only the tail is ever rewritten.
   */
  paint(base: number, a: number, b: number, unit: number): void {
    let i = this.length
    // the usual case: a renewal after the previous period rewrites nothing
    if (i === base || this.end[i - 1]! < a) return this.push(base, a, b, unit)
    while (i > base && this.end[i - 1]! >= a) i--
    const tail = this.tail
    tail.length = 0
    for (let k = i; k < this.length; k++) tail.push(this.start[k]!, this.end[k]!, this.unit[k]!)
    this.length = i
    for (let k = 0; k < tail.length; k += 3) if (tail[k]! < a) this.push(base, tail[k]!, a - 1, tail[k + 2]!)
    this.push(base, a, b, unit)
    for (let k = 0; k < tail.length; k += 3)
      if (tail[k + 1]! > b) this.push(base, Math.max(tail[k]!, b + 1), tail[k + 1]!, tail[k + 2]!)
  }

  /** Appends a segment as it is (a copy of an already painted timeline). */
  add(a: number, b: number, unit: number): void {
    this.push(this.length, a, b, unit)
  }

  /** Appends a segment, merging it into the previous one of the timeline when they touch in the same unit. */
  private push(base: number, a: number, b: number, unit: number): void {
    const n = this.length
    if (n > base && this.unit[n - 1] === unit && this.end[n - 1]! + 1 === a) {
      this.end[n - 1] = b
      return
    }
    if (n === this.start.length) this.grow()
    this.start[n] = a
    this.end[n] = b
    this.unit[n] = unit
    this.length = n + 1
  }

  private grow(): void {
    const size = this.start.length * 2
    const bigger = (a: Int32Array): Int32Array => {
      const b = new Int32Array(size)
      b.set(a)
      return b
    }
    this.start = bigger(this.start)
    this.end = bigger(this.end)
    this.unit = bigger(this.unit)
  }
}

/**
 * Sorts the row indices `order[lo, hi)` by `from`, keeping row (position) order among equal days.
 * Rows of equal days must come in increasing order already (a group as {@link groupBy} leaves it,
 * or a sorted slice followed by later rows): the short path keeps the order it is given.
 */
export const sortByFrom = (order: Int32Array, lo: number, hi: number, from: Int32Array): void => {
  if (hi - lo <= 32) {
    for (let k = lo + 1; k < hi; k++) {
      const x = order[k]!,
        fx = from[x]!
      let j = k - 1
      while (j >= lo && from[order[j]!]! > fx) {
        order[j + 1] = order[j]!
        j--
      }
      order[j + 1] = x
    }
    return
  }
  const part = Array.from(order.subarray(lo, hi)).sort((i, j) => from[i]! - from[j]! || i - j)
  order.set(part, lo)
}

/** Sorts `a[lo, hi)` ascending (lapse days of one pair: usually none or one). */
export const sortDays = (a: Int32Array, lo: number, hi: number): void => {
  if (hi - lo <= 32) {
    for (let k = lo + 1; k < hi; k++) {
      const x = a[k]!
      let j = k - 1
      while (j >= lo && a[j]! > x) {
        a[j + 1] = a[j]!
        j--
      }
      a[j + 1] = x
    }
  } else a.subarray(lo, hi).sort()
}

/**
 * Paints a pair's timeline into `out` from its enrolment rows `order[lo, hi)` (sorted by
 * {@link sortByFrom}) and its sorted lapse days `laps[llo, lhi)`. An enrolment is first cut at its
 * first lapse strictly after its coveredFrom: it covers up to the day before.
 */
export const paintPair = (
  out: SegmentBuffer,
  rows: Rows,
  order: Int32Array,
  lo: number,
  hi: number,
  laps: Int32Array,
  llo: number,
  lhi: number,
): void => {
  const { from, through, unit } = rows
  const base = out.length
  let cut = llo
  for (let k = lo; k < hi; k++) {
    const i = order[k]!
    const a = from[i]!
    let b = through[i]!
    // coveredFrom never decreases along the rows, so the first lapse after it only moves forward
    while (cut < lhi && laps[cut]! <= a) cut++
    if (cut < lhi && laps[cut]! - 1 < b) b = laps[cut]! - 1
    if (b >= a) out.paint(base, a, b, unit[i]!)
  }
}

/**
 * Groups `n` items by `keys[i]` (values in [0, groups)): offsets (length groups + 1) and the items
 * of each group in item order (a counting sort: linear, stable, no copy of the offsets).
 */
export const groupBy = (keys: Int32Array, n: number, groups: number): { offsets: Int32Array; order: Int32Array } => {
  const offsets = new Int32Array(groups + 1)
  for (let i = 0; i < n; i++) offsets[keys[i]! + 1]!++
  for (let g = 0; g < groups; g++) offsets[g + 1]! += offsets[g]!
  // fill each group from its end, walking items backwards: offsets[g + 1] ends at group g's start
  const order = new Int32Array(n)
  for (let i = n - 1; i >= 0; i--) order[--offsets[keys[i]! + 1]!] = i
  for (let g = 0; g < groups; g++) offsets[g] = offsets[g + 1]!
  offsets[groups] = n
  return { offsets, order }
}
