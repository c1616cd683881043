import * as E from 'fp-ts/lib/Either.js'
import type { DomainEvent } from '@ansinh/core'
import { type Explanation, History } from '@ansinh/projection'
import { assigned, day, enrolled, established, positioned } from '@ansinh/testing/fixtures'
import { idsOf } from '@ansinh/testing/vitest'
import { describe, expect, it } from 'vitest'
import { explainPlan, planReport } from './index.js'

// Province 04 and six districts, one of each standing against its voluntary target for 2020:
// 041 met (2 of 2), 042 a quarter (1 of 4), 043 half (1 of 2), 044 none (0 of 3), 045 no target,
// 046 a target of 0 (counts in no band).
const targets: Record<string, number | null> = { '041': 2, '042': 4, '043': 2, '044': 3, '045': null, '046': 0 }
const members: Record<string, number> = { '041': 2, '042': 1, '043': 1, '044': 0, '045': 1, '046': 1 }
let next = 0
const events: DomainEvent[] = [
  established('04', 'Tỉnh Bốn'),
  ...Object.keys(targets).map((u) => established(u, `Huyện ${u}`, '04')),
  assigned('04', 'voluntary', 2020, 12, '2020-01-15'),
  ...Object.entries(targets).flatMap(([u, t]) => (t === null ? [] : [assigned(u, 'voluntary', 2020, t, '2020-01-15')])),
  ...Object.entries(members).flatMap(([u, n]) =>
    Array.from({ length: n }, () =>
      enrolled(String(1_000_000_000 + next++), 'voluntary', u, '2020-01-01', '2020-06-30'),
    ),
  ),
]
const history = History.of(positioned(events))
const ids = idsOf(positioned(events))
const query = { asOf: day('2020-03-31'), scheme: 'voluntary' as const, unit: '04' }
const explain = (field: string): Explanation => {
  const e = explainPlan(history, query, field, ids)
  if (E.isLeft(e)) throw new Error(`${field}: ${e.left._tag}`)
  return e.right
}

/** An explanation's shape: each formula's text and each record list's kind, by part. */
const shape = (e: Explanation): unknown =>
  e.kind === 'records'
    ? e.records
    : { formula: e.formula, ...Object.fromEntries(Object.entries(e.parts).map(([k, p]) => [k, shape(p)])) }

describe('explainPlan', () => {
  it("lists each band's children: those with a target above 0, as they stand against it", () => {
    expect(planReport(history, query).bands).toEqual({ withTarget: 4, met: 1, belowTarget: 3, below50: 2, zero: 1 })
    const units = (band: string): unknown => {
      const e = explain(`bands.${band}`)
      if (e.kind !== 'records') throw new Error(`bands.${band} is a formula`)
      expect([e.records, e.count, e.value]).toEqual(['children', e.size, e.size])
      return [...e.list()].map((c) => (c as { unit: string }).unit)
    }
    expect(
      Object.fromEntries(['withTarget', 'met', 'belowTarget', 'below50', 'zero'].map((b) => [b, units(b)])),
    ).toEqual({
      withTarget: ['041', '042', '043', '044'],
      met: ['041'],
      belowTarget: ['042', '043', '044'],
      below50: ['042', '044'],
      zero: ['044'],
    })
  })

  it('explains each figure by the records or the formula it is made of', () => {
    const participants = 'participants'
    const expected = {
      participants,
      target: 'quotas',
      achievement: { formula: 'participants / target', participants, target: 'quotas' },
      remaining: { formula: 'max(0, target − participants)', target: 'quotas', participants },
      expiringBeforeYearEnd: participants,
      recruitsNeeded: {
        formula: 'max(0, target − (participants − expiringBeforeYearEnd))',
        target: 'quotas',
        participants,
        expiringBeforeYearEnd: participants,
      },
      sameDateLastYear: participants,
      changeVsSameDate: { formula: 'participants − sameDateLastYear', participants, sameDateLastYear: participants },
      changeVsSameDatePct: {
        formula: '(participants − sameDateLastYear) / sameDateLastYear',
        participants,
        sameDateLastYear: participants,
      },
      endOfPreviousYear: participants,
      changeVsEndOfPreviousYear: {
        formula: 'participants − endOfPreviousYear',
        participants,
        endOfPreviousYear: participants,
      },
      newInYear: participants,
      'children.042.participants': participants,
      'children.042.target': 'quotas',
      'children.042.achievement': { formula: 'participants / target', participants, target: 'quotas' },
    }
    expect(Object.fromEntries(Object.keys(expected).map((f) => [f, shape(explain(f))]))).toEqual(expected)
    // the counts behind them: 6 covered on 31 March, a target of 12, all 6 expiring before year end
    const e = explain('recruitsNeeded')
    expect([e.value, e.count]).toEqual([12, 12])
    expect(explain('children.042.achievement').count).toBe(0.25)
  })

  it('refuses a child that is not one, and a field a child does not have, naming what there is', () => {
    expect(explainPlan(history, query, 'children.999.participants', ids)).toEqual(
      E.left(
        expect.objectContaining({
          _tag: 'NotAFigure',
          message: expect.stringContaining(
            '999 is not a child unit of 04 (children: 041, 042, 043, 044, 045, 046)',
          ) as unknown,
        }),
      ),
    )
    expect(explainPlan(history, query, 'children.042.rate', ids)).toEqual(
      E.left(
        expect.objectContaining({
          message: expect.stringContaining(
            `a child's figures are target, participants and achievement (got "rate")`,
          ) as unknown,
        }),
      ),
    )
  })
})
