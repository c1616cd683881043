/**
 * Voluntary participants: payment periods (monthly, quarterly, 6-monthly, yearly) chained into spells
 * of renewals, gaps for those who stop and come back, lapses, moves, late records.
 *
 * Each participant is planned from a *pattern*: whether they are covered, as known at the
 * publication instant, on each checkpoint date of their seed. A spell is proposed around each run of
 * covered checkpoints, the whole timeline is then checked day by day against the pattern (with the
 * recording instants it will be emitted with) and proposed again on a mismatch. So every published
 * count is the number of participants given a covering pattern: exact by construction.
 *
 * @module generate/voluntary
 */
import type { LapseReason, ParticipantId } from '@ansinh/core'
import { endOfDayMillis, firstDay, instantAt, lastDay, monthOfDay } from './calendar.js'
import type { Rng } from '@ansinh/testing/prng'

/** How many months one payment covers. */
export type PaymentMode = 1 | 3 | 6 | 12

/** One paid period of a participant: one ParticipantEnrolled event. */
export interface PlannedPeriod {
  /** First covered day (day number, the first of a month). */
  readonly from: number
  /** Paid-through day (day number, the last of a month). */
  readonly through: number
  readonly startMonth: number
  readonly months: number
  unit: string
  agent: string
  /** When the payment was recorded (epoch milliseconds). */
  readonly recordedAt: number
}

/** An early end of coverage: one ParticipantLapsed event. */
export interface PlannedLapse {
  /** First day without coverage (day number). */
  readonly on: number
  readonly reason: LapseReason
  readonly recordedAt: number
}

/** Everything one participant does under the voluntary scheme. */
export interface Timeline {
  readonly periods: PlannedPeriod[]
  readonly lapses: PlannedLapse[]
}

/** The knobs of one seed's voluntary population. */
export interface VoluntarySetting {
  /** Checkpoint days (day numbers, ascending) the patterns speak about. */
  readonly checkpoints: readonly number[]
  /** The publication cut-off (epoch milliseconds): patterns hold for events recorded by then. */
  readonly knownAt: number
  /** No period starts before this month index. */
  readonly earliestStart: number
  /** Periods known at publication start at the latest in this month index. */
  readonly lastKnownStart: number
  /** Renewals recorded after publication start at the latest in this month index. */
  readonly futureUntil: number
  /** How many months before its first covered checkpoint a spell may start. */
  readonly lookBack: number
  readonly modes: readonly (readonly [PaymentMode, number])[]
  /** Chance that a spell ends in a lapse (withdrawal, move to compulsory, death). */
  readonly lapseRate: number
  /** Chance that a payment is recorded weeks after its period started. */
  readonly lateRate: number
  /** Chance that someone covered at the end renews after publication. */
  readonly renewRate: number
  /** Chance of an earlier spell, ended by a gap (a returning participant). */
  readonly returnRate: number
  /** The collection agent a participant of `unit` pays through. */
  readonly agentOf: (unit: string, rng: Rng) => string
}

/** What the plan asks of one participant. */
export interface PersonPlan {
  readonly pattern: readonly boolean[]
  /** The unit the participant is counted in on the checkpoints listed in `unitChecks`. */
  readonly unit: string
  /** Indexes of checkpoints at which the counting unit matters (commune-level figures), when covered there. */
  readonly unitChecks?: readonly number[]
  /** A unit the participant lived in before moving to `unit` (earlier periods are counted there). */
  readonly movedFrom?: string
}

// -------------------------------------------------------------------------------------------------
// reading a timeline as the read models do
// -------------------------------------------------------------------------------------------------

/** The unit counting the participant on `day` from events recorded by `knownAt` (null: every event), or null when not covered. */
export const unitOn = (tl: Timeline, day: number, knownAt: number | null): string | null => {
  let best: PlannedPeriod | null = null
  for (const p of tl.periods) {
    if (knownAt !== null && p.recordedAt > knownAt) continue
    if (p.from > day || p.through < day) continue
    let cut = false
    for (const l of tl.lapses) {
      if (knownAt !== null && l.recordedAt > knownAt) continue
      if (p.from < l.on && l.on <= day) cut = true
    }
    if (!cut && (best === null || p.from >= best.from)) best = p
  }
  return best === null ? null : best.unit
}

/** Whether the timeline, as known at the setting's cut-off, has the plan's pattern and units. */
export const fitsPlan = (tl: Timeline, plan: PersonPlan, setting: VoluntarySetting): boolean => {
  const cps = setting.checkpoints
  for (let i = 0; i < cps.length; i++) {
    const u = unitOn(tl, cps[i]!, setting.knownAt)
    if ((u !== null) !== plan.pattern[i]) return false
  }
  for (const i of plan.unitChecks ?? [])
    if (plan.pattern[i] && unitOn(tl, cps[i]!, setting.knownAt) !== plan.unit) return false
  return true
}

