import fc from 'fast-check'
import { describe } from 'vitest'
import { SCHEMES } from '@ansinh/core'
import { History } from '@ansinh/projection'
import { type GeneratedHistory, type Projection, appendInOrder, asOfDate, childQueries, roughHistory, unitOrNational } from '@ansinh/testing'
import { describeProjectionLaws } from '@ansinh/testing/vitest'
import { planReport } from './plan.js'
import type { PlanQuery, PlanReport } from './report.js'

// The plan-achievement report as a projection the laws of `@ansinh/testing` hold.
const planProjection: Projection<History, Omit<PlanQuery, 'knownAt'>, PlanReport> = {
  name: 'planReport',
  build: (events) => History.of(events),
  append: appendInOrder((h: History, e) => h.append(e)),
  answer: (history, query, knownAt) => planReport(history, { ...query, knownAt }),
  additivity: { measure: (a) => a.participants, parts: (q, a) => childQueries(q, a.children) },
  counting: {
    scheme: (q) => q.scheme,
    asOf: (q) => q.asOf,
    selects: (e, q, inUnit) => inUnit(e.unit, q.unit ?? null),
    count: (a) => a.participants,
  },
}

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
  describeProjectionLaws(planProjection, { queries: planQueries, histories: roughHistory(), skip: ['additivity'], numRuns: 60 })
})
