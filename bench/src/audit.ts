/**
 * The auditor's commands against a stored history, end to end: `explain` (csv, to the last row),
 * `diff` of two known-at instants, a 12-month revision triangle and `reproduce` of a report saved
 * from the same store, each in a new CLI process (start-up, open, snapshot, answer), the best of
 * `runs`. Run alone on the quick history: `node bench/dist/audit.js`.
 *
 * @module audit
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { main } from '@ansinh/cli'
import type { DomainEvent } from '@ansinh/core'
import { loadStoredHistory } from '@ansinh/projection-runner'
import { openPgliteStore } from '@ansinh/store-pglite'
import { generateHistory } from './generator.js'
import { round } from './measure.js'
import { QUICK_SCALE } from './generator.js'
import { runCli } from './snapshots.js'
import { importEvents } from './stores.js'

/** Wall time of each audit command (ms, best of the runs) against a store of `events` events. */
export interface AuditCliFigures {
  readonly events: number
  readonly explainMs: number
  readonly explainRows: number
  readonly diffMs: number
  readonly revisionsMs: number
  readonly reproduceMs: number
}

/** The question every command asks: national health coverage at the end of `year`, as known when the middle stored event was recorded. */
export const measureCliAudit = async (
  store: string,
  events: readonly DomainEvent[],
  year: number,
  runs = 2,
): Promise<AuditCliFigures> => {
  const dir = await mkdtemp(join(tmpdir(), 'ansinh-bench-audit-'))
  try {
    const knownAt = String(events[Math.floor(events.length / 2)]!.recordedAt)
    const question = ['--as-of', `${year}-12-31`, '--scheme', 'health', '--store', store]
    // the report to reproduce, saved as a publisher would (in this process; the store is closed after)
    let saved = ''
    let rows = 0
    const code = await main(['report', 'coverage', ...question, '--known-at', knownAt, '--format', 'json'], {
      out: (t) => void (saved += t),
      err: () => undefined,
    })
    if (code !== 0) throw new Error(`ansinh report coverage failed (exit ${code})`)
    const file = join(dir, 'published.json')
    await writeFile(file, saved)
    await main(['explain', 'coverage', 'participants', ...question, '--known-at', knownAt, '--format', 'csv'], {
      out: (t) => void (rows += t.split('\n').length - 1),
      err: () => undefined,
    })
    const best = async (args: readonly string[]): Promise<number> => {
      let ms = Infinity
      for (let i = 0; i < runs; i++) {
        const r = await runCli(args)
        if (r.code !== 0) throw new Error(`ansinh ${args[0]} failed (exit ${r.code}): ${r.stderr.slice(0, 300)}`)
        ms = Math.min(ms, r.ms)
      }
      return round(ms)
    }
    return {
      events: events.length,
      explainMs: await best([
        'explain',
        'coverage',
        'participants',
        ...question,
        '--known-at',
        knownAt,
        '--format',
        'csv',
      ]),
      explainRows: rows,
      diffMs: await best(['diff', 'coverage', ...question, '--known-at', knownAt, '--format', 'json']),
      revisionsMs: await best([
        'revisions',
        'coverage',
        'participants',
        '--as-of-range',
        `${year}-01-01..${year}-12-31`,
        '--every',
        'month',
        '--scheme',
        'health',
        '--store',
        store,
        '--format',
        'json',
      ]),
      reproduceMs: await best(['reproduce', file, '--store', store, '--format', 'json']),
    }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

/** The phase alone: the quick history's first `n` events imported into a new PGlite store (with its snapshot), then measured. */
const runAlone = async (n: number): Promise<void> => {
  const dir = await mkdtemp(join(tmpdir(), 'ansinh-bench-audit-store-'))
  try {
    const events: DomainEvent[] = []
    for (const e of generateHistory(QUICK_SCALE)) {
      if (events.length === n) break
      events.push(e)
    }
    const store = await openPgliteStore(dir)
    await importEvents(store, events)
    await loadStoredHistory(store, { useSnapshot: true, warn: (l) => process.stderr.write(l + '\n'), refreshAfter: 0 })
    await store.close()
    process.stdout.write(
      JSON.stringify({ audit: await measureCliAudit(`pglite:${dir}`, events, QUICK_SCALE.startYear) }) + '\n',
    )
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href)
  await runAlone(Number(process.argv[2] ?? 5_000))
