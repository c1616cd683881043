/**
 * The shapes of the three reports as the CLI reads them (the fields of the read-model spec).
 * Structural, so the projection packages' own types fit them.
 *
 * @module reports
 */

/** What every report carries. */
export interface ReportHead {
  readonly report: 'coverage' | 'plan' | 'debt'
  readonly asOf: string
  readonly knownAt: string | null
  readonly unit: string | null
  readonly scheme: string | null
  readonly basis: { readonly events: number; readonly lastPosition: number | null; readonly hash?: string | null }
}

/** The coverage report. */
export interface CoverageView extends ReportHead {
  readonly participants: number
  readonly denominator: number | null
  readonly denominatorYear: number | null
  readonly rate: number | null
  readonly children: readonly {
    readonly unit: string
    readonly name: string | null
    readonly participants: number
    readonly denominator: number | null
    readonly rate: number | null
  }[]
}

/** The plan-achievement report. */
export interface PlanView extends ReportHead {
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
  readonly children: readonly {
    readonly unit: string
    readonly name: string | null
    readonly target: number | null
    readonly participants: number
    readonly achievement: number | null
  }[]
  readonly bands: { readonly withTarget: number; readonly met: number; readonly belowTarget: number; readonly below50: number; readonly zero: number }
}

/** The debt-balance report. */
export interface DebtView extends ReportHead {
  readonly outstanding: number
  readonly byScheme: { readonly compulsory: number; readonly health: number; readonly unemployment: number }
  readonly aging: { readonly upTo3Months: number; readonly upTo6Months: number; readonly upTo12Months: number; readonly over12Months: number }
  readonly credit: number
  readonly employers: readonly { readonly employer: string; readonly outstanding: number; readonly oldestPeriod: string }[]
  readonly children: readonly { readonly unit: string; readonly name: string | null; readonly outstanding: number }[]
}

/** Any report. */
export type ReportView = CoverageView | PlanView | DebtView
