import fc from 'fast-check'
import { describe } from 'vitest'
import { DEBT_SCHEMES } from '@ansinh/core'
import { History } from '@ansinh/projection'
import {
  type GeneratedHistory,
  type Projection,
  appendInOrder,
  asOfDate,
  childQueries,
  roughHistory,
  unitOrNational,
} from '@ansinh/testing'
import { describeProjectionLaws } from '@ansinh/testing/vitest'
import { debtReport } from './debt.js'
import type { DebtQuery, DebtReport } from './report.js'

// The debt-balance report as a projection the laws of `@ansinh/testing` hold.
const debtProjection: Projection<History, Omit<DebtQuery, 'knownAt'>, DebtReport> = {
  name: 'debtReport',
  build: (events) => History.of(events),
  append: appendInOrder((h: History, e) => h.append(e)),
  answer: (history, query, knownAt) => debtReport(history, { ...query, knownAt }),
  additivity: { measure: (a) => a.outstanding, parts: (q, a) => childQueries(q, a.children) },
}

/** One debt scheme or all, any unit or national. */
const debtQueries = (h: GeneratedHistory): fc.Arbitrary<Omit<DebtQuery, 'knownAt'>> =>
  fc.record({ asOf: asOfDate(h), scheme: fc.option(fc.constantFrom(...DEBT_SCHEMES)), unit: unitOrNational(h) })

describeProjectionLaws(debtProjection, { queries: debtQueries, numRuns: 100 })

// Well-formed histories that break the write rules: additivity does not hold there.
describe('on rough histories (well-formed, rule-breaking)', () => {
  describeProjectionLaws(debtProjection, {
    queries: debtQueries,
    histories: roughHistory(),
    skip: ['additivity'],
    numRuns: 100,
  })
})
