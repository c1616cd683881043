/**
 * `ansinh explain | diff | revisions | reproduce`: the auditor's questions after "what is the
 * figure", answered by the report packages' audit functions over the same sources as `report`.
 * The history holds no event ids, so the ids of the records an answer lists are read from the
 * source by position once the answer is known.
 *
 * @module commands/audit
 */
import * as E from 'fp-ts/lib/Either.js'
import { readFile } from 'node:fs/promises'
import type { BusinessDate, DebtScheme, Scheme } from '@ansinh/core'
import {
  type AuditError,
  type EventIds,
  type Explanation,
  type FieldDelta,
  type History,
  type ReportDiff,
  type Reproduction,
  type RevisionTriangle,
  compareReports,
  describeAuditError,
  explanationJson,
  recordLists,
  savedQuestion,
} from '@ansinh/projection'
import { coverageRevisions, diffCoverage, explainCoverage, reproduceCoverage } from '@ansinh/projection-coverage'
import { debtRevisions, diffDebt, explainDebt, reproduceDebt } from '@ansinh/projection-debt'
import { diffPlan, explainPlan, planRevisions, reproducePlan } from '@ansinh/projection-plan'
import type { Format, Lang, Source } from '../args.js'
import type { AuditCommand, AuditQuery, AuditedReport } from '../grammar/audit-commands.js'
import { type Failure, fail } from '../failure.js'
import {
  diffTable,
  explanationTable,
  reproductionLines,
  streamExplanationCsv,
  triangleCsv,
  triangleTable,
} from '../format/audit.js'
import { type LoadedHistory, withHistory } from './report.js'

/** Where a command writes a long answer, chunk by chunk (awaiting the reader). */
export type Write = (text: string) => Promise<void>

const warnStderr = (line: string): void => void process.stderr.write(line + '\n')

const formatOf = (f: Format | null): Format => f ?? (process.stdout.isTTY === true ? 'table' : 'json')

/** Collects the positions an answer names, then reads their ids from the source. */
const idsFor = async (loaded: LoadedHistory, run: (ids: EventIds) => void): Promise<EventIds> => {
  const needed = new Set<number>()
  run((p) => {
    needed.add(p)
    return ''
  })
  const found = loaded.ids === undefined ? new Map<number, string>() : await loaded.ids(needed)
  return (p) => found.get(p) ?? ''
}

const reportQuery = (c: AuditQuery, asOf: BusinessDate = c.asOf) => ({
  asOf,
  unit: c.unit,
  scheme: c.scheme,
  knownAt: c.knownAt,
  year: c.year,
})

const explainOf = (
  history: History,
  c: Extract<AuditCommand, { name: 'explain' }>,
  ids: EventIds,
): E.Either<AuditError, Explanation> => {
  const q = reportQuery(c)
  switch (c.report) {
    case 'plan':
      return explainPlan(history, { ...q, scheme: q.scheme as Scheme }, c.field, ids)
    case 'coverage':
      return explainCoverage(history, { ...q, scheme: q.scheme as Scheme }, c.field, ids)
    case 'debt':
      return explainDebt(history, { ...q, scheme: q.scheme as DebtScheme | null }, c.field, ids)
  }
}

const forceAll = (e: E.Either<AuditError, Explanation>): void => {
  if (E.isLeft(e)) return
  for (const { list } of recordLists(e.right)) for (const _ of list.list()) void _
}

/** `--format html` is drawn for report, diff and revisions (audit.md); the other commands refuse it before reading anything. */
const noHtml = (command: string, format: Format | null): E.Either<Failure, never> | null =>
  format === 'html'
    ? E.left(
        fail(
          1,
          `ansinh: ${command}: --format html is for report, diff and revisions; use table, json or csv (got html)`,
        ),
      )
    : null

