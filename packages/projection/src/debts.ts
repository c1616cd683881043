/**
 * The employer debt ledger. Settlements of an (employer, scheme) are allocated once, in order of
 * settledOn (ties: position), each to the debts recorded on or before its day, oldest period first
 * (ties: earlier recordedOn, then position); what no debt takes is credit. A settlement only ever
 * touches debts recorded on or before its own day, so the allocation is the same for every as-of
 * date D: at D a debt recorded by D owes its amount minus the payments dated by D.
 *
 * @module debts
 */
import { type DebtRecorded, type DebtScheme, type DebtSettled, dayNumber, monthNumber } from '@ansinh/core'

interface Debt {
  readonly unit: string
  readonly period: string
  readonly periodMonth: number
  readonly recordedOn: number
  readonly amount: number
  readonly position: number
  /** Payments received, in increasing day order. */
  payDays: number[]
  payAmounts: number[]
}

interface Settlement {
  readonly settledOn: number
  readonly amount: number
  readonly position: number
}

interface Account {
  readonly employer: string
  readonly scheme: DebtScheme
  readonly debts: Debt[]
  readonly settlements: Settlement[]
  creditDays: number[]
  creditAmounts: number[]
  allocated: boolean
}

/** A debt with money still owed on the as-of date. */
export interface DebtBalance {
  readonly employer: string
  readonly scheme: DebtScheme
  readonly unit: string
  readonly period: string
  readonly outstanding: number
}

/** Credit of an (employer, scheme) on the as-of date and the unit it is attributed to (null: none). */
export interface CreditBalance {
  readonly employer: string
  readonly scheme: DebtScheme
  readonly unit: string | null
  readonly amount: number
}

/** Debts and settlements of every employer, allocated lazily per (employer, scheme). */
export class DebtLedger {
  private readonly accounts = new Map<string, Account>()

  /** Folds a DebtRecorded in. */
  addDebt(data: DebtRecorded, position: number): void {
    const account = this.account(data.employer, data.scheme)
    account.debts.push({
      unit: data.unit,
      period: data.period,
      periodMonth: monthNumber(data.period),
      recordedOn: dayNumber(data.recordedOn),
      amount: data.amount,
      position,
      payDays: [],
      payAmounts: [],
    })
    account.allocated = false
  }

  /** Folds a DebtSettled in. */
  addSettlement(data: DebtSettled, position: number): void {
    const account = this.account(data.employer, data.scheme)
    account.settlements.push({ settledOn: dayNumber(data.settledOn), amount: data.amount, position })
    account.allocated = false
  }

  /** The debts with money owed and the credits on `day`, of one scheme or all (`null`). */
  balancesOn(day: number, scheme: DebtScheme | null): { debts: DebtBalance[]; credits: CreditBalance[] } {
    const debts: DebtBalance[] = []
    const credits: CreditBalance[] = []
    for (const account of this.accounts.values()) {
      if (scheme !== null && account.scheme !== scheme) continue
      if (!account.allocated) allocate(account)
      let latest: Debt | null = null
      for (const d of account.debts) {
        if (d.recordedOn > day) continue
        if (latest === null || d.recordedOn > latest.recordedOn || (d.recordedOn === latest.recordedOn && d.position > latest.position)) latest = d
        const outstanding = d.amount - paidBy(d.payDays, d.payAmounts, day)
        if (outstanding > 0) debts.push({ employer: account.employer, scheme: account.scheme, unit: d.unit, period: d.period, outstanding })
      }
      const credit = paidBy(account.creditDays, account.creditAmounts, day)
      if (credit > 0) credits.push({ employer: account.employer, scheme: account.scheme, unit: latest === null ? null : latest.unit, amount: credit })
    }
    return { debts, credits }
  }

  private account(employer: string, scheme: DebtScheme): Account {
    const key = `${scheme}|${employer}`
    let account = this.accounts.get(key)
    if (account === undefined) {
      account = { employer, scheme, debts: [], settlements: [], creditDays: [], creditAmounts: [], allocated: false }
      this.accounts.set(key, account)
    }
    return account
  }
}

/** The sum of amounts whose day is ≤ `day` (days are increasing). */
const paidBy = (days: readonly number[], amounts: readonly number[], day: number): number => {
  let sum = 0
  for (let k = 0; k < days.length && days[k]! <= day; k++) sum += amounts[k]!
  return sum
}

/** Which debt a settlement pays first: oldest period, then earlier recordedOn, then position. */
const paysFirst = (a: Debt, b: Debt): boolean =>
  a.periodMonth < b.periodMonth ||
  (a.periodMonth === b.periodMonth && (a.recordedOn < b.recordedOn || (a.recordedOn === b.recordedOn && a.position < b.position)))

const allocate = (account: Account): void => {
  const settlements = [...account.settlements].sort((a, b) => a.settledOn - b.settledOn || a.position - b.position)
  const byRecordedOn = [...account.debts].sort((a, b) => a.recordedOn - b.recordedOn)
  for (const d of byRecordedOn) {
    d.payDays = []
    d.payAmounts = []
  }
  account.creditDays = []
  account.creditAmounts = []
  const owed = new Map<Debt, number>()
  const eligible = new DebtHeap()
  let next = 0
  for (const s of settlements) {
    while (next < byRecordedOn.length && byRecordedOn[next]!.recordedOn <= s.settledOn) {
      const d = byRecordedOn[next++]!
      owed.set(d, d.amount)
      eligible.push(d)
    }
    let left = s.amount
    while (left > 0 && eligible.size > 0) {
      const d = eligible.peek()
      const pay = Math.min(left, owed.get(d)!)
      d.payDays.push(s.settledOn)
      d.payAmounts.push(pay)
      left -= pay
      owed.set(d, owed.get(d)! - pay)
      if (owed.get(d) === 0) eligible.pop()
    }
    if (left > 0) {
      account.creditDays.push(s.settledOn)
      account.creditAmounts.push(left)
    }
  }
  account.allocated = true
}

/** A binary min-heap of debts in payment order. */
class DebtHeap {
  private readonly items: Debt[] = []

  get size(): number {
    return this.items.length
  }

  peek(): Debt {
    return this.items[0]!
  }

  push(d: Debt): void {
    const a = this.items
    a.push(d)
    let i = a.length - 1
    while (i > 0) {
      const parent = (i - 1) >> 1
      if (!paysFirst(a[i]!, a[parent]!)) break
      ;[a[i], a[parent]] = [a[parent]!, a[i]!]
      i = parent
    }
  }

  pop(): void {
    const a = this.items
    const last = a.pop()!
    if (a.length === 0) return
    a[0] = last
    let i = 0
    for (;;) {
      const l = 2 * i + 1, r = l + 1
      let m = i
      if (l < a.length && paysFirst(a[l]!, a[m]!)) m = l
      if (r < a.length && paysFirst(a[r]!, a[m]!)) m = r
      if (m === i) return
      ;[a[i], a[m]] = [a[m]!, a[i]!]
      i = m
    }
  }
}
