/**
 * The shapes of the three reports (read-models.md, version 1) and what every report carries. Both
 * the indexed report packages and the naive reference build exactly these objects, field for field
 * and in this order, so their JSON can be compared byte for byte.
 *
 * @module reports
 */
import { type BusinessDate, type DebtScheme, type Scheme, type UnitCode, instantOfMillis } from '@ansinh/core'
import type { Basis } from './history.js'

/** What every report carries first. */
export interface ReportHeader<K extends 'coverage' | 'plan' | 'debt'> {
  readonly report: K
  readonly asOf: BusinessDate
  /** The known-at instant used, ISO-8601 with Vietnam's offset, or null. */
  readonly knownAt: string | null
  readonly unit: string | null
  readonly scheme: Scheme | null
  readonly basis: Basis
}

/** The question a coverage report answers. */
export interface CoverageQuery {
  readonly asOf: BusinessDate
  readonly scheme: Scheme
  /** The unit, or null/absent for the national report. */
  readonly unit?: UnitCode | string | null
  /** Epoch milliseconds of the known-at cut, or null/absent: every event counts. */
  readonly knownAt?: number | null
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
export interface CoverageReport extends ReportHeader<'coverage'> {
  readonly participants: number
  readonly denominator: number | null
  readonly denominatorYear: number | null
  readonly rate: number | null
  readonly children: readonly CoverageChild[]
}

/** The question a plan-achievement report answers. */
export interface PlanQuery {
  readonly asOf: BusinessDate
  readonly scheme: Scheme
  /** The unit (required by the CLI; null gives the national figures, which have no target). */
  readonly unit: UnitCode | string | null
  /** The plan year; null/absent: the year of `asOf`. */
  readonly year?: number | null
  readonly knownAt?: number | null
}

/** One child row of a plan report. */
export interface PlanChild {
  readonly unit: string
  readonly name: string | null
  readonly target: number | null
  readonly participants: number
  readonly achievement: number | null
}

/** How the children with a target stand against it; zero ⊆ below50 ⊆ belowTarget. */
export interface PlanBands {
  readonly withTarget: number
  readonly met: number
  readonly belowTarget: number
  readonly below50: number
  readonly zero: number
}

/** The plan-achievement report. */
export interface PlanReport extends ReportHeader<'plan'> {
  readonly year: number
  readonly target: number | null
  readonly participants: number
  readonly achievement: number | null
  readonly remaining: number | null
  readonly expiringBeforeYearEnd: number
  readonly recruitsNeeded: number | null
  readonly sameDateLastYear: number
  readonly changeVsSameDate: number
  readonly changeVsSameDatePct: number | null
  readonly endOfPreviousYear: number
  readonly changeVsEndOfPreviousYear: number
  readonly newInYear: number
  readonly children: readonly PlanChild[]
  readonly bands: PlanBands
}

/** The question a debt-balance report answers. */
export interface DebtQuery {
  readonly asOf: BusinessDate
  /** Only this scheme, or null/absent: every scheme. */
  readonly scheme?: DebtScheme | Scheme | null
  readonly unit?: UnitCode | string | null
  readonly knownAt?: number | null
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

/** The common header of a report, in the spec's field order. */
export const reportHeader = <K extends 'coverage' | 'plan' | 'debt'>(
  report: K,
  query: { readonly asOf: BusinessDate; readonly unit?: string | null; readonly scheme?: Scheme | null; readonly knownAt?: number | null },
  basis: Basis,
): ReportHeader<K> => ({
  report,
  asOf: query.asOf,
  knownAt: query.knownAt == null ? null : instantOfMillis(query.knownAt),
  unit: query.unit ?? null,
  scheme: query.scheme ?? null,
  basis,
})

/** `part / whole`, or null when the whole is null or 0 (rates, achievement, changes). */
export const ratio = (part: number, whole: number | null): number | null => (whole === null || whole === 0 ? null : part / whole)

/** The age in months of a period on an as-of date: (year(D)·12 + month(D)) − (year(P)·12 + month(P)). */
export const ageInMonths = (asOfMonth: number, periodMonth: number): number => asOfMonth - periodMonth

/** The aging bucket an age falls in. */
export const agingBucket = (age: number): keyof Aging =>
  age <= 3 ? 'upTo3Months' : age <= 6 ? 'upTo6Months' : age <= 12 ? 'upTo12Months' : 'over12Months'

/** Plan bands over children rows: only children whose target is > 0 count. */
export const planBands = (children: readonly PlanChild[]): PlanBands => {
  let withTarget = 0, met = 0, belowTarget = 0, below50 = 0, zero = 0
  for (const c of children) {
    if (c.target === null || c.target <= 0) continue
    withTarget++
    const achievement = c.participants / c.target
    if (achievement >= 1) met++
    else belowTarget++
    if (achievement < 0.5) below50++
    if (c.participants === 0) zero++
  }
  return { withTarget, met, belowTarget, below50, zero }
}

/** Employers sorted as reports list them: outstanding descending, then employer ascending. */
export const compareEmployers = (a: EmployerDebt, b: EmployerDebt): number =>
  b.outstanding - a.outstanding || (a.employer < b.employer ? -1 : a.employer > b.employer ? 1 : 0)