/** `explain`: the records behind one figure; csv is streamed to `write`. */
export const runExplain = async (
  c: Extract<AuditCommand, { name: 'explain' }>,
  write: Write,
  warn = warnStderr,
): Promise<E.Either<Failure, string | null>> =>
  noHtml('explain', c.format) ??
  withHistory(c.source, warn, async (loaded) => {
    const ids = await idsFor(loaded, (collect) => forceAll(explainOf(loaded.history, c, collect)))
    const e = explainOf(loaded.history, c, ids)
    if (E.isLeft(e)) return E.left(fail(1, `ansinh: ${describeAuditError(e.left)}`))
    const format = formatOf(c.format)
    if (format === 'csv') {
      await streamExplanationCsv(e.right, c.csv, write)
      return E.right(null)
    }
    return E.right(
      format === 'json'
        ? JSON.stringify(explanationJson(c.report, c.field, e.right))
        : explanationTable(c.report, c.field, e.right, c.lang),
    )
  }).then(E.flatten)

const diffOf = (
  history: History,
  report: AuditedReport,
  c: AuditQuery,
  before: number,
  after: number | null,
  ids: EventIds,
): E.Either<AuditError, ReportDiff<object>> => {
  const q = { asOf: c.asOf, unit: c.unit, year: c.year }
  switch (report) {
    case 'plan':
      return diffPlan(history, { ...q, scheme: c.scheme as Scheme }, before, after, ids)
    case 'coverage':
      return diffCoverage(history, { ...q, scheme: c.scheme as Scheme }, before, after, ids)
    case 'debt':
      return diffDebt(history, { ...q, scheme: c.scheme as DebtScheme | null }, before, after, ids)
  }
}

interface Head {
  readonly report: string
  readonly asOf: string
  readonly knownAt: string | null
  readonly unit: string | null
  readonly scheme: string | null
  readonly basis: unknown
}

const renderDiff = async (
  d: ReportDiff<object>,
  format: Format,
  lang: Lang,
  names: ReadonlyMap<string, string>,
): Promise<string> => {
  const a = d.before as Head,
    b = d.after as Head
  if (format === 'html')
    return (await import('../format/html.js')).renderDiffHtml(
      { before: a, after: b, fields: d.fields },
      a.unit === null ? null : (names.get(a.unit) ?? null),
      lang,
    )
  const ka = a.knownAt
  // the question both sides answer (a plan's year too), then each side's instant and basis
  const header: Record<string, unknown> = { report: a.report, asOf: a.asOf, unit: a.unit, scheme: a.scheme }
  for (const k of ['year', 'geography']) if (k in a) header[k] = (a as unknown as Record<string, unknown>)[k]
  if (format === 'json') {
    return JSON.stringify({
      ...header,
      before: { knownAt: ka, basis: a.basis },
      after: { knownAt: b.knownAt, basis: b.basis },
      fields: d.fields,
    })
  }
  const unit = a.unit === null ? '' : ` ${a.unit}${names.has(a.unit) ? ` ${names.get(a.unit)}` : ''}`
  return diffTable(`${a.report}${unit} ${a.scheme ?? ''} ${a.asOf}`.replace(/\s+/g, ' '), ka, b.knownAt, d.fields, lang)
}

/** Runs a diff with placeholder ids, reads the ids of the records it lists, and puts them in. */
const diffWithIds = async (
  loaded: LoadedHistory,
  run: (ids: EventIds) => E.Either<AuditError, ReportDiff<object>>,
): Promise<E.Either<AuditError, ReportDiff<object>>> => {
  const first = run(() => '')
  if (E.isLeft(first) || loaded.ids === undefined) return first
  const needed = new Set<number>()
  for (const f of first.right.fields) for (const c of f.causes) for (const r of c.records) needed.add(r.position)
  const found = await loaded.ids(needed)
  const fields: FieldDelta[] = first.right.fields.map((f) => ({
    ...f,
    causes: f.causes.map((c) => ({ ...c, records: c.records.map((r) => ({ ...r, id: found.get(r.position) ?? '' })) })),
  }))
  return E.right({ ...first.right, fields })
}

