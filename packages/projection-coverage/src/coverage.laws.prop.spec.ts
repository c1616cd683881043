import fc from 'fast-check'
import { describe } from 'vitest'
import { SCHEMES, type Scheme } from '@ansinh/core'
import { History } from '@ansinh/projection'
import {
  type GeneratedHistory,
  type Projection,
  appendInOrder,
  asOfDate,
  childQueries,
  participantReport,
  roughHistory,
  unitOrNational,
} from '@ansinh/testing'
import { describeProjectionLaws } from '@ansinh/testing/vitest'
import { coverageReport } from './coverage.js'
import type { CoverageQuery, CoverageReport } from './report.js'

// The coverage report as a projection the laws of `@ansinh/testing` hold (its query without
// `knownAt`: the laws supply it).
type SchemeQuery = Omit<CoverageQuery, 'knownAt' | 'scheme'> & { readonly scheme: Scheme }
const coverageProjection: Projection<History, SchemeQuery, CoverageReport> = participantReport(
  'coverageReport',
  { build: (events) => History.of(events), append: (h, e) => h.append(e) },
  (history, query, knownAt) => coverageReport(history, { ...query, knownAt }),
)

/** Any scheme, any unit or national, dates at the history's edges. */
const coverageQueries = (h: GeneratedHistory): fc.Arbitrary<SchemeQuery> =>
  fc.record({ asOf: asOfDate(h), scheme: fc.constantFrom(...SCHEMES), unit: unitOrNational(h) })

describeProjectionLaws(coverageProjection, { queries: coverageQueries, numRuns: 100 })

// Read models are defined for every well-formed history, including ones that break the write rules;
// additivity does not hold there (participants in units nobody established count only nationally).
describe('on rough histories (well-formed, rule-breaking)', () => {
  describeProjectionLaws(coverageProjection, {
    queries: coverageQueries,
    histories: roughHistory(),
    skip: ['additivity'],
    numRuns: 100,
  })
})

// Everyone covered (scheme any): additive over the children like one scheme; the counting oracle
// counts one scheme at a time, so it does not apply.
const anyProjection: Projection<History, Omit<CoverageQuery, 'knownAt'>, CoverageReport> = {
  name: 'coverageReport (any)',
  build: (events) => History.of(events),
  append: appendInOrder((h: History, e) => h.append(e)),
  answer: (history, query, knownAt) => coverageReport(history, { ...query, knownAt }),
  additivity: { measure: (a) => a.participants, parts: (q, a) => childQueries(q, a.children) },
}
describe('with scheme any', () => {
  describeProjectionLaws(anyProjection, {
    queries: (h) => fc.record({ asOf: asOfDate(h), scheme: fc.constant('any' as const), unit: unitOrNational(h) }),
    numRuns: 100,
  })
})
