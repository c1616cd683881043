import * as E from 'fp-ts/lib/Either.js'
import type { DomainEvent } from '@ansinh/core'
import { type Explanation, History } from '@ansinh/projection'
import { day, established, owed, positioned, settled } from '@ansinh/testing/fixtures'
import { checkReproduces, idsOf, refusalOf } from '@ansinh/testing/vitest'
import { describe, expect, it } from 'vitest'
import { debtReport, debtRevisions, diffDebt, explainDebt, reproduceDebt } from './index.js'

// Province 46 with two districts, 481 (one commune, 19900) and 482. ACME owes three periods in
// 19900: February 2018 (recorded after May's), May 2018 and a health debt of January 2019; its
// payment of 50 pays half of February, the oldest. BETA owes in 482. GAMMA pays its debt in 482 and
// 20 more (a credit there), DELTA pays without owing (a credit of no unit).
const events: DomainEvent[] = [
  established('46', 'Thừa Thiên Huế'),
  established('481', 'A Lưới', '46'),
  established('482', 'Phú Vang', '46'),
  established('19900', 'Hồng Kim', '481'),
  owed('ACME', '19900', 'compulsory', '2018-05', 100, '2018-06-10'),
  owed('ACME', '19900', 'compulsory', '2018-02', 100, '2018-06-11'),
  owed('ACME', '19900', 'health', '2019-01', 50, '2019-02-10'),
  settled('ACME', 'compulsory', 50, '2019-02-01'),
  owed('BETA', '482', 'compulsory', '2019-01', 80, '2019-02-12'),
  owed('GAMMA', '482', 'compulsory', '2018-12', 30, '2019-01-10'),
  settled('GAMMA', 'compulsory', 50, '2019-01-20'),
  settled('DELTA', 'compulsory', 10, '2019-01-21'),
]
const history = History.of(positioned(events))
const ids = idsOf(positioned(events))
const march = { asOf: day('2019-03-31'), unit: '46' }
const explain = (field: string, query: Parameters<typeof debtReport>[1] = march): Explanation => {
  const e = explainDebt(history, query, field, ids)
  if (E.isLeft(e)) throw new Error(`${field}: ${e.left.message}`)
  return e.right
}
const listed = (e: Explanation): unknown[] => (e.kind === 'records' ? [...e.list()] : [])
const debtAt = (position: number, outstanding: number, paid: number, settlements: [number, number][]) => {
  const e = events[position - 1] as Extract<DomainEvent, { type: 'DebtRecorded' }>
  return {
    id: ids(position),
    position,
    employer: e.data.employer,
    scheme: e.data.scheme,
    unit: e.data.unit,
    period: e.data.period,
    amount: e.data.amount,
    paid,
    outstanding,
    settlements: settlements.map(([p, amount]) => ({ id: ids(p), position: p, amount })),
  }
}

describe('explainDebt', () => {
  it('lists the owing debts of a figure in record order, with the settlements that paid them', () => {
    const e = explain('outstanding', { ...march, unit: '481' })
    expect(e).toMatchObject({ kind: 'records', records: 'debts', value: 200, count: 200, size: 3 })
    // in record order: May 2018 before February 2018, which the settlement half paid
    expect(listed(e)).toEqual([debtAt(5, 100, 0, []), debtAt(6, 50, 50, [[8, 50]]), debtAt(7, 50, 0, [])])
    expect(listed(explain('byScheme.health', { ...march, unit: '481' }))).toEqual([debtAt(7, 50, 0, [])])
    expect(listed(explain('aging.over12Months'))).toEqual([debtAt(6, 50, 50, [[8, 50]])])
    // GAMMA's debt is paid in full: owing nothing, it is not listed
    expect(explain('outstanding')).toMatchObject({ value: 280, count: 280, size: 4 })
    expect(listed(explain('children.482.outstanding'))).toEqual([debtAt(9, 80, 0, [])])
  })

  it("lists the debts of an employer's accounts in record order, not account by account", () => {
    const more = positioned([...events, owed('ACME', '19900', 'compulsory', '2019-02', 20, '2019-03-10')])
    const e = explainDebt(History.of(more), { ...march, unit: '481' }, 'employers.ACME.outstanding', idsOf(more))
    expect(E.isRight(e) && listed(e.right).map((d) => (d as { position: number }).position)).toEqual([5, 6, 7, 13])
  })

  it("lists a child's and an employer's debts, and names the children and the employer it does not know", () => {
    expect(explain('children.482.outstanding')).toMatchObject({ value: 80, count: 80, size: 1 })
    expect(explain('children.481.outstanding')).toMatchObject({ value: 200, count: 200, size: 3 })
    expect(explain('employers.BETA.outstanding')).toMatchObject({ value: 80, count: 80, size: 1 })
    const refusal = (query: Parameters<typeof debtReport>[1], field: string): string =>
      refusalOf(explainDebt(history, query, field, ids))
    expect(refusal(march, 'children.19900.outstanding')).toBe(
      'NotAFigure: 19900 is not a child unit of 46 (children: 481, 482)',
    )
    expect(refusal({ ...march, unit: null }, 'children.481.outstanding')).toBe(
      'NotAFigure: 481 is not a child unit of the nation (children: 46)',
    )
    expect(refusal({ ...march, unit: '482' }, 'children.481.outstanding')).toBe(
      'NotAFigure: 481 is not a child unit of 482 (children: none)',
    )
    expect(refusal(march, 'employers.GAMMA.outstanding')).toBe(
      'NotAFigure: employer GAMMA owes nothing here on 2019-03-31',
    )
  })

  it('lists the credits in the scope: a unit has the credits of its employers, the nation has every one', () => {
    const inProvince = explain('credit')
    expect(inProvince).toMatchObject({ kind: 'records', records: 'credits', value: 20, count: 20, size: 1 })
    expect(listed(inProvince)).toEqual([
      {
        employer: 'GAMMA',
        scheme: 'compulsory',
        unit: '482',
        amount: 20,
        settlements: [{ id: ids(11), position: 11, amount: 20 }],
      },
    ])
    expect(explain('credit', { ...march, unit: '481' })).toMatchObject({ value: 0, count: 0, size: 0 })
    expect(explain('credit', { ...march, unit: null })).toMatchObject({ value: 30, count: 30, size: 2 })
  })

  it('refuses a field that is not a figure, however near it comes to one', () => {
    for (const field of [
      'nope',
      'byScheme',
      'byScheme.voluntary',
      'byScheme.health.x',
      'x.health',
      'byScheme.toString',
      'aging',
      'aging.upTo3Months.x',
      'aging.constructor',
      'x.upTo3Months',
      'children.481.paid',
      'employers.ACME.paid',
      'x.ACME.outstanding',
    ]) {
      const e = explainDebt(history, march, field, ids)
      expect(E.isLeft(e) && e.left, field).toEqual({
        _tag: 'NotAFigure',
        field,
        message: `not a figure of the debt report; one of outstanding, byScheme.compulsory, byScheme.health, byScheme.unemployment, aging.upTo3Months, aging.upTo6Months, aging.upTo12Months, aging.over12Months, credit, employers.EMPLOYER.outstanding, children.CODE.outstanding`,
      })
    }
  })
})

