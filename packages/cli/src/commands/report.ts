/**
 * `ansinh report coverage|plan|debt|agents|revenue`: the read models of the spec, from a file or a store, as a
 * table, JSON or CSV.
 *
 * @module commands/report
 */
import * as E from 'fp-ts/lib/Either.js'
import { type GeographyRefused, History } from '@ansinh/projection'
import { checkedCoverageReport } from '@ansinh/projection-coverage'
import { checkedDebtReport } from '@ansinh/projection-debt'
import { checkedPlanReport } from '@ansinh/projection-plan'
import { agentsReport } from '@ansinh/projection-agents'
import { revenueReport } from '@ansinh/projection-revenue'
import {
  GENESIS_HASH,
  type StoreError,
  breakOfReadError,
  chainHashAt,
  chainHashOf,
  describeChainHashError,
  describeStoreError,
  rememberHashOf,
  rememberedHashOf,
} from '@ansinh/store'
import type { ChainEvidence } from '@ansinh/projection'
import { fileEvidence, storeEvidence, storeIds } from './evidence.js'
import { loadStoredHistory } from '@ansinh/projection-runner'
import type { Command, CsvOptions, Format, Lang, Source } from '../args.js'
import { type Failure, fail } from '../failure.js'
import { renderCsv } from '../format/csv.js'
import type { ReportView } from '../format/reports.js'
import { renderTable } from '../format/table.js'
import { progress } from '../progress.js'
import { openStore, readHistoryFile, redact, storeFailed, storeUrl } from '../source.js'

/** A loaded history with the chain hash at every position (what a report's basis cites). */
export interface LoadedHistory {
  readonly history: History
  /**
   * The chain hash after position p. From a store answered by its snapshot, a position before the
   * snapshot's (a known-at cut) is recomputed from the store; Left: exit 3, the store failed or its
   * chain breaks before p.
   */
  readonly hashAt: (p: number) => Promise<E.Either<Failure, string | null>>
  /** The unit names, for the table's title. */
  readonly names: ReadonlyMap<string, string>
  /** The ids of the events at some positions (the history holds none; audits list them). */
  readonly ids?: (positions: ReadonlySet<number>) => Promise<ReadonlyMap<number, string>>
  /** What the source's chain says about a report resting on `lastPosition` (reproduce). */
  readonly evidence?: (lastPosition: number | null) => Promise<ChainEvidence>
}

/** Exit 3 for a failed read of the store at `url`: a row that breaks the chain named as verify names it, else the store's error. */
const readFailure = (url: string, error: StoreError): Failure => {
  const broken = breakOfReadError(error)
  if (broken === null) return storeFailed(url, error)
  return fail(
    3,
    `${redact(url)}: hash chain broken at position ${broken.position}: ${broken.reason.replace(/^stored event at position \d+ is corrupt: (hash chain broken: )?/, '')}`,
  )
}

/**
 * Carries a failed read out of a callback whose type has no room for one (`ids`, `evidence`: the
 * audits await them inside `use`) to {@link withHistory}, which answers it as a value, exit 3.
 * It never leaves withHistory; see docs/architecture.md, "Error style".
 */
class ReadAborted extends Error {
  constructor(readonly error: StoreError) {
    super(describeStoreError(error))
    this.name = 'ReadAborted'
  }
}

