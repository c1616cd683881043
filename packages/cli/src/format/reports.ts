/**
 * The reports as the CLI prints them: the projection packages' reports, whose `basis` may also
 * carry the chain hash at its last position (the CLI adds it; see docs/decisions.md).
 *
 * @module reports
 */
import type { Basis } from '@ansinh/projection'
import type { CoverageReport } from '@ansinh/projection-coverage'
import type { DebtReport } from '@ansinh/projection-debt'
import type { PlanReport } from '@ansinh/projection-plan'
import type { AgentsReport } from '@ansinh/projection-agents'
import type { RevenueReport } from '@ansinh/projection-revenue'

/** A report's basis, with the chain hash at `lastPosition` when the CLI knows it. */
export type CitedBasis = Basis & { readonly hash?: string | null }

type Cited<R extends { readonly basis: Basis }> = Omit<R, 'basis'> & { readonly basis: CitedBasis }

/** The coverage report. */
export type CoverageView = Cited<CoverageReport>
/** The plan-achievement report. */
export type PlanView = Cited<PlanReport>
/** The debt-balance report. */
export type DebtView = Cited<DebtReport>
/** The agent report. */
export type AgentsView = Cited<AgentsReport>
/** The revenue report. */
export type RevenueView = Cited<RevenueReport>
/** Any report. */
export type ReportView = CoverageView | PlanView | DebtView | AgentsView | RevenueView
/** What every report carries. */
export type ReportHead = Pick<ReportView, 'report' | 'asOf' | 'knownAt' | 'unit' | 'scheme' | 'basis'> & {
  readonly geography?: ReportView['geography']
}
