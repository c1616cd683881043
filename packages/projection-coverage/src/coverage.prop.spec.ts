import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { type BusinessDate, type Scheme } from '@ansinh/core'
import { History } from '@ansinh/projection'
import { DENSE_PARTICIPATION_SCHEMES, DENSE_UNITS, type GeneratedHistory, awkwardDay, denseAsOf, denseHistory, denseKnownAt } from '@ansinh/testing'
import { describeReportProperties } from '@ansinh/testing/vitest'
import { coverageReport } from './index.js'
import { referenceCoverageReport } from './reference.js'

interface Query {
  asOf: BusinessDate
  scheme: Scheme
  unit: string | null
  knownAt: number | null
}

const query = (h: GeneratedHistory): fc.Arbitrary<Query> =>
  fc.record({ asOf: denseAsOf(h), scheme: fc.constantFrom(...DENSE_PARTICIPATION_SCHEMES), unit: fc.option(fc.constantFrom<string>(...DENSE_UNITS), { nil: null }), knownAt: denseKnownAt(h) })

describeReportProperties(
  { name: 'coverageReport', build: (events) => History.of(events), append: (h, e) => h.append(e), report: coverageReport, reference: referenceCoverageReport, query },
  { numRuns: 250 },
)

describe('coverageReport (its own figures)', () => {
  it('adds the children up to the parent when everyone sits in a known commune of a proper tree', () => {
    fc.assert(
      fc.property(denseHistory({ tree: 'proper', events: { min: 0, max: 30 } }), awkwardDay(), fc.constantFrom(...DENSE_PARTICIPATION_SCHEMES), (h, asOf, scheme) => {
        const history = History.of(h.positioned)
        for (const unit of [null, ...h.units.provinces, ...h.units.districts]) {
          const r = coverageReport(history, { asOf, scheme, unit })
          expect(r.children.reduce((sum, c) => sum + c.participants, 0)).toBe(r.participants)
        }
      }),
      { numRuns: 200 },
    )
  })
})
