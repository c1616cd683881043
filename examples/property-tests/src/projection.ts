/**
 * The agents read model described for `@ansinh/testing`'s laws: how to build it, append to it,
 * ask it, snapshot it, which parts add up to a whole, and which participants it counts.
 *
 * @module projection
 */
import type { Projection } from '@ansinh/testing'
import {
  type AgentAnswer,
  type AgentModel,
  type AgentQuery,
  answerQuery,
  appendEvent,
  buildModel,
  restoreModel,
  snapshotModel,
} from './agents.js'

/** The agents read model as a projection the laws can check. */
export const agentsProjection: Projection<AgentModel, AgentQuery, AgentAnswer> = {
  name: 'voluntary participants per agent',
  build: buildModel,
  append: appendEvent,
  answer: answerQuery,
  snapshot: snapshotModel,
  restore: restoreModel,
  // Everyone is the sum of each agent's participants (and of those without an agent).
  additivity: {
    measure: (a) => a.participants,
    parts: (q, a) => (q.agent === undefined ? a.ranking.map((r) => ({ asOf: q.asOf, agent: r.agent })) : null),
  },
  // The count is the voluntary participants the spec's coverage rules count, for the agent asked.
  counting: {
    scheme: () => 'voluntary',
    asOf: (q) => q.asOf,
    selects: (enrolment, q) => q.agent === undefined || (enrolment.agent ?? null) === q.agent,
    count: (a) => a.participants,
  },
}
