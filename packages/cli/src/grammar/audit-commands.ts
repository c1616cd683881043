/**
 * The auditor's commands (explain, diff, revisions, reproduce): entries of the command table
 * (commands.ts) kept in their own file. Each takes a report's options as `report` does, plus its
 * own: the FIELD to explain or triangulate, two known-at instants, a range of as-of dates.
 *
 * @module grammar/audit-commands
 */
import * as E from 'fp-ts/lib/Either.js'
import type { Scheme, UnitCode } from '@ansinh/core'
// commands.ts imports this file: only functions of it may be used here, and only when called
import { type CommandSpec, type Given, type ReportOptions, type Source, reportOptions } from './commands.js'
import {
  type Format,
  type Lang,
  type OptionName,
  formatValue,
  knownAtValue,
  langOfEnvironment,
  langValue,
  yearValue,
} from './options.js'

/** The report an audit command asks about. */
export type AuditedReport = 'coverage' | 'plan' | 'debt'

/** A report's question, as `report` parses it (scheme null only for debt; year only for plan). */
export type AuditQuery = ReportOptions & {
  readonly report: AuditedReport
  readonly scheme: Scheme | 'any' | null
  readonly year: number | null
}

/** The parsed audit commands. */
export type AuditCommand =
  | ({ readonly name: 'explain'; readonly field: string } & AuditQuery)
  | ({ readonly name: 'diff'; readonly before: number; readonly after: number | null } & AuditQuery)
  | {
      readonly name: 'diff-published'
      readonly file: string
      readonly source: Source
      readonly format: Format | null
      readonly lang: Lang
    }
  | ({
      readonly name: 'revisions'
      readonly field: string
      readonly from: string
      readonly to: string
      readonly every: 'month' | 'quarter'
    } & AuditQuery)
  | {
      readonly name: 'reproduce'
      readonly file: string
      readonly source: Source
      readonly format: Format | null
      readonly lang: Lang
    }

const SOURCE: readonly OptionName[] = ['events', 'store', 'no-snapshot']
const OUTPUT: readonly OptionName[] = ['format', 'lang', 'bom', 'separator']

const KINDS: readonly AuditedReport[] = ['coverage', 'plan', 'debt']

const EXTRA: Readonly<Record<AuditedReport, readonly OptionName[]>> = {
  coverage: ['scheme'],
  plan: ['scheme', 'year'],
  debt: ['scheme'],
}

const SYNOPSIS: Readonly<Record<AuditedReport, string>> = {
  coverage: '--as-of DATE --scheme S [--unit CODE]',
  plan: '--as-of DATE --scheme S --unit CODE [--year Y]',
  debt: '--as-of DATE [--scheme S] [--unit CODE]',
}

/** The report's options with the command's own arguments taken off first (`explain plan FIELD …`). */
const query = (
  report: AuditedReport,
  g: Given,
  args: number,
  asOf = true,
  command: 'explain' | 'diff' | 'revisions' = 'explain',
): E.Either<string, AuditQuery> => {
  const rest: Given = {
    ...g,
    args: g.args.slice(args),
    value: (n) => (n === 'as-of' && !asOf ? '2000-01-01' : g.value(n)),
  }
  const base = reportOptions(rest)
  if (E.isLeft(base)) return base
  const { scheme, unit } = base.right
  if (report !== 'debt' && scheme === null) return E.left(`--scheme is required for the ${report} report`)
  if (scheme === 'any' && !(command === 'revisions' && report === 'coverage')) {
    return E.left(
      report === 'coverage'
        ? `--scheme: ${command} of the coverage report takes one scheme: voluntary, compulsory, health or unemployment (got "any"); coverage of any scheme counts people over every scheme, and ${command} lists the enrolments of one scheme behind a figure (revisions and reproduce take any)`
        : `--scheme: the ${report} report takes one scheme (got "any")`,
    )
  }
  if (report === 'plan' && unit === null) return E.left('--unit is required for the plan report')
  if (report === 'debt' && scheme === 'voluntary')
    return E.left('--scheme: voluntary insurance has no employer debt (got "voluntary")')
  const yearText = g.value('year')
  const year = yearText === undefined ? E.right(null) : yearValue(yearText)
  if (E.isLeft(year)) return year
  return E.right({ ...base.right, report, scheme, unit: unit as UnitCode | null, year: year.right })
}

const fieldArg = (g: Given, what: string): E.Either<string, string> =>
  g.args[0] === undefined
    ? E.left(`${what} needs a FIELD, e.g. participants or children.22816.participants`)
    : E.right(g.args[0])

