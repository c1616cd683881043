/**
 * The employer decider (stream `employer-{employer}`): debts and settlements.
 *
 * @module deciders/employer
 */
import * as E from 'fp-ts/lib/Either.js'
import { type DebtScheme, dayNumber, firstDayOf } from '../values.js'
import { type BodyOf, type CommandOf, type Decider, emit } from './decider.js'
import { domainError } from './domain-error.js'

// -------------------------------------------------------------------------------------------------
// commands and state
// -------------------------------------------------------------------------------------------------

/** Record that an employer owes contributions for a month; produces DebtRecorded. */
export type RecordDebt = CommandOf<'RecordDebt', 'DebtRecorded'>
/** Record that an employer paid off debt; produces DebtSettled. */
export type SettleDebt = CommandOf<'SettleDebt', 'DebtSettled'>
/** The commands of an employer stream. */
export type EmployerCommand = RecordDebt | SettleDebt
/** The events of an employer stream. */
export type EmployerEventType = 'DebtRecorded' | 'DebtSettled'

/** An amount of money on a day (day number). */
export interface DatedAmount {
  readonly day: number
  readonly amount: number
}

/** One employer's debts and settlements under one scheme. */
export interface DebtLedger {
  /** Debts by `recordedOn` (ties: history order). */
  readonly debts: ReadonlyArray<DatedAmount>
  /** Settlements by `settledOn` (ties: history order, i.e. position). */
  readonly settlements: ReadonlyArray<DatedAmount>
}

/** The state of an employer stream: a ledger per debt scheme. */
export type EmployerState = Readonly<Partial<Record<DebtScheme, DebtLedger>>>

const EMPTY: DebtLedger = { debts: [], settlements: [] }

/** A copy of `list` with `item` after every entry on the same or an earlier day (keeps ties in history order). */
const insertByDay = (list: ReadonlyArray<DatedAmount>, item: DatedAmount): DatedAmount[] => {
  let lo = 0,
    hi = list.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (list[mid]!.day <= item.day) lo = mid + 1
    else hi = mid
  }
  const out = list.slice()
  out.splice(lo, 0, item)
  return out
}

// -------------------------------------------------------------------------------------------------
// outstanding debt
// -------------------------------------------------------------------------------------------------

/**
 * The outstanding debt of a ledger on day `day`, by the allocation of the debt-balance report:
 * settlements in `settledOn` order each pay debts recorded on or before their day; what none can take
 * is credit, which never pays a later debt.
 *
 * Only the total matters here, and it does not depend on which debts a settlement paid: each
 * settlement may pay any debt recorded by its day, and those sets only grow in settlement order, so a
 * settlement pays min(its amount, debts recorded by its day − paid so far). One sweep, no allocation.
 */
export const outstandingOn = (ledger: DebtLedger, day: number): number => {
  let i = 0
  let owed = 0
  let paid = 0
  for (const s of ledger.settlements) {
    if (s.day > day) break
    while (i < ledger.debts.length && ledger.debts[i]!.day <= s.day) owed += ledger.debts[i++]!.amount
    paid += Math.min(s.amount, owed - paid)
  }
  while (i < ledger.debts.length && ledger.debts[i]!.day <= day) owed += ledger.debts[i++]!.amount
  return owed - paid
}

// -------------------------------------------------------------------------------------------------
// decider
// -------------------------------------------------------------------------------------------------

const evolve = (state: EmployerState, event: BodyOf<EmployerEventType>): EmployerState => {
  const scheme = event.data.scheme
  const ledger = state[scheme] ?? EMPTY
  if (event.type === 'DebtRecorded') {
    const debt = { day: dayNumber(event.data.recordedOn), amount: event.data.amount }
    return { ...state, [scheme]: { debts: insertByDay(ledger.debts, debt), settlements: ledger.settlements } }
  }
  const settlement = { day: dayNumber(event.data.settledOn), amount: event.data.amount }
  return { ...state, [scheme]: { debts: ledger.debts, settlements: insertByDay(ledger.settlements, settlement) } }
}

/**
 * Decides debts and settlements of one employer: a debt stands from a day in or after its month; a
 * settlement pays no more than what the employer owes for that scheme on its day.
 *
 * @example employerDecider.decide({ type: 'SettleDebt', id, data }, state) // Left(SettlementExceedsOutstanding) when too much
 */
export const employerDecider: Decider<EmployerCommand, EmployerEventType, EmployerState> = {
  initialState: {},
  evolve,
  decide: (command, state) => {
    if (command.type === 'RecordDebt') {
      const d = command.data
      if (dayNumber(d.recordedOn) < dayNumber(firstDayOf(d.period))) {
        return E.left(
          domainError(
            'DebtRecordedBeforePeriod',
            'debt.not-before-period',
            'data.recordedOn',
            `is before the first day of period ${d.period}`,
            d.recordedOn,
          ),
        )
      }
      return E.right([emit('DebtRecorded', command)])
    }
    const d = command.data
    const outstanding = outstandingOn(state[d.scheme] ?? EMPTY, dayNumber(d.settledOn))
    if (d.amount > outstanding) {
      return E.left(
        domainError(
          'SettlementExceedsOutstanding',
          'settlement.within-outstanding',
          'data.amount',
          `exceeds the outstanding ${d.scheme} debt of ${outstanding} VND on ${d.settledOn}`,
          d.amount,
        ),
      )
    }
    return E.right([emit('DebtSettled', command)])
  },
}
