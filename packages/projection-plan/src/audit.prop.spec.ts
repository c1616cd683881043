import * as E from 'fp-ts/lib/Either.js'
import type { BusinessDate, Scheme } from '@ansinh/core'
import { History, endOfDayMillis, figuresOf } from '@ansinh/projection'
import {
  DENSE_PARTICIPATION_SCHEMES,
  DENSE_UNITS,
  type GeneratedHistory,
  denseAsOf,
  denseHistory,
  denseKnownAt,
} from '@ansinh/testing'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { checkDiff, checkExplains, checkTriangle, idsOf } from '@ansinh/testing/vitest'
import { diffPlan, explainPlan, planReport, planRevisions } from './index.js'

interface Query {
  asOf: BusinessDate
  scheme: Scheme
  year: number | null
  knownAt: number | null
  later: number | null
}

const caseArb = denseHistory().chain((h: GeneratedHistory) =>
  fc
    .record({
      asOf: denseAsOf(h),
      scheme: fc.constantFrom(...DENSE_PARTICIPATION_SCHEMES),
      year: fc.option(fc.integer({ min: 2019, max: 2021 }), { nil: null }),
      knownAt: denseKnownAt(h),
      later: denseKnownAt(h),
    })
    .map((q: Query) => ({ events: h.positioned, q })),
)

describe('plan audit (properties)', () => {
  it("explain's count equals the figure, for every field, unit and known-at cut", () => {
    fc.assert(
      fc.property(caseArb, ({ events, q }) => {
        const history = History.of(events)
        const ids = idsOf(events)
        for (const unit of [null, ...DENSE_UNITS]) {
          const query = { asOf: q.asOf, scheme: q.scheme, unit, year: q.year, knownAt: q.knownAt }
          const figures = figuresOf(planReport(history, query))
          checkExplains(figures, [...figures.keys()], (field) => explainPlan(history, query, field, ids))
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
          const query = { asOf: q.asOf, scheme: q.scheme, unit, year: q.year }
          const d = diffPlan(history, query, before, after, ids)
          if (E.isLeft(d)) throw new Error(d.left._tag)
          const a = figuresOf(planReport(history, { ...query, knownAt: before }))
          const b = figuresOf(planReport(history, { ...query, knownAt: after }))
          checkDiff(d.right.fields, a, b)
        }
      }),
      { numRuns: 80 },
    )
  })

  it("the triangle's last column is the report as known now", () => {
    fc.assert(
      fc.property(caseArb, ({ events, q }) => {
        const history = History.of(events)
        const t = planRevisions(
          history,
          { scheme: q.scheme, unit: DENSE_UNITS[0]!, year: null },
          'participants',
          '2020-01-01',
          '2020-06-30',
          'month',
        )
        if (E.isLeft(t)) throw new Error(t.left._tag)
        for (const row of t.right.rows)
          expect(row.now).toBe(
            planReport(history, { asOf: row.asOf, scheme: q.scheme, unit: DENSE_UNITS[0]!, knownAt: null })
              .participants,
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
            planReport(history, {
              asOf: '2020-01-31' as BusinessDate,
              scheme: q.scheme,
              unit,
              year: q.year,
              knownAt: null,
            }),
          ).keys()) {
            const t = planRevisions(
              history,
              { scheme: q.scheme, unit, year: q.year },
              field,
              '2020-01-01',
              '2020-06-30',
              'month',
            )
            if (E.isLeft(t)) throw new Error(`${field}: ${t.left._tag}`)
            checkTriangle(
              t.right,
              field,
              endOfDayMillis,
              (asOf, knownAt) =>
                figuresOf(planReport(history, { asOf, scheme: q.scheme, unit, year: q.year, knownAt })).get(field) ??
                null,
            )
          }
        }
      }),
      { numRuns: 15 },
    )
  })
})
