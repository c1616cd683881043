/**
 * The DuckDB peer: the coverage intervals of the SQL-intervals peer in a DuckDB table (in memory,
 * columnar, vectorised), and the same `count(DISTINCT participant) … GROUP BY unit` questions — an
 * analytics engine a team might pick instead of event-sourced read models.
 *
 * @module peers/duckdb
 */
import { DuckDBInstance } from '@duckdb/node-api'
import type { PositionedEvent } from '@ansinh/core'
import { now, round } from '../measure.js'
import type { BenchQuery } from '../queries.js'
import { type Units, askWith, checkThenTime } from './interval-peer.js'
import { coverageIntervals } from './sql-intervals.js'

/** What the DuckDB peer measured. */
export interface DuckDbFigures {
  readonly rows: number
  readonly loadMs: number
  readonly p50Ms: number
  readonly p99Ms: number
  readonly queries: number
  /** Whether its participant counts equal ansinh's on the questions checked. */
  readonly agrees: boolean
}

/** Unit codes are digits (checked), so they are written into the statement as literals. */
const literalList = (units: readonly string[]): string => {
  for (const u of units) if (!/^\d+$/.test(u)) throw new Error(`not a unit code: ${u}`)
  return units.map((u) => `'${u}'`).join(',')
}

/** Loads the intervals of `events` into an in-memory DuckDB, then answers `queries`. */
export const runDuckDb = async (
  events: readonly PositionedEvent[],
  queries: readonly BenchQuery[],
  units: Units,
  expected: (q: BenchQuery) => number,
): Promise<DuckDbFigures> => {
  const instance = await DuckDBInstance.create(':memory:')
  const connection = await instance.connect()
  try {
    const t = now()
    await connection.run(
      'CREATE TABLE coverage_intervals (participant BIGINT NOT NULL, scheme TINYINT NOT NULL, unit VARCHAR NOT NULL, from_day INTEGER NOT NULL, to_day INTEGER NOT NULL)',
    )
    const iv = coverageIntervals(events)
    const appender = await connection.createAppender('coverage_intervals')
    for (let i = 0; i < iv.from.length; i++) {
      appender.appendBigInt(BigInt(iv.participant[i]!))
      appender.appendTinyInt(iv.scheme[i]!)
      appender.appendVarchar(iv.unit[i]!)
      appender.appendInteger(iv.from[i]!)
      appender.appendInteger(Math.min(iv.to[i]!, 2_000_000_000))
      appender.endRow()
    }
    appender.closeSync()
    // DuckDB prunes by its min/max zone maps; sorting the table by the filter columns helps it as an index would.
    await connection.run('CREATE TABLE coverage AS SELECT * FROM coverage_intervals ORDER BY scheme, unit, from_day')
    await connection.run('DROP TABLE coverage_intervals')
    const loadMs = now() - t
    const count = async (scheme: number, us: readonly string[], day: number): Promise<Map<string, number>> => {
      const reader = await connection.runAndReadAll(
        `SELECT unit, count(DISTINCT participant) AS n FROM coverage WHERE scheme = ${scheme} AND unit IN (${literalList(us)}) AND from_day <= ${day} AND to_day >= ${day} GROUP BY unit`,
      )
      return new Map(reader.getRows().map((row) => [String(row[0]), Number(row[1])]))
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
    connection.closeSync()
    instance.closeSync()
  }
}
