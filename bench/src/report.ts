/**
 * The bench's result: its JSON shape (what `pnpm --silent bench --json` prints) and the table
 * printed without `--json`, each figure beside its goal.
 *
 * @module report
 */
import { round } from './measure.js'
import type { PartitionedFigures } from './partitioned.js'
import type { ServerFigures } from './server-phases.js'
import type { Throughput } from './stores.js'
import type { CliFigures } from './snapshots.js'

/** Every figure of one run. */
export interface BenchResult {
  readonly mode: 'quick' | 'full'
  readonly events: number
  readonly participants: number
  readonly periods: number
  readonly foldEventsPerSec: number
  readonly fold: { readonly events: number; readonly foldMs: number; readonly buildIndexesMs: number }
  readonly ndjsonEventsPerSec: number
  readonly ndjson: { readonly events: number; readonly ms: number; readonly fastLines: number }
  readonly import: { readonly pglite: Throughput | null; readonly postgres: Throughput | null }
  readonly replay: { readonly pglite: Throughput | null; readonly postgres: Throughput | null }
  readonly query: {
    readonly small: QueryFigures
    readonly large: QueryFigures
    readonly p99GrowthFor10xHistory: number
  }
  readonly knownAtQuery: {
    readonly p50Ms: number
    readonly p99Ms: number
    readonly firstAtCutoffP50Ms: number
    readonly firstMs: number
    readonly firstMaxMs: number
    readonly cutoffs: number
    readonly queries: number
  }
  readonly memory: {
    readonly peakRssMb: number
    readonly heldMb: number
    readonly eventsMb: number
    readonly bytesPerPeriod: number
    readonly indexBytesPerPeriod: number
  }
  readonly peers: {
    readonly naiveReplay: {
      readonly p50Ms: number
      readonly p99Ms: number
      readonly queries: number
      readonly events: number
      readonly ansinhP50Ms: number
    }
    readonly sqlIntervals: ServerFigures['sqlIntervals'] | null
    readonly emmett: ServerFigures['emmett'] | null
    readonly duckdb: ServerFigures['duckdb'] | null
    readonly pgRange: ServerFigures['pgRange'] | null
  }
  readonly ratios: {
    readonly vsNaiveReplay: number
    readonly vsSqlIntervals: number | null
    readonly emmettRead: number | null
    readonly emmettAppend: number | null
    readonly vsDuckdb: number | null
    readonly vsPgRange: number | null
  }
  /** As-of questions on the reform-2025 history, and on it without its reform events (the static map). */
  readonly reform: {
    readonly events: number
    readonly p50Ms: number
    readonly p99Ms: number
    readonly withoutReformP50Ms: number
    readonly withoutReformP99Ms: number
    readonly p99Ratio: number
    readonly queries: number
  }
  /** An `ansinh report` process against a stored history, through its snapshot. */
  readonly cli: CliFigures | null
  /** The large history sealed into a snapshot envelope and restored from it. */
  readonly snapshot: {
    readonly bytes: number
    readonly writeMs: number
    readonly restoreMs: number
    readonly events: number
  }
  readonly partitioned: PartitionedFigures
  readonly machine: {
    readonly nproc: number
    readonly memoryGb: number
    readonly node: string
    readonly loadAverage: { readonly before: number; readonly after: number }
  }
  readonly seconds: number
}

/** Latency figures at one history size. */
export interface QueryFigures {
  readonly events: number
  readonly p50Ms: number
  readonly p99Ms: number
  readonly maxMs: number
  readonly count: number
  /** The warm-up pass over other questions: lazily built indexes are built during it. */
  readonly coldP50Ms: number
  readonly coldP99Ms: number
}

/** `a / b` rounded to two decimals (> 1: ansinh ahead when a is the peer's time or ansinh's throughput). */
export const ratio = (a: number, b: number): number => round(a / b, 2)

const n = (x: number | null | undefined): string => (x == null ? '—' : x.toLocaleString('en-US'))
const verdict = (met: boolean | null): string => (met === null ? 'n/a' : met ? 'met' : 'NOT met')

