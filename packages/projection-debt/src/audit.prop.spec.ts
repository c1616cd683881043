import * as E from 'fp-ts/lib/Either.js'
import type { BusinessDate, PositionedEvent } from '@ansinh/core'
import { type Explanation, type FieldDelta, History, figuresOf } from '@ansinh/projection'
import { DENSE_UNITS, type GeneratedHistory, denseAsOf, denseHistory, denseKnownAt } from '@ansinh/testing'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
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
      scheme: fc.constantFrom<'compulsory' | 'health' | 'unemployment' | null>(null, 'compulsory', 'health', 'unemployment'),
      knownAt: denseKnownAt(h),
      later: denseKnownAt(h),
    })
    .map((q: Query) => ({ events: h.positioned, q })),
)

const idsOf = (events: readonly PositionedEvent[]) => {
  const byPosition = new Map(events.map((e) => [e.position, e.event.id]))
  return (p: number): string => byPosition.get(p)!
}

/** Every record list adds up to its figure, and every formula applied to its parts' counts gives the figure. */
const checkExplanation = (e: Explanation): void => {
  expect(e.count).toEqual(e.value)
  if (e.kind === 'records') expect([...e.list()].length).toBe(e.size)
  else for (const p of Object.values(e.parts)) checkExplanation(p)
}

const addsUp = (d: FieldDelta): void => {
  expect(d.delta).not.toBeNull()
  let sum = 0
  for (const c of d.causes) {
    let total = 0
    for (const r of c.records) total += r.contribution!
    expect(c.total).toBeCloseTo(total, 9)
    sum += c.total!
  }
  if (Number.isInteger(d.delta)) expect(sum).toBe(d.delta)
  else expect(sum).toBeCloseTo(d.delta!, 9)
}

describe('debt audit (properties)', () => {
  it("explain's count equals the figure, for every field, unit and known-at cut", () => {
    fc.assert(
      fc.property(caseArb, ({ events, q }) => {
        const history = History.of(events)
        const ids = idsOf(events)
        for (const unit of [null, ...DENSE_UNITS]) {
          const query = { asOf: q.asOf, scheme: q.scheme, unit, knownAt: q.knownAt }
          const report = debtReport(history, query)
          const fields = [...figuresOf(report).keys()].filter((f) => !f.endsWith('.oldestPeriod'))
          for (const field of fields) {
            const e = explainDebt(history, query, field, ids)
            if (E.isLeft(e)) throw new Error(`${field}: ${e.left._tag}`)
            expect(e.right.value).toEqual(figuresOf(report).get(field))
            checkExplanation(e.right)
          }
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
          const differing = [...new Set([...a.keys(), ...b.keys()])].filter((f) => (a.get(f) ?? (f.startsWith('employers.') ? 0 : null)) !== (b.get(f) ?? (f.startsWith('employers.') ? 0 : null)))
          expect(d.right.fields.map((f) => f.field).sort()).toEqual(differing.sort())
          for (const f of d.right.fields) {
            const missing = f.field.startsWith('employers.') ? 0 : null
            expect(f.before).toEqual(a.get(f.field) ?? missing)
            expect(f.after).toEqual(b.get(f.field) ?? missing)
            if (f.before !== null && f.after !== null) addsUp(f)
          }
        }
      }),
      { numRuns: 80 },
    )
  })

  it("the triangle's last column is the report as known now", () => {
    fc.assert(
      fc.property(caseArb, ({ events, q }) => {
        const history = History.of(events)
        const t = debtRevisions(history, { scheme: q.scheme, unit: DENSE_UNITS[0]! }, 'outstanding', '2020-01-01', '2020-06-30', 'month')
        if (E.isLeft(t)) throw new Error(t.left._tag)
        for (const row of t.right.rows) expect(row.now).toBe(debtReport(history, { asOf: row.asOf, scheme: q.scheme, unit: DENSE_UNITS[0]!, knownAt: null }).outstanding)
      }),
      { numRuns: 30 },
    )
  })
})
