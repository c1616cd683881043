/**
 * `@ansinh/projection-agents/reference`: the agent report computed the slow, obvious way, straight
 * from agents-revenue.md over the known events (`Known` of `@ansinh/projection/reference`): every
 * query scans the events again and nothing is indexed. It shares no code with the indexed fold, so
 * property tests can compare the two.
 *
 * @module reference
 */
import { type BusinessDate, type PositionedEvent, dayNumber, fromDayNumber } from '@ansinh/core'
import { type At, Known } from '@ansinh/projection/reference'
import type { AgentKinds, AgentRow, AgentsQuery, AgentsReport } from './report.js'

type Kind = 'new' | 'continuing' | 'returning'
type Enrolment = At<'ParticipantEnrolled'>

/** Earlier in (coveredFrom, position) order. */
const before = (a: Enrolment, b: Enrolment): boolean =>
  a.e.coveredFrom < b.e.coveredFrom || (a.e.coveredFrom === b.e.coveredFrom && a.position < b.position)

/** The agent report, from scratch. */
export const referenceAgentsReport = (events: Iterable<PositionedEvent>, query: AgentsQuery): AgentsReport => {
  const geography = query.geography ?? query.asOf
  const k = new Known(events, query.knownAt ?? null).onMap(geography)
  const unit = query.unit ?? null
  const { asOf, scheme } = query
  const from = query.from ?? (`${asOf.slice(0, 4)}-01-01` as BusinessDate)
  const all = k.of('ParticipantEnrolled').filter((en) => en.e.scheme === scheme)
  const kindOf = (e: Enrolment): Kind => {
    const mine = all.filter((o) => o.e.participantId === e.e.participantId)
    if (!mine.some((o) => before(o, e))) return 'new'
    return k.covered(e.e.participantId, scheme, fromDayNumber(dayNumber(e.e.coveredFrom) - 1))
      ? 'continuing'
      : 'returning'
  }
  const inWindow = all.filter(
    (en) => from <= en.e.coveredFrom && en.e.coveredFrom <= asOf && k.inSubtree(en.e.unit, unit),
  )
  const viaAgent = inWindow.filter((en) => en.e.agent !== undefined)
  /** Distinct people by the kind of their first enrolment among `list`. */
  const kinds = (list: readonly Enrolment[]): AgentKinds => {
    const first = new Map<string, Enrolment>()
    for (const en of list) {
      const f = first.get(en.e.participantId)
      if (f === undefined || before(en, f)) first.set(en.e.participantId, en)
    }
    const counts = { participants: first.size, new: 0, continuing: 0, returning: 0 }
    for (const en of first.values()) counts[kindOf(en)]++
    return counts
  }
  const withAgent = new Set(viaAgent.map((en) => en.e.participantId))
  const withoutAgent = new Set(inWindow.map((en) => en.e.participantId).filter((p) => !withAgent.has(p))).size
  const names = [...new Set(viaAgent.map((en) => en.e.agent!))]
  const rows: AgentRow[] = names.map((agent) => ({ agent, ...kinds(viaAgent.filter((en) => en.e.agent === agent)) }))
  rows.sort((a, b) => b.participants - a.participants || (a.agent < b.agent ? -1 : a.agent > b.agent ? 1 : 0))
  return {
    ...k.header('agents', asOf, unit, scheme, query.knownAt ?? null, geography),
    from,
    to: asOf,
    ...kinds(viaAgent),
    withoutAgent,
    agents: rows,
  }
}
