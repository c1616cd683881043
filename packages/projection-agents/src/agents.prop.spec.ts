import { type BusinessDate, type Scheme } from '@ansinh/core'
import { History, decodeHistorySnapshot, encodeHistorySnapshot } from '@ansinh/projection'
import { DENSE_PARTICIPATION_SCHEMES, DENSE_UNITS, type GeneratedHistory, awkwardDay, denseAsOf, denseHistory, denseKnownAt } from '@ansinh/testing'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { agentsReport } from './index.js'
import { referenceAgentsReport } from './reference.js'

interface Query {
  asOf: BusinessDate
  scheme: Scheme
  unit: string | null
  from: BusinessDate | null
  knownAt: number | null
}

const queriesArb = (h: GeneratedHistory): fc.Arbitrary<Query[]> =>
  fc.array(
    fc.record({
      asOf: denseAsOf(h),
      scheme: fc.constantFrom(...DENSE_PARTICIPATION_SCHEMES),
      unit: fc.option(fc.constantFrom<string>(...DENSE_UNITS), { nil: null }),
      from: fc.option(fc.oneof(denseAsOf(h), awkwardDay()), { nil: null, freq: 2 }),
      knownAt: denseKnownAt(h),
    }),
    { minLength: 1, maxLength: 4 },
  )

const caseArb = (histories: fc.Arbitrary<GeneratedHistory>) => histories.chain((h) => queriesArb(h).map((queries) => ({ events: h.positioned, queries })))

describe('agentsReport (properties)', () => {
  it('equals the naive reference on random histories, windows, units and cut-offs', () => {
    fc.assert(
      fc.property(caseArb(denseHistory({ focus: 'money' })), ({ events, queries }) => {
        const history = History.of(events)
        for (const q of queries.slice(0, 2)) {
          for (const unit of [null, ...DENSE_UNITS]) expect(agentsReport(history, { ...q, unit })).toEqual(referenceAgentsReport(events, { ...q, unit }))
        }
      }),
      { numRuns: 250 },
    )
  })

  it('gives the same figures fed one event at a time, queried in between, and after a snapshot', () => {
    fc.assert(
      fc.property(caseArb(denseHistory({ focus: 'money' })), ({ events, queries }) => {
        const incremental = History.of([])
        for (const e of events) {
          incremental.append(e)
          agentsReport(incremental, queries[0]!)
        }
        const full = History.of(events)
        const restored = decodeHistorySnapshot(encodeHistorySnapshot(full))
        if (restored._tag === 'Left') throw new Error(restored.left.message)
        for (const q of queries) {
          expect(agentsReport(incremental, q)).toEqual(agentsReport(full, q))
          expect(agentsReport(restored.right, q)).toEqual(agentsReport(full, q))
        }
      }),
      { numRuns: 150 },
    )
  })

  it('adds new + continuing + returning up to participants, for the totals and each agent', () => {
    fc.assert(
      fc.property(caseArb(denseHistory({ focus: 'money' })), ({ events, queries }) => {
        const history = History.of(events)
        for (const q of queries) {
          const r = agentsReport(history, q)
          expect(r.new + r.continuing + r.returning).toBe(r.participants)
          for (const a of r.agents) {
            expect(a.new + a.continuing + a.returning).toBe(a.participants)
            expect(a.participants).toBeLessThanOrEqual(r.participants)
          }
        }
      }),
      { numRuns: 150 },
    )
  })
})