const sourceOf = (g: Given): E.Either<string, Source> => {
  if (g.value('events') !== undefined && g.value('store') !== undefined)
    return E.left('give --events or --store, not both')
  const events = g.value('events')
  if (events !== undefined && g.flag('no-snapshot')) return E.left('--no-snapshot applies to --store, not to --events')
  return E.right(
    events !== undefined
      ? { kind: 'events', file: events }
      : { kind: 'store', url: g.value('store') ?? null, snapshot: !g.flag('no-snapshot') },
  )
}

const outputOf = (g: Given): E.Either<string, { format: Format | null; lang: Lang }> => {
  const f = g.value('format')
  const format = f === undefined ? E.right(null) : formatValue(f)
  if (E.isLeft(format)) return format
  const l = g.value('lang')
  const lang = l === undefined ? langOfEnvironment(g.env) : langValue(l)
  if (E.isLeft(lang)) return lang
  return E.right({ format: format.right, lang: lang.right })
}

const fileCommand = (
  name: 'reproduce' | 'diff-published',
  file: string | undefined,
  g: Given,
  what: string,
): E.Either<string, AuditCommand> => {
  if (file === undefined) return E.left(what)
  const source = sourceOf(g)
  if (E.isLeft(source)) return source
  const output = outputOf(g)
  if (E.isLeft(output)) return output
  return E.right({ name, file, source: source.right, ...output.right })
}

const explain = (report: AuditedReport): CommandSpec => ({
  path: ['explain', report],
  summary: `the records behind one figure of the ${report} report: their count (or sum) is the figure`,
  synopsis: `FIELD ${SYNOPSIS[report]} [--known-at WHEN] [source] [--format F] [--lang L] [--bom] [--separator SEP]`,
  options: ['as-of', ...EXTRA[report], 'unit', 'known-at', ...SOURCE, ...OUTPUT],
  examples: {
    plan: [
      'ansinh explain plan participants --unit 60 --scheme voluntary --as-of 2020-09-30 --known-at 2020-10-05',
      'ansinh explain plan children.22816.participants -u 60 --scheme voluntary -a 2020-09-30 -f csv > ham-tri.csv',
      'ansinh explain plan achievement -u 481 --scheme voluntary -a 2019-08-12 -f json',
    ],
    coverage: [
      'ansinh explain coverage participants --unit 31 --scheme voluntary --as-of 2024-06-30 -f csv',
      'ansinh explain coverage rate -u 60 --scheme health -a 2024-09-30 -f json',
    ],
    debt: [
      'ansinh explain debt outstanding --unit 481 --as-of 2019-03-31',
      'ansinh explain debt aging.over12Months -u 481 -a 2019-03-31 -f csv',
    ],
  }[report],
  build: (g) => {
    const field = fieldArg(g, 'explain')
    if (E.isLeft(field)) return field
    const q = query(report, g, 1)
    return E.isLeft(q) ? q : E.right({ name: 'explain', field: field.right, ...q.right })
  },
})

const diff = (report: AuditedReport): CommandSpec => ({
  path: ['diff', report],
  summary: `the ${report} report as known at two instants: every field that moved, and the late records that moved it, by cause`,
  synopsis: `${SYNOPSIS[report]} --known-at A [--known-at B] [source] [--format F] [--lang L]`,
  options: ['as-of', ...EXTRA[report], 'unit', 'known-at', ...SOURCE, 'format', 'lang'],
  repeatable: ['known-at'],
  examples: {
    plan: [
      'ansinh diff plan --unit 60 --scheme voluntary --as-of 2020-09-30 --known-at 2020-10-05',
      'ansinh diff plan -u 60 --scheme voluntary -a 2020-09-30 -k 2020-10-05 -k 2020-12-31 -f json',
    ],
    coverage: [
      'ansinh diff coverage --unit 279 --scheme voluntary --as-of 2023-08-31 --known-at 2023-09-05',
      'ansinh diff coverage -u 60 --scheme health -a 2024-09-30 -k 2024-10-05 -l vi',
    ],
    debt: [
      'ansinh diff debt --unit 481 --as-of 2019-03-31 --known-at 2019-04-01',
      'ansinh diff debt -u 481 -a 2019-03-31 -k 2019-04-01 -k 2019-06-30 -f json',
    ],
  }[report],
  build: (g) => {
    const all = g.all?.('known-at') ?? []
    if (all.length === 0)
      return E.left('diff needs --known-at A (and optionally a second --known-at B; without it, now)')
    const q = query(report, g, 0, true, 'diff')
    if (E.isLeft(q)) return q
    const before = knownAtValue(all[0]!)
    if (E.isLeft(before)) return before
    const after = all[1] === undefined ? E.right(null) : knownAtValue(all[1])
    if (E.isLeft(after)) return after
    if (after.right !== null && after.right < before.right)
      return E.left(`--known-at: the first instant must not be after the second (got "${all[0]}" and "${all[1]}")`)
    if (q.right.format === 'csv') return E.left('--format: diff writes table or json (got "csv")')
    return E.right({ name: 'diff', ...q.right, knownAt: before.right, before: before.right, after: after.right })
  },
})

