/**
 * Valid histories: `history(options)` generates whole histories that obey every write rule, from a
 * small plan that shrinks to small, still valid histories; `asOfDate(h)` and `knownAt(h)` pick the
 * dates and cut-offs worth asking about.
 *
 * @module history
 */
import fc from 'fast-check'
import { type BusinessDate, type DomainEvent, civilToDays, dayNumber, fromDayNumber, instantMillis } from '@ansinh/core'
import { type BuiltHistory, buildHistory } from './build.js'
import { type HistoryOptions, type HistoryPlan, historyPlan } from './plan.js'

export { AGENTS, type BuiltHistory, type BuiltUnits, buildHistory, eventIdOf, participantIdOf } from './build.js'
export type { HistoryOptions, HistoryPlan, ParticipantPlan, SchemePlan, SpellPlan, UnitsPlan, QuotaPlan, PopulationPlan, EmployerPlan, LedgerStep, RecordingPlan, Size } from './plan.js'
export { historyPlan } from './plan.js'

/** A generated history: its events (in history order, with positions), what they name, and its plan. */
export interface GeneratedHistory extends BuiltHistory {
  /** The plan the events were built from (what fast-check shrinks). */
  readonly plan: HistoryPlan
  /** The plan years the history spans. */
  readonly years: { readonly from: number; readonly to: number }
}

/** The default window of plan years. */
export const DEFAULT_HISTORY_YEARS = { from: 2019, to: 2021 } as const

/**
 * Histories that obey every write rule, e.g. `history({ participants: 100, lateRecords: true })`.
 *
 * Units are established first; participants enrol, renew (the day after the paid period), return
 * after gaps, lapse inside a spell and (with `moves`) change communes; quotas are assigned and
 * revised; employers run up debts and settle at most what they owe. Options add realistic
 * untidiness: `lateRecords`, `outOfOrderRecordedAt`, `moves`.
 */
export const history = (options: HistoryOptions = {}): fc.Arbitrary<GeneratedHistory> => {
  const years = options.years ?? DEFAULT_HISTORY_YEARS
  const days = civilToDays(years.to, 12, 31) - civilToDays(years.from, 1, 1)
  return historyPlan(options, days, years.to - years.from + 1).map((plan) => ({
    ...buildHistory(plan, years, options),
    plan,
    years,
  }))
}

// -------------------------------------------------------------------------------------------------
// what to ask a history
// -------------------------------------------------------------------------------------------------

/** The days where figures change: each period's edges and the day either side, lapses, plan and debt days, year ends. */
export const interestingDays = (h: { readonly events: readonly DomainEvent[]; readonly years: { from: number; to: number } }): number[] => {
  const days = new Set<number>()
  const near = (d: string): void => {
    const n = dayNumber(d)
    days.add(n - 1).add(n).add(n + 1)
  }
  for (const e of h.events) {
    switch (e.type) {
      case 'ParticipantEnrolled':
        near(e.data.coveredFrom)
        if (e.data.coveredThrough !== null) near(e.data.coveredThrough)
        break
      case 'ParticipantLapsed':
        near(e.data.lapsedOn)
        break
      case 'QuotaAssigned':
        near(e.data.assignedOn)
        break
      case 'DebtRecorded':
        near(e.data.recordedOn)
        break
      case 'DebtSettled':
        near(e.data.settledOn)
        break
      default:
        break
    }
  }
  for (let y = h.years.from - 1; y <= h.years.to; y++) days.add(civilToDays(y, 12, 31))
  return [...days].sort((a, b) => a - b)
}

/** An as-of date worth asking about: mostly a day where figures change, sometimes any day of the window. */
export const asOfDate = (h: GeneratedHistory): fc.Arbitrary<BusinessDate> => {
  const any = fc.integer({ min: civilToDays(h.years.from, 1, 1) - 31, max: civilToDays(h.years.to, 12, 31) + 31 })
  const days = interestingDays(h)
  return fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...days) }, { weight: 1, arbitrary: any }).map(fromDayNumber)
}

/** A known-at cut-off (epoch ms) worth asking about: just before, at or just after a `recordedAt`, or none (null). */
export const knownAt = (h: { readonly events: readonly DomainEvent[] }): fc.Arbitrary<number | null> => {
  const instants = [...new Set(h.events.map((e) => instantMillis(e.recordedAt)))]
  if (instants.length === 0) return fc.constant(null)
  return fc.oneof(
    { weight: 1, arbitrary: fc.constant(null) },
    { weight: 4, arbitrary: fc.tuple(fc.constantFrom(...instants), fc.constantFrom(-1, 0, 1)).map(([ms, d]) => ms + d) },
  )
}
