import type { BusinessDate, Scheme } from '@ansinh/core'
import { History } from '@ansinh/projection'
import { referencePlanReport } from './reference.js'
import {
  DENSE_PARTICIPATION_SCHEMES,
  DENSE_UNITS,
  type GeneratedHistory,
  denseAsOf,
  denseHistory,
  denseKnownAt,
  permutation,
  reorder,
} from '@ansinh/testing'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { planReport } from './index.js'

interface Query {
  asOf: BusinessDate
  scheme: Scheme
  unit: string | null
  year: number | null
  knownAt: number | null
}

const queriesArb = (h: GeneratedHistory): fc.Arbitrary<Query[]> =>
  fc.array(
    fc.record({
      asOf: denseAsOf(h),
      scheme: fc.constantFrom(...DENSE_PARTICIPATION_SCHEMES),
      unit: fc.constantFrom<string | null>(null, ...DENSE_UNITS),
      year: fc.option(fc.integer({ min: 2019, max: 2021 }), { nil: null }),
      knownAt: denseKnownAt(h),
    }),
    { minLength: 1, maxLength: 3 },
  )

const caseArb = (histories: fc.Arbitrary<GeneratedHistory>) => histories.chain((h) => queriesArb(h).map((queries) => ({ events: h.positioned, queries })))

describe('planReport (properties)', () => {
  it('equals the naive reference on random histories, dates, years, units and cut-offs', () => {
    fc.assert(
      fc.property(caseArb(denseHistory()), ({ events, queries }) => {
        const history = History.of(events)
        for (const q of queries.slice(0, 2)) {
          for (const unit of [null, ...DENSE_UNITS]) expect(planReport(history, { ...q, unit })).toEqual(referencePlanReport(events, { ...q, unit }))
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
          planReport(incremental, queries[0]!)
        }
        const full = History.of(events)
        for (const q of queries) expect(planReport(incremental, q)).toEqual(planReport(full, q))
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
            const { basis: ba, ...ra } = planReport(a, q)
            const { basis: bb, ...rb } = planReport(b, q)
            expect(rb).toEqual(ra)
            expect(bb.events).toBe(ba.events)
          }
        },
      ),
      { numRuns: 200 },
    )
  })

  it('keeps the laws between its figures: bands nest, expiring ≤ participants, recruits ≥ remaining', () => {
    fc.assert(
      fc.property(caseArb(denseHistory()), ({ events, queries }) => {
        const history = History.of(events)
        for (const q of queries) {
          const r = planReport(history, q)
          expect(r.bands.zero).toBeLessThanOrEqual(r.bands.below50)
          expect(r.bands.below50).toBeLessThanOrEqual(r.bands.belowTarget)
          expect(r.bands.met + r.bands.belowTarget).toBe(r.bands.withTarget)
          expect(r.expiringBeforeYearEnd).toBeLessThanOrEqual(r.participants)
          if (r.target !== null) expect(r.recruitsNeeded!).toBeGreaterThanOrEqual(r.remaining!)
          expect(r.changeVsSameDate).toBe(r.participants - r.sameDateLastYear)
        }
      }),
      { numRuns: 200 },
    )
  })
})