// -------------------------------------------------------------------------------------------------
// building
// -------------------------------------------------------------------------------------------------

const OFFICE_FROM = 7 * 3600 + 30 * 60
const OFFICE_TO = 16 * 3600 + 30 * 60

/** A recording instant in office hours on `dayNo`. */
export const officeInstant = (dayNo: number, rng: Rng): number => instantAt(dayNo, rng.int(OFFICE_FROM, OFFICE_TO))

const LAPSE_REASONS: readonly (readonly [LapseReason, number])[] = [
  ['moved-to-compulsory', 40],
  ['lump-sum-withdrawal', 30],
  ['stopped-paying', 15],
  ['deceased', 8],
  ['other', 7],
]

const period = (
  startMonth: number,
  months: number,
  unit: string,
  agent: string,
  recordedAt: number,
): PlannedPeriod => ({
  from: firstDay(startMonth),
  through: lastDay(startMonth + months - 1),
  startMonth,
  months,
  unit,
  agent,
  recordedAt,
})

/** Builds timelines for one seed's participants; `unit` and agent are per participant. */
export class VoluntaryPlanner {
  private readonly cpMonths: number[]

  /** A planner for `setting`. */
  constructor(readonly setting: VoluntarySetting) {
    this.cpMonths = setting.checkpoints.map(monthOfDay)
  }

  /** When a payment for a period starting in `startMonth` was recorded: around the start, sometimes weeks late. */
  recordPayment(startMonth: number, rng: Rng): number {
    const lag = rng.chance(this.setting.lateRate) ? rng.int(15, 45) : rng.int(-10, 4)
    return officeInstant(firstDay(startMonth) + lag, rng)
  }

  private spell(
    startMonth: number,
    mode: number,
    count: number,
    unit: string,
    agent: string,
    rng: Rng,
  ): PlannedPeriod[] {
    const out: PlannedPeriod[] = []
    for (let k = 0; k < count; k++)
      out.push(period(startMonth + k * mode, mode, unit, agent, this.recordPayment(startMonth + k * mode, rng)))
    return out
  }

  private lapseIn(p: PlannedPeriod, rng: Rng): PlannedLapse {
    const on = p.from + rng.int(1, p.through - p.from)
    const recordedAt = Math.max(officeInstant(on + rng.int(2, 20), rng), p.recordedAt + 86_400_000)
    return { on, reason: rng.weighted(LAPSE_REASONS), recordedAt }
  }

  /** One proposal for a plan; may not fit (the caller checks). */
  private propose(plan: PersonPlan, rng: Rng, careful: boolean): Timeline {
    const s = this.setting
    const cps = this.cpMonths
    const agent = s.agentOf(plan.unit, rng)
    const periods: PlannedPeriod[] = []
    const lapses: PlannedLapse[] = []
    let prevEnd = -Infinity
    const n = cps.length
    let anyRun = false
    for (let i = 0; i < n; i++) {
      if (!plan.pattern[i] || (i > 0 && plan.pattern[i - 1])) continue
      let j = i
      while (j + 1 < n && plan.pattern[j + 1]) j++
      anyRun = true
      const sLo = Math.max(s.earliestStart, i > 0 ? cps[i - 1]! + 1 : cps[i]! - s.lookBack, prevEnd + 2)
      const sHi = Math.min(cps[i]!, s.lastKnownStart)
      const endMax = j + 1 < n ? cps[j + 1]! - 1 : Infinity
      const mode = careful ? rng.pick([1, 3, 6, 12]) : rng.weighted(s.modes)
      const start = rng.int(sLo, Math.max(sLo, sHi))
      let count = Math.max(1, Math.ceil((cps[j]! - start + 1) / mode))
      const fits = (c: number): boolean => start + (c - 1) * mode <= s.lastKnownStart && start + c * mode - 1 <= endMax
      while (fits(count + 1) && rng.chance(j + 1 < n ? 0.3 : 0.75)) count++
      const spell = this.spell(start, mode, count, plan.unit, agent, rng)
      if (!careful && i === 0 && rng.chance(s.returnRate))
        periods.push(...this.earlierSpell(start, plan.unit, agent, rng))
      periods.push(...spell)
      prevEnd = start + count * mode - 1
      if (!careful && rng.chance(s.lapseRate)) lapses.push(this.lapseIn(spell[spell.length - 1]!, rng))
    }
    if (!anyRun) {
      // Covered at no checkpoint: a short spell somewhere between them (or none at all).
      const mode = rng.weighted(s.modes)
      const start = rng.int(s.earliestStart, s.lastKnownStart)
      const spell = this.spell(start, mode, rng.int(1, 3), plan.unit, agent, rng)
      periods.push(...spell)
      if (rng.chance(0.3)) lapses.push(this.lapseIn(spell[spell.length - 1]!, rng))
    }
    return { periods, lapses }
  }

