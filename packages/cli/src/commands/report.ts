/**
 * `ansinh report coverage|plan|debt`: the read models of the spec, from a file or a store, as a
 * table, JSON or CSV.
 *
 * @module commands/report
 */
import * as E from 'fp-ts/lib/Either.js'
import { type GeographyRefused, History } from '@ansinh/projection'
import { checkedCoverageReport } from '@ansinh/projection-coverage'
import { checkedDebtReport } from '@ansinh/projection-debt'
import { checkedPlanReport } from '@ansinh/projection-plan'
import { GENESIS_HASH, chainHashOf } from '@ansinh/store'
import { loadStoredHistory } from '@ansinh/projection-runner'
import type { Command, CsvOptions, Format, Lang, Source } from '../args.js'
import { type Failure, fail } from '../failure.js'
import { renderCsv } from '../format/csv.js'
import type { ReportView } from '../format/reports.js'
import { renderTable } from '../format/table.js'
import { progress } from '../progress.js'
import { openStore, readHistoryFile, redact, storeUrl } from '../source.js'

/** A loaded history with the chain hash at every position (what a report's basis cites). */
export interface LoadedHistory {
  readonly history: History
  /**
   * The chain hash after position p. From a store answered by its snapshot, a position before the
   * snapshot's (a known-at cut) is looked up in the store: one row.
   */
  readonly hashAt: (p: number) => Promise<string | null>
  /** The unit names, for the table's title. */
  readonly names: ReadonlyMap<string, string>
}

const namesOf = (history: History): Map<string, string> => {
  const names = new Map<string, string>()
  for (const u of history.view().geography.all()) names.set(u.code, u.name)
  return names
}

/**
 * Loads a history from its source and hands it to `use` (the store stays open meanwhile). A file's
 * events get the chain hashes they would have in an empty store, so a report from the file and
 * from the store after `import` cite the same hash. A store's history comes from its snapshot and
 * the events after it, unless the source says `--no-snapshot`; `warn` gets why a snapshot was not
 * trusted.
 */
export const withHistory = async <T>(source: Source, warn: (line: string) => void, use: (loaded: LoadedHistory) => Promise<T>): Promise<E.Either<Failure, T>> => {
  if (source.kind === 'events') {
    const read = await readHistoryFile(source.file)
    if (E.isLeft(read)) return read
    const history = History.of(read.right)
    const revisions = new Map<string, number>()
    const hashes: string[] = []
    let previous = GENESIS_HASH
    for (const { event, position } of read.right) {
      const { hash } = chainHashOf(previous, event, position, revisions)
      hashes.push(hash)
      previous = hash
    }
    return E.right(await use({ history, hashAt: async (p) => hashes[p - 1] ?? null, names: namesOf(history) }))
  }
  const url = storeUrl(source.url)
  const opened = await openStore(url)
  if (E.isLeft(opened)) return opened
  const store = opened.right
  try {
    const p = progress(`reading ${redact(url)}`, { total: await store.headPosition() })
    const loaded = await loadStoredHistory(store, { useSnapshot: source.snapshot, warn, onEvent: (position) => p.update(position) })
    p.done()
    // The one hash a load from a snapshot does not hold: the row's at a known-at cut before it.
    const hashAt = async (position: number): Promise<string | null> => {
      const known = loaded.hashAt(position)
      if (known !== null) return known
      for await (const r of store.readAll({ fromPosition: position, pageSize: 1 })) return r.position === position ? r.hash : null
      return null
    }
    const computed = await use({ history: loaded.history, hashAt, names: namesOf(loaded.history) })
    return E.right(computed)
  } catch (err) {
    return E.left(fail(3, `store ${redact(url)}: ${(err as Error).message}`))
  } finally {
    await store.close()
  }
}

/** The report of a command, or why it cannot be made on the map asked for (exit 2, the message of geography.md). */
const compute = (command: Extract<Command, { name: `report-${string}` }>, history: History): E.Either<GeographyRefused, ReportView> => {
  const { asOf, unit, knownAt, geography } = command
  switch (command.name) {
    case 'report-coverage':
      return checkedCoverageReport(history, { asOf, scheme: command.scheme, unit, knownAt, geography })
    case 'report-plan':
      return checkedPlanReport(history, { asOf, scheme: command.scheme, unit: command.unit, year: command.year ?? undefined, knownAt, geography })
    case 'report-debt':
      return checkedDebtReport(history, { asOf, scheme: command.scheme, unit, knownAt, geography })
  }
}

/** Renders a report in a format and language (csv: RFC 4180 with `,`, unless told otherwise). */
export const render = (report: ReportView, format: Format, lang: Lang, names: ReadonlyMap<string, string>, csv?: CsvOptions): string =>
  format === 'json'
    ? JSON.stringify(report)
    : format === 'csv'
      ? renderCsv(report, csv).trimEnd()
      : renderTable(report, lang, report.unit === null ? null : (names.get(report.unit) ?? null))

/** Runs a report command: what to print on stdout. */
export const runReport = async (
  command: Extract<Command, { name: `report-${string}` }>,
  warn: (line: string) => void = (line) => process.stderr.write(line + '\n'),
): Promise<E.Either<Failure, string>> => {
  const done = await withHistory(command.source, warn, async ({ history, hashAt, names }): Promise<E.Either<Failure, string>> => {
    const computed = compute(command, history)
    if (E.isLeft(computed)) return E.left(fail(2, computed.left.message))
    const report = computed.right
    const last = report.basis.lastPosition
    const withHash: ReportView = { ...report, basis: { ...report.basis, hash: last === null ? null : await hashAt(last) } }
    const format: Format = command.format ?? (process.stdout.isTTY === true ? 'table' : 'json')
    return E.right(render(withHash, format, command.lang, names, command.csv))
  })
  return E.flatten(done)
}
