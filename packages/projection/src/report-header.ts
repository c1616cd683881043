/**
 * What every report carries first (read-models.md, version 1), whichever package owns the report:
 * each report package declares its own query and report types on top of this header, and both its
 * indexed fold and its naive reference build the header with these fields, in this order, so their
 * JSON can be compared byte for byte.
 *
 * @module report-header
 */
import { type BusinessDate, type Scheme, instantOfMillis } from '@ansinh/core'
import type { Basis } from './history.js'

/** What every report carries first. */
export interface ReportHeader<K extends string> {
  readonly report: K
  readonly asOf: BusinessDate
  /** The date of the map the figures are computed on (version 2): the as-of date unless asked otherwise. */
  readonly geography: BusinessDate
  /** The known-at instant used, ISO-8601 with Vietnam's offset, or null. */
  readonly knownAt: string | null
  readonly unit: string | null
  readonly scheme: Scheme | null
  readonly basis: Basis
}

/** The common header of a report, in the spec's field order. */
export const reportHeader = <K extends string>(
  report: K,
  query: {
    readonly asOf: BusinessDate
    readonly geography?: BusinessDate | null
    readonly unit?: string | null
    readonly scheme?: Scheme | null
    readonly knownAt?: number | null
  },
  basis: Basis,
): ReportHeader<K> => ({
  report,
  asOf: query.asOf,
  geography: query.geography ?? query.asOf,
  knownAt: query.knownAt == null ? null : instantOfMillis(query.knownAt),
  unit: query.unit ?? null,
  scheme: query.scheme ?? null,
  basis,
})

/** `part / whole`, or null when the whole is null or 0 (rates, achievement, changes). */
export const ratio = (part: number, whole: number | null): number | null =>
  whole === null || whole === 0 ? null : part / whole
