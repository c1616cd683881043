/**
 * `ansinh report coverage|plan|debt`: the read models of the spec, from a file or a store, as a
 * table, JSON or CSV.
 *
 * @module commands/report
 */
import * as E from 'fp-ts/lib/Either.js'
import { History } from '@ansinh/projection'
import { coverageReport } from '@ansinh/projection-coverage'
import { debtReport } from '@ansinh/projection-debt'
import { planReport } from '@ansinh/projection-plan'
import { GENESIS_HASH, chainHashOf } from '@ansinh/store'
import type { Command, CsvOptions, Format, Lang, Source } from '../args.js'
import { type Failure, fail } from '../failure.js'
import { renderCsv } from '../format/csv.js'
import type { ReportView } from '../format/reports.js'
import { renderTable } from '../format/table.js'
import { openStore, readHistoryFile, redact, replay, storeUrl } from '../source.js'

/** A loaded history with the chain hash at every position (what a report's basis cites). */
export interface LoadedHistory {
  readonly history: History
  /** `hashes[p - 1]` is the chain hash after position p. */
  readonly hashes: readonly string[]
  /** The unit names, for the table's title. */
  readonly names: ReadonlyMap<string, string>
}

const namesOf = (history: History): Map<string, string> => {
  const names = new Map<string, string>()
  for (const { event: e } of history.entries()) if (e.type === 'UnitEstablished') names.set(e.data.code, e.data.name)
  return names
}

/**
 * Loads a history from its source. A file's events get the chain hashes they would have in an
 * empty store, so a report from the file and from the store after `import` cite the same hash.
 */
export const loadHistory = async (source: Source): Promise<E.Either<Failure, LoadedHistory>> => {
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
    return E.right({ history, hashes, names: namesOf(history) })
  }
  const url = storeUrl(source.url)
  const opened = await openStore(url)
  if (E.isLeft(opened)) return opened
  const store = opened.right
  const history = History.of([])
  const hashes: string[] = []
  try {
    for await (const r of replay(store, url)) {
      history.append({ event: r.event, position: r.position })
      hashes.push(r.hash)
    }
  } catch (err) {
    return E.left(fail(3, `store ${redact(url)}: ${(err as Error).message}`))
  } finally {
    await store.close()
  }
  return E.right({ history, hashes, names: namesOf(history) })
}

const compute = (command: Extract<Command, { name: `report-${string}` }>, history: History): ReportView => {
  switch (command.name) {
    case 'report-coverage':
      return coverageReport(history, { asOf: command.asOf, scheme: command.scheme, unit: command.unit, knownAt: command.knownAt })
    case 'report-plan':
      return planReport(history, {
        asOf: command.asOf,
        scheme: command.scheme,
        unit: command.unit,
        year: command.year ?? undefined,
        knownAt: command.knownAt,
      })
    case 'report-debt':
      return debtReport(history, { asOf: command.asOf, scheme: command.scheme, unit: command.unit, knownAt: command.knownAt })
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
export const runReport = async (command: Extract<Command, { name: `report-${string}` }>): Promise<E.Either<Failure, string>> => {
  const loaded = await loadHistory(command.source)
  if (E.isLeft(loaded)) return loaded
  const { history, hashes, names } = loaded.right
  const report = compute(command, history)
  const last = report.basis.lastPosition
  const withHash: ReportView = { ...report, basis: { ...report.basis, hash: last === null ? null : (hashes[last - 1] ?? null) } }
  const format: Format = command.format ?? (process.stdout.isTTY === true ? 'table' : 'json')
  return E.right(render(withHash, format, command.lang, names, command.csv))
}
