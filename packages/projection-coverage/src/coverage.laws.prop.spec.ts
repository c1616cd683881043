import fc from 'fast-check'
import { describe } from 'vitest'
import { SCHEMES } from '@ansinh/core'
import { History } from '@ansinh/projection'
import { type GeneratedHistory, type Projection, asOfDate, participantReport, roughHistory, unitOrNational } from '@ansinh/testing'
import { describeProjectionLaws } from '@ansinh/testing/vitest'
import { coverageReport } from './coverage.js'
import type { CoverageQuery, CoverageReport } from './report.js'

// The coverage report as a projection the laws of `@ansinh/testing` hold (its query without
// `knownAt`: the laws supply it).
const coverageProjection: Projection<History, Omit<CoverageQuery, 'knownAt'>, CoverageReport> = participantReport(
  'coverageReport',
  { build: (events) => History.of(events), append: (h, e) => h.append(e) },
  (history, query, knownAt) => coverageReport(history, { ...query, knownAt }),
)

/** Any scheme, any unit or national, dates at the history's edges. */
const coverageQueries = (h: GeneratedHistory): fc.Arbitrary<Omit<CoverageQuery, 'knownAt'>> =>
  fc.record({ asOf: asOfDate(h), scheme: fc.constantFrom(...SCHEMES), unit: unitOrNational(h) })

describeProjectionLaws(coverageProjection, { queries: coverageQueries, numRuns: 100 })

// Read models are defined for every well-formed history, including ones that break the write rules;
// additivity does not hold there (participants in units nobody established count only nationally).
describe('on rough histories (well-formed, rule-breaking)', () => {
  describeProjectionLaws(coverageProjection, { queries: coverageQueries, histories: roughHistory(), skip: ['additivity'], numRuns: 100 })
})
