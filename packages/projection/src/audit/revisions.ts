/**
 * Revision triangles: one figure for a range of as-of dates (rows) as known at the end of each
 * period (columns), the last column "now", with the total revision per row (now − first
 * published) and the mean absolute revision over the rows, as statistical offices publish them.
 *
 * @module audit/revisions
 */
import * as E from 'fp-ts/lib/Either.js'
import {
  type BusinessDate,
  civilToDays,
  endOfBusinessDay,
  fromDayNumber,
  instantOfMillis,
  isBusinessDate,
} from '@ansinh/core'

/** How often the triangle has a row and a column. */
export type Every = 'month' | 'quarter'

/** Why a triangle cannot be drawn. */
export interface BadRange {
  readonly _tag: 'BadRange'
  readonly message: string
}

/** One row: the figure for one as-of date as known at each column's instant. */
export interface TriangleRow {
  readonly asOf: BusinessDate
  /** One cell per column; null where the column's instant is before the end of the as-of day (not yet published) or the figure is null. */
  readonly cells: readonly (number | null)[]
  /** The first non-null cell: the figure as first published. */
  readonly firstPublished: number | null
  /** The last cell: the figure as known now. */
  readonly now: number | null
  /** now − firstPublished; null when either is null. */
  readonly totalRevision: number | null
}

/** A revision triangle of one field. */
export interface RevisionTriangle {
  readonly field: string
  /** The known-at instants of the columns (ISO-8601); the last is null: now. */
  readonly knownAt: readonly (string | null)[]
  readonly rows: readonly TriangleRow[]
  /** The mean of |totalRevision| over the rows that have one; null when none has. */
  readonly meanAbsoluteRevision: number | null
}

const lastDayOfMonth = (y: number, m: number): number => civilToDays(m === 12 ? y + 1 : y, m === 12 ? 1 : m + 1, 1) - 1

/**
 * The last day of every month (or quarter) from the period of `from` to the period of `to`.
 *
 * @example periodEnds('2020-01-15', '2020-03-31', 'month') // Right(['2020-01-31', '2020-02-29', '2020-03-31'])
 */
export const periodEnds = (from: string, to: string, every: Every): E.Either<BadRange, BusinessDate[]> => {
  if (!isBusinessDate(from) || !isBusinessDate(to))
    return E.left({ _tag: 'BadRange', message: `not a range of two dates FROM..TO (got "${from}..${to}")` })
  if (to < from) return E.left({ _tag: 'BadRange', message: `the range ends before it starts (got "${from}..${to}")` })
  const step = every === 'month' ? 1 : 3
  let y = +from.slice(0, 4),
    m = +from.slice(5, 7)
  if (every === 'quarter') m = Math.ceil(m / 3) * 3
  const out: BusinessDate[] = []
  const toY = +to.slice(0, 4),
    toM = every === 'quarter' ? Math.ceil(+to.slice(5, 7) / 3) * 3 : +to.slice(5, 7)
  while (y < toY || (y === toY && m <= toM)) {
    out.push(fromDayNumber(lastDayOfMonth(y, m)))
    m += step
    if (m > 12) {
      m -= 12
      y++
    }
    if (out.length > 240) return E.left({ _tag: 'BadRange', message: `more than 240 periods from ${from} to ${to}` })
  }
  return E.right(out)
}

/** The end of a day in Vietnam, in epoch ms (what `--known-at DATE` means). */
export const endOfDayMillis = (d: BusinessDate): number => endOfBusinessDay(d)

/**
 * The triangle of `cell(asOf, knownAt)` over the as-of dates `asOfs`; the columns are the ends of
 * the same days in Vietnam, except the last, which is now (`knownAt` null). A cell whose instant
 * is before the end of its row's day is null: nothing could be published yet.
 *
 * @example revisionTriangle('participants', ends, (asOf, k) => planReport(h, { ...q, asOf, knownAt: k }).participants)
 */
export const revisionTriangle = (
  field: string,
  asOfs: readonly BusinessDate[],
  cell: (asOf: BusinessDate, knownAt: number | null) => number | null,
): RevisionTriangle => {
  const columns: (number | null)[] = asOfs.map((d, i) => (i === asOfs.length - 1 ? null : endOfDayMillis(d)))
  // column by column: each known-at view is built once and read for every row
  const grid: (number | null)[][] = asOfs.map(() => [])
  columns.forEach((k) => {
    asOfs.forEach((asOf, r) => {
      grid[r]!.push(k !== null && k < endOfDayMillis(asOf) ? null : cell(asOf, k))
    })
  })
  const rows = asOfs.map((asOf, r): TriangleRow => {
    const cells = grid[r]!
    const firstPublished = cells.find((c) => c !== null) ?? null
    const now = cells[cells.length - 1] ?? null
    return {
      asOf,
      cells,
      firstPublished,
      now,
      totalRevision: firstPublished === null || now === null ? null : now - firstPublished,
    }
  })
  const revised = rows.flatMap((r) => (r.totalRevision === null ? [] : [Math.abs(r.totalRevision)]))
  return {
    field,
    knownAt: columns.map((k) => (k === null ? null : instantOfMillis(k))),
    rows,
    meanAbsoluteRevision: revised.length === 0 ? null : revised.reduce((a, b) => a + b, 0) / revised.length,
  }
}
