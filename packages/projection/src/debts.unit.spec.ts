/**
 * The debt ledger on its own: which debt a settlement pays, in which order, what is credit, and
 * that a ledger asked, appended to and asked again answers like one built at once. These cases
 * were missing while mutants of `debts.ts` survived (a heap that never looked at its right child,
 * tie-breaks deleted, payments not reset before a re-allocation).
 */
import { type BusinessDate, type DebtRecorded, type DebtScheme, type DebtSettled, dayNumber } from '@ansinh/core'
import { describe, expect, it } from 'vitest'
import { DebtLedger } from './debts.js'

const date = (s: string): BusinessDate => s as BusinessDate
const on = (s: string): number => dayNumber(date(s))

const debt = (
  unit: string,
  period: string,
  amount: number,
  recordedOn: string,
  employer = 'ACME',
  scheme: DebtScheme = 'compulsory',
): DebtRecorded => ({ employer, unit, scheme, period, amount, recordedOn: date(recordedOn) }) as DebtRecorded
const settlement = (
  amount: number,
  settledOn: string,
  employer = 'ACME',
  scheme: DebtScheme = 'compulsory',
): DebtSettled => ({ employer, scheme, amount, settledOn: date(settledOn) }) as DebtSettled

type Fact = { readonly debt: DebtRecorded } | { readonly settlement: DebtSettled }

/** A ledger of `facts` folded at positions 1, 2, 3, … (or the positions given). */
const ledgerOf = (facts: readonly Fact[], positions: readonly number[] = facts.map((_, i) => i + 1)): DebtLedger => {
  const ledger = new DebtLedger()
  facts.forEach((f, i) =>
    'debt' in f ? ledger.addDebt(f.debt, positions[i]!) : ledger.addSettlement(f.settlement, positions[i]!),
  )
  return ledger
}

/** What each period (and unit) still owes on `day`: `unit period → outstanding`. */
const owing = (
  ledger: DebtLedger,
  day: string,
  scheme: DebtScheme | null = null,
  units: readonly string[] | null = null,
): Record<string, number> =>
  Object.fromEntries(
    ledger.balancesOn(on(day), scheme, units).debts.map((d) => [`${d.unit} ${d.period}`, d.outstanding]),
  )

