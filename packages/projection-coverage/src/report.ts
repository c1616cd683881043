/**
 * The coverage report's question and shape (read-models.md, version 1). Both the indexed fold and
 * the naive reference build exactly these objects, field for field and in this order.
 *
 * @module report
 */
import type { BusinessDate, Scheme, UnitCode } from '@ansinh/core'
import type { ReportHeader } from '@ansinh/projection'

/**
 * The scheme a coverage report counts: one of the four, or `any` (agents-revenue.md: everyone
 * covered under at least one scheme, counted once, against the population).
 */
export type CoverageScheme = Scheme | 'any'

/** The question a coverage report answers. */
export interface CoverageQuery {
  readonly asOf: BusinessDate
  readonly scheme: CoverageScheme
  /** The unit, or null/absent for the national report. */
  readonly unit?: UnitCode | string | null
  /** Epoch milliseconds of the known-at cut, or null/absent: every event counts. */
  readonly knownAt?: number | null
  /**
   * The date of the map to count on (version 2): null/absent, the as-of date; a later date gives
   * the figures on that day's map (e.g. 2024 on today's map). An earlier one is refused.
   */
  readonly geography?: BusinessDate | null
}

/** One child row of a coverage report. */
export interface CoverageChild {
  readonly unit: string
  readonly name: string | null
  readonly participants: number
  readonly denominator: number | null
  readonly rate: number | null
}

/** The coverage report. */
export interface CoverageReport extends Omit<ReportHeader<'coverage'>, 'scheme'> {
  readonly scheme: CoverageScheme
  readonly participants: number
  readonly denominator: number | null
  readonly denominatorYear: number | null
  readonly rate: number | null
  readonly children: readonly CoverageChild[]
}
