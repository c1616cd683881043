/**
 * The phases that need databases: ansinh's import and replay in PGlite and in a PostgreSQL server,
 * and the two peers on that same server (SQL intervals, Emmett). The server is started here and
 * torn down at the end, whatever happens.
 *
 * @module server-phases
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { DomainEvent } from '@ansinh/core'
import type { PositionedEvent } from '@ansinh/core'
import type { History } from '@ansinh/projection'
import { coverageReport } from '@ansinh/projection-coverage'
import { openPgliteStore } from '@ansinh/store-pglite'
import { openPostgresStore } from '@ansinh/store-postgres'
import { asOfLatency } from './fold.js'
import { generateHistory } from './generator.js'
import type { BenchPlan } from './options.js'
import { runEmmett } from './peers/emmett.js'
import { runSqlIntervals } from './peers/sql-intervals.js'
import { type DuckDbFigures, runDuckDb } from './peers/duckdb.js'
import { type PgRangeFigures, runPgRange } from './peers/pg-range.js'
import { loadStoredHistory } from '@ansinh/projection-runner'
import { measureCliAudit } from './audit.js'
import { type CliFigures, measureCliReport } from './snapshots.js'
// The store package's throw-away server: Debian's binaries, a temp folder, 127.0.0.1, a free port,
// durability off (every peer runs on the same server, so none is favoured).
import { startPostgres } from '@ansinh/store-testing/postgres-server'
import type { BenchQuery } from './queries.js'
import { type Throughput, importEvents, replayAll } from './stores.js'

/** What the database phases measured. */
export interface ServerFigures {
  readonly import: { readonly pglite: Throughput; readonly postgres: Throughput }
  readonly replay: { readonly pglite: Throughput; readonly postgres: Throughput }
  readonly sqlIntervals: {
    readonly p50Ms: number
    readonly p99Ms: number
    readonly rows: number
    readonly loadMs: number
    readonly agrees: boolean
    readonly queries: number
    readonly ansinhP50Ms: number
    readonly ansinhP99Ms: number
  }
  readonly duckdb: DuckDbFigures & { readonly ansinhP50Ms: number }
  readonly pgRange: PgRangeFigures & { readonly ansinhP50Ms: number }
  /** An `ansinh report` process against the PGlite store of the import phase, through its snapshot. */
  readonly cli: CliFigures
  readonly emmett: {
    /** The better of Emmett's sequential and concurrent append throughput. */
    readonly appendEventsPerSec: number
    readonly appendSequentialEventsPerSec: number
    readonly appendConcurrentEventsPerSec: number | null
    readonly concurrency: number
    readonly readEventsPerSec: number
    readonly events: number
  }
}

/** The first `n` events of the plan's history. */
const firstEvents = (plan: BenchPlan): DomainEvent[] => {
  const out: DomainEvent[] = []
  for (const e of generateHistory(plan.scale)) {
    if (out.length === plan.importEvents) break
    out.push(e)
  }
  return out
}

/**
 * Runs every database phase; `small` is the small history (and its events) the SQL peer answers the
 * same questions over. Returns null when no server can be started (the reason is logged).
 */
export const runServerPhases = async (
  plan: BenchPlan,
  small: { readonly history: History; readonly events: readonly PositionedEvent[] },
  queries: readonly BenchQuery[],
  log: (message: string) => void,
): Promise<ServerFigures | null> => {
  const dir = await mkdtemp(join(tmpdir(), 'ansinh-bench-pglite-'))
  // PGlite's start (initdb inside WebAssembly) overlaps the server's initdb in other processes.
  const opening = openPgliteStore(dir)
  const server = await startPostgres()
  if ('skipped' in server) {
    log(`no PostgreSQL phases: ${server.skipped}`)
    await (await opening).close()
    await rm(dir, { recursive: true, force: true })
    return null
  }
  try {
    const events = firstEvents(plan)

    log(`ansinh import into PostgreSQL: ${events.length} events`)
    const pgStore = await openPostgresStore(server.url)
    const importPostgres = await importEvents(pgStore, events)
    const replayPostgres = await replayAll(pgStore)
    await pgStore.close()

    log(`ansinh import into PGlite: ${events.length} events`)
    const liteStore = await opening
    const importPglite = await importEvents(liteStore, events)
    const replayPglite = await replayAll(liteStore)
    // the snapshot an import leaves (ansinh import does it in the append's transaction)
    await loadStoredHistory(liteStore, { useSnapshot: true, warn: log, refreshAfter: 0 })
    await liteStore.close()
    log(`ansinh report process against the PGlite store (${events.length} events, with its snapshot)`)
    const report = await measureCliReport(`pglite:${dir}`, events.length, [
      'report',
      'coverage',
      '--as-of',
      `${plan.scale.startYear}-12-31`,
      '--scheme',
      'health',
    ])
    log(`ansinh explain, diff, revisions and reproduce processes against the same store`)
    const cli = { ...report, audit: await measureCliAudit(`pglite:${dir}`, events, plan.scale.startYear) }

    log(`Emmett: ${events.length} events`)
    const emmett = await runEmmett(server.url, events, plan.emmettConcurrency)

    log(`SQL intervals over ${small.events.length} events, ${plan.sqlQueries} questions`)
    const view = small.history.view()
    const sqlQueries = queries.slice(0, plan.sqlQueries)
    const sql = await runSqlIntervals(
      server.url,
      small.events,
      sqlQueries,
      (u) => view.geography.subtree(u),
      (u) => view.geography.children(u),
      (q) => coverageReport(small.history, { asOf: q.asOf, scheme: q.scheme, unit: q.unit }).participants,
    )
    const expected = (q: BenchQuery) =>
      coverageReport(small.history, { asOf: q.asOf, scheme: q.scheme, unit: q.unit }).participants
    const units = {
      subtree: (u: string) => view.geography.subtree(u),
      children: (u: string) => view.geography.children(u),
    }
    log(`PostgreSQL daterange + GiST over the same intervals, ${plan.sqlQueries} questions`)
    const pgRange = await runPgRange(server.url, small.events, sqlQueries, units, expected)
    log(`DuckDB over the same intervals, ${plan.sqlQueries} questions`)
    const duckdb = await runDuckDb(small.events, sqlQueries, units, expected)
    const ansinh = asOfLatency(small.history, sqlQueries)
    return {
      import: { pglite: importPglite, postgres: importPostgres },
      replay: { pglite: replayPglite, postgres: replayPostgres },
      sqlIntervals: {
        p50Ms: sql.latency.p50Ms,
        p99Ms: sql.latency.p99Ms,
        rows: sql.rows,
        loadMs: sql.loadMs,
        agrees: sql.agrees,
        queries: sql.latency.count,
        ansinhP50Ms: ansinh.p50Ms,
        ansinhP99Ms: ansinh.p99Ms,
      },
      duckdb: { ...duckdb, ansinhP50Ms: ansinh.p50Ms },
      pgRange: { ...pgRange, ansinhP50Ms: ansinh.p50Ms },
      cli,
      emmett: {
        appendEventsPerSec: Math.max(emmett.append.eventsPerSec, emmett.appendConcurrent?.eventsPerSec ?? 0),
        appendSequentialEventsPerSec: emmett.append.eventsPerSec,
        appendConcurrentEventsPerSec: emmett.appendConcurrent?.eventsPerSec ?? null,
        concurrency: emmett.appendConcurrent?.concurrency ?? 1,
        readEventsPerSec: emmett.read.eventsPerSec,
        events: emmett.read.events,
      },
    }
  } finally {
    await rm(dir, { recursive: true, force: true })
    await server.stop()
  }
}
