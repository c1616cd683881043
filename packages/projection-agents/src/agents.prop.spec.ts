import { type BusinessDate, type Scheme } from '@ansinh/core'
import { History, decodeHistorySnapshot, encodeHistorySnapshot } from '@ansinh/projection'
import {
  DENSE_PARTICIPATION_SCHEMES,
  DENSE_UNITS,
  type GeneratedHistory,
  awkwardDay,
  denseAsOf,
  denseHistory,
  denseKnownAt,
} from '@ansinh/testing'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { describeReportProperties, reportCases } from '@ansinh/testing/vitest'
import { agentsReport } from './index.js'
import { referenceAgentsReport } from './reference.js'

interface Query {
  asOf: BusinessDate
  scheme: Scheme
  unit: string | null
  from: BusinessDate | null
  knownAt: number | null
}

const query = (h: GeneratedHistory): fc.Arbitrary<Query> =>
  fc.record({
    asOf: denseAsOf(h),
    scheme: fc.constantFrom(...DENSE_PARTICIPATION_SCHEMES),
    unit: fc.option(fc.constantFrom<string>(...DENSE_UNITS), { nil: null }),
    from: fc.option(fc.oneof(denseAsOf(h), awkwardDay()), { nil: null, freq: 2 }),
    knownAt: denseKnownAt(h),
  })

/** The history sealed into its snapshot payload and restored from it. */
const restoredFromSnapshot = (history: History): History => {
  const restored = decodeHistorySnapshot(encodeHistorySnapshot(history))
  if (restored._tag === 'Left') throw new Error(restored.left.message)
  return restored.right
}

describeReportProperties(
  {
    name: 'agentsReport',
    build: (events) => History.of(events),
    append: (h, e) => h.append(e),
    report: agentsReport,
    reference: referenceAgentsReport,
    query,
  },
  { dense: { focus: 'money' }, numRuns: 250, restore: restoredFromSnapshot },
)

describe('agentsReport (its own figures)', () => {
  it('adds new + continuing + returning up to participants, for the totals and each agent', () => {
    fc.assert(
      fc.property(reportCases(denseHistory({ focus: 'money' }), query), ({ events, queries }) => {
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
