import { describe, expect, it } from 'vitest'
import { employerDecider, outstandingOn } from './employer.js'
import { debtRecorded, debtSettled, eventOf, recordDebt, settleDebt, spec } from '@ansinh/testing'
import { dayNumber } from '../values.js'

const employer = spec(employerDecider)

describe('employer decider: debt', () => {
  it('accepts a debt recorded on the first day of its period', () => {
    const c = recordDebt({ period: '2020-02', recordedOn: '2020-02-01' })
    employer
      .given([])
      .when(c)
      .then([eventOf('DebtRecorded', c)])
  })

  it('refuses a debt recorded before its period, naming recordedOn', () => {
    const e = employer
      .given([])
      .when(recordDebt({ period: '2020-02', recordedOn: '2020-01-31' }))
      .thenFails('DebtRecordedBeforePeriod', 'data.recordedOn')
    expect(e.rule).toBe('debt.not-before-period')
    expect(e.value).toBe('2020-01-31')
  })
})

describe('employer decider: settlement', () => {
  it('accepts a settlement exactly equal to the outstanding debt, refuses one VND more', () => {
    const given = [
      debtRecorded({ amount: 700 }),
      debtRecorded({ period: '2020-02', amount: 300, recordedOn: '2020-03-01' }),
    ]
    const c = settleDebt({ amount: 1000, settledOn: '2020-03-01' })
    employer
      .given(given)
      .when(c)
      .then([eventOf('DebtSettled', c)])
    const e = employer
      .given(given)
      .when(settleDebt({ amount: 1001, settledOn: '2020-03-01' }))
      .thenFails('SettlementExceedsOutstanding', 'data.amount')
    expect(e.message).toBe('exceeds the outstanding compulsory debt of 1000 VND on 2020-03-01')
    expect(e.value).toBe(1001)
  })

  it('counts only debts recorded on or before settledOn', () => {
    const given = [
      debtRecorded({ amount: 700, recordedOn: '2020-02-01' }),
      debtRecorded({ period: '2020-02', amount: 300, recordedOn: '2020-03-02' }),
    ]
    employer
      .given(given)
      .when(settleDebt({ amount: 701, settledOn: '2020-03-01' }))
      .thenFails('SettlementExceedsOutstanding')
  })

  it('counts only the scheme of the settlement', () => {
    const given = [debtRecorded({ scheme: 'health', amount: 5000 })]
    employer
      .given(given)
      .when(settleDebt({ scheme: 'compulsory', amount: 1 }))
      .thenFails('SettlementExceedsOutstanding')
  })

  it('subtracts earlier settlements, including ones dated the same day', () => {
    const given = [debtRecorded({ amount: 1000 }), debtSettled({ amount: 600, settledOn: '2020-03-01' })]
    employer
      .given(given)
      .when(settleDebt({ amount: 401, settledOn: '2020-03-01' }))
      .thenFails('SettlementExceedsOutstanding')
    const c = settleDebt({ amount: 400, settledOn: '2020-03-01' })
    employer
      .given(given)
      .when(c)
      .then([eventOf('DebtSettled', c)])
  })

  it('ignores settlements dated after settledOn, even if recorded earlier', () => {
    const given = [debtRecorded({ amount: 1000 }), debtSettled({ amount: 1000, settledOn: '2020-06-01' })]
    const c = settleDebt({ amount: 1000, settledOn: '2020-03-01' })
    employer
      .given(given)
      .when(c)
      .then([eventOf('DebtSettled', c)])
  })

  it('credit (an overpayment recorded elsewhere) does not pay debts recorded after it', () => {
    // A settlement before any debt pays nothing: all of it is credit, which never pays a later debt.
    const given = [
      debtSettled({ amount: 500, settledOn: '2020-01-15' }),
      debtRecorded({ amount: 1000, recordedOn: '2020-02-01' }),
    ]
    const c = settleDebt({ amount: 1000, settledOn: '2020-03-01' })
    employer
      .given(given)
      .when(c)
      .then([eventOf('DebtSettled', c)])
  })

  it('refuses any settlement of an employer without debt', () => {
    employer
      .given([])
      .when(settleDebt({ amount: 1 }))
      .thenFails('SettlementExceedsOutstanding')
  })
})

describe('outstandingOn', () => {
  const day = dayNumber
  it('is debts recorded by the day minus what settlements by the day could pay', () => {
    const ledger = {
      debts: [
        { day: day('2020-02-01'), amount: 100 },
        { day: day('2020-04-01'), amount: 50 },
      ],
      settlements: [
        { day: day('2020-01-01'), amount: 30 },
        { day: day('2020-03-01'), amount: 80 },
        { day: day('2020-05-01'), amount: 100 },
      ],
    }
    expect(outstandingOn(ledger, day('2019-12-31'))).toBe(0)
    expect(outstandingOn(ledger, day('2020-02-01'))).toBe(100)
    expect(outstandingOn(ledger, day('2020-03-01'))).toBe(20)
    expect(outstandingOn(ledger, day('2020-04-01'))).toBe(70)
    expect(outstandingOn(ledger, day('2020-05-01'))).toBe(0)
  })
})
