import fc from 'fast-check'
import { describe } from 'vitest'
import { SCHEMES } from '@ansinh/core'
import { History } from '@ansinh/projection'
import {
  type GeneratedHistory,
  type Projection,
  asOfDate,
  participantReport,
  roughHistory,
  unitOrNational,
} from '@ansinh/testing'
import { describeProjectionLaws } from '@ansinh/testing/vitest'
import { planReport } from './plan.js'
import type { PlanQuery, PlanReport } from './report.js'

// The plan-achievement report as a projection the laws of `@ansinh/testing` hold.
const planProjection: Projection<History, Omit<PlanQuery, 'knownAt'>, PlanReport> = participantReport(
  'planReport',
  { build: (events) => History.of(events), append: (h, e) => h.append(e) },
  (history, query, knownAt) => planReport(history, { ...query, knownAt }),
)

/** Any scheme and unit, the year of the date or another year of the window. */
const planQueries = (h: GeneratedHistory): fc.Arbitrary<Omit<PlanQuery, 'knownAt'>> =>
  fc.record({
    asOf: asOfDate(h),
    scheme: fc.constantFrom(...SCHEMES),
    unit: unitOrNational(h),
    year: fc.option(fc.integer({ min: h.years.from, max: h.years.to })),
  })

describeProjectionLaws(planProjection, { queries: planQueries, numRuns: 60 })

// Well-formed histories that break the write rules: additivity does not hold there.
describe('on rough histories (well-formed, rule-breaking)', () => {
  describeProjectionLaws(planProjection, {
    queries: planQueries,
    histories: roughHistory(),
    skip: ['additivity'],
    numRuns: 60,
  })
})
