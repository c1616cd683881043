/**
 * The employer debt ledger. Settlements of an (employer, scheme) are allocated once, in order of
 * settledOn (ties: position), each to the debts recorded on or before its day, oldest period first
 * (ties: earlier recordedOn, then position); what no debt takes is credit. A settlement only ever
 * touches debts recorded on or before its own day, so the allocation is the same for every as-of
 * date D: at D a debt recorded by D owes its amount minus the payments dated by D.
 *
 * @module debts
 */
import { type DebtRecorded, type DebtScheme, type DebtSettled, monthNumber } from '@ansinh/core'
import { dayOf } from './columns.js'

interface Debt {
  readonly account: Account
  readonly unit: string
  readonly period: string
  readonly periodMonth: number
  readonly recordedOn: number
  readonly amount: number
  readonly position: number
  /** The event's 0-based index in the history. */
  readonly ordinal: number
  /** Payments received, in increasing day order. */
  payDays: number[]
  payAmounts: number[]
}

interface Settlement {
  readonly settledOn: number
  readonly amount: number
  readonly position: number
  readonly ordinal: number
}

/** One DebtRecorded as folded (day numbers), what a known-at cut or a snapshot re-adds. */
export interface DebtRecord {
  readonly employer: string
  readonly scheme: DebtScheme
  readonly unit: string
  readonly period: string
  readonly recordedOn: number
  readonly amount: number
  readonly position: number
  readonly ordinal: number
}

/** One DebtSettled as folded. */
export interface SettlementRecord {
  readonly employer: string
  readonly scheme: DebtScheme
  readonly settledOn: number
  readonly amount: number
  readonly position: number
  readonly ordinal: number
}

interface Account {
  readonly employer: string
  readonly scheme: DebtScheme
  readonly debts: Debt[]
  readonly settlements: Settlement[]
  /** The debts by (recordedOn, position): the latest record on a day is a binary search away. */
  byRecord: Debt[]
  recordDays: number[]
  creditDays: number[]
  /** Running totals of credit, so the credit on a day is a binary search away. */
  creditTotals: number[]
}

/** A debt with money still owed on the as-of date. */
export interface DebtBalance {
  readonly employer: string
  readonly scheme: DebtScheme
  readonly unit: string
  readonly period: string
  /** `year·12 + month` of the period, for aging. */
  readonly periodMonth: number
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
  private readonly debtsByUnit = new Map<string, Debt[]>()
  private readonly unallocated = new Set<Account>()
  /** Accounts whose settlements left credit at some date. */
  private readonly withCredit = new Set<Account>()
  /** Every debt and settlement in fold order. */
  private readonly debtLog: Debt[] = []
  private readonly settlementLog: { readonly account: Account; readonly settlement: Settlement }[] = []

  /** Folds a DebtRecorded in. */
  addDebt(data: DebtRecorded, position: number, ordinal = this.debtLog.length): void {
    this.addDebtRecord({
      employer: data.employer,
      scheme: data.scheme,
      unit: data.unit,
      period: data.period,
      recordedOn: dayOf(data.recordedOn),
      amount: data.amount,
      position,
      ordinal,
    })
  }

  /** Takes a debt as {@link debtRecords} gives it. */
  addDebtRecord(r: DebtRecord): void {
    const account = this.account(r.employer, r.scheme)
    const debt: Debt = {
      account,
      unit: r.unit,
      period: r.period,
      periodMonth: monthNumber(r.period),
      recordedOn: r.recordedOn,
      amount: r.amount,
      position: r.position,
      ordinal: r.ordinal,
      // Stryker disable next-line ArrayDeclaration: equivalent, allocate() empties both before anything reads them
      payDays: [],
      // Stryker disable next-line ArrayDeclaration: equivalent, as payDays
      payAmounts: [],
    }
    account.debts.push(debt)
    this.debtLog.push(debt)
    const list = this.debtsByUnit.get(r.unit)
    if (list === undefined) this.debtsByUnit.set(r.unit, [debt])
    else list.push(debt)
    this.unallocated.add(account)
  }