describe('DebtLedger', () => {
  it('pays the oldest period first among many payable debts, whatever order they were recorded in', () => {
    // Recorded as periods 1, 3, 2, 4: once January is paid, the heap's root must come from its
    // right child (March sits on the left), else March is paid before February.
    const facts: Fact[] = [
      { debt: debt('A', '2019-01', 100, '2019-05-01') },
      { debt: debt('A', '2019-03', 100, '2019-05-01') },
      { debt: debt('A', '2019-02', 100, '2019-05-01') },
      { debt: debt('A', '2019-04', 100, '2019-05-01') },
      { settlement: settlement(150, '2019-05-10') },
    ]
    expect(owing(ledgerOf(facts), '2019-05-31')).toEqual({ 'A 2019-02': 50, 'A 2019-03': 100, 'A 2019-04': 100 })
    // Two more payments walk on in period order.
    const more = [
      ...facts,
      { settlement: settlement(100, '2019-05-11') },
      { settlement: settlement(120, '2019-05-12') },
    ]
    expect(owing(ledgerOf(more), '2019-05-31')).toEqual({ 'A 2019-04': 30 })
    expect(owing(ledgerOf(more), '2019-05-11')).toEqual({ 'A 2019-03': 50, 'A 2019-04': 100 })
  })

  it('pays equal periods by earlier recordedOn, then by position, across units that are not nested', () => {
    const facts: Fact[] = [
      { debt: debt('X', '2019-01', 100, '2019-02-10') }, // same period, recorded last: paid last
      { debt: debt('Y', '2019-01', 100, '2019-02-05') },
      { debt: debt('Z', '2019-01', 100, '2019-02-05') }, // ties Y on the day: the later position waits
      { settlement: settlement(150, '2019-03-01') },
    ]
    expect(owing(ledgerOf(facts), '2019-03-31')).toEqual({ 'X 2019-01': 100, 'Z 2019-01': 50 })
    // The period still comes first: an older period recorded last is paid before all of them.
    const older = [...facts, { debt: debt('X', '2018-12', 30, '2019-02-20') }]
    expect(owing(ledgerOf(older), '2019-03-31')).toEqual({ 'X 2019-01': 100, 'Z 2019-01': 80 })
  })

  it('pays an older period first even when a newer period was recorded earlier', () => {
    // Record order says March, January, February; a comparison that let the earlier record win
    // across periods would pay March once January is done.
    const facts: Fact[] = [
      { debt: debt('A', '2019-03', 100, '2019-04-01') },
      { debt: debt('A', '2019-01', 100, '2019-04-05') },
      { debt: debt('A', '2019-02', 100, '2019-04-06') },
      { settlement: settlement(150, '2019-04-10') },
    ]
    expect(owing(ledgerOf(facts), '2019-04-30')).toEqual({ 'A 2019-03': 100, 'A 2019-02': 50 })
  })

  it('pays three debts of one period and day in position order', () => {
    // Equal keys but the position: a heap without the position tie would pay the third before the second.
    const facts: Fact[] = [
      { debt: debt('A', '2019-01', 100, '2019-02-05') },
      { debt: debt('B', '2019-01', 100, '2019-02-05') },
      { debt: debt('C', '2019-01', 100, '2019-02-05') },
      { settlement: settlement(150, '2019-03-01') },
    ]
    expect(owing(ledgerOf(facts), '2019-03-31')).toEqual({ 'B 2019-01': 50, 'C 2019-01': 100 })
  })

  it('orders same-day records by position, not by the order they were folded in', () => {
    const facts: Fact[] = [
      { debt: debt('Late', '2019-01', 100, '2019-02-05') },
      { debt: debt('Early', '2019-01', 100, '2019-02-05') },
      { settlement: settlement(150, '2019-03-01') },
    ]
    // Folded as Late, Early, but Early holds the earlier position: it is paid first.
    expect(owing(ledgerOf(facts, [7, 3, 9]), '2019-03-31')).toEqual({ 'Late 2019-01': 50 })
    // Credit goes to the unit of the latest record by (recordedOn, position): Late at 7, Early at 7.
    const overpaid: Fact[] = [facts[0]!, facts[1]!, { settlement: settlement(500, '2019-03-01') }]
    const credit = (positions: number[]) =>
      ledgerOf(overpaid, positions).balancesOn(on('2019-03-31'), null, null).credits
    expect(credit([7, 3, 9])).toEqual([{ employer: 'ACME', scheme: 'compulsory', unit: 'Late', amount: 300 }])
    expect(credit([3, 7, 9])).toEqual([{ employer: 'ACME', scheme: 'compulsory', unit: 'Early', amount: 300 }])
  })

  it('answers after an append like a ledger built at once: payments are allocated afresh, never twice', () => {
    const first: Fact[] = [
      { debt: debt('A', '2019-01', 100, '2019-02-01') },
      { debt: debt('A', '2019-02', 100, '2019-03-01') },
      { settlement: settlement(60, '2019-03-10') },
    ]
    const later: Fact[] = [
      { settlement: settlement(70, '2019-03-20') },
      { debt: debt('A', '2018-12', 20, '2019-03-15') },
    ]
    const incremental = ledgerOf(first)
    expect(owing(incremental, '2019-03-31')).toEqual({ 'A 2019-01': 40, 'A 2019-02': 100 })
    incremental.addSettlement(settlement(70, '2019-03-20'), 4)
    incremental.addDebt(debt('A', '2018-12', 20, '2019-03-15'), 5)
    const atOnce = ledgerOf([...first, ...later])
    // what a snapshot sizes its columns by
    expect([new DebtLedger().counts, incremental.counts]).toEqual([
      { debts: 0, settlements: 0 },
      { debts: 3, settlements: 2 },
    ])
    // On 15 March only the first 60 are paid (to January); the second settlement comes on the 20th,
    // December first, then January, then 10 of February.
    for (const day of ['2019-03-15', '2019-03-31']) expect(owing(incremental, day)).toEqual(owing(atOnce, day))
    expect(owing(incremental, '2019-03-15')).toEqual({ 'A 2018-12': 20, 'A 2019-01': 40, 'A 2019-02': 100 })
    expect(owing(incremental, '2019-03-31')).toEqual({ 'A 2019-02': 90 })
    // Credit left by a settlement is gone once a debt recorded before it takes the money.
    const credit = ledgerOf([{ settlement: settlement(50, '2019-01-10') }])
    expect(credit.balancesOn(on('2019-01-31'), null, null).credits).toEqual([
      { employer: 'ACME', scheme: 'compulsory', unit: null, amount: 50 },
    ])
    credit.addDebt(debt('A', '2018-12', 80, '2019-01-05'), 2)
    expect(credit.balancesOn(on('2019-01-31'), null, null)).toEqual({
      debts: [
        {
          employer: 'ACME',
          scheme: 'compulsory',
          unit: 'A',
          period: '2018-12',
          periodMonth: 2018 * 12 + 12,
          outstanding: 30,
        },
      ],
      credits: [],
    })
  })

  it('gives balances of one scheme or all, of some units or every unit, as of a day', () => {
    const ledger = ledgerOf([
      { debt: debt('A', '2019-01', 100, '2019-02-01') },
      { debt: debt('B', '2019-01', 40, '2019-02-01', 'ACME', 'health') },
      { debt: debt('B', '2019-02', 10, '2019-03-01', 'Beta') },
      { settlement: settlement(15, '2019-02-15', 'ACME', 'health') },
      { settlement: settlement(25, '2019-02-15', 'Beta', 'unemployment') },
    ])
    expect(ledger.balancesOn(on('2019-02-20'), null, null)).toEqual({
      debts: [
        {
          employer: 'ACME',
          scheme: 'compulsory',
          unit: 'A',
          period: '2019-01',
          periodMonth: 2019 * 12 + 1,
          outstanding: 100,
        },
        {
          employer: 'ACME',
          scheme: 'health',
          unit: 'B',
          period: '2019-01',
          periodMonth: 2019 * 12 + 1,
          outstanding: 25,
        },
      ],
      credits: [{ employer: 'Beta', scheme: 'unemployment', unit: null, amount: 25 }],
    })
    expect(owing(ledger, '2019-03-01', 'compulsory')).toEqual({ 'A 2019-01': 100, 'B 2019-02': 10 })
    expect(owing(ledger, '2019-03-01', null, ['B'])).toEqual({ 'B 2019-01': 25, 'B 2019-02': 10 })
    expect(owing(ledger, '2019-03-01', null, ['nowhere'])).toEqual({})
    expect(ledger.balancesOn(on('2019-03-01'), 'health', null).credits).toEqual([])
    expect(owing(ledger, '2019-01-31')).toEqual({})
    expect(ledger.balancesOn(on('2019-02-14'), null, null).credits).toEqual([])
    // forEachBalance visits the same debts with the same figures.
    const visited: unknown[] = []
    const credits = ledger.forEachBalance(
      on('2019-02-20'),
      null,
      null,
      (employer, scheme, unit, period, periodMonth, outstanding) =>
        visited.push({ employer, scheme, unit, period, periodMonth, outstanding }),
    )
    expect({ debts: visited, credits }).toEqual(ledger.balancesOn(on('2019-02-20'), null, null))
  })
})
