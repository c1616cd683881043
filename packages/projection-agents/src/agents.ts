/**
 * The agent report: the participants collection agents recruited under a scheme in a window,
 * split into new, continuing and returning, with each agent's own figures, ranked. Read from the
 * engine's agent index (`AgentEnrolments` of `@ansinh/projection`): no pass over the history.
 *
 * @module agents
 */
import { type BusinessDate, dayNumber, startOfYear, yearOf } from '@ansinh/core'
import { type History, SCHEME_INDEX, mapOf, reportHeader, unitsOnMap } from '@ansinh/projection'
import { type AgentsQuery, type AgentsReport, rankAgents } from './report.js'

/**
 * The agent report of `query.scheme` for `query.unit` (null/absent: national) over the enrolments
 * with coveredFrom from `query.from` (default 1 January of asOf's year) to `query.asOf`, as known
 * at `query.knownAt`, e.g. `agentsReport(history, { asOf: '2020-09-30', scheme: 'voluntary', unit: '60' })`.
 */
export const agentsReport = (history: History, query: AgentsQuery): AgentsReport => {
  const view = history.view(query.knownAt)
  const unit = query.unit ?? null
  const from = query.from ?? (startOfYear(yearOf(query.asOf)) as BusinessDate)
  // on the map of the as-of date (geography.md): each enrolment's unit resolved on it
  const { map, geography } = mapOf(view, query)
  const f = view.agents.figures(
    view.participation,
    unitsOnMap(map, unit),
    SCHEME_INDEX[query.scheme],
    dayNumber(from),
    dayNumber(query.asOf),
  )
  return {
    ...reportHeader('agents', { ...query, unit, geography }, view.basis),
    from,
    to: query.asOf,
    participants: f.participants,
    new: f.new,
    continuing: f.continuing,
    returning: f.returning,
    withoutAgent: f.withoutAgent,
    agents: rankAgents(f.agents),
  }
}