  /** Folds a DebtSettled in. */
  addSettlement(data: DebtSettled, position: number, ordinal = this.settlementLog.length): void {
    this.addSettlementRecord({
      employer: data.employer,
      scheme: data.scheme,
      settledOn: dayOf(data.settledOn),
      amount: data.amount,
      position,
      ordinal,
    })
  }

  /** Takes a settlement as {@link settlementRecords} gives it. */
  addSettlementRecord(r: SettlementRecord): void {
    const account = this.account(r.employer, r.scheme)
    const settlement: Settlement = {
      settledOn: r.settledOn,
      amount: r.amount,
      position: r.position,
      ordinal: r.ordinal,
    }
    account.settlements.push(settlement)
    this.settlementLog.push({ account, settlement })
    this.unallocated.add(account)
  }

  /** Every debt folded, in fold order. */
  *debtRecords(): Generator<DebtRecord> {
    for (const d of this.debtLog) {
      yield {
        employer: d.account.employer,
        scheme: d.account.scheme,
        unit: d.unit,
        period: d.period,
        recordedOn: d.recordedOn,
        amount: d.amount,
        position: d.position,
        ordinal: d.ordinal,
      }
    }
  }

  /** Every settlement folded, in fold order. */
  *settlementRecords(): Generator<SettlementRecord> {
    for (const { account, settlement: s } of this.settlementLog) {
      yield {
        employer: account.employer,
        scheme: account.scheme,
        settledOn: s.settledOn,
        amount: s.amount,
        position: s.position,
        ordinal: s.ordinal,
      }
    }
  }

  /** How many debts and settlements were folded. */
  get counts(): { debts: number; settlements: number } {
    return { debts: this.debtLog.length, settlements: this.settlementLog.length }
  }

  /** The ledger of the debts and settlements whose event was recorded by `knownAt`. */
  knownAt(recordedAt: Float64Array, knownAt: number): DebtLedger {
    const cut = new DebtLedger()
    for (const r of this.debtRecords()) if (recordedAt[r.ordinal]! <= knownAt) cut.addDebtRecord(r)
    for (const r of this.settlementRecords()) if (recordedAt[r.ordinal]! <= knownAt) cut.addSettlementRecord(r)
    return cut
  }

  /**
   * The debts of `units` (null: every unit) with money owed on `day`, of one scheme or all
   * (`null`), and every credit on `day` with the unit it is attributed to.
   */
  balancesOn(
    day: number,
    scheme: DebtScheme | null,
    units: readonly string[] | null,
  ): { debts: DebtBalance[]; credits: CreditBalance[] } {
    const debts: DebtBalance[] = []
    const credits = this.visitBalances(day, scheme, units, (d, outstanding) => {
      debts.push({
        employer: d.account.employer,
        scheme: d.account.scheme,
        unit: d.unit,
        period: d.period,
        periodMonth: d.periodMonth,
        outstanding,
      })
    })
    return { debts, credits }
  }

  /**
   * {@link balancesOn} without an object per debt: `visit` gets each owing debt's fields and its
   * outstanding amount (a report over a province reads about a hundred thousand debts).
   */
  forEachBalance(
    day: number,
    scheme: DebtScheme | null,
    units: readonly string[] | null,
    visit: (
      employer: string,
      scheme: DebtScheme,
      unit: string,
      period: string,
      periodMonth: number,
      outstanding: number,
    ) => void,
  ): CreditBalance[] {
    return this.visitBalances(day, scheme, units, (d, outstanding) =>
      visit(d.account.employer, d.account.scheme, d.unit, d.period, d.periodMonth, outstanding),
    )
  }