describe('diffDebt', () => {
  // the events above are recorded on 1 January 2020 (the fixtures' instant); a debt of BETA's in
  // 482 and a payment of ACME's in 19900 come in February
  const late = [
    ...events,
    owed('BETA', '482', 'compulsory', '2019-02', 40, '2019-04-02', '2020-02-03T09:00:00+07:00'),
    settled('ACME', 'compulsory', 30, '2019-03-01', '2020-02-04T09:00:00+07:00'),
  ]
  const lateHistory = History.of(positioned(late))
  const february = Date.parse('2020-02-01T00:00:00+07:00')

  it("moves a unit's figures by its own late records only", () => {
    const d = diffDebt(lateHistory, { asOf: day('2019-03-31'), unit: '481' }, february, null, idsOf(positioned(late)))
    if (E.isLeft(d)) throw new Error(d.left._tag)
    // BETA's debt is in 482: nothing of it moves a figure of 481
    expect(Object.fromEntries(d.right.fields.map((f) => [f.field, [f.before, f.after]]))).toEqual({
      outstanding: [200, 170],
      'byScheme.compulsory': [150, 120],
      'aging.over12Months': [50, 20],
      'employers.ACME.outstanding': [200, 170],
      'children.19900.outstanding': [200, 170],
    })
    for (const f of d.right.fields)
      expect(
        f.causes.flatMap((g) => g.records.map((r) => r.position)),
        f.field,
      ).toEqual([late.length])
  })

  it('refuses a second cut-off earlier than the first', () => {
    expect(diffDebt(history, march, february, february - 1, ids)).toEqual(
      E.left({ _tag: 'BadKnownAt', message: 'the first --known-at must not be later than the second' }),
    )
  })
})

describe('debtRevisions', () => {
  it('takes an employer not listed at the first month end, and refuses a bad range or field', () => {
    const t = debtRevisions(history, { unit: '46' }, 'employers.BETA.outstanding', '2019-01-01', '2019-03-31', 'month')
    expect(E.isRight(t)).toBe(true)
    expect(debtRevisions(history, { unit: '46' }, 'outstanding', '2019-03-31', '2019-01-01', 'month')).toEqual(
      E.left({ _tag: 'BadRange', message: 'the range ends before it starts (got "2019-03-31..2019-01-01")' }),
    )
    expect(debtRevisions(history, { unit: '46' }, 'owed', '2019-01-01', '2019-03-31', 'month')).toEqual(
      E.left({
        _tag: 'NotAFigure',
        field: 'owed',
        message:
          'not a figure of the debt report; e.g. outstanding, byScheme.compulsory, byScheme.health, byScheme.unemployment, aging.upTo3Months, aging.upTo6Months',
      }),
    )
  })
})

describe('reproduceDebt', () => {
  it('reproduces a saved report, names the figure a saved file changed, and refuses another kind', () => {
    checkReproduces((saved, evidence) => reproduceDebt(history, saved, evidence), debtReport(history, march), {
      name: 'debt',
      other: 'plan',
      lastPosition: events.length,
      field: 'credit',
      edited: 0,
    })
  })
})
