import { type BusinessDate, type Scheme } from '@ansinh/core'
import { History } from '@ansinh/projection'
import { referenceCoverageReport } from './reference.js'
import {
  DENSE_PARTICIPATION_SCHEMES,
  DENSE_UNITS,
  type GeneratedHistory,
  awkwardDay,
  denseAsOf,
  denseHistory,
  denseKnownAt,
  permutation,
  reorder,
} from '@ansinh/testing'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { coverageReport } from './index.js'

interface Query {
  asOf: BusinessDate
  scheme: Scheme
  unit: string | null
  knownAt: number | null
}

const queriesArb = (h: GeneratedHistory): fc.Arbitrary<Query[]> =>
  fc.array(
    fc.record({ asOf: denseAsOf(h), scheme: fc.constantFrom(...DENSE_PARTICIPATION_SCHEMES), unit: fc.option(fc.constantFrom<string>(...DENSE_UNITS), { nil: null }), knownAt: denseKnownAt(h) }),
    { minLength: 1, maxLength: 4 },
  )

const caseArb = (histories: fc.Arbitrary<GeneratedHistory>) => histories.chain((h) => queriesArb(h).map((queries) => ({ events: h.positioned, queries })))

describe('coverageReport (properties)', () => {
  it('equals the naive reference on random histories, dates, units and cut-offs', () => {
    fc.assert(
      fc.property(caseArb(denseHistory()), ({ events, queries }) => {
        const history = History.of(events)
        // every unit for each date and cut-off: a tie-break shows only in the right subtree
        for (const q of queries.slice(0, 2)) {
          for (const unit of [null, ...DENSE_UNITS]) expect(coverageReport(history, { ...q, unit })).toEqual(referenceCoverageReport(events, { ...q, unit }))
        }
      }),
      { numRuns: 250 },
    )
  })

  it('gives the same figures when fed one event at a time, queried in between, as after a full rebuild', () => {
    fc.assert(
      fc.property(caseArb(denseHistory()), ({ events, queries }) => {
        const incremental = History.of([])
        for (const e of events) {
          incremental.append(e)
          coverageReport(incremental, queries[0]!)
        }
        const full = History.of(events)
        for (const q of queries) expect(coverageReport(incremental, q)).toEqual(coverageReport(full, q))
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
            const { basis: ba, ...ra } = coverageReport(a, q)
            const { basis: bb, ...rb } = coverageReport(b, q)
            expect(rb).toEqual(ra)
            expect(bb.events).toBe(ba.events)
          }
        },
      ),
      { numRuns: 200 },
    )
  })

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

describe('coverageReport with scheme any (properties)', () => {
  it('equals the naive reference on random histories, dates, units and cut-offs', () => {
    fc.assert(
      fc.property(caseArb(denseHistory()), ({ events, queries }) => {
        const history = History.of(events)
        for (const q of queries.slice(0, 2)) {
          for (const unit of [null, ...DENSE_UNITS]) expect(coverageReport(history, { ...q, scheme: 'any', unit })).toEqual(referenceCoverageReport(events, { ...q, scheme: 'any', unit }))
        }
      }),
      { numRuns: 200 },
    )
  })

  it('adds the children up to the parent in a proper tree, and never counts fewer than one scheme does', () => {
    fc.assert(
      fc.property(denseHistory({ tree: 'proper', events: { min: 0, max: 30 } }), awkwardDay(), (h, asOf) => {
        const history = History.of(h.positioned)
        for (const unit of [null, ...h.units.provinces, ...h.units.districts]) {
          const r = coverageReport(history, { asOf, scheme: 'any', unit })
          expect(r.children.reduce((sum, c) => sum + c.participants, 0)).toBe(r.participants)
          // nationally, everyone covered by one scheme is covered by any (a unit may lose them to another unit)
          if (unit === null) for (const scheme of DENSE_PARTICIPATION_SCHEMES) expect(r.participants).toBeGreaterThanOrEqual(coverageReport(history, { asOf, scheme, unit }).participants)
        }
      }),
      { numRuns: 150 },
    )
  })

  it('gives the same figures fed one event at a time as after a full rebuild', () => {
    fc.assert(
      fc.property(caseArb(denseHistory()), ({ events, queries }) => {
        const incremental = History.of([])
        for (const e of events) {
          incremental.append(e)
          coverageReport(incremental, { ...queries[0]!, scheme: 'any' })
        }
        const full = History.of(events)
        for (const q of queries) expect(coverageReport(incremental, { ...q, scheme: 'any' })).toEqual(coverageReport(full, { ...q, scheme: 'any' }))
      }),
      { numRuns: 100 },
    )
  })
})
