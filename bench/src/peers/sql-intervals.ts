/**
 * The SQL-intervals peer: what a team would build with PostgreSQL alone — a table of coverage
 * intervals (participant, scheme, unit, from, to), maintained by a projection, with a composite
 * index, and `count(DISTINCT participant)` per unit for the as-of day. It answers the core of each
 * question of the mix: participants of the unit and of each child (coverage), plus the same on the
 * day a year earlier and on the last day of the previous year (plan). It does less than ansinh's
 * reports (no expiring, no new-in-year, no denominators), which only flatters it.
 *
 * @module peers/sql-intervals
 */
import pg from 'pg'
import { dayNumber, endOfYear, sameDateLastYear, yearOf } from '@ansinh/core'
import type { PositionedEvent } from '@ansinh/core'
import { type Latency, latenciesAsync, now, round } from '../measure.js'
import type { BenchQuery } from '../queries.js'

const SCHEME = { voluntary: 0, compulsory: 1, health: 2, unemployment: 3 } as const

/** The known coverage intervals of a history: each enrolment cut by the first later lapse of its pair. */
export const coverageIntervals = (
  events: readonly PositionedEvent[],
): { participant: number[]; scheme: number[]; unit: string[]; from: number[]; to: number[] } => {
  const lapses = new Map<string, number[]>()
  for (const { event } of events) {
    if (event.type !== 'ParticipantLapsed') continue
    const key = event.data.participantId + event.data.scheme
    const list = lapses.get(key)
    if (list === undefined) lapses.set(key, [dayNumber(event.data.lapsedOn)])
    else list.push(dayNumber(event.data.lapsedOn))
  }
  const out = {
    participant: [] as number[],
    scheme: [] as number[],
    unit: [] as string[],
    from: [] as number[],
    to: [] as number[],
  }
  for (const { event } of events) {
    if (event.type !== 'ParticipantEnrolled') continue
    const d = event.data
    const from = dayNumber(d.coveredFrom)
    let to = d.coveredThrough == null ? 2_000_000_000 : dayNumber(d.coveredThrough)
    for (const l of lapses.get(d.participantId + d.scheme) ?? []) if (l > from && l - 1 < to) to = l - 1
    if (to < from) continue
    out.participant.push(+d.participantId)
    out.scheme.push(SCHEME[d.scheme])
    out.unit.push(d.unit)
    out.from.push(from)
    out.to.push(to)
  }
  return out
}

/** The SQL peer's figures. */
export interface SqlIntervalFigures {
  readonly rows: number
  readonly loadMs: number
  readonly latency: Latency
  /** Whether its participant counts equal ansinh's on the questions checked. */
  readonly agrees: boolean
}

/**
 * Loads the intervals of `events` into `url`'s database, then answers `queries`; `subtree(unit)`
 * gives the units a figure adds up, `children(unit)` the child rows, and `expected(q)` ansinh's
 * participants for the first questions, to check the peer answers the same question.
 */
export const runSqlIntervals = async (
  url: string,
  events: readonly PositionedEvent[],
  queries: readonly BenchQuery[],
  subtree: (unit: string) => readonly string[],
  children: (unit: string) => readonly string[],
  expected: (q: BenchQuery) => number,
): Promise<SqlIntervalFigures> => {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    const t = now()
    await client.query('DROP TABLE IF EXISTS bench_coverage_intervals')
    await client.query(
      'CREATE TABLE bench_coverage_intervals (participant bigint NOT NULL, scheme smallint NOT NULL, unit text NOT NULL, from_day int NOT NULL, to_day int NOT NULL)',
    )
    const iv = coverageIntervals(events)
    const CHUNK = 50_000
    for (let i = 0; i < iv.from.length; i += CHUNK) {
      await client.query(
        'INSERT INTO bench_coverage_intervals SELECT * FROM unnest($1::bigint[], $2::smallint[], $3::text[], $4::int[], $5::int[])',
        [
          iv.participant.slice(i, i + CHUNK),
          iv.scheme.slice(i, i + CHUNK),
          iv.unit.slice(i, i + CHUNK),
          iv.from.slice(i, i + CHUNK),
          iv.to.slice(i, i + CHUNK),
        ],
      )
    }
    await client.query(
      'CREATE INDEX bench_coverage_intervals_asof ON bench_coverage_intervals (scheme, unit, from_day, to_day) INCLUDE (participant)',
    )
    await client.query('VACUUM ANALYZE bench_coverage_intervals')
    const loadMs = now() - t

    const countByUnit = async (scheme: number, units: readonly string[], day: number): Promise<Map<string, number>> => {
      const r = await client.query<{ unit: string; n: string }>(
        'SELECT unit, count(DISTINCT participant) AS n FROM bench_coverage_intervals WHERE scheme = $1 AND unit = ANY($2) AND from_day <= $3 AND to_day >= $3 GROUP BY unit',
        [scheme, units, day],
      )
      return new Map(r.rows.map((row) => [row.unit, Number(row.n)]))
    }
    const sum = (m: Map<string, number>, units: readonly string[]): number =>
      units.reduce((n, u) => n + (m.get(u) ?? 0), 0)
    const ask = async (q: BenchQuery): Promise<number> => {
      const units = subtree(q.unit)
      const s = SCHEME[q.scheme]
      const byUnit = await countByUnit(s, units, dayNumber(q.asOf))
      for (const c of children(q.unit)) sum(byUnit, subtree(c))
      if (q.report === 'plan') {
        await countByUnit(s, units, dayNumber(sameDateLastYear(q.asOf)))
        await countByUnit(s, units, dayNumber(endOfYear(yearOf(q.asOf) - 1)))
      }
      return sum(byUnit, units)
    }
    let agrees = true
    for (const q of queries.slice(0, 20)) if ((await ask(q)) !== expected(q)) agrees = false
    const latency = await latenciesAsync(queries.length, (i) => ask(queries[i]!))
    return { rows: iv.from.length, loadMs: round(loadMs), latency, agrees }
  } finally {
    await client.query('DROP TABLE IF EXISTS bench_coverage_intervals').catch(() => undefined)
    await client.end()
  }
}