const revisions = (report: AuditedReport): CommandSpec => ({
  path: ['revisions', report],
  summary: `a revision triangle of one ${report} figure: as-of dates by known-at instants, the last column now`,
  synopsis: `FIELD --as-of-range FROM..TO --every month|quarter ${SYNOPSIS[report].replace('--as-of DATE ', '')} [source] [--format F] [--lang L]`,
  options: ['as-of-range', 'every', ...EXTRA[report], 'unit', ...SOURCE, ...OUTPUT],
  examples: {
    plan: [
      'ansinh revisions plan participants --as-of-range 2020-01-01..2020-12-31 --every month --unit 60 --scheme voluntary',
      'ansinh revisions plan achievement --as-of-range 2020-01-01..2020-12-31 --every quarter -u 60 --scheme voluntary -f csv',
    ],
    coverage: [
      'ansinh revisions coverage participants --as-of-range 2023-01-01..2023-12-31 --every month -u 279 --scheme voluntary',
      'ansinh revisions coverage rate --as-of-range 2024-01-01..2024-12-31 --every quarter -u 60 --scheme health -l vi',
    ],
    debt: [
      'ansinh revisions debt outstanding --as-of-range 2019-01-01..2019-06-30 --every month -u 481',
      'ansinh revisions debt aging.over12Months --as-of-range 2019-01-01..2019-06-30 --every month -u 481 -f csv',
    ],
  }[report],
  build: (g) => {
    const field = fieldArg(g, 'revisions')
    if (E.isLeft(field)) return field
    const range = g.value('as-of-range')
    if (range === undefined) return E.left('--as-of-range FROM..TO is required')
    const m = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(range)
    if (m === null) return E.left(`--as-of-range: not FROM..TO with two dates YYYY-MM-DD (got "${range}")`)
    const every = g.value('every') ?? 'month'
    if (every !== 'month' && every !== 'quarter') return E.left(`--every: month or quarter (got "${every}")`)
    const q = query(report, g, 1, false, 'revisions')
    if (E.isLeft(q)) return q
    return E.right({ name: 'revisions', field: field.right, from: m[1]!, to: m[2]!, every, ...q.right })
  },
})

/** The audit commands, in the order the usage lists them. */
export const AUDIT_COMMANDS: readonly CommandSpec[] = [
  ...KINDS.map(explain),
  ...KINDS.map(diff),
  {
    path: ['diff'],
    summary:
      'a report saved with --format json against the same report as known now, with the late records that moved each field',
    synopsis: '--published FILE.json [source] [--format F] [--lang L]',
    options: ['published', ...SOURCE, 'format', 'lang'],
    examples: [
      'ansinh diff --published plan-60-2020-09-30.json',
      'ansinh diff --published report.json -s pglite:my-store -f json',
    ],
    build: (g) =>
      g.args.length > 0
        ? E.left(`unexpected argument "${g.args[0]}"`)
        : fileCommand(
            'diff-published',
            g.value('published'),
            g,
            'diff needs a kind (coverage, plan or debt) or --published FILE.json',
          ),
  },
  ...KINDS.map(revisions),
  {
    path: ['reproduce'],
    summary:
      'recompute a report saved with --format json from its own question and check it against the store: exit 0 reproduced, 3 tampered, 4 backdated',
    synopsis: 'FILE.json [source] [--format F] [--lang L]',
    options: [...SOURCE, 'format', 'lang'],
    examples: [
      'ansinh reproduce plan-60-2020-09-30.json',
      'ansinh reproduce report.json --store postgres://auditor@db/ansinh -f json',
    ],
    build: (g) =>
      g.args.length > 1
        ? E.left(`unexpected argument "${g.args[1]}"`)
        : fileCommand('reproduce', g.args[0], g, 'reproduce needs a FILE.json (a report saved with --format json)'),
  },
]
