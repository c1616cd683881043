import { type BusinessDate, type Scheme } from '@ansinh/core'
import { History } from '@ansinh/projection'
import { REFORM_UNITS, type GeneratedHistory, reformDay, reformHistory } from '@ansinh/testing'
import * as E from 'fp-ts/lib/Either.js'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { referenceDebtReport } from './reference/index.js'
import { checkedDebtReport, debtReport } from './index.js'

// geography.md: the indexed map of a day (normalised to change days, resolved codes per map)
// against the naive reference that reads the definitions literally, on histories with reforms.
const queries = (h: GeneratedHistory) =>
  fc.array(
    fc.record({
      asOf: reformDay(h),
      scheme: fc.option(fc.constantFrom<Scheme>('compulsory', 'health'), { nil: null }),
      later: fc.option(fc.integer({ min: 0, max: 800 }), { nil: null }),
      knownAt: fc.option(fc.integer({ min: Date.UTC(h.years.from, 0, 1), max: Date.UTC(h.years.to + 1, 0, 1) }), { nil: null }),
    }),
    { minLength: 1, maxLength: 3 },
  )

const plusDays = (d: BusinessDate, n: number): BusinessDate => new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10) as BusinessDate

describe('debtReport on the map of a day (properties)', () => {
  it('equals the naive reference on histories with merges, moves, dissolutions and id links, on every unit and on later maps', () => {
    fc.assert(
      fc.property(
        reformHistory().chain((h) => queries(h).map((qs) => ({ h, qs }))),
        ({ h, qs }) => {
          const history = History.of(h.positioned)
          for (const q of qs) {
            const geography = q.later === null ? null : plusDays(q.asOf, q.later)
            for (const unit of [null, ...REFORM_UNITS]) {
              const query = { asOf: q.asOf, scheme: q.scheme as never, unit, knownAt: q.knownAt, geography }
              expect(debtReport(history, query)).toEqual(referenceDebtReport(h.positioned, query))
            }
          }
        },
      ),
      { numRuns: 120 },
    )
  })

  it('refuses, as an error value, a map before the as-of date and a unit that does not exist on the map; otherwise gives the plain report', () => {
    fc.assert(
      fc.property(
        reformHistory().chain((h) => queries(h).map((qs) => ({ h, qs }))),
        ({ h, qs }) => {
          const history = History.of(h.positioned)
          for (const q of qs) {
            const before = checkedDebtReport(history, { asOf: q.asOf, scheme: q.scheme as never, unit: null, geography: plusDays(q.asOf, -1) })
            expect(E.isLeft(before) && before.left._tag).toBe('GeographyBeforeAsOf')
            for (const unit of REFORM_UNITS) {
              const query = { asOf: q.asOf, scheme: q.scheme as never, unit, knownAt: q.knownAt }
              const r = checkedDebtReport(history, query)
              if (E.isRight(r)) expect(r.right).toEqual(debtReport(history, query))
              else expect(r.left.message).toMatch(new RegExp(`^unit ${unit} does not exist on ${q.asOf}: (dissolved on \\d{4}-\\d{2}-\\d{2} into \\d+|established only on \\d{4}-\\d{2}-\\d{2})$`))
            }
          }
        },
      ),
      { numRuns: 60 },
    )
  })

  it('gives the same figures when fed one event at a time as after a full rebuild', () => {
    fc.assert(
      fc.property(
        reformHistory().chain((h) => queries(h).map((qs) => ({ h, qs }))),
        ({ h, qs }) => {
          const incremental = History.of([])
          const q = { asOf: qs[0]!.asOf, scheme: qs[0]!.scheme as never, unit: '31', knownAt: qs[0]!.knownAt }
          for (const e of h.positioned) {
            incremental.append(e)
            debtReport(incremental, q)
          }
          expect(debtReport(incremental, q)).toEqual(debtReport(History.of(h.positioned), q))
        },
      ),
      { numRuns: 60 },
    )
  })
})
