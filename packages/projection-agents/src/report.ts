/**
 * The agent report's question and shape (agents-revenue.md). Both the indexed fold and the naive
 * reference build exactly these objects, field for field and in this order.
 *
 * @module report
 */
import type { BusinessDate, Scheme, UnitCode } from '@ansinh/core'
import type { ReportHeader } from '@ansinh/projection'

/** The question an agent report answers: enrolments under `scheme` with coveredFrom in [from, asOf]. */
export interface AgentsQuery {
  readonly asOf: BusinessDate
  readonly scheme: Scheme
  /** The unit, or null/absent for the national report. */
  readonly unit?: UnitCode | string | null
  /** The first day of the window; null/absent: 1 January of the year of `asOf`. The window ends on `asOf`. */
  readonly from?: BusinessDate | null
  /** Epoch milliseconds of the known-at cut, or null/absent: every event counts. */
  /** Count on the map of this day (≥ asOf; default: the map of asOf), geography.md. */
  readonly geography?: BusinessDate | null
  readonly knownAt?: number | null
}

/** Distinct participants by the kind of their first agent enrolment in the window. */
export interface AgentKinds {
  readonly participants: number
  readonly new: number
  readonly continuing: number
  readonly returning: number
}

/** One agent's row: the participants it recruited in the window, by kind. */
export interface AgentRow extends AgentKinds {
  readonly agent: string
}

/** The agent report. */
export interface AgentsReport extends ReportHeader<'agents'>, AgentKinds {
  /** The window: `from` … `to` (= asOf). */
  readonly from: BusinessDate
  readonly to: BusinessDate
  /** Participants enrolled in the window, none of their enrolments there through an agent. */
  readonly withoutAgent: number
  /** Each agent with a participant, by participants descending, then agent ascending. */
  readonly agents: readonly AgentRow[]
}

/** Orders agent rows as the articles rank them: most participants first, then by name. */
export const rankAgents = (rows: readonly AgentRow[]): AgentRow[] =>
  [...rows].sort((a, b) => b.participants - a.participants || (a.agent < b.agent ? -1 : a.agent > b.agent ? 1 : 0))
