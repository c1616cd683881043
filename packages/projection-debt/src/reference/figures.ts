/**
 * The debt-balance figures read literally: take the debts and settlements dated by D, allocate each
 * (employer, scheme)'s settlements in order, and sum what is left.
 *
 * @module reference/figures
 */
import type { Scheme } from '@ansinh/core'
import type { At, Known } from '@ansinh/projection/reference'
import type { DebtReport } from '../report.js'

type Figures = Omit<DebtReport, 'report' | 'asOf' | 'geography' | 'knownAt' | 'unit' | 'scheme' | 'basis'>

interface Owed {
  readonly debt: At<'DebtRecorded'>
  left: number
}

/** The debt report's figures on `asOf` for subtree(unit) and scheme (null: all). */
export const debtFigures = (k: Known, asOf: string, unit: string | null, scheme: Scheme | null): Figures => {
  const debts = k.of('DebtRecorded').filter((d) => d.e.recordedOn <= asOf)
  const settlements = k.of('DebtSettled').filter((s) => s.e.settledOn <= asOf)
  const owed: Owed[] = debts.map((debt) => ({ debt, left: debt.e.amount }))
  const credits: { scheme: string; unit: string | null; amount: number }[] = []
  const accounts = new Set(settlements.map((s) => `${s.e.scheme}|${s.e.employer}`))
  for (const account of accounts) {
    const mine = settlements
      .filter((s) => `${s.e.scheme}|${s.e.employer}` === account)
      .sort((a, b) =>
        a.e.settledOn < b.e.settledOn ? -1 : a.e.settledOn > b.e.settledOn ? 1 : a.position - b.position,
      )
    const theirDebts = owed.filter((o) => `${o.debt.e.scheme}|${o.debt.e.employer}` === account)
    let credit = 0
    for (const s of mine) {
      let amount: number = s.e.amount
      const payable = theirDebts
        .filter((o) => o.debt.e.recordedOn <= s.e.settledOn && o.left > 0)
        .sort(
          (a, b) =>
            cmp(a.debt.e.period, b.debt.e.period) ||
            cmp(a.debt.e.recordedOn, b.debt.e.recordedOn) ||
            a.debt.position - b.debt.position,
        )
      for (const o of payable) {
        const pay = Math.min(amount, o.left)
        o.left -= pay
        amount -= pay
      }
      credit += amount
    }
    if (credit === 0) continue
    let latest: At<'DebtRecorded'> | null = null
    for (const o of theirDebts) {
      const d = o.debt
      if (
        latest === null ||
        d.e.recordedOn > latest.e.recordedOn ||
        (d.e.recordedOn === latest.e.recordedOn && d.position > latest.position)
      )
        latest = d
    }
    credits.push({ scheme: account.split('|')[0]!, unit: latest === null ? null : latest.e.unit, amount: credit })
  }

  const asOfMonth = +asOf.slice(0, 4) * 12 + +asOf.slice(5, 7)
  const counted = owed.filter((o) => o.left > 0 && (scheme === null || o.debt.e.scheme === scheme))
  const inUnit = (code: string, u: string | null): boolean => k.inSubtree(code, u)
  const mine = counted.filter((o) => inUnit(o.debt.e.unit, unit))
  const sum = (os: Owed[]): number => os.reduce((a, o) => a + o.left, 0)
  const aging = { upTo3Months: 0, upTo6Months: 0, upTo12Months: 0, over12Months: 0 }
  for (const o of mine) {
    const age = asOfMonth - (+o.debt.e.period.slice(0, 4) * 12 + +o.debt.e.period.slice(5, 7))
    if (age <= 3) aging.upTo3Months += o.left
    else if (age <= 6) aging.upTo6Months += o.left
    else if (age <= 12) aging.upTo12Months += o.left
    else aging.over12Months += o.left
  }
  const employerNames = [...new Set(mine.map((o) => o.debt.e.employer))]
  const employers = employerNames
    .map((employer) => {
      const theirs = mine.filter((o) => o.debt.e.employer === employer)
      const oldestPeriod = theirs.map((o) => o.debt.e.period as string).sort(cmp)[0]!
      return { employer, outstanding: sum(theirs), oldestPeriod }
    })
    .sort((a, b) => b.outstanding - a.outstanding || cmp(a.employer, b.employer))
  return {
    outstanding: sum(mine),
    byScheme: {
      compulsory: sum(mine.filter((o) => o.debt.e.scheme === 'compulsory')),
      health: sum(mine.filter((o) => o.debt.e.scheme === 'health')),
      unemployment: sum(mine.filter((o) => o.debt.e.scheme === 'unemployment')),
    },
    aging,
    credit: credits
      .filter(
        (c) => (scheme === null || c.scheme === scheme) && (unit === null || (c.unit !== null && inUnit(c.unit, unit))),
      )
      .reduce((a, c) => a + c.amount, 0),
    employers,
    children: k
      .children(unit)
      .map((c) => ({ unit: c, name: k.nameOf(c), outstanding: sum(counted.filter((o) => inUnit(o.debt.e.unit, c))) })),
  }
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)
