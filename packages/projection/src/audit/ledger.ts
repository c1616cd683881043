/**
 * Debt allocation read literally, one (employer, scheme) account at a time, keeping who paid what:
 * every settlement dated by D pays the debts recorded by its day, oldest period first, and what no
 * debt can take is credit. Explain lists each debt with the settlements that paid it; diff
 * re-allocates one account per late record.
 *
 * @module audit/ledger
 */
import type { DebtRecord, SettlementRecord } from '../debts.js'
import type { DebtLedger } from '../debts.js'

/** An account's records: the debts and settlements of one employer under one scheme. */
export interface AccountRecords {
  readonly employer: string
  readonly scheme: DebtRecord['scheme']
  readonly debts: DebtRecord[]
  readonly settlements: SettlementRecord[]
}

/** What one settlement paid of one debt (or into credit). */
export interface Payment {
  readonly settlement: SettlementRecord
  readonly amount: number
}

/** A debt on a day: what was paid, by which settlements, and what is outstanding. */
export interface DebtAllocation {
  readonly debt: DebtRecord
  readonly paid: number
  readonly outstanding: number
  readonly payments: readonly Payment[]
}

/** The credit of an account on a day and the unit it is attributed to (null: national only). */
export interface AccountCredit {
  readonly employer: string
  readonly scheme: DebtRecord['scheme']
  readonly unit: string | null
  readonly amount: number
  readonly payments: readonly Payment[]
}

/** The ledger's records grouped by account (`scheme|employer`). */
export const accountsOf = (ledger: DebtLedger): Map<string, AccountRecords> => {
  const out = new Map<string, AccountRecords>()
  const get = (employer: string, scheme: DebtRecord['scheme']): AccountRecords => {
    const key = `${scheme}|${employer}`
    let a = out.get(key)
    if (a === undefined) out.set(key, (a = { employer, scheme, debts: [], settlements: [] }))
    return a
  }
  for (const d of ledger.debtRecords()) get(d.employer, d.scheme).debts.push(d)
  for (const s of ledger.settlementRecords()) get(s.employer, s.scheme).settlements.push(s)
  return out
}

const period = (d: DebtRecord): string => d.period

/** Allocates one account's records dated by `day` (day number). */
export const allocateAccount = (
  account: AccountRecords,
  day: number,
): { debts: DebtAllocation[]; credit: AccountCredit | null } => {
  const debts = account.debts.filter((d) => d.recordedOn <= day)
  const settlements = account.settlements
    .filter((s) => s.settledOn <= day)
    .sort((a, b) => a.settledOn - b.settledOn || a.position - b.position)
  const owed = new Map<DebtRecord, number>(debts.map((d) => [d, d.amount]))
  const payments = new Map<DebtRecord, Payment[]>(debts.map((d) => [d, []]))
  const toCredit: Payment[] = []
  let credit = 0
  const order = [...debts].sort(
    (a, b) =>
      (period(a) < period(b) ? -1 : period(a) > period(b) ? 1 : 0) ||
      a.recordedOn - b.recordedOn ||
      a.position - b.position,
  )
  for (const s of settlements) {
    let left = s.amount
    for (const d of order) {
      if (left <= 0) break
      if (d.recordedOn > s.settledOn) continue
      const o = owed.get(d)!
      if (o <= 0) continue
      const pay = Math.min(left, o)
      owed.set(d, o - pay)
      payments.get(d)!.push({ settlement: s, amount: pay })
      left -= pay
    }
    if (left > 0) {
      credit += left
      toCredit.push({ settlement: s, amount: left })
    }
  }
  let latest: DebtRecord | null = null
  for (const d of debts)
    if (
      latest === null ||
      d.recordedOn > latest.recordedOn ||
      (d.recordedOn === latest.recordedOn && d.position > latest.position)
    )
      latest = d
  return {
    debts: debts.map((d) => ({
      debt: d,
      paid: d.amount - owed.get(d)!,
      outstanding: owed.get(d)!,
      payments: payments.get(d)!,
    })),
    credit:
      credit === 0
        ? null
        : {
            employer: account.employer,
            scheme: account.scheme,
            unit: latest === null ? null : latest.unit,
            amount: credit,
            payments: toCredit,
          },
  }
}
