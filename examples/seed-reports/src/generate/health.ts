/**
 * Health insurance (BHYT) for the large cases, generated only on request: about a million cards per
 * province. Each participant holds one long card (children under six, pensioners, people with
 * merit: valid for years) or consecutive yearly cards (households, students, employees), placed in
 * date windows that give every checkpoint its exact count, without checking and retrying.
 *
 * @module generate/health
 */
import { CATALOGUE_LOADED, day, firstDay, lastDay } from './calendar.js'
import type { Rng } from '@ansinh/testing/prng'
import { officeInstant } from './voluntary.js'
import type { SeedWriter } from './writer.js'

/** A card: its first month (index) and how many months it runs. */
export type Card = readonly [startMonth: number, months: number]

/** Participants whose cards one function draws. */
export interface HealthGroup {
  readonly count: number
  readonly cards: (rng: Rng) => readonly Card[]
}

const GO_LIVE = day('2016-01-04')

/** Emits health cards for each group, in units drawn by `unitOf`; household cards carry an agent. */
export const generateHealth = (
  w: SeedWriter,
  groups: readonly HealthGroup[],
  unitOf: (rng: Rng) => string,
  agentOf: (unit: string, rng: Rng) => string,
): void => {
  const rng = w.rng.fork('health')
  for (const g of groups) {
    for (let k = 0; k < g.count; k++) {
      const id = w.participantIds.next()
      const unit = unitOf(rng)
      const household = rng.chance(0.35)
      const agent = household ? agentOf(unit, rng) : undefined
      for (const [start, months] of g.cards(rng)) {
        const from = firstDay(start)
        // Cards issued before the central database went live were migrated into it then.
        const recordedAt =
          from < GO_LIVE
            ? Math.max(officeInstant(GO_LIVE + rng.int(0, 25), rng), CATALOGUE_LOADED + 60_000)
            : officeInstant(from + rng.int(-10, 5), rng)
        w.enrol(id, 'health', unit, from, lastDay(start + months - 1), recordedAt, agent === undefined ? {} : { agent })
      }
    }
  }
}

/** A card `[from, from + months − 1]` with `from` drawn in a window of month indexes. */
export const cardIn = (rng: Rng, window: readonly [number, number], months: number): Card => [
  rng.int(window[0], window[1]),
  months,
]

/**
 * Cards covering two days a year apart (month indexes `first` and `first + 12`): either one long
 * card (share `longShare`) from any month up to `first` until some month on or after `first + 12`,
 * or a yearly card covering `first` followed by its renewal.
 */
export const coveredAcrossYear = (rng: Rng, first: number, earliest: number, longShare: number): readonly Card[] => {
  if (rng.chance(longShare)) {
    const start = rng.int(earliest, first)
    return [[start, first + 12 - start + 1 + rng.int(0, 48)]]
  }
  const start = rng.int(first - 11, first)
  return [
    [start, 12],
    [start + 12, 12],
  ]
}
