import type { BusinessDate } from '@ansinh/core'
import { History } from '@ansinh/projection'
import { referenceDebtReport } from './reference/index.js'
import { DENSE_UNITS, type GeneratedHistory, awkwardDay, denseAsOf, denseHistory, denseKnownAt, permutation, reorder } from '@ansinh/testing'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { debtReport } from './index.js'

type DebtSchemeOrAll = 'compulsory' | 'health' | 'unemployment' | null

interface Query {
  asOf: BusinessDate
  scheme: DebtSchemeOrAll
  unit: string | null
  knownAt: number | null
}

const queriesArb = (h: GeneratedHistory): fc.Arbitrary<Query[]> =>
  fc.array(
    fc.record({
      asOf: denseAsOf(h),
      scheme: fc.constantFrom<DebtSchemeOrAll>(null, 'compulsory', 'health', 'unemployment'),
      unit: fc.constantFrom<string | null>(null, ...DENSE_UNITS),
      knownAt: denseKnownAt(h),
    }),
    { minLength: 1, maxLength: 3 },
  )

const caseArb = (histories: fc.Arbitrary<GeneratedHistory>) => histories.chain((h) => queriesArb(h).map((queries) => ({ events: h.positioned, queries })))

describe('debtReport (properties)', () => {
  it('equals the naive reference on random histories, dates, schemes, units and cut-offs', () => {
    fc.assert(
      fc.property(caseArb(denseHistory()), ({ events, queries }) => {
        const history = History.of(events)
        for (const q of queries.slice(0, 2)) {
          for (const unit of [null, ...DENSE_UNITS]) expect(debtReport(history, { ...q, unit })).toEqual(referenceDebtReport(events, { ...q, unit }))
        }
      }),
      { numRuns: 200 },
    )
  })

  it('equals the naive reference on dense ledgers (same-day records, credit, several settlements)', () => {
    fc.assert(
      fc.property(caseArb(denseHistory({ events: { min: 0, max: 25 }, focus: 'debts' })), ({ events, queries }) => {
        const history = History.of(events)
        for (const q of queries.slice(0, 2)) {
          for (const unit of [null, ...DENSE_UNITS]) expect(debtReport(history, { ...q, unit })).toEqual(referenceDebtReport(events, { ...q, unit }))
        }
      }),
      { numRuns: 200 },
    )
  })

  it('gives the same figures when fed one event at a time, queried in between, as after a full rebuild', () => {
    fc.assert(
      fc.property(caseArb(denseHistory()), ({ events, queries }) => {
        const incremental = History.of([])
        for (const e of events) {
          incremental.append(e)
          debtReport(incremental, queries[0]!)
        }
        const full = History.of(events)
        for (const q of queries) expect(debtReport(incremental, q)).toEqual(debtReport(full, q))
      }),
      { numRuns: 150 },
    )
  })

  it('does not depend on the order of events when no tie-break applies', () => {
    fc.assert(
      fc.property(
        caseArb(denseHistory({ ties: false })).chain((c) => permutation(c.events.length).map((order) => ({ ...c, order }))),
        ({ events, queries, order }) => {
          const a = History.of(events)
          const b = History.of(reorder(events, order))
          for (const q of queries) {
            const { basis: ba, ...ra } = debtReport(a, q)
            const { basis: bb, ...rb } = debtReport(b, q)
            expect(rb).toEqual(ra)
            expect(bb.events).toBe(ba.events)
          }
        },
      ),
      { numRuns: 200 },
    )
  })

  it('splits the outstanding exactly by scheme, by age, by employer, and by child in a proper tree', () => {
    fc.assert(
      fc.property(denseHistory({ tree: 'proper', focus: 'debts', events: { min: 0, max: 30 } }), awkwardDay(), (h, asOf) => {
        const history = History.of(h.positioned)
        for (const unit of [null, ...h.units.provinces, ...h.units.districts]) {
          const r = debtReport(history, { asOf, unit })
          const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0)
          expect(sum(Object.values(r.byScheme))).toBe(r.outstanding)
          expect(sum(Object.values(r.aging))).toBe(r.outstanding)
          expect(sum(r.employers.map((e) => e.outstanding))).toBe(r.outstanding)
          expect(sum(r.children.map((c) => c.outstanding))).toBe(r.outstanding)
        }
      }),
      { numRuns: 200 },
    )
  })
})
