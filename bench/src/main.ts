/**
 * `pnpm bench [--quick] [--json] [--skip-postgres]`: ansinh at provincial scale against its peers,
 * in one run — fold and NDJSON throughput, store import and replay (PGlite, PostgreSQL), as-of and
 * known-at query latency at two history sizes 10× apart, memory, naive replay, SQL intervals,
 * Emmett, and a partitioned run. Progress goes to stderr; stdout gets the table, or with `--json`
 * exactly one JSON object.
 *
 * @module main
 */
import { spawnSync } from 'node:child_process'
import { availableParallelism, loadavg, tmpdir, totalmem } from 'node:os'
import { mkdtemp, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { asOfLatency, foldScale, knownAtLatency, warmAsOfLatency } from './fold.js'
import { generateHistory, scaledDown } from './generator.js'
import { peakRssMb, round } from './measure.js'
import { decodeAndFold, writeNdjson } from './ndjson.js'
import { type BenchPlan, USAGE, parseArgs } from './options.js'
import { naiveReplayLatency } from './peers/naive.js'
import { runPartitioned } from './partitioned.js'
import { knownAtMix, queryMix } from './queries.js'
import { type BenchResult, printTable, ratio } from './report.js'
import { runServerPhases } from './server-phases.js'
import { measureSnapshot } from './snapshots.js'
import { reformLatency } from './reform.js'

const log = (message: string): void => {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`)
}

/** The small history: as-of latency, the naive peer, and the database phases that use it. */
const smallPhases = async (plan: BenchPlan) => {
  const small = scaledDown(plan.scale, 10)
  const queries = queryMix(small, plan.queries)
  log(`small history: ${small.participants.toLocaleString('en-US')} participants`)
  const folded = foldScale(small, true)
  const { cold, warm: latency } = warmAsOfLatency(folded.history, queryMix(small, plan.warmUpQueries, 7), queries)
  log(`small: ${folded.stats.events.toLocaleString('en-US')} events; naive replay of ${plan.naiveQueries} questions`)
  const naive = naiveReplayLatency(folded.events!, queries.slice(0, plan.naiveQueries))
  const ansinhOnNaive = asOfLatency(folded.history, queries.slice(0, plan.naiveQueries))
  log(
    `small: as-of p50 ${latency.p50Ms} ms p99 ${latency.p99Ms} ms; naive p50 ${naive.p50Ms} ms vs ${ansinhOnNaive.p50Ms} ms`,
  )
  const server = plan.postgres
    ? await runServerPhases(plan, { history: folded.history, events: folded.events! }, queries, log)
    : null
  if (server !== null) log(`servers: ${JSON.stringify(server)}`)
  return { events: folded.stats.events, latency, cold, naive, ansinhOnNaive, server }
}

/** The large history: fold throughput, as-of and known-at latency, memory. */
const largePhases = (plan: BenchPlan) => {
  log(`large history: ${plan.scale.participants.toLocaleString('en-US')} participants`)
  const folded = foldScale(plan.scale, false)
  log(
    `large: ${folded.stats.events.toLocaleString('en-US')} events folded in ${round(folded.foldMs + folded.buildMs, 0)} ms`,
  )
  const queries = queryMix(plan.scale, plan.queries)
  const { cold, warm: latency } = warmAsOfLatency(folded.history, queryMix(plan.scale, plan.warmUpQueries, 7), queries)
  log(`large: as-of cold p99 ${cold.p99Ms} ms, warm p50 ${latency.p50Ms} ms p99 ${latency.p99Ms} ms; known-at`)
  const knownAt = knownAtLatency(
    folded.history,
    queries,
    knownAtMix(plan.scale, plan.knownAtCutoffs),
    plan.knownAtRepeats,
  )
  log(`large: known-at first p50 ${knownAt.first.p50Ms} ms; snapshot seal and restore`)
  const snapshot = measureSnapshot(folded.history)
  log(
    `large: snapshot ${snapshot.bytes.toLocaleString('en-US')} bytes, sealed in ${snapshot.writeMs} ms, restored in ${snapshot.restoreMs} ms`,
  )
  const { history: _dropped, ...figures } = folded
  return { ...figures, latency, cold, knownAt, snapshot }
}

const main = async (): Promise<void> => {
  const parsed = parseArgs(process.argv.slice(2))
  if (parsed === 'help') return void process.stdout.write(USAGE + '\n')
  if ('error' in parsed) {
    process.stderr.write(`bench: ${parsed.error}\n${USAGE}\n`)
    process.exitCode = 2
    return
  }
  const plan = parsed
  // With --json, stdout carries the one JSON object: anything a library logs goes to stderr.
  if (plan.json) console.log = console.info = console.debug = (...args: unknown[]) => console.error(...args)
  const started = performance.now()
  // Other work on the machine skews every figure: the load is part of the result.
  const loadBefore = loadavg()[0]!
  const small = await smallPhases(plan)

  log(`ndjson: ${plan.ndjsonEvents.toLocaleString('en-US')} events`)
  const dir = await mkdtemp(join(tmpdir(), 'ansinh-bench-'))
  const file = join(dir, 'history.ndjson')
  await writeNdjson(generateHistory(plan.scale), file, plan.ndjsonEvents)
  const ndjson = await decodeAndFold(file, plan.scale.province, `${plan.scale.startYear}-06-30`).finally(() =>
    rm(dir, { recursive: true, force: true }),
  )
  log(`ndjson: ${ndjson.eventsPerSec} events/s (${ndjson.fastLines} of ${ndjson.events} lines by the fast path)`)

  const large = largePhases(plan)
  const peakAfterLarge = peakRssMb()
  log('reform: the map of a day, with and without the 2025 reform events')
  const reform = reformLatency(plan.queries)
  log(
    `reform: as-of p99 ${reform.withReform.p99Ms} ms with the reform, ${reform.withoutReform.p99Ms} ms without (× ${reform.p99Ratio})`,
  )
  const partitioned = await runPartitioned(plan, log)
  const server = small.server

  const result: BenchResult = {
    mode: plan.quick ? 'quick' : 'full',
    events: large.stats.events,
    participants: large.stats.participants,
    periods: large.stats.periods,
    foldEventsPerSec: large.foldEventsPerSec,
    fold: { events: large.stats.events, foldMs: round(large.foldMs), buildIndexesMs: round(large.buildMs) },
    ndjsonEventsPerSec: ndjson.eventsPerSec,
    ndjson: { events: ndjson.events, ms: round(ndjson.ms), fastLines: ndjson.fastLines },
    import: server?.import ?? { pglite: null, postgres: null },
    replay: server?.replay ?? { pglite: null, postgres: null },
    query: {
      small: { events: small.events, ...small.latency, coldP50Ms: small.cold.p50Ms, coldP99Ms: small.cold.p99Ms },
      large: { events: large.stats.events, ...large.latency, coldP50Ms: large.cold.p50Ms, coldP99Ms: large.cold.p99Ms },
      p99GrowthFor10xHistory: ratio(large.latency.p99Ms, small.latency.p99Ms),
    },
    knownAtQuery: {
      p50Ms: large.knownAt.all.p50Ms,
      p99Ms: large.knownAt.all.p99Ms,
      firstAtCutoffP50Ms: large.knownAt.first.p50Ms,
      firstMs: large.knownAt.first.p50Ms,
      firstMaxMs: large.knownAt.first.maxMs,
      cutoffs: plan.knownAtCutoffs,
      queries: large.knownAt.all.count,
    },
    memory: {
      peakRssMb: peakAfterLarge,
      heldMb: round(large.heldBytes / 2 ** 20),
      eventsMb: round(large.eventBytes / 2 ** 20),
      bytesPerPeriod: Math.round(large.heldBytes / large.stats.periods),
      // the history keeps no event objects: all it holds is columns and indexes
      indexBytesPerPeriod: Math.round(large.heldBytes / large.stats.periods),
    },
    peers: {
      naiveReplay: {
        p50Ms: small.naive.p50Ms,
        p99Ms: small.naive.p99Ms,
        queries: small.naive.count,
        events: small.events,
        ansinhP50Ms: small.ansinhOnNaive.p50Ms,
      },
      sqlIntervals: server?.sqlIntervals ?? null,
      emmett: server?.emmett ?? null,
      duckdb: server?.duckdb ?? null,
      pgRange: server?.pgRange ?? null,
    },
    ratios: {
      vsNaiveReplay: ratio(small.naive.p50Ms, small.ansinhOnNaive.p50Ms),
      vsSqlIntervals: server == null ? null : ratio(server.sqlIntervals.p50Ms, server.sqlIntervals.ansinhP50Ms),
      emmettRead: server == null ? null : ratio(server.replay.postgres.eventsPerSec, server.emmett.readEventsPerSec),
      emmettAppend:
        server == null ? null : ratio(server.import.postgres.eventsPerSec, server.emmett.appendEventsPerSec),
      vsDuckdb: server == null ? null : ratio(server.duckdb.p50Ms, server.duckdb.ansinhP50Ms),
      vsPgRange: server == null ? null : ratio(server.pgRange.p50Ms, server.pgRange.ansinhP50Ms),
    },
    reform: {
      events: reform.events,
      p50Ms: reform.withReform.p50Ms,
      p99Ms: reform.withReform.p99Ms,
      withoutReformP50Ms: reform.withoutReform.p50Ms,
      withoutReformP99Ms: reform.withoutReform.p99Ms,
      p99Ratio: reform.p99Ratio,
      queries: reform.withReform.count,
    },
    cli: server?.cli ?? null,
    snapshot: {
      bytes: large.snapshot.bytes,
      writeMs: large.snapshot.writeMs,
      restoreMs: large.snapshot.restoreMs,
      events: large.snapshot.events,
    },
    partitioned,
    machine: {
      nproc: availableParallelism(),
      memoryGb: round(totalmem() / 2 ** 30),
      node: process.version,
      loadAverage: { before: round(loadBefore, 2), after: round(loadavg()[0]!, 2) },
    },
    seconds: round((performance.now() - started) / 1000),
  }
  if (plan.json) process.stdout.write(JSON.stringify(result) + '\n')
  else printTable(result)
}

/** Heap flags the run needs: a collector to call between phases, and room for the full history. */
const FLAGS = ['--expose-gc', '--max-old-space-size=20000']

if (typeof (globalThis as { gc?: unknown }).gc !== 'function') {
  // Started without the flags (e.g. `node bench/dist/main.js`): run again with them.
  const child = spawnSync(process.execPath, [...FLAGS, fileURLToPath(import.meta.url), ...process.argv.slice(2)], {
    stdio: 'inherit',
  })
  process.exit(child.status ?? 1)
} else {
  main().then(
    () => process.exit(0),
    (err: unknown) => {
      process.stderr.write(`bench failed: ${(err as Error).stack ?? String(err)}\n`)
      process.exit(1)
    },
  )
}