/** `diff REPORT --known-at A [--known-at B]`. */
export const runDiff = async (
  c: Extract<AuditCommand, { name: 'diff' }>,
  warn = warnStderr,
): Promise<E.Either<Failure, string>> =>
  withHistory(c.source, warn, async (loaded) => {
    const d = await diffWithIds(loaded, (ids) => diffOf(loaded.history, c.report, c, c.before, c.after, ids))
    if (E.isLeft(d)) return E.left(fail(1, `ansinh: ${describeAuditError(d.left)}`))
    return E.right(await renderDiff(d.right, formatOf(c.format), c.lang, loaded.names))
  }).then(E.flatten)

const readSaved = async (file: string): Promise<E.Either<Failure, unknown>> => {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (err) {
    return E.left(fail(2, `${file}: cannot read: ${(err as Error).message}`))
  }
  try {
    return E.right(JSON.parse(text) as unknown)
  } catch (err) {
    return E.left(fail(2, `${file}:1: not JSON: ${(err as Error).message} (a report saved with --format json)`))
  }
}

const isAudited = (r: string): r is AuditedReport => r === 'plan' || r === 'coverage' || r === 'debt'

/** `diff --published FILE.json`: the saved report against the same report as known now. */
export const runDiffPublished = async (
  c: Extract<AuditCommand, { name: 'diff-published' }>,
  warn = warnStderr,
): Promise<E.Either<Failure, string>> => {
  const saved = await readSaved(c.file)
  if (E.isLeft(saved)) return saved
  const q = savedQuestion(saved.right)
  if (E.isLeft(q)) return E.left(fail(2, `${c.file}: ${describeAuditError(q.left)}`))
  const question = q.right
  if (!isAudited(question.report))
    return E.left(fail(2, `${c.file}: report: not coverage, plan or debt (got "${question.report}")`))
  if (question.knownAt === null)
    return E.left(
      fail(
        2,
        `${c.file}: knownAt: the saved report has no known-at instant, so what it knew cannot be told from what came later (got null)`,
      ),
    )
  if (question.scheme === 'any') {
    return E.left(
      fail(
        2,
        `${c.file}: scheme: diff takes a report of one scheme; coverage of any scheme counts people over every scheme, not the enrolments a diff lists (got "any"; ansinh reproduce checks it)`,
      ),
    )
  }
  if (question.geography !== null && question.geography !== question.asOf) {
    return E.left(
      fail(
        2,
        `${c.file}: geography: diff compares figures on the map of the as-of date, and this report was made on the map of ${question.geography} (--geography); ansinh reproduce checks it on its own map (got "${question.geography}", as-of ${question.asOf})`,
      ),
    )
  }
  const report = question.report
  const before = question.knownAt
  const query: AuditQuery = {
    report,
    asOf: question.asOf as BusinessDate,
    unit: question.unit as AuditQuery['unit'],
    scheme: question.scheme as Scheme | null,
    year: question.year,
    knownAt: before,
    geography: question.geography as BusinessDate | null,
    source: c.source,
    format: c.format,
    lang: c.lang,
    csv: { bom: false, separator: ',' },
  }
  return withHistory(c.source, warn, async (loaded) => {
    const d = await diffWithIds(loaded, (ids) => diffOf(loaded.history, report, query, before, null, ids))
    if (E.isLeft(d)) return E.left(fail(2, `${c.file}: ${describeAuditError(d.left)}`))
    const differs = compareReports(saved.right as object, d.right.before).filter((m) => m.field !== 'basis')
    if (differs.length > 0)
      warn(
        `ansinh: ${c.file}: the saved figures are not what the store gives as known at ${question.knownAt === null ? 'now' : new Date(question.knownAt).toISOString()} (${differs
          .map((m) => m.field)
          .slice(0, 5)
          .join(', ')}); ansinh reproduce says why`,
      )
    return E.right(await renderDiff(d.right, formatOf(c.format), c.lang, loaded.names))
  }).then(E.flatten)
}