const orAbort = async <A>(read: Promise<E.Either<StoreError, A>>): Promise<A> => {
  const r = await read
  if (E.isLeft(r)) throw new ReadAborted(r.left)
  return r.right
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
export const withHistory = async <T>(
  source: Source,
  warn: (line: string) => void,
  use: (loaded: LoadedHistory) => Promise<T>,
): Promise<E.Either<Failure, T>> => {
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
    const events = read.right
    return E.right(
      await use({
        history,
        hashAt: async (p) => E.right(hashes[p - 1] ?? null),
        names: namesOf(history),
        ids: async (positions) =>
          new Map(events.filter((e) => positions.has(e.position)).map((e) => [e.position, e.event.id])),
        evidence: async (last) => fileEvidence(events, hashes, last),
      }),
    )
  }
  const url = storeUrl(source.url)
  const opened = await openStore(url)
  if (E.isLeft(opened)) return opened
  const store = opened.right
  try {
    const head = await store.headPosition()
    if (E.isLeft(head)) return E.left(storeFailed(url, head.left))
    const p = progress(`reading ${redact(url)}`, { total: head.right })
    const read = await loadStoredHistory(store, {
      useSnapshot: source.snapshot,
      warn,
      onEvent: (position) => p.update(position),
    })
    p.done()
    // An edited, missing or undecodable row: no answer, and the position, as verify names it.
    if (E.isLeft(read)) return E.left(readFailure(url, read.left))
    const loaded = read.right
    // The one hash a load from a snapshot does not hold: the chain's at a known-at cut before it,
    // recomputed up to the cut from the chain checkpoint before it (at most 255 rows; from
    // position 1 without one): a report cites no hash it did not compute.
    // A hash computed once is remembered by a store that can (a sealed PGlite folder keeps it with
    // its seal, while its files are unchanged): the next report at that cut starts no database.
    const hashAt = async (position: number): Promise<E.Either<Failure, string | null>> => {
      const known = loaded.hashAt(position) ?? rememberedHashOf(store, position)
      if (known !== null) return E.right(known)
      const computed = await chainHashAt(store, position, loaded.checkpoints.before(position) ?? undefined)
      if (E.isRight(computed)) {
        rememberHashOf(store, position, computed.right)
        return computed
      }
      const e = computed.left
      if (e._tag === 'StoreFailed') return E.left(readFailure(url, e.error))
      return E.left(
        readFailure(url, {
          _tag: 'CorruptEvent',
          position: e.position,
          message: e._tag === 'ChainBroken' ? `hash chain broken: ${e.reason}` : describeChainHashError(e),
          problems: [],
        }),
      )
    }
    const computed = await use({
      history: loaded.history,
      hashAt,
      names: namesOf(loaded.history),
      ids: (positions) => orAbort(storeIds(store, positions)),
      evidence: (last) => orAbort(storeEvidence(store, url, last)),
    })
    return E.right(computed)
  } catch (err) {
    if (err instanceof ReadAborted) return E.left(readFailure(url, err.error))
    throw err
  } finally {
    await store.close()
  }
}

/** The report of a command, or why it cannot be made on the map asked for (exit 2, the message of geography.md). */
const compute = (
  command: Extract<Command, { name: `report-${string}` }>,
  history: History,
): E.Either<GeographyRefused, ReportView> => {
  const { asOf, unit, knownAt, geography } = command
  switch (command.name) {
    case 'report-coverage':
      return checkedCoverageReport(history, { asOf, scheme: command.scheme, unit, knownAt, geography })
    case 'report-plan':
      return checkedPlanReport(history, {
        asOf,
        scheme: command.scheme,
        unit: command.unit,
        year: command.year ?? undefined,
        knownAt,
        geography,
      })
    case 'report-debt':
      return checkedDebtReport(history, { asOf, scheme: command.scheme, unit, knownAt, geography })
    case 'report-agents':
      return E.right(
        agentsReport(history, { asOf, scheme: command.scheme, unit, from: command.from, knownAt, geography }),
      )
    case 'report-revenue':
      return E.right(
        revenueReport(history, { asOf, scheme: command.scheme, unit, year: command.year, knownAt, geography }),
      )
  }
}

const participantsOf = (r: ReportView): number => ('participants' in r ? r.participants : 0)

/** Renders a report in a format and language (csv: RFC 4180 with `,`, unless told otherwise); html: see {@link runReport}. */
export const render = (
  report: ReportView,
  format: Exclude<Format, 'html'>,
  lang: Lang,
  names: ReadonlyMap<string, string>,
  csv?: CsvOptions,
): string =>
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
  const done = await withHistory(
    command.source,
    warn,
    async ({ history, hashAt, names }): Promise<E.Either<Failure, string>> => {
      const computed = compute(command, history)
      if (E.isLeft(computed)) return E.left(fail(2, computed.left.message))
      const report = computed.right
      const last = report.basis.lastPosition
      const hash = last === null ? E.right(null) : await hashAt(last)
      if (E.isLeft(hash)) return hash
      const withHash: ReportView = { ...report, basis: { ...report.basis, hash: hash.right } }
      const format: Format = command.format ?? (process.stdout.isTTY === true ? 'table' : 'json')
      if (format !== 'html') return E.right(render(withHash, format, command.lang, names, command.csv))
      // The chart of participants over time: the same report asked at each month end of the year,
      // as known at the same instant and on the same map (each answer takes well under a millisecond).
      const monthEnd = (asOf: typeof command.asOf): number => {
        const r = compute({ ...command, asOf, geography: command.geography ?? command.asOf }, history)
        return E.isRight(r) ? participantsOf(r.right) : 0
      }
      // the page's modules (Vega) are loaded only for a page: a json or table answer starts faster
      const [{ monthEnds }, { renderHtml }] = await Promise.all([
        import('@ansinh/report-html'),
        import('../format/html.js'),
      ])
      const series =
        command.name !== 'report-coverage' && command.name !== 'report-plan'
          ? null
          : monthEnds(command.asOf).map((asOf) => ({ asOf, value: monthEnd(asOf) }))
      return E.right(
        await renderHtml(
          { report: withHash, unitName: report.unit === null ? null : (names.get(report.unit) ?? null), series },
          command.lang,
        ),
      )
    },
  )
  return E.flatten(done)
}