  private visitBalances(
    day: number,
    scheme: DebtScheme | null,
    units: readonly string[] | null,
    visit: (d: Debt, outstanding: number) => void,
  ): CreditBalance[] {
    for (const account of this.unallocated) {
      allocate(account)
      // Stryker disable next-line ConditionalExpression: `false` is equivalent, an account without credit days in withCredit finds none on any day and is skipped: cost only
      if (account.creditDays.length === 0) this.withCredit.delete(account)
      else this.withCredit.add(account)
    }
    this.unallocated.clear()
    const each = (list: readonly Debt[]): void => {
      for (let k = 0; k < list.length; k++) {
        const d = list[k]!
        if (d.recordedOn > day || (scheme !== null && d.account.scheme !== scheme)) continue
        const outstanding = d.amount - paidBy(d.payDays, d.payAmounts, day)
        if (outstanding > 0) visit(d, outstanding)
      }
    }
    if (units === null) for (const list of this.debtsByUnit.values()) each(list)
    else for (const code of units) each(this.debtsByUnit.get(code) ?? [])

    const credits: CreditBalance[] = []
    for (const account of this.withCredit) {
      if (scheme !== null && account.scheme !== scheme) continue
      const k = countAtMostOf(account.creditDays, day)
      if (k === 0) continue
      const r = countAtMostOf(account.recordDays, day)
      const latest = r === 0 ? null : account.byRecord[r - 1]!
      credits.push({
        employer: account.employer,
        scheme: account.scheme,
        unit: latest === null ? null : latest.unit,
        amount: account.creditTotals[k - 1]!,
      })
    }
    return credits
  }

  private account(employer: string, scheme: DebtScheme): Account {
    const key = `${scheme}|${employer}`
    let account = this.accounts.get(key)
    if (account === undefined) {
      account = {
        employer,
        scheme,
        debts: [],
        // Stryker disable ArrayDeclaration: equivalent, allocate() rebuilds the last four before use, and a string "settlement" has no day or amount: it pays nothing and leaves no credit
        settlements: [],
        byRecord: [],
        recordDays: [],
        creditDays: [],
        creditTotals: [],
      }
      // (the restore leads a statement: a comment that ends an object literal is read as no node's)
      // Stryker restore ArrayDeclaration
      this.accounts.set(key, account)
    }
    return account
  }
}

/** How many of the increasing `days` are ≤ `day`. */
const countAtMostOf = (days: readonly number[], day: number): number => {
  let lo = 0,
    hi = days.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (days[mid]! <= day) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** The sum of amounts whose day is ≤ `day` (days are increasing). */
const paidBy = (days: readonly number[], amounts: readonly number[], day: number): number => {
  let sum = 0
  const n = countAtMostOf(days, day)
  for (let k = 0; k < n; k++) sum += amounts[k]!
  return sum
}

/** Which debt a settlement pays first: oldest period, then earlier recordedOn, then position. */
const paysFirst = (a: Debt, b: Debt): boolean =>
  a.periodMonth < b.periodMonth ||
  (a.periodMonth === b.periodMonth &&
    (a.recordedOn < b.recordedOn ||
      (a.recordedOn === b.recordedOn &&
        // Stryker disable next-line EqualityOperator: `<=` is equivalent, two debts never share a position
        a.position < b.position)))

const allocate = (account: Account): void => {
  const settlements = [...account.settlements].sort(
    (a, b) =>
      a.settledOn - b.settledOn ||
      // Stryker disable next-line ArithmeticOperator: equivalent, same-day settlements meet the same payable debts, so any order leaves the same balances and credit
      a.position - b.position,
  )
  const byRecordedOn = [...account.debts].sort((a, b) => a.recordedOn - b.recordedOn || a.position - b.position)
  account.byRecord = byRecordedOn
  account.recordDays = byRecordedOn.map((d) => d.recordedOn)
  for (const d of byRecordedOn) {
    d.payDays = []
    d.payAmounts = []
  }
  account.creditDays = []
  account.creditTotals = []
  let creditSoFar = 0
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
      creditSoFar += left
      account.creditDays.push(s.settledOn)
      account.creditTotals.push(creditSoFar)
    }
  }
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
      const l = 2 * i + 1,
        r = l + 1
      let m = i
      if (l < a.length && paysFirst(a[l]!, a[m]!)) m = l
      if (r < a.length && paysFirst(a[r]!, a[m]!)) m = r
      if (m === i) return
      ;[a[i], a[m]] = [a[m]!, a[i]!]
      i = m
    }
  }
}
