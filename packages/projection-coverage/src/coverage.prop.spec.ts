import { type BusinessDate, type Scheme } from '@ansinh/core'
import { History, type PositionedEvent } from '@ansinh/projection'
import { referenceCoverageReport } from '@ansinh/projection/reference'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  PARTICIPATION_SCHEMES,
  UNITS,
  asOfArb,
  dateArb,
  historyArb,
  historyWithoutTiesArb,
  knownAtArb,
  permutationArb,
  queryUnitArb,
  reorder,
} from '../../projection/test/arbitraries.js'
import { day, enrolled, established, positioned } from '../../projection/test/fixtures.js'
import { coverageReport } from './index.js'

interface Query {
  asOf: BusinessDate
  scheme: Scheme
  unit: string | null
  knownAt: number | null
}

const queriesArb = (events: PositionedEvent[]): fc.Arbitrary<Query[]> =>
  fc.array(fc.record({ asOf: asOfArb(events), scheme: fc.constantFrom(...PARTICIPATION_SCHEMES), unit: queryUnitArb, knownAt: knownAtArb(events) }), {
    minLength: 1,
    maxLength: 4,
  })

const caseArb = (histories: fc.Arbitrary<PositionedEvent[]>) =>
  histories.chain((events) => queriesArb(events).map((queries) => ({ events, queries })))

describe('coverageReport (properties)', () => {
  it('equals the naive reference on random histories, dates, units and cut-offs', () => {
    fc.assert(
      fc.property(caseArb(historyArb()), ({ events, queries }) => {
        const history = History.of(events)
        // every unit for each date and cut-off: a tie-break shows only in the right subtree
        for (const q of queries.slice(0, 2)) {
          for (const unit of [null, ...UNITS]) expect(coverageReport(history, { ...q, unit })).toEqual(referenceCoverageReport(events, { ...q, unit }))
        }
      }),
      { numRuns: 250 },
    )
  })

  it('gives the same figures when fed one event at a time, queried in between, as after a full rebuild', () => {
    fc.assert(
      fc.property(caseArb(historyArb()), ({ events, queries }) => {
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
        caseArb(historyWithoutTiesArb()).chain((c) => permutationArb(c.events.length).map((order) => ({ ...c, order }))),
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
    const tree = [
      established('10', 'Mười'),
      established('11', 'Mười một'),
      established('101', 'A', '10'),
      established('102', 'B', '10'),
      established('10101', 'C', '101'),
      established('10102', 'D', '101'),
      established('10201', 'E', '102'),
      established('11101', 'F', '11'),
    ]
    const communes = ['10101', '10102', '10201', '11101']
    const enrolmentArb = fc
      .record({
        p: fc.integer({ min: 1, max: 6 }),
        unit: fc.constantFrom(...communes),
        from: dateArb,
        days: fc.option(fc.integer({ min: 0, max: 400 }), { nil: null }),
      })
      .map(({ p, unit, from, days }) =>
        enrolled(String(p).padStart(10, '0'), 'health', unit, from, days === null ? null : new Date(Date.parse(from) + days * 86_400_000).toISOString().slice(0, 10)),
      )
    fc.assert(
      fc.property(fc.array(enrolmentArb, { maxLength: 30 }), dateArb, (enrolments, asOf) => {
        const history = History.of(positioned([...tree, ...enrolments]))
        for (const unit of [null, '10', '101', '102', '11']) {
          const r = coverageReport(history, { asOf: day(asOf), scheme: 'health', unit })
          expect(r.children.reduce((sum, c) => sum + c.participants, 0)).toBe(r.participants)
        }
      }),
      { numRuns: 200 },
    )
  })
})
