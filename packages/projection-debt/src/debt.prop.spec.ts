import type { BusinessDate } from '@ansinh/core'
import { History, type PositionedEvent } from '@ansinh/projection'
import { referenceDebtReport } from '@ansinh/projection/reference'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { UNITS, asOfArb, debtBodyArb, historyArb, historyWithoutTiesArb, knownAtArb, permutationArb, reorder } from '../../projection/test/arbitraries.js'
import { established, owed, positioned, settled } from '../../projection/test/fixtures.js'
import { debtReport } from './index.js'

type DebtSchemeOrAll = 'compulsory' | 'health' | 'unemployment' | null

interface Query {
  asOf: BusinessDate
  scheme: DebtSchemeOrAll
  unit: string | null
  knownAt: number | null
}

const queriesArb = (events: PositionedEvent[]): fc.Arbitrary<Query[]> =>
  fc.array(
    fc.record({
      asOf: asOfArb(events),
      scheme: fc.constantFrom<DebtSchemeOrAll>(null, 'compulsory', 'health', 'unemployment'),
      unit: fc.constantFrom(null, ...UNITS),
      knownAt: knownAtArb(events),
    }),
    { minLength: 1, maxLength: 3 },
  )

const caseArb = (histories: fc.Arbitrary<PositionedEvent[]>) => histories.chain((events) => queriesArb(events).map((queries) => ({ events, queries })))

describe('debtReport (properties)', () => {
  it('equals the naive reference on random histories, dates, schemes, units and cut-offs', () => {
    fc.assert(
      fc.property(caseArb(historyArb()), ({ events, queries }) => {
        const history = History.of(events)
        for (const q of queries.slice(0, 2)) {
          for (const unit of [null, ...UNITS]) expect(debtReport(history, { ...q, unit })).toEqual(referenceDebtReport(events, { ...q, unit }))
        }
      }),
      { numRuns: 200 },
    )
  })

  it('equals the naive reference on dense ledgers (same-day records, credit, several settlements)', () => {
    fc.assert(
      fc.property(caseArb(historyArb(25, debtBodyArb)), ({ events, queries }) => {
        const history = History.of(events)
        for (const q of queries.slice(0, 2)) {
          for (const unit of [null, ...UNITS]) expect(debtReport(history, { ...q, unit })).toEqual(referenceDebtReport(events, { ...q, unit }))
        }
      }),
      { numRuns: 200 },
    )
  })

  it('gives the same figures when fed one event at a time, queried in between, as after a full rebuild', () => {
    fc.assert(
      fc.property(caseArb(historyArb()), ({ events, queries }) => {
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
        caseArb(historyWithoutTiesArb()).chain((c) => permutationArb(c.events.length).map((order) => ({ ...c, order }))),
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
    const tree = [established('10', 'Mười'), established('101', 'A', '10'), established('10101', 'B', '101'), established('10102', 'C', '101'), established('11', 'D')]
    const communes = ['10101', '10102', '11']
    const month = fc.record({ y: fc.integer({ min: 2018, max: 2020 }), m: fc.integer({ min: 1, max: 12 }) }).map(({ y, m }) => `${y}-${String(m).padStart(2, '0')}`)
    const day = fc.integer({ min: 17_532, max: 18_627 }).map((n) => new Date(n * 86_400_000).toISOString().slice(0, 10))
    const eventArb = fc.oneof(
      fc.tuple(fc.constantFrom('A', 'B'), fc.constantFrom(...communes), fc.constantFrom('compulsory', 'health') , month, fc.integer({ min: 1, max: 90 }), day).map(([e, u, s, p, a, d]) =>
        owed(e, u, s as 'compulsory' | 'health', p, a, d),
      ),
      fc.tuple(fc.constantFrom('A', 'B'), fc.constantFrom('compulsory', 'health'), fc.integer({ min: 1, max: 120 }), day).map(([e, s, a, d]) => settled(e, s as 'compulsory' | 'health', a, d)),
    )
    fc.assert(
      fc.property(fc.array(eventArb, { maxLength: 30 }), day, (events, asOf) => {
        const history = History.of(positioned([...tree, ...events]))
        for (const unit of [null, '10', '101']) {
          const r = debtReport(history, { asOf: asOf as BusinessDate, unit })
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
