/**
 * The plan-achievement report's question and shape (read-models.md, version 1), and how children
 * stand against their targets. Both the indexed fold and the naive reference build exactly these
 * objects, field for field and in this order.
 *
 * @module report
 */
import type { BusinessDate, Scheme, UnitCode } from '@ansinh/core'
import type { ReportHeader } from '@ansinh/projection'

/** The question a plan-achievement report answers. */
export interface PlanQuery {
  readonly asOf: BusinessDate
  readonly scheme: Scheme
  /** The unit (required by the CLI; null gives the national figures, which have no target). */
  readonly unit: UnitCode | string | null
  /** The plan year; null/absent: the year of `asOf`. */
  readonly year?: number | null
  readonly knownAt?: number | null
  /**
   * The date of the map to count on (version 2): null/absent, the as-of date; a later date gives
   * the figures on that day's map (e.g. 2024 on today's map). An earlier one is refused.
   */
  readonly geography?: BusinessDate | null
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

/** Plan bands over children rows: only children whose target is > 0 count. */
export const planBands = (children: readonly PlanChild[]): PlanBands => {
  let withTarget = 0,
    met = 0,
    belowTarget = 0,
    below50 = 0,
    zero = 0
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
