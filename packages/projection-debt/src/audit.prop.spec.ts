import * as E from 'fp-ts/lib/Either.js'
import type { BusinessDate } from '@ansinh/core'
import { History, endOfDayMillis, figuresOf } from '@ansinh/projection'
import { DENSE_UNITS, type GeneratedHistory, denseAsOf, denseHistory, denseKnownAt } from '@ansinh/testing'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { checkDiff, checkExplains, checkTriangle, idsOf } from '@ansinh/testing/vitest'
import { debtReport, debtRevisions, diffDebt, explainDebt } from './index.js'

interface Query {
  asOf: BusinessDate
  scheme: 'compulsory' | 'health' | 'unemployment' | null
  knownAt: number | null
  later: number | null
}

const caseArb = denseHistory().chain((h: GeneratedHistory) =>
  fc
    .record({
      asOf: denseAsOf(h),
      scheme: fc.constantFrom<'compulsory' | 'health' | 'unemployment' | null>(
        null,
        'compulsory',
        'health',
        'unemployment',
      ),
      knownAt: denseKnownAt(h),
      later: denseKnownAt(h),
    })
    .map((q: Query) => ({ events: h.positioned, q })),
)

describe('debt audit (properties)', () => {
  it("explain's count equals the figure, for every field, unit and known-at cut", () => {
    fc.assert(
      fc.property(caseArb, ({ events, q }) => {
        const history = History.of(events)
        const ids = idsOf(events)
        for (const unit of [null, ...DENSE_UNITS]) {
          const query = { asOf: q.asOf, scheme: q.scheme, unit, knownAt: q.knownAt }
          const figures = figuresOf(debtReport(history, query))
          checkExplains(
            figures,
            [...figures.keys()].filter((f) => !f.endsWith('.oldestPeriod')),
            (field) => explainDebt(history, query, field, ids),
          )
        }
      }),
      { numRuns: 60 },
    )
  })

  it("diff's causes add up to every delta, and its two sides are the reports as known then", () => {
    fc.assert(
      fc.property(caseArb, ({ events, q }) => {
        const history = History.of(events)
        const ids = idsOf(events)
        const before = q.knownAt ?? 0
        const after = q.later === null || q.later >= before ? q.later : null
        for (const unit of [null, ...DENSE_UNITS]) {
          const query = { asOf: q.asOf, scheme: q.scheme, unit }
          const d = diffDebt(history, query, before, after, ids)
          if (E.isLeft(d)) throw new Error(d.left._tag)
          const a = figuresOf(debtReport(history, { ...query, knownAt: before }))
          const b = figuresOf(debtReport(history, { ...query, knownAt: after }))
          checkDiff(d.right.fields, a, b, (f) => (f.startsWith('employers.') ? 0 : null))
        }
      }),
      { numRuns: 80 },
    )
  })

  it("the triangle's last column is the report as known now", () => {
    fc.assert(
      fc.property(caseArb, ({ events, q }) => {
        const history = History.of(events)
        const t = debtRevisions(
          history,
          { scheme: q.scheme, unit: DENSE_UNITS[0]! },
          'outstanding',
          '2020-01-01',
          '2020-06-30',
          'month',
        )
        if (E.isLeft(t)) throw new Error(t.left._tag)
        for (const row of t.right.rows)
          expect(row.now).toBe(
            debtReport(history, { asOf: row.asOf, scheme: q.scheme, unit: DENSE_UNITS[0]!, knownAt: null }).outstanding,
          )
      }),
      { numRuns: 30 },
    )
  })

  it('every cell of a triangle is the report as known at the end of its column (now in the last), for every field', () => {
    fc.assert(
      fc.property(caseArb, ({ events, q }) => {
        const history = History.of(events)
        for (const unit of [null, DENSE_UNITS[0]!]) {
          for (const field of figuresOf(
            debtReport(history, { asOf: '2020-01-31' as BusinessDate, scheme: q.scheme, unit, knownAt: null }),
          ).keys()) {
            const t = debtRevisions(history, { scheme: q.scheme, unit }, field, '2020-01-01', '2020-06-30', 'month')
            if (E.isLeft(t)) throw new Error(`${field}: ${t.left._tag}`)
            checkTriangle(
              t.right,
              field,
              endOfDayMillis,
              (asOf, knownAt) =>
                figuresOf(debtReport(history, { asOf, scheme: q.scheme, unit, knownAt })).get(field) ??
                (field.startsWith('employers.') ? 0 : null),
            )
          }
        }
      }),
      { numRuns: 15 },
    )
  })
})
