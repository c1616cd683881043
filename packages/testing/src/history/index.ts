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
export type {
  HistoryOptions,
  HistoryPlan,
  ParticipantPlan,
  SchemePlan,
  SpellPlan,
  UnitsPlan,
  QuotaPlan,
  PopulationPlan,
  EmployerPlan,
  LedgerStep,
  RecordingPlan,
  Size,
} from './plan.js'
export { historyPlan } from './plan.js'
export { type RoughHistoryOptions, roughHistory } from './rough.js'
export { REFORM_UNITS, type ReformHistoryOptions, reformDay, reformHistory } from './reform.js'
export {
  AWKWARD_DAYS,
  DENSE_DEBT_SCHEMES,
  DENSE_AGENTS,
  DENSE_EMPLOYERS,
  DENSE_PARTICIPANTS,
  DENSE_PARTICIPATION_SCHEMES,
  DENSE_UNITS,
  DENSE_YEARS,
  type DenseHistoryOptions,
  awkwardDay,
  denseAsOf,
  denseHistory,
  denseKnownAt,
  permutation,
  reorder,
  tieKeyOf,
} from './dense.js'

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

/** The kinds of day where figures change. */
export const EDGE_KINDS = [
  'afterCoveredThrough',
  'coveredFrom',
  'lapsedOn',
  'beforeLapsedOn',
  'coveredThrough',
  'beforeCoveredFrom',
  'planOrDebtDay',
  'yearEnd',
] as const

/** A kind of day where figures change, e.g. `afterCoveredThrough`: the first day after a paid period. */
export type EdgeKind = (typeof EDGE_KINDS)[number]

/** The day numbers of each kind of edge of a history, each list sorted and without repeats. */
export const edgesOf = (h: {
  readonly events: readonly DomainEvent[]
  readonly years: { from: number; to: number }
}): Record<EdgeKind, number[]> => {
  const sets = Object.fromEntries(EDGE_KINDS.map((k) => [k, new Set<number>()])) as Record<EdgeKind, Set<number>>
  for (const e of h.events) {
    switch (e.type) {
      case 'ParticipantEnrolled': {
        const from = dayNumber(e.data.coveredFrom)
        sets.coveredFrom.add(from)
        sets.beforeCoveredFrom.add(from - 1)
        if (e.data.coveredThrough !== null) {
          sets.coveredThrough.add(dayNumber(e.data.coveredThrough))
          sets.afterCoveredThrough.add(dayNumber(e.data.coveredThrough) + 1)
        }
        break
      }
      case 'ParticipantLapsed':
        sets.lapsedOn.add(dayNumber(e.data.lapsedOn))
        sets.beforeLapsedOn.add(dayNumber(e.data.lapsedOn) - 1)
        break
      case 'QuotaAssigned':
        sets.planOrDebtDay.add(dayNumber(e.data.assignedOn))
        break
      case 'DebtRecorded':
        sets.planOrDebtDay.add(dayNumber(e.data.recordedOn))
        break
      case 'DebtSettled':
        sets.planOrDebtDay.add(dayNumber(e.data.settledOn))
        break
      default:
        break
    }
  }
  for (let y = h.years.from - 1; y <= h.years.to; y++) sets.yearEnd.add(civilToDays(y, 12, 31))
  return Object.fromEntries(EDGE_KINDS.map((k) => [k, [...sets[k]].sort((a, b) => a - b)])) as Record<
    EdgeKind,
    number[]
  >
}

/** Every day where figures change (of any kind), sorted. */
export const interestingDays = (h: {
  readonly events: readonly DomainEvent[]
  readonly years: { from: number; to: number }
}): number[] => [...new Set(Object.values(edgesOf(h)).flat())].sort((a, b) => a - b)

/** The element of a sorted list nearest to `x` (ties: the earlier). */
const nearest = (sorted: readonly number[], x: number): number => {
  let lo = 0,
    hi = sorted.length - 1
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (sorted[mid]! < x) lo = mid + 1
    else hi = mid
  }
  return lo > 0 && x - sorted[lo - 1]! <= sorted[lo]! - x ? sorted[lo - 1]! : sorted[lo]!
}

// Both arbitraries below draw plain numbers that do not depend on the history's events and only
// then resolve them against the history. The laws draw them from a seed kept apart from the
// history, so when fast-check shrinks the history the same numbers come back; a date is resolved
// as "the r-th last edge of a kind" (e.g. the last day after a paid period), which stays on the
// same edge while earlier spells and unrelated participants shrink away; a cut-off as the
// `recordedAt` nearest to a drawn instant.

/** An as-of date worth asking about: mostly an edge of the history (the r-th last of a kind), sometimes any day. */
export const asOfDate = (h: {
  readonly events: readonly DomainEvent[]
  readonly years: { from: number; to: number }
}): fc.Arbitrary<BusinessDate> => {
  const edges = edgesOf(h)
  const anyDay = fc.integer({ min: civilToDays(h.years.from, 1, 1) - 31, max: civilToDays(h.years.to, 12, 31) + 31 })
  return fc
    .tuple(
      fc.integer({ min: 0, max: EDGE_KINDS.length }),
      fc.oneof(fc.integer({ min: 0, max: 3 }), fc.nat(1000)),
      anyDay,
    )
    .map(([kind, rank, day]) => {
      const days = kind < EDGE_KINDS.length ? edges[EDGE_KINDS[kind]!] : []
      return fromDayNumber(days.length === 0 ? day : days[days.length - 1 - (rank % days.length)]!)
    })
}

/** A known-at cut-off (epoch ms) worth asking about: none (null), or just before, at or just after a `recordedAt`. */
export const knownAt = (h: {
  readonly events: readonly DomainEvent[]
  readonly years: { from: number; to: number }
}): fc.Arbitrary<number | null> => {
  const instants = [...new Set(h.events.map((e) => instantMillis(e.recordedAt)))].sort((a, b) => a - b)
  // Records reach from the year before the window (units) to about a year after it (late ones).
  const from = civilToDays(h.years.from - 1, 1, 1) * 86_400_000
  const to = civilToDays(h.years.to + 2, 12, 31) * 86_400_000
  return fc
    .tuple(fc.integer({ min: 0, max: 4 }), fc.integer({ min: from, max: to }), fc.integer({ min: -1, max: 1 }))
    .map(([mode, ms, delta]) => (mode < 2 || instants.length === 0 ? null : nearest(instants, ms) + delta))
}
