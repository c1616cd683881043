/**
 * The revenue report's question and shape (agents-revenue.md). Both the indexed fold and the naive
 * reference build exactly these objects, field for field and in this order.
 *
 * @module report
 */
import type { BusinessDate, Scheme, UnitCode } from '@ansinh/core'
import type { ReportHeader } from '@ansinh/projection'

/** The question a revenue report answers. */
export interface RevenueQuery {
  readonly asOf: BusinessDate
  /** The unit (required by the CLI; null gives the national figures, which have no plan). */
  readonly unit: UnitCode | string | null
  /** One scheme's money only; null/absent: all four (the plan is for all schemes together). */
  readonly scheme?: Scheme | null
  /** The year; null/absent: the year of `asOf`. */
  readonly year?: number | null
  /** Count on the map of this day (≥ asOf; default: the map of asOf), geography.md. */
  readonly geography?: BusinessDate | null
  readonly knownAt?: number | null
}

/** Money collected per scheme (all four keys). */
export interface RevenueByScheme {
  readonly voluntary: number
  readonly compulsory: number
  readonly health: number
  readonly unemployment: number
}

/** One child row of a revenue report. */
export interface RevenueChild {
  readonly unit: string
  readonly name: string | null
  readonly collected: number
  readonly target: number | null
  readonly achievement: number | null
}

/** The revenue report. */
export interface RevenueReport extends ReportHeader<'revenue'> {
  readonly year: number
  readonly collected: number
  readonly byScheme: RevenueByScheme
  readonly target: number | null
  readonly achievement: number | null
  readonly samePeriodLastYear: number
  readonly changeVsSamePeriodPct: number | null
  readonly children: readonly RevenueChild[]
}
