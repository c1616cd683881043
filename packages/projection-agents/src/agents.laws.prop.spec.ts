import fc from 'fast-check'
import { describe } from 'vitest'
import { History } from '@ansinh/projection'
import {
  DENSE_PARTICIPATION_SCHEMES,
  type GeneratedHistory,
  type Projection,
  appendInOrder,
  asOfDate,
  denseHistory,
  roughHistory,
  unitOrNational,
} from '@ansinh/testing'
import { describeProjectionLaws } from '@ansinh/testing/vitest'
import { agentsReport } from './agents.js'
import type { AgentsQuery, AgentsReport } from './report.js'

// The agent report as a projection the laws of `@ansinh/testing` hold. It has no children (a
// participant may be recruited in two units), so additivity is not among its laws; its own
// property spec checks new + continuing + returning = participants.
const agentsProjection: Projection<History, Omit<AgentsQuery, 'knownAt'>, AgentsReport> = {
  name: 'agentsReport',
  build: (events) => History.of(events),
  append: appendInOrder((h: History, e) => h.append(e)),
  answer: (history, query, knownAt) => agentsReport(history, { ...query, knownAt }),
}

const agentsQueries = (h: GeneratedHistory): fc.Arbitrary<Omit<AgentsQuery, 'knownAt'>> =>
  fc.record({ asOf: asOfDate(h), scheme: fc.constantFrom(...DENSE_PARTICIPATION_SCHEMES), unit: unitOrNational(h) })

describeProjectionLaws(agentsProjection, { queries: agentsQueries, numRuns: 100 })

describe('on dense money histories', () => {
  describeProjectionLaws(agentsProjection, {
    queries: agentsQueries,
    histories: denseHistory({ focus: 'money' }),
    numRuns: 100,
  })
})

describe('on rough histories (well-formed, rule-breaking)', () => {
  describeProjectionLaws(agentsProjection, { queries: agentsQueries, histories: roughHistory(), numRuns: 100 })
})
