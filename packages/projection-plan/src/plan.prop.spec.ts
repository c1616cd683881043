import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { BusinessDate, Scheme } from '@ansinh/core'
import { History } from '@ansinh/projection'
import {
  DENSE_PARTICIPATION_SCHEMES,
  DENSE_UNITS,
  type GeneratedHistory,
  denseAsOf,
  denseHistory,
  denseKnownAt,
} from '@ansinh/testing'
import { describeReportProperties, reportCases } from '@ansinh/testing/vitest'
import { planReport } from './index.js'
import { referencePlanReport } from './reference.js'

interface Query {
  asOf: BusinessDate
  scheme: Scheme
  unit: string | null
  year: number | null
  knownAt: number | null
}

const query = (h: GeneratedHistory): fc.Arbitrary<Query> =>
  fc.record({
    asOf: denseAsOf(h),
    scheme: fc.constantFrom(...DENSE_PARTICIPATION_SCHEMES),
    unit: fc.constantFrom<string | null>(null, ...DENSE_UNITS),
    year: fc.option(fc.integer({ min: 2019, max: 2021 }), { nil: null }),
    knownAt: denseKnownAt(h),
  })

describeReportProperties({
  name: 'planReport',
  build: (events) => History.of(events),
  append: (h, e) => h.append(e),
  report: planReport,
  reference: referencePlanReport,
  query,
})

describe('planReport (its own figures)', () => {
  it('keeps the laws between its figures: bands nest, expiring ≤ participants, recruits ≥ remaining', () => {
    fc.assert(
      fc.property(reportCases(denseHistory(), query), ({ events, queries }) => {
        const history = History.of(events)
        for (const q of queries) {
          const r = planReport(history, q)
          expect(r.bands.zero).toBeLessThanOrEqual(r.bands.below50)
          expect(r.bands.below50).toBeLessThanOrEqual(r.bands.belowTarget)
          expect(r.bands.met + r.bands.belowTarget).toBe(r.bands.withTarget)
          expect(r.expiringBeforeYearEnd).toBeLessThanOrEqual(r.participants)
          if (r.target !== null) expect(r.recruitsNeeded!).toBeGreaterThanOrEqual(r.remaining!)
          expect(r.changeVsSameDate).toBe(r.participants - r.sameDateLastYear)
        }
      }),
      { numRuns: 200 },
    )
  })
})
