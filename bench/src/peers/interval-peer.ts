/**
 * What the interval peers (DuckDB, PostgreSQL `daterange`) share with the SQL-intervals peer: the
 * same question for each of the mix — `count(DISTINCT participant)` per unit of the subtree on the
 * as-of day, the children's sums, and for plan questions the same on the day a year earlier and on
 * 31 December of the previous year — checked against ansinh's participants before it is timed.
 *
 * @module peers/interval-peer
 */
import { dayNumber, endOfYear, sameDateLastYear, yearOf } from '@ansinh/core'
import { type Latency, latenciesAsync } from '../measure.js'
import type { BenchQuery } from '../queries.js'

/** The scheme numbers the interval tables use. */
export const SCHEME = { voluntary: 0, compulsory: 1, health: 2, unemployment: 3 } as const

/** Participants per unit covered on `day` under `scheme`, for the units given. */
export type CountByUnit = (scheme: number, units: readonly string[], day: number) => Promise<Map<string, number>>

/** How the questions find units. */
export interface Units {
  readonly subtree: (unit: string) => readonly string[]
  readonly children: (unit: string) => readonly string[]
}

/** The peer's answer to one question: the unit's participants (the other counts are asked, as the report needs them). */
export const askWith =
  (count: CountByUnit, units: Units) =>
  async (q: BenchQuery): Promise<number> => {
    const subtree = units.subtree(q.unit)
    const s = SCHEME[q.scheme]
    const byUnit = await count(s, subtree, dayNumber(q.asOf))
    const sum = (m: Map<string, number>, us: readonly string[]): number => us.reduce((n, u) => n + (m.get(u) ?? 0), 0)
    for (const c of units.children(q.unit)) sum(byUnit, units.subtree(c))
    if (q.report === 'plan') {
      await count(s, subtree, dayNumber(sameDateLastYear(q.asOf)))
      await count(s, subtree, dayNumber(endOfYear(yearOf(q.asOf) - 1)))
    }
    return sum(byUnit, subtree)
  }

/** Whether the first 20 answers equal ansinh's, then the latency over every question. */
export const checkThenTime = async (
  ask: (q: BenchQuery) => Promise<number>,
  queries: readonly BenchQuery[],
  expected: (q: BenchQuery) => number,
): Promise<{ agrees: boolean; latency: Latency }> => {
  let agrees = true
  for (const q of queries.slice(0, 20)) if ((await ask(q)) !== expected(q)) agrees = false
  return { agrees, latency: await latenciesAsync(queries.length, (i) => ask(queries[i]!)) }
}
