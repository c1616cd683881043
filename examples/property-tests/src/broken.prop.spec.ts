import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { encodeHistory } from '@ansinh/core'
import { AGENTS, type GeneratedHistory, asOfDate, projectionLaws } from '@ansinh/testing'
import type { AgentQuery } from './agents.js'
import { answerQueryOffByOne } from './broken.js'
import { agentsProjection } from './projection.js'

const queries = (h: GeneratedHistory): fc.Arbitrary<AgentQuery> =>
  fc.record({ asOf: asOfDate(h), agent: fc.constantFrom<string | null>(null, ...AGENTS) }, { requiredKeys: ['asOf'] })

const broken = { ...agentsProjection, name: 'off-by-one agents', answer: answerQueryOffByOne }
const options = { queries, history: { participants: { min: 0, max: 10 }, schemes: ['voluntary'] as const } }

describe('the off-by-one variant (counts a participant on coveredThrough + 1)', () => {
  it('is caught by the counting law with a counterexample of a few events', () => {
    const result = fc.check(projectionLaws(broken, options).counting!, { seed: 20261122, numRuns: 200 })
    expect(result.failed).toBe(true)
    const [[history, query]] = result.counterexample!
    // SHOW_COUNTEREXAMPLE=1 prints it (docs/testing.md quotes one).
    if (process.env.SHOW_COUNTEREXAMPLE === '1')
      console.log(`${encodeHistory(history.events)}\nquery: ${JSON.stringify(query)}\n${String(result.errorInstance)}`)
    // The province, the commune, and the one enrolment counted a day too long.
    expect(history.events.length).toBeLessThanOrEqual(4)
    const enrolment = history.events.find((e) => e.type === 'ParticipantEnrolled')
    expect(
      enrolment?.type === 'ParticipantEnrolled' &&
        enrolment.data.coveredThrough !== null &&
        query.asOf > enrolment.data.coveredThrough,
    ).toBe(true)
  })

  it('slips past the laws that only compare the model with itself', () => {
    // Determinism, known-at and incremental builds hold for a consistently wrong model: an oracle is needed.
    const laws = projectionLaws(broken, options)
    for (const name of ['determinism', 'knownAt', 'incremental', 'snapshot', 'additivity'] as const) {
      expect(fc.check(laws[name]!, { seed: 1, numRuns: 50 }).failed).toBe(false)
    }
  })
})
