import * as E from 'fp-ts/lib/Either.js'
import type { DomainEvent } from '@ansinh/core'
import { type Explanation, History } from '@ansinh/projection'
import { assigned, day, enrolled, established, positioned } from '@ansinh/testing/fixtures'
import { checkReproduces, idsOf } from '@ansinh/testing/vitest'
import { describe, expect, it } from 'vitest'
import { diffPlan, explainPlan, planReport, planRevisions, reproducePlan } from './index.js'

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
    const remaining = explain('remaining')
    expect([remaining.value, remaining.count]).toEqual([6, 6])
    expect([explain('achievement').count, explain('changeVsSameDatePct').count]).toEqual([0.5, null])
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

  it('refuses a field that is not a figure, however near it comes to one', () => {
    for (const field of [
      'children.041',
      'a.b.c',
      'bands',
      'bands.nope',
      'bands.met.x',
      'x.met',
      'children',
      'bands.toString',
    ]) {
      const e = explainPlan(history, query, field, ids)
      expect(E.isLeft(e) && e.left).toMatchObject({ _tag: 'NotAFigure', field })
      expect(E.isLeft(e) && e.left.message).toContain(
        'not a figure of the plan report; one of target, participants, achievement,',
      )
    }
  })

  it('names the nation, or no children, when the child asked for is not one', () => {
    const national = explainPlan(history, { ...query, unit: null }, 'children.041.participants', ids)
    expect(E.isLeft(national) && national.left.message).toContain(
      '041 is not a child unit of the nation (children: 04)',
    )
    const district = explainPlan(history, { ...query, unit: '041' }, 'children.999.participants', ids)
    expect(E.isLeft(district) && district.left.message).toContain('999 is not a child unit of 041 (children: none)')
  })

  it('explains the national target by no quota: plans are per unit', () => {
    const e = explainPlan(history, { ...query, unit: null }, 'target', ids)
    if (E.isLeft(e) || e.right.kind !== 'records') throw new Error('target is a record list')
    expect([e.right.records, e.right.value, e.right.count, e.right.size, [...e.right.list()]]).toEqual([
      'quotas',
      null,
      null,
      0,
      [],
    ])
  })
})

describe('diffPlan', () => {
  // a late enrolment in 042, recorded in April about March: the province gains a participant
  const late = enrolled('1999999999', 'voluntary', '042', '2020-03-01', '2020-12-31', '2020-04-10T09:00:00+07:00')
  const withLate = positioned([...events, late])
  const lateHistory = History.of(withLate)
  const april = Date.parse('2020-04-01T00:00:00+07:00')

  it('moves the remaining figures by the late enrolment, from the reports as known then', () => {
    const d = diffPlan(lateHistory, query, april, null, idsOf(withLate))
    if (E.isLeft(d)) throw new Error(d.left._tag)
    // 6 of a target of 12 before the record, 7 after; the six paid through 30 June all expire
    // before the year ends, the late one (paid through December) does not
    const moved = Object.fromEntries(d.right.fields.map((f) => [f.field, [f.before, f.after]]))
    expect(moved).toEqual({
      participants: [6, 7],
      achievement: [0.5, 7 / 12],
      remaining: [6, 5],
      recruitsNeeded: [12, 11],
      'children.042.participants': [1, 2],
      'children.042.achievement': [0.25, 0.5],
      'bands.below50': [2, 1],
      // nobody was covered a year before or at the end of 2019, and everyone is new in 2020
      changeVsSameDate: [6, 7],
      changeVsEndOfPreviousYear: [6, 7],
      newInYear: [6, 7],
    })
    // and the late record accounts for each delta
    for (const f of d.right.fields) {
      const sum = f.causes.flatMap((g) => g.records).reduce((a, r) => a + (r.contribution ?? 0), 0)
      expect(sum, f.field).toBeCloseTo(f.delta!, 12)
      expect(
        f.causes.flatMap((g) => g.records.map((r) => r.position)),
        f.field,
      ).toEqual([withLate.length])
    }
  })

  it('refuses a second cut-off earlier than the first, and diffs a cut-off with itself to nothing', () => {
    expect(diffPlan(lateHistory, query, april, april - 1, ids)).toEqual(
      E.left({ _tag: 'BadKnownAt', message: 'the first --known-at must not be later than the second' }),
    )
    const same = diffPlan(lateHistory, query, april, april, idsOf(withLate))
    expect(E.isRight(same) && same.right.fields).toEqual([])
  })
})

describe('planRevisions', () => {
  it('refuses a range that ends before it starts, and a field the report does not have', () => {
    expect(
      planRevisions(history, { scheme: 'voluntary', unit: '04' }, 'participants', '2020-06-30', '2020-01-31', 'month'),
    ).toEqual(E.left({ _tag: 'BadRange', message: 'the range ends before it starts (got "2020-06-30..2020-01-31")' }))
    expect(
      planRevisions(history, { scheme: 'voluntary', unit: '04' }, 'members', '2020-01-31', '2020-06-30', 'month'),
    ).toEqual(
      E.left({
        _tag: 'NotAFigure',
        field: 'members',
        message:
          'not a figure of the plan report; e.g. target, participants, achievement, remaining, expiringBeforeYearEnd, recruitsNeeded',
      }),
    )
  })
})

describe('reproducePlan', () => {
  it('reproduces a saved report, names the figure a saved file changed, and refuses another kind', () => {
    checkReproduces((saved, evidence) => reproducePlan(history, saved, evidence), planReport(history, query), {
      name: 'plan',
      other: 'coverage',
      lastPosition: events.length,
      field: 'remaining',
      edited: 1,
    })
  })
})
