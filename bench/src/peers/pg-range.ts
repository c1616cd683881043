/**
 * The PostgreSQL range-types peer: each coverage interval as a `daterange` (inclusive bounds,
 * unbounded above for open-ended cover) with a GiST index over (scheme, unit, during) — the
 * "temporal table" a PostgreSQL user would build — and `count(DISTINCT participant)` per unit of
 * the rows whose range contains the as-of day (`during @> day`).
 *
 * @module peers/pg-range
 */
import pg from 'pg'
import type { PositionedEvent } from '@ansinh/core'
import { now, round } from '../measure.js'
import type { BenchQuery } from '../queries.js'
import { type Units, askWith, checkThenTime } from './interval-peer.js'
import { coverageIntervals } from './sql-intervals.js'

/** What the range-types peer measured. */
export interface PgRangeFigures {
  readonly rows: number
  readonly loadMs: number
  readonly p50Ms: number
  readonly p99Ms: number
  readonly queries: number
  readonly agrees: boolean
}

/** Loads the intervals into `url`'s database as date ranges, then answers `queries`. */
export const runPgRange = async (
  url: string,
  events: readonly PositionedEvent[],
  queries: readonly BenchQuery[],
  units: Units,
  expected: (q: BenchQuery) => number,
): Promise<PgRangeFigures> => {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    const t = now()
    // btree_gist lets one GiST index hold the equality columns beside the range.
    await client.query('CREATE EXTENSION IF NOT EXISTS btree_gist')
    await client.query('DROP TABLE IF EXISTS bench_coverage_ranges')
    await client.query(
      'CREATE TABLE bench_coverage_ranges (participant bigint NOT NULL, scheme smallint NOT NULL, unit text NOT NULL, during daterange NOT NULL)',
    )
    const iv = coverageIntervals(events)
    const CHUNK = 50_000
    for (let i = 0; i < iv.from.length; i += CHUNK) {
      await client.query(
        `INSERT INTO bench_coverage_ranges
         SELECT p, s, u, daterange(DATE '1970-01-01' + f, CASE WHEN t >= 2000000000 THEN NULL ELSE DATE '1970-01-01' + t END, '[]')
         FROM unnest($1::bigint[], $2::smallint[], $3::text[], $4::int[], $5::int[]) AS x(p, s, u, f, t)`,
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
      'CREATE INDEX bench_coverage_ranges_during ON bench_coverage_ranges USING gist (scheme, unit, during)',
    )
    await client.query('VACUUM ANALYZE bench_coverage_ranges')
    const loadMs = now() - t
    const count = async (scheme: number, us: readonly string[], day: number): Promise<Map<string, number>> => {
      const r = await client.query<{ unit: string; n: string }>(
        `SELECT unit, count(DISTINCT participant) AS n FROM bench_coverage_ranges
         WHERE scheme = $1 AND unit = ANY($2) AND during @> (DATE '1970-01-01' + $3::int) GROUP BY unit`,
        [scheme, us, day],
      )
      return new Map(r.rows.map((row) => [row.unit, Number(row.n)]))
    }
    const { agrees, latency } = await checkThenTime(askWith(count, units), queries, expected)
    return {
      rows: iv.from.length,
      loadMs: round(loadMs),
      p50Ms: latency.p50Ms,
      p99Ms: latency.p99Ms,
      queries: latency.count,
      agrees,
    }
  } finally {
    await client.query('DROP TABLE IF EXISTS bench_coverage_ranges').catch(() => undefined)
    await client.end()
  }
}
