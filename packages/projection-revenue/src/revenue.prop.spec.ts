import { type BusinessDate, type Scheme, SCHEMES } from '@ansinh/core'
import { History, decodeHistorySnapshot, encodeHistorySnapshot } from '@ansinh/projection'
import { DENSE_UNITS, type GeneratedHistory, awkwardDay, denseAsOf, denseHistory, denseKnownAt } from '@ansinh/testing'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { revenueReport } from './index.js'
import { referenceRevenueReport } from './reference.js'

interface Query {
  asOf: BusinessDate
  unit: string | null
  scheme: Scheme | null
  year: number | null
  knownAt: number | null
}

const queriesArb = (h: GeneratedHistory): fc.Arbitrary<Query[]> =>
  fc.array(
    fc.record({
      asOf: denseAsOf(h),
      unit: fc.option(fc.constantFrom<string>(...DENSE_UNITS), { nil: null }),
      scheme: fc.option(fc.constantFrom(...SCHEMES), { nil: null, freq: 2 }),
      year: fc.option(fc.constantFrom(2019, 2020, 2021), { nil: null, freq: 2 }),
      knownAt: denseKnownAt(h),
    }),
    { minLength: 1, maxLength: 4 },
  )

const caseArb = (histories: fc.Arbitrary<GeneratedHistory>) => histories.chain((h) => queriesArb(h).map((queries) => ({ events: h.positioned, queries })))

describe('revenueReport (properties)', () => {
  it('equals the naive reference on random histories, dates, units, schemes, years and cut-offs', () => {
    fc.assert(
      fc.property(caseArb(denseHistory({ focus: 'money' })), ({ events, queries }) => {
        const history = History.of(events)
        for (const q of queries.slice(0, 2)) {
          for (const unit of [null, ...DENSE_UNITS]) expect(revenueReport(history, { ...q, unit })).toEqual(referenceRevenueReport(events, { ...q, unit }))
        }
      }),
      { numRuns: 250 },
    )
  })

  it('gives the same figures fed one event at a time, queried in between, and after a snapshot', () => {
    fc.assert(
      fc.property(caseArb(denseHistory({ focus: 'money' })), ({ events, queries }) => {
        const incremental = History.of([])
        for (const e of events) {
          incremental.append(e)
          revenueReport(incremental, queries[0]!)
        }
        const full = History.of(events)
        const restored = decodeHistorySnapshot(encodeHistorySnapshot(full))
        if (restored._tag === 'Left') throw new Error(restored.left.message)
        for (const q of queries) {
          expect(revenueReport(incremental, q)).toEqual(revenueReport(full, q))
          expect(revenueReport(restored.right, q)).toEqual(revenueReport(full, q))
        }
      }),
      { numRuns: 150 },
    )
  })

  it('adds the children’s money up to the parent’s, and the schemes up to the total, in a proper tree', () => {
    fc.assert(
      fc.property(denseHistory({ focus: 'money', tree: 'proper', events: { min: 0, max: 30 } }), awkwardDay(), fc.option(fc.constantFrom(...SCHEMES), { nil: null }), (h, asOf, scheme) => {
        const history = History.of(h.positioned)
        for (const unit of [null, ...h.units.provinces, ...h.units.districts]) {
          const r = revenueReport(history, { asOf, unit, scheme })
          expect(r.children.reduce((sum, c) => sum + c.collected, 0)).toBe(r.collected)
          if (scheme === null) expect(r.byScheme.voluntary + r.byScheme.compulsory + r.byScheme.health + r.byScheme.unemployment).toBe(r.collected)
        }
      }),
      { numRuns: 200 },
    )
  })
})
