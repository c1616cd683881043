/**
 * Turns a seed's table of voluntary patterns into participants and events: one timeline per
 * participant, plus the late records that make "as known today" differ from "as known at
 * publication".
 *
 * @module generate/voluntary-population
 */
import type { LapseReason } from '@ansinh/core'
import type { Rng } from '@ansinh/testing/prng'
import { type PersonPlan, type Timeline, type VoluntaryPlanner, emitTimeline } from './voluntary.js'
import { type SeedWriter, pattern } from './writer.js'

/** Participants sharing a pattern, and the unit each is counted in. */
export interface PatternGroup {
  /** One letter per checkpoint: `T` covered, `F` not, e.g. `'TTF'`. */
  readonly pattern: string
  readonly count: number
  /** The unit of the k-th participant of the group. */
  readonly unitOf: (k: number, rng: Rng) => string
}

/** Records that reach the agency after publication. */
export interface LatePlan {
  /** The checkpoint (index) the late records are about: the publication's as-of date. */
  readonly checkpoint: number
  /** New participants covering that day, first recorded after publication. */
  readonly enrolments: number
  readonly enrolmentUnit: (k: number, rng: Rng) => string
  /** Participants covered that day whose lapse on or before it is recorded after publication. */
  readonly lapses: number
  readonly lapseReasons: readonly LapseReason[]
  /** Days after the publication day on which late records arrive. */
  readonly days: readonly [number, number]
}

/** Options of {@link generateVoluntary}. */
export interface VoluntaryPopulation {
  readonly groups: readonly PatternGroup[]
  /** Units to move from: a participant moves with this chance from a random one of them. */
  readonly moves?: { readonly rate: number; readonly from: readonly string[] }
  /** Checkpoints at which the counting unit is part of a published figure. */
  readonly unitChecks?: readonly number[]
  readonly late: LatePlan
}

/** Generates and emits the voluntary participants of one seed. */
export const generateVoluntary = (w: SeedWriter, planner: VoluntaryPlanner, population: VoluntaryPopulation): void => {
  const rng = w.rng.fork('voluntary')
  const plans: PersonPlan[] = []
  for (const g of population.groups) {
    const p = pattern(g.pattern)
    for (let k = 0; k < g.count; k++) {
      const unit = g.unitOf(k, rng)
      const moves = population.moves
      const movedFrom =
        moves !== undefined && rng.chance(moves.rate) ? rng.pick(moves.from.filter((u) => u !== unit)) : undefined
      plans.push({
        pattern: p,
        unit,
        ...(population.unitChecks === undefined ? {} : { unitChecks: population.unitChecks }),
        ...(movedFrom === undefined ? {} : { movedFrom }),
      })
    }
  }
  rng.shuffle(plans)
  const timelines: Timeline[] = plans.map((plan) => planner.plan(plan, rng))

  const late = population.late
  const day = planner.setting.checkpoints[late.checkpoint]!
  let lapsed = 0
  const stride = Math.max(1, Math.floor(plans.length / Math.max(1, late.lapses * 3)))
  for (let i = rng.int(0, stride - 1); i < plans.length && lapsed < late.lapses; i += stride) {
    if (!plans[i]!.pattern[late.checkpoint]) continue
    const reason = late.lapseReasons[lapsed % late.lapseReasons.length]!
    const changed = planner.lateLapse(timelines[i]!, day, reason, late.days, rng)
    if (changed === null) continue
    timelines[i] = changed
    lapsed++
  }
  if (lapsed < late.lapses) throw new Error(`only ${lapsed} of ${late.lapses} late lapses could be placed`)
  for (let k = 0; k < late.enrolments; k++)
    timelines.push(planner.lateEnrolment(late.enrolmentUnit(k, rng), day, late.days, rng))

  const out = w.voluntary()
  for (const tl of timelines) emitTimeline(w.participantIds.next(), tl, out)
}
