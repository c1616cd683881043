import fc from 'fast-check'
import { describe } from 'vitest'
import { SCHEMES } from '@ansinh/core'
import { History } from '@ansinh/projection'
import {
  type GeneratedHistory,
  type Projection,
  appendInOrder,
  asOfDate,
  childQueries,
  denseHistory,
  roughHistory,
  unitOrNational,
} from '@ansinh/testing'
import { describeProjectionLaws } from '@ansinh/testing/vitest'
import { revenueReport } from './revenue.js'
import type { RevenueQuery, RevenueReport } from './report.js'

// The revenue report as a projection the laws of `@ansinh/testing` hold: the money of the children
// adds up to the parent's.
const revenueProjection: Projection<History, Omit<RevenueQuery, 'knownAt'>, RevenueReport> = {
  name: 'revenueReport',
  build: (events) => History.of(events),
  append: appendInOrder((h: History, e) => h.append(e)),
  answer: (history, query, knownAt) => revenueReport(history, { ...query, knownAt }),
  additivity: { measure: (a) => a.collected, parts: (q, a) => childQueries(q, a.children) },
}

/** One scheme or all, any unit or national. */
const revenueQueries = (h: GeneratedHistory): fc.Arbitrary<Omit<RevenueQuery, 'knownAt'>> =>
  fc.record({ asOf: asOfDate(h), scheme: fc.option(fc.constantFrom(...SCHEMES)), unit: unitOrNational(h) })

describeProjectionLaws(revenueProjection, { queries: revenueQueries, numRuns: 100 })

describe('on dense money histories in a proper tree', () => {
  describeProjectionLaws(revenueProjection, {
    queries: revenueQueries,
    histories: denseHistory({ focus: 'money', tree: 'proper' }),
    numRuns: 100,
  })
})

// Well-formed histories that break the write rules: additivity does not hold there.
describe('on rough histories (well-formed, rule-breaking)', () => {
  describeProjectionLaws(revenueProjection, {
    queries: revenueQueries,
    histories: roughHistory(),
    skip: ['additivity'],
    numRuns: 100,
  })
})
