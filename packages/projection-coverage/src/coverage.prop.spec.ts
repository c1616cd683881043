import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { type BusinessDate, type Scheme } from '@ansinh/core'
import { History } from '@ansinh/projection'
import {
  DENSE_PARTICIPATION_SCHEMES,
  DENSE_UNITS,
  type GeneratedHistory,
  awkwardDay,
  denseAsOf,
  denseHistory,
  denseKnownAt,
} from '@ansinh/testing'
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
  fc.record({
    asOf: denseAsOf(h),
    scheme: fc.constantFrom(...DENSE_PARTICIPATION_SCHEMES),
    unit: fc.option(fc.constantFrom<string>(...DENSE_UNITS), { nil: null }),
    knownAt: denseKnownAt(h),
  })

describeReportProperties(
  {
    name: 'coverageReport',
    build: (events) => History.of(events),
    append: (h, e) => h.append(e),
    report: coverageReport,
    reference: referenceCoverageReport,
    query,
  },
  { numRuns: 250 },
)

describe('coverageReport (its own figures)', () => {
  it('adds the children up to the parent when everyone sits in a known commune of a proper tree', () => {
    fc.assert(
      fc.property(
        denseHistory({ tree: 'proper', events: { min: 0, max: 30 } }),
        awkwardDay(),
        fc.constantFrom(...DENSE_PARTICIPATION_SCHEMES),
        (h, asOf, scheme) => {
          const history = History.of(h.positioned)
          for (const unit of [null, ...h.units.provinces, ...h.units.districts]) {
            const r = coverageReport(history, { asOf, scheme, unit })
            expect(r.children.reduce((sum, c) => sum + c.participants, 0)).toBe(r.participants)
          }
        },
      ),
      { numRuns: 200 },
    )
  })
})

// Everyone covered, whatever the scheme: the same three properties against the reference.
describeReportProperties(
  {
    name: 'coverageReport with scheme any',
    build: (events) => History.of(events),
    append: (h, e) => h.append(e),
    report: coverageReport,
    reference: referenceCoverageReport,
    query: (h) => query(h).map((q) => ({ ...q, scheme: 'any' as const })),
  },
  {
    // one person's enrolments under two schemes from the same day tie across schemes (the later
    // position wins, agents-revenue.md), and `ties: false` histories avoid ties within a scheme only
    orderIndependent: false,
  },
)

describe('coverageReport with scheme any (its own figures)', () => {
  it('adds the children up to the parent in a proper tree, and never counts fewer than one scheme does', () => {
    fc.assert(
      fc.property(denseHistory({ tree: 'proper', events: { min: 0, max: 30 } }), awkwardDay(), (h, asOf) => {
        const history = History.of(h.positioned)
        for (const unit of [null, ...h.units.provinces, ...h.units.districts]) {
          const r = coverageReport(history, { asOf, scheme: 'any', unit })
          expect(r.children.reduce((sum, c) => sum + c.participants, 0)).toBe(r.participants)
          // nationally, everyone covered by one scheme is covered by any (a unit may lose them to another unit)
          if (unit === null)
            for (const scheme of DENSE_PARTICIPATION_SCHEMES)
              expect(r.participants).toBeGreaterThanOrEqual(
                coverageReport(history, { asOf, scheme, unit }).participants,
              )
        }
      }),
      { numRuns: 150 },
    )
  })
})