  private earlierSpell(before: number, unit: string, agent: string, rng: Rng): PlannedPeriod[] {
    const mode = rng.weighted(this.setting.modes)
    const count = rng.int(1, 3)
    const end = before - 1 - rng.int(1, 8)
    const start = end - count * mode + 1
    return start < this.setting.earliestStart ? [] : this.spell(start, mode, count, unit, agent, rng)
  }

  /** Renewals after publication, and moves between units; kept only when the plan still fits. */
  private enrich(tl: Timeline, plan: PersonPlan, rng: Rng): Timeline {
    const s = this.setting
    const last = tl.periods[tl.periods.length - 1]
    let out = tl
    if (last !== undefined && tl.lapses.every((l) => l.on <= last.from) && rng.chance(s.renewRate)) {
      const more: PlannedPeriod[] = []
      let start = last.startMonth + last.months
      while (start <= s.futureUntil) {
        const p = period(start, last.months, last.unit, last.agent, this.recordPayment(start, rng))
        if (p.recordedAt <= s.knownAt) break
        more.push(p)
        start += last.months
        if (!rng.chance(0.8)) break
      }
      const candidate = { periods: [...tl.periods, ...more], lapses: tl.lapses }
      if (fitsPlan(candidate, plan, s)) out = candidate
    }
    if (plan.movedFrom !== undefined && out.periods.length >= 2) {
      const cut = rng.int(1, out.periods.length - 1)
      const moved = out.periods.map((p, k) =>
        k < cut ? { ...p, unit: plan.movedFrom!, agent: s.agentOf(plan.movedFrom!, rng) } : p,
      )
      const candidate = { periods: moved, lapses: out.lapses }
      if (fitsPlan(candidate, plan, s)) out = candidate
    }
    return out
  }

  /** A timeline with the plan's pattern, as known at publication. Throws only on an impossible plan (a bug in a seed). */
  plan(plan: PersonPlan, rng: Rng): Timeline {
    for (let attempt = 0; attempt < 40; attempt++) {
      const tl = this.propose(plan, rng, attempt >= 20)
      if (fitsPlan(tl, plan, this.setting)) return this.enrich(tl, plan, rng)
    }
    throw new Error(`no voluntary timeline fits pattern ${plan.pattern.join(',')} in ${plan.unit}`)
  }

  /** A participant first recorded after publication whose period covers `day`: a late record. */
  lateEnrolment(unit: string, day: number, lateDays: readonly [number, number], rng: Rng): Timeline {
    const mode = rng.weighted(this.setting.modes)
    const start = monthOfDay(day) - rng.int(0, mode - 1)
    const recordedAt = officeInstant(
      Math.floor((this.setting.knownAt + 7 * 3_600_000) / 86_400_000) + rng.int(lateDays[0], lateDays[1]),
      rng,
    )
    return { periods: [period(start, mode, unit, this.setting.agentOf(unit, rng), recordedAt)], lapses: [] }
  }

  /**
   * Adds a lapse on or before `day`, recorded after publication (a death or withdrawal reported
   * late), to a timeline covering `day`; drops renewals recorded after publication that start after
   * it. Returns null when a renewal known at publication starts after the lapse.
   */
  lateLapse(
    tl: Timeline,
    day: number,
    reason: LapseReason,
    lateDays: readonly [number, number],
    rng: Rng,
  ): Timeline | null {
    const k = this.setting.knownAt
    const covering = tl.periods.find((p) => p.recordedAt <= k && p.from < day && p.through >= day)
    if (covering === undefined) return null
    const on = covering.from + rng.int(1, day - covering.from)
    const periods = tl.periods.filter((p) => p.from <= on || p.recordedAt <= k)
    if (periods.some((p) => p.from > on) || tl.lapses.some((l) => l.on > covering.from)) return null
    const recordedAt = Math.max(
      officeInstant(Math.floor((k + 7 * 3_600_000) / 86_400_000) + rng.int(lateDays[0], lateDays[1]), rng),
      endOfDayMillis(on),
    )
    return { periods, lapses: [...tl.lapses, { on, reason, recordedAt }] }
  }
}

/** The events of one participant's timeline, in generation order. */
export interface VoluntaryEmitter {
  enrol(participantId: ParticipantId, p: PlannedPeriod): void
  lapse(participantId: ParticipantId, l: PlannedLapse): void
}

/** Emits a timeline: one enrolment per period, one lapse per lapse. */
export const emitTimeline = (id: ParticipantId, tl: Timeline, out: VoluntaryEmitter): void => {
  for (const p of tl.periods) out.enrol(id, p)
  for (const l of tl.lapses) out.lapse(id, l)
}