const revisionsOf = (
  history: History,
  c: Extract<AuditCommand, { name: 'revisions' }>,
): E.Either<AuditError, RevisionTriangle> => {
  const q = { unit: c.unit, year: c.year }
  switch (c.report) {
    case 'plan':
      return planRevisions(history, { ...q, scheme: c.scheme as Scheme }, c.field, c.from, c.to, c.every)
    case 'coverage':
      return coverageRevisions(history, { ...q, scheme: c.scheme as Scheme | 'any' }, c.field, c.from, c.to, c.every)
    case 'debt':
      return debtRevisions(history, { ...q, scheme: c.scheme as DebtScheme | null }, c.field, c.from, c.to, c.every)
  }
}

/** `revisions REPORT FIELD --as-of-range FROM..TO --every month|quarter`. */
export const runRevisions = async (
  c: Extract<AuditCommand, { name: 'revisions' }>,
  warn = warnStderr,
): Promise<E.Either<Failure, string>> =>
  withHistory(c.source, warn, async ({ history, names }) => {
    const t = revisionsOf(history, c)
    if (E.isLeft(t)) return E.left(fail(1, `ansinh: ${describeAuditError(t.left)}`))
    const format = formatOf(c.format)
    const head = {
      report: c.report,
      unit: c.unit,
      scheme: c.scheme,
      ...(c.report === 'plan' ? { year: c.year } : {}),
      every: c.every,
    }
    if (format === 'json') return E.right(JSON.stringify({ ...head, ...t.right }))
    if (format === 'csv') return E.right(triangleCsv(t.right, c.csv))
    if (format === 'html')
      return E.right(
        await (
          await import('../format/html.js')
        ).renderRevisionsHtml(head, c.unit === null ? null : (names.get(c.unit) ?? null), t.right, c.lang),
      )
    const unit = c.unit === null ? '' : ` ${c.unit}${names.has(c.unit) ? ` ${names.get(c.unit)}` : ''}`
    return E.right(
      triangleTable(`${c.report}${unit} ${c.scheme ?? ''}: ${c.field}`.replace(/\s+/g, ' '), t.right, c.lang),
    )
  }).then(E.flatten)

/** `reproduce FILE.json`: exit 0 reproduced, 3 tampered, 4 backdated, 2 when the saved figures are not the store's. */
export const runReproduce = async (
  c: { readonly file: string; readonly source: Source; readonly format: Format | null; readonly lang: Lang },
  warn = warnStderr,
): Promise<E.Either<Failure, string>> => {
  const refused = noHtml('reproduce', c.format)
  if (refused !== null) return refused
  const saved = await readSaved(c.file)
  if (E.isLeft(saved)) return saved
  const q = savedQuestion(saved.right)
  if (E.isLeft(q)) return E.left(fail(2, `${c.file}: ${describeAuditError(q.left)}`))
  const report = q.right.report
  if (!isAudited(report)) return E.left(fail(2, `${c.file}: report: not coverage, plan or debt (got "${report}")`))
  return withHistory(c.source, warn, async (loaded) => {
    const evidence = await loaded.evidence!(q.right.lastPosition)
    const reproduce = report === 'plan' ? reproducePlan : report === 'coverage' ? reproduceCoverage : reproduceDebt
    const r = reproduce(loaded.history, saved.right, evidence)
    if (E.isLeft(r)) return E.left(fail(2, `${c.file}: ${describeAuditError(r.left)}`))
    return verdict(c.file, r.right, formatOf(c.format), c.lang)
  }).then(E.flatten)
}

const verdict = (file: string, r: Reproduction, format: Format, lang: Lang): E.Either<Failure, string> => {
  const lines = reproductionLines(file, r, lang)
  const json = format === 'json' ? JSON.stringify({ file, ...r }) : undefined
  switch (r.outcome) {
    case 'reproduced':
      return E.right(json ?? lines.join('\n'))
    case 'tampered':
      return E.left({ code: 3, lines, ...(json === undefined ? {} : { out: json }) })
    case 'backdated':
      return E.left({ code: 4, lines, ...(json === undefined ? {} : { out: json }) })
    case 'differs':
      return E.left({ code: 2, lines, ...(json === undefined ? {} : { out: json }) })
  }
}
