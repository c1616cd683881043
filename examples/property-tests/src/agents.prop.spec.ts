import fc from 'fast-check'
import { AGENTS, type GeneratedHistory, asOfDate } from '@ansinh/testing'
import { describeProjectionLaws } from '@ansinh/testing/vitest'
import type { AgentQuery } from './agents.js'
import { agentsProjection } from './projection.js'

/** Questions worth asking a history: a date where figures change, and everyone, one agent, or no agent. */
const queries = (h: GeneratedHistory): fc.Arbitrary<AgentQuery> =>
  fc.record({ asOf: asOfDate(h), agent: fc.constantFrom<string | null>(null, ...AGENTS) }, { requiredKeys: ['asOf'] })

// Voluntary-only histories keep the runs on what the model reads; untidy recording tests known-at.
describeProjectionLaws(agentsProjection, {
  queries,
  history: {
    participants: { min: 0, max: 10 },
    schemes: ['voluntary'],
    lateRecords: true,
    outOfOrderRecordedAt: true,
    moves: true,
  },
  numRuns: 100,
})