/** Prints the figures and the goals as a table on stdout. */
export const printTable = (r: BenchResult): void => {
  const rows: [string, string, string, string][] = [
    ['history', `${n(r.events)} events, ${n(r.participants)} participants, ${n(r.periods)} periods`, '', ''],
    [
      'fold + indexes',
      `${n(r.foldEventsPerSec)} events/s`,
      '≥ 1,000,000 events/s',
      verdict(r.foldEventsPerSec >= 1_000_000),
    ],
    [
      'NDJSON decode + fold',
      `${n(r.ndjsonEventsPerSec)} events/s (${n(r.ndjson.events)} events)`,
      '≥ 400,000 events/s',
      verdict(r.ndjsonEventsPerSec >= 400_000),
    ],
    [
      'as-of query, small',
      `p50 ${r.query.small.p50Ms} ms, p99 ${r.query.small.p99Ms} ms (${n(r.query.small.events)} events; cold p99 ${r.query.small.coldP99Ms} ms)`,
      '',
      '',
    ],
    [
      'as-of query, large',
      `p50 ${r.query.large.p50Ms} ms, p99 ${r.query.large.p99Ms} ms (${n(r.query.large.events)} events; cold p99 ${r.query.large.coldP99Ms} ms)`,
      'p99 ≤ 1 ms',
      verdict(r.query.large.p99Ms <= 1),
    ],
    [
      'p99 growth, 10× history',
      `× ${r.query.p99GrowthFor10xHistory}`,
      '≤ × 2',
      verdict(r.query.p99GrowthFor10xHistory <= 2),
    ],
    [
      'as-of query on a history with a reform',
      `p50 ${r.reform.p50Ms} ms, p99 ${r.reform.p99Ms} ms; without its reform events p99 ${r.reform.withoutReformP99Ms} ms (× ${r.reform.p99Ratio}; ${n(r.reform.events)} events)`,
      'p99 ≤ 1 ms',
      verdict(r.reform.p99Ms <= 1),
    ],
    ['known-at query', `p50 ${r.knownAtQuery.p50Ms} ms, p99 ${r.knownAtQuery.p99Ms} ms`, '', ''],
    [
      'known-at, first at a new cut-off',
      `p50 ${r.knownAtQuery.firstMs} ms (max ${r.knownAtQuery.firstMaxMs} ms)`,
      '≤ 100 ms',
      verdict(r.knownAtQuery.firstMs <= 100),
    ],
    [
      'first plan question of a year (cold p99)',
      `${r.query.large.coldP99Ms} ms`,
      '≤ 100 ms',
      verdict(r.query.large.coldP99Ms <= 100),
    ],
    [
      'history snapshot payload',
      `${n(Math.round(r.snapshot.bytes / 2 ** 20))} MB, write ${r.snapshot.writeMs} ms, restore ${r.snapshot.restoreMs} ms`,
      'restore ≤ 2 s (17.7 M)',
      verdict(r.snapshot.restoreMs <= 2000),
    ],
    [
      'memory',
      `peak RSS ${n(r.memory.peakRssMb)} MB; history holds ${n(r.memory.heldMb)} MB (the ${n(r.memory.eventsMb)} MB of decoded events it folded are not kept)`,
      '',
      '',
    ],
    [
      'bytes per participant-period',
      `${n(r.memory.bytesPerPeriod)} (indexes alone ${n(r.memory.indexBytesPerPeriod)})`,
      '≤ 100',
      verdict(r.memory.bytesPerPeriod <= 100),
    ],
    [
      'naive replay (peer)',
      `p50 ${r.peers.naiveReplay.p50Ms} ms vs ansinh ${r.peers.naiveReplay.ansinhP50Ms} ms`,
      '≥ 100×',
      `× ${r.ratios.vsNaiveReplay} ${verdict(r.ratios.vsNaiveReplay >= 100)}`,
    ],
    [
      'SQL intervals (peer)',
      r.peers.sqlIntervals
        ? `p50 ${r.peers.sqlIntervals.p50Ms} ms vs ansinh ${r.peers.sqlIntervals.ansinhP50Ms} ms`
        : '—',
      '≥ 10×',
      r.ratios.vsSqlIntervals === null
        ? 'n/a'
        : `× ${r.ratios.vsSqlIntervals} ${verdict(r.ratios.vsSqlIntervals >= 10)}`,
    ],
    [
      'DuckDB (peer)',
      r.peers.duckdb
        ? `p50 ${r.peers.duckdb.p50Ms} ms vs ansinh ${r.peers.duckdb.ansinhP50Ms} ms${r.peers.duckdb.agrees ? '' : ' (ANSWERS DIFFER)'}`
        : '—',
      '≥ 10×',
      r.ratios.vsDuckdb === null ? 'n/a' : `× ${r.ratios.vsDuckdb} ${verdict(r.ratios.vsDuckdb >= 10)}`,
    ],
    [
      'PostgreSQL daterange + GiST (peer)',
      r.peers.pgRange
        ? `p50 ${r.peers.pgRange.p50Ms} ms vs ansinh ${r.peers.pgRange.ansinhP50Ms} ms${r.peers.pgRange.agrees ? '' : ' (ANSWERS DIFFER)'}`
        : '—',
      '≥ 10×',
      r.ratios.vsPgRange === null ? 'n/a' : `× ${r.ratios.vsPgRange} ${verdict(r.ratios.vsPgRange >= 10)}`,
    ],
    [
      'snapshot of the large history',
      `${n(r.snapshot.bytes)} bytes, sealed in ${r.snapshot.writeMs} ms, restored in ${r.snapshot.restoreMs} ms`,
      'restore ≤ 2 s (full)',
      verdict(r.snapshot.restoreMs <= 2000),
    ],
    [
      'ansinh report process',
      r.cli ? `${r.cli.reportMs} ms, ${n(r.cli.rssMb)} MB RSS (${n(r.cli.events)} stored events, snapshot)` : '—',
      '',
      '',
    ],
    [
      'ansinh explain / diff / revisions / reproduce processes',
      r.cli?.audit
        ? `${r.cli.audit.explainMs} / ${r.cli.audit.diffMs} / ${r.cli.audit.revisionsMs} / ${r.cli.audit.reproduceMs} ms (${n(r.cli.audit.events)} stored events, explain ${n(r.cli.audit.explainRows)} csv lines)`
        : '—',
      '',
      '',
    ],
    [
      'import PGlite / PostgreSQL',
      `${n(r.import.pglite?.eventsPerSec)} / ${n(r.import.postgres?.eventsPerSec)} events/s`,
      '',
      '',
    ],
    [
      'replay PGlite / PostgreSQL',
      `${n(r.replay.pglite?.eventsPerSec)} / ${n(r.replay.postgres?.eventsPerSec)} events/s`,
      '',
      '',
    ],
    [
      'Emmett append / read',
      r.peers.emmett ? `${n(r.peers.emmett.appendEventsPerSec)} / ${n(r.peers.emmett.readEventsPerSec)} events/s` : '—',
      'ansinh ≥ Emmett',
      '',
    ],
    [
      'PG import vs Emmett append',
      r.ratios.emmettAppend === null ? '—' : `× ${r.ratios.emmettAppend}`,
      '≥ × 1',
      verdict(r.ratios.emmettAppend === null ? null : r.ratios.emmettAppend >= 1),
    ],
    [
      'PG replay vs Emmett read',
      r.ratios.emmettRead === null ? '—' : `× ${r.ratios.emmettRead}`,
      '≥ × 1',
      verdict(r.ratios.emmettRead === null ? null : r.ratios.emmettRead >= 1),
    ],
    [
      'partitioned fold, 1 → 2 workers',
      `${n(r.partitioned.one.eventsPerSec)} → ${n(r.partitioned.two.eventsPerSec)} events/s (× ${r.partitioned.speedup})`,
      '',
      '',
    ],
    [
      'national scatter-gather',
      `p50 ${r.partitioned.scatterGather.p50Ms} ms, p99 ${r.partitioned.scatterGather.p99Ms} ms`,
      '',
      '',
    ],
  ]
  const width = [0, 1, 2].map((c) => Math.max(...rows.map((row) => row[c]!.length)))
  const line = (row: readonly string[]): string =>
    row.map((cell, c) => (c < 3 ? cell.padEnd(width[c]!) : cell)).join('  ')
  process.stdout.write(
    `ansinh bench (${r.mode}, ${r.machine.nproc} cores, ${r.machine.memoryGb} GB, node ${r.machine.node}, load ${r.machine.loadAverage.before} → ${r.machine.loadAverage.after}, ${r.seconds} s)\n\n`,
  )
  process.stdout.write(line(['figure', 'measured', 'goal', '']) + '\n')
  for (const row of rows) process.stdout.write(line(row) + '\n')
}
