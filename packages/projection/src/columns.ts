/**
 * Growable typed-array columns: events are folded into flat columns rather than one object each,
 * so a history of millions of events stays compact and the fold stays fast.
 *
 * @module columns
 */
import { civilToDays } from '@ansinh/core'

/**
 * The next capacity of a full column: half as much again. A history folded event by event (an
 * import, a file) keeps its columns at their grown size, so the growth factor is the slack it
 * holds: doubling left a 17.7 M-event province 18 bytes per participant-period over its exact size.
 * At least 64 more: a column adopted from a snapshot may be one value long.
 */
const grown = (capacity: number): number => capacity + Math.max(64, capacity >> 1)

/**
 * Whether a column of `length` values in a buffer of `capacity` is worth copying to its exact size:
 * when over an eighth of the buffer is empty (a column grown by half holds a sixth empty on
 * average). A full build calls it on the columns it reads, a pass over them already, so a history
 * folded event by event holds what a sized one does. Views taken before keep the old buffer.
 */
// Stryker disable next-line EqualityOperator: `>=` also fits a buffer exactly an eighth empty: cost only
const fitted = (length: number, capacity: number): boolean => capacity - length > capacity >> 3 && capacity > 64

/** A growable column of 32-bit integers (day numbers, interned ids). */
export class IntColumn {
  private data: Int32Array = new Int32Array(64)
  /** How many values the column holds. */
  length = 0

  /** Appends a value. */
  push(value: number): void {
    if (this.length === this.data.length) {
      const bigger = new Int32Array(grown(this.data.length))
      bigger.set(this.data)
      this.data = bigger
    }
    this.data[this.length++] = value
  }

  /** Makes room for `more` values beyond `length` at once (no doubling garbage for a known count). */
  reserve(more: number): void {
    if (this.length + more <= this.data.length) return
    const bigger = new Int32Array(this.length + more)
    bigger.set(this.view())
    this.data = bigger
  }

  /** Takes `values` as the column's content (no copy: a snapshot's restored array). */
  adopt(values: Int32Array): void {
    // Stryker disable next-line ConditionalExpression: `false` adopts the empty array, which the first push grows by 64: cost only
    this.data = values.length === 0 ? new Int32Array(64) : values
    this.length = values.length
  }

  /** The value at index `i` (unchecked: callers index within `length`). */
  at(i: number): number {
    return this.data[i]!
  }

  /** The filled part of the column (a view, not a copy). */
  view(): Int32Array {
    return this.data.subarray(0, this.length)
  }

  /** Gives back the slack of a column grown value by value (see {@link fitted}). */
  fit(): void {
    if (fitted(this.length, this.data.length)) this.data = this.data.slice(0, this.length)
  }
}

/** A growable column of doubles (recording instants in epoch milliseconds). */
export class FloatColumn {
  private data: Float64Array = new Float64Array(64)
  /** How many values the column holds. */
  length = 0

  /** Appends a value. */
  push(value: number): void {
    if (this.length === this.data.length) {
      const bigger = new Float64Array(grown(this.data.length))
      bigger.set(this.data)
      this.data = bigger
    }
    this.data[this.length++] = value
  }

  /** Takes `values` as the column's content (no copy). */
  adopt(values: Float64Array): void {
    // Stryker disable next-line ConditionalExpression: `false` adopts the empty array, which the first push grows by 64: cost only
    this.data = values.length === 0 ? new Float64Array(64) : values
    this.length = values.length
  }

  /** The value at index `i`. */
  at(i: number): number {
    return this.data[i]!
  }

  /** Makes room for `more` values beyond `length` at once. */
  reserve(more: number): void {
    if (this.length + more <= this.data.length) return
    const bigger = new Float64Array(this.length + more)
    bigger.set(this.view())
    this.data = bigger
  }

  /** The filled part of the column (a view, not a copy). */
  view(): Float64Array {
    return this.data.subarray(0, this.length)
  }

  /** Gives back the slack of a column grown value by value (see {@link fitted}). */
  fit(): void {
    if (fitted(this.length, this.data.length)) this.data = this.data.slice(0, this.length)
  }
}

const digit = (s: string, i: number): number => s.charCodeAt(i) - 48

/**
 * The day number of a `YYYY-MM-DD` business date, as `dayNumber` in core computes it, without the
 * substrings: the fold parses two or three dates per event, so this is on the hot path.
 */
export const dayOf = (date: string): number =>
  civilToDays(
    digit(date, 0) * 1000 + digit(date, 1) * 100 + digit(date, 2) * 10 + digit(date, 3),
    digit(date, 5) * 10 + digit(date, 6),
    digit(date, 8) * 10 + digit(date, 9),
  )

/** How many values of the sorted range `a[lo, hi)` are ≤ `x`. */
export const countAtMost = (a: Int32Array, lo: number, hi: number, x: number): number => {
  const start = lo
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (a[mid]! <= x) lo = mid + 1
    else hi = mid
  }
  return lo - start
}

/** How many values of the sorted range `a[lo, hi)` are < `x`. */
export const countBelow = (a: Int32Array, lo: number, hi: number, x: number): number => {
  const start = lo
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (a[mid]! < x) lo = mid + 1
    else hi = mid
  }
  return lo - start
}
