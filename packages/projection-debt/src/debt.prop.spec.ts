import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { BusinessDate } from '@ansinh/core'
import { History } from '@ansinh/projection'
import { DENSE_UNITS, type GeneratedHistory, awkwardDay, denseAsOf, denseHistory, denseKnownAt } from '@ansinh/testing'
import { describeReportProperties } from '@ansinh/testing/vitest'
import { debtReport } from './index.js'
import { referenceDebtReport } from './reference/index.js'

type DebtSchemeOrAll = 'compulsory' | 'health' | 'unemployment' | null

interface Query {
  asOf: BusinessDate
  scheme: DebtSchemeOrAll
  unit: string | null
  knownAt: number | null
}

const query = (h: GeneratedHistory): fc.Arbitrary<Query> =>
  fc.record({
    asOf: denseAsOf(h),
    scheme: fc.constantFrom<DebtSchemeOrAll>(null, 'compulsory', 'health', 'unemployment'),
    unit: fc.constantFrom<string | null>(null, ...DENSE_UNITS),
    knownAt: denseKnownAt(h),
  })

describeReportProperties(
  {
    name: 'debtReport',
    build: (events) => History.of(events),
    append: (h, e) => h.append(e),
    report: debtReport,
    reference: referenceDebtReport,
    query,
  },
  {
    histories: {
      'dense ledgers (same-day records, credit, several settlements)': denseHistory({
        events: { min: 0, max: 25 },
        focus: 'debts',
      }),
    },
  },
)

describe('debtReport (its own figures)', () => {
  it('splits the outstanding exactly by scheme, by age, by employer, and by child in a proper tree', () => {
    fc.assert(
      fc.property(
        denseHistory({ tree: 'proper', focus: 'debts', events: { min: 0, max: 30 } }),
        awkwardDay(),
        (h, asOf) => {
          const history = History.of(h.positioned)
          for (const unit of [null, ...h.units.provinces, ...h.units.districts]) {
            const r = debtReport(history, { asOf, unit })
            const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0)
            expect(sum(Object.values(r.byScheme))).toBe(r.outstanding)
            expect(sum(Object.values(r.aging))).toBe(r.outstanding)
            expect(sum(r.employers.map((e) => e.outstanding))).toBe(r.outstanding)
            expect(sum(r.children.map((c) => c.outstanding))).toBe(r.outstanding)
          }
        },
      ),
      { numRuns: 200 },
    )
  })
})
