import { type BusinessDate, type Scheme, SCHEMES } from '@ansinh/core'
import { History, decodeHistorySnapshot, encodeHistorySnapshot } from '@ansinh/projection'
import { DENSE_UNITS, type GeneratedHistory, awkwardDay, denseAsOf, denseHistory, denseKnownAt } from '@ansinh/testing'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { describeReportProperties } from '@ansinh/testing/vitest'
import { revenueReport } from './index.js'
import { referenceRevenueReport } from './reference.js'

interface Query {
  asOf: BusinessDate
  unit: string | null
  scheme: Scheme | null
  year: number | null
  knownAt: number | null
}

const query = (h: GeneratedHistory): fc.Arbitrary<Query> =>
  fc.record({
    asOf: denseAsOf(h),
    unit: fc.option(fc.constantFrom<string>(...DENSE_UNITS), { nil: null }),
    scheme: fc.option(fc.constantFrom(...SCHEMES), { nil: null, freq: 2 }),
    year: fc.option(fc.constantFrom(2019, 2020, 2021), { nil: null, freq: 2 }),
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
    name: 'revenueReport',
    build: (events) => History.of(events),
    append: (h, e) => h.append(e),
    report: revenueReport,
    reference: referenceRevenueReport,
    query,
  },
  { dense: { focus: 'money' }, numRuns: 250, restore: restoredFromSnapshot },
)

describe('revenueReport (its own figures)', () => {
  it('adds the children’s money up to the parent’s, and the schemes up to the total, in a proper tree', () => {
    fc.assert(
      fc.property(
        denseHistory({ focus: 'money', tree: 'proper', events: { min: 0, max: 30 } }),
        awkwardDay(),
        fc.option(fc.constantFrom(...SCHEMES), { nil: null }),
        (h, asOf, scheme) => {
          const history = History.of(h.positioned)
          for (const unit of [null, ...h.units.provinces, ...h.units.districts]) {
            const r = revenueReport(history, { asOf, unit, scheme })
            expect(r.children.reduce((sum, c) => sum + c.collected, 0)).toBe(r.collected)
            if (scheme === null)
              expect(r.byScheme.voluntary + r.byScheme.compulsory + r.byScheme.health + r.byScheme.unemployment).toBe(
                r.collected,
              )
          }
        },
      ),
      { numRuns: 200 },
    )
  })
})
