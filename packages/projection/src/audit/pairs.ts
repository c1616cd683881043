/**
 * The participation rows of a view grouped by (participant, scheme) pair, and the definitions of
 * read-models.md applied to one pair's rows: which enrolment counts on a day, whether the pair is
 * covered, its first enrolment, the lapse that ends an enrolment. The audit functions (explain,
 * diff) read figures through these instead of the segment index, so each figure they explain is
 * computed a second, independent way and checked against the report.
 *
 * @module audit/pairs
 */
import { fromDayNumber } from '@ansinh/core'
import { groupBy } from '../segments.js'
import { OPEN_END } from '../segments.js'
import type { Participation, ParticipationColumns } from '../participation.js'

/** The enrolment and lapse rows of each pair (row = index in the participation's columns). */
export class PairRows {
  /** Enrolment rows of pair p: `enrolments[enrOffsets[p], enrOffsets[p + 1])`, in row (position) order. */
  readonly enrOffsets: Int32Array
  readonly enrolments: Int32Array
  /** Lapse rows of pair p, in row order. */
  readonly lapOffsets: Int32Array
  readonly lapses: Int32Array
  private readonly byScheme = new Map<number, Int32Array>()

  private constructor(
    readonly participation: Participation,
    readonly columns: ParticipationColumns,
  ) {
    const pairs = participation.interned.pairScheme.length
    const e = groupBy(columns.enrPair, columns.enrPair.length, pairs)
    const l = groupBy(columns.lapPair, columns.lapPair.length, pairs)
    this.enrOffsets = e.offsets
    this.enrolments = e.order
    this.lapOffsets = l.offsets
    this.lapses = l.order
  }

  /** The rows of a participation (a view's), grouped by pair. */
  static of(participation: Participation): PairRows {
    return new PairRows(participation, participation.columns())
  }

  /** How many pairs are interned (some may have no row in this view). */
  get pairs(): number {
    return this.enrOffsets.length - 1
  }

  /** The scheme index of a pair (`SCHEME_INDEX`). */
  schemeOf(pair: number): number {
    return this.participation.interned.pairScheme.at(pair)
  }

  /** The pairs of a scheme index, in pair order (listed once per scheme, then kept). */
  pairsOf(scheme: number): Int32Array {
    let list = this.byScheme.get(scheme)
    if (list === undefined) {
      let n = 0
      for (let p = 0; p < this.pairs; p++) if (this.schemeOf(p) === scheme) n++
      list = new Int32Array(n)
      n = 0
      for (let p = 0; p < this.pairs; p++) if (this.schemeOf(p) === scheme) list[n++] = p
      this.byScheme.set(scheme, list)
    }
    return list
  }

  /** The enrolment rows of a pair. */
  enrolmentsOf(pair: number): Int32Array {
    return this.enrolments.subarray(this.enrOffsets[pair]!, this.enrOffsets[pair + 1]!)
  }

  /** The lapse rows of a pair. */
  lapsesOf(pair: number): Int32Array {
    return this.lapses.subarray(this.lapOffsets[pair]!, this.lapOffsets[pair + 1]!)
  }

  /** The unit code of an enrolment row. */
  unitOf(row: number): string {
    return this.participation.interned.unitCodes[this.columns.enrUnit[row]!]!
  }
}

/** Whether enrolment row `e` covers `day`, given the pair's lapse rows `lapses`. */
export const covers = (c: ParticipationColumns, e: number, lapses: ArrayLike<number>, day: number): boolean => {
  const from = c.enrFrom[e]!
  if (from > day || c.enrThrough[e]! < day) return false
  for (let k = 0; k < lapses.length; k++) {
    const l = c.lapDay[lapses[k]!]!
    if (l > from && l <= day) return false
  }
  return true
}

/**
 * The enrolment row the pair is counted by on `day`: the covering one with the greatest
 * coveredFrom (ties: the later row, i.e. position); -1 when the pair is not covered.
 */
export const countingRow = (
  c: ParticipationColumns,
  enrolments: ArrayLike<number>,
  lapses: ArrayLike<number>,
  day: number,
): number => {
  let best = -1
  for (let k = 0; k < enrolments.length; k++) {
    const e = enrolments[k]!
    if (!covers(c, e, lapses, day)) continue
    if (best < 0 || c.enrFrom[e]! > c.enrFrom[best]! || (c.enrFrom[e]! === c.enrFrom[best]! && e > best)) best = e
  }
  return best
}

/** The pair's first enrolment row (least coveredFrom, ties: the earliest row); -1 when none. */
export const firstRow = (c: ParticipationColumns, enrolments: ArrayLike<number>): number => {
  let best = -1
  for (let k = 0; k < enrolments.length; k++) {
    const e = enrolments[k]!
    if (best < 0 || c.enrFrom[e]! < c.enrFrom[best]! || (c.enrFrom[e]! === c.enrFrom[best]! && e < best)) best = e
  }
  return best
}

/** The lapse row that ends enrolment `e` (the least lapsedOn after its coveredFrom, ties: earliest row); -1 when none. */
export const endingLapse = (c: ParticipationColumns, e: number, lapses: ArrayLike<number>): number => {
  const from = c.enrFrom[e]!
  let best = -1
  for (let k = 0; k < lapses.length; k++) {
    const l = lapses[k]!
    const day = c.lapDay[l]!
    if (day > from && (best < 0 || day < c.lapDay[best]!)) best = l
  }
  return best
}

/** The last day enrolment `e` covers (its coveredThrough, or the day before its ending lapse), or null when open. */
export const lastCoveredDay = (c: ParticipationColumns, e: number, lapses: ArrayLike<number>): number | null => {
  const l = endingLapse(c, e, lapses)
  const through = c.enrThrough[e]!
  const end = l < 0 ? through : Math.min(through, c.lapDay[l]! - 1)
  return end === OPEN_END ? null : end
}

/** A day number as a business date, or null for an open end. */
export const dateOf = (day: number): string | null => (day === OPEN_END ? null : fromDayNumber(day))
