/**
 * The debt-balance report's question and shape (read-models.md, version 1), the aging buckets and
 * the order employers are listed in. Both the indexed fold and the naive reference build exactly
 * these objects, field for field and in this order.
 *
 * @module report
 */
import type { BusinessDate, DebtScheme, Scheme, UnitCode } from '@ansinh/core'
import type { ReportHeader } from '@ansinh/projection'

/** The question a debt-balance report answers. */
export interface DebtQuery {
  readonly asOf: BusinessDate
  /** Only this scheme, or null/absent: every scheme. */
  readonly scheme?: DebtScheme | Scheme | null
  readonly unit?: UnitCode | string | null
  readonly knownAt?: number | null
  /**
   * The date of the map to count on (version 2): null/absent, the as-of date; a later date gives
   * the figures on that day's map (e.g. 2024 on today's map). An earlier one is refused.
   */
  readonly geography?: BusinessDate | null
}

/** Outstanding debt per debt scheme (all three keys). */
export interface ByScheme {
  readonly compulsory: number
  readonly health: number
  readonly unemployment: number
}

/** Outstanding debt by age in months: ≤ 3, 4–6, 7–12, ≥ 13. */
export interface Aging {
  readonly upTo3Months: number
  readonly upTo6Months: number
  readonly upTo12Months: number
  readonly over12Months: number
}

/** One employer row of a debt report. */
export interface EmployerDebt {
  readonly employer: string
  readonly outstanding: number
  /** The oldest period with money still outstanding. */
  readonly oldestPeriod: string
}

/** One child row of a debt report. */
export interface DebtChild {
  readonly unit: string
  readonly name: string | null
  readonly outstanding: number
}

/** The debt-balance report. */
export interface DebtReport extends ReportHeader<'debt'> {
  readonly outstanding: number
  readonly byScheme: ByScheme
  readonly aging: Aging
  readonly credit: number
  readonly employers: readonly EmployerDebt[]
  readonly children: readonly DebtChild[]
}

/** The age in months of a period on an as-of date: (year(D)·12 + month(D)) − (year(P)·12 + month(P)). */
export const ageInMonths = (asOfMonth: number, periodMonth: number): number => asOfMonth - periodMonth

/** The aging bucket an age falls in. */
export const agingBucket = (age: number): keyof Aging =>
  age <= 3 ? 'upTo3Months' : age <= 6 ? 'upTo6Months' : age <= 12 ? 'upTo12Months' : 'over12Months'

/** Employers sorted as reports list them: outstanding descending, then employer ascending. */
export const compareEmployers = (a: EmployerDebt, b: EmployerDebt): number =>
  b.outstanding - a.outstanding || (a.employer < b.employer ? -1 : a.employer > b.employer ? 1 : 0)
