/**
 * The command table: every command of `ansinh` is one entry — its words, synopsis, the options it
 * takes, two or three examples, and how its parsed options become a typed {@link Command}. A new
 * report or command is a new entry here (and its case in the `Command` union); parsing, help and
 * "does not apply" errors follow from the table.
 *
 * @module grammar/commands
 */
import * as E from 'fp-ts/lib/Either.js'
import { type BusinessDate, SCHEMES, type Scheme, type UnitCode } from '@ansinh/core'
import type { ChainStamp } from '@ansinh/store'
import { AUDIT_COMMANDS, type AuditCommand } from './audit-commands.js'
import {
  type Format,
  type Lang,
  type OptionName,
  type Separator,
  asOfValue,
  coverageSchemeValue,
  formatValue,
  fromValue,
  headValue,
  knownAtValue,
  geographyValue,
  langOfEnvironment,
  langValue,
  separatorValue,
  unitValue,
  yearValue,
} from './options.js'

/** Where events come from; `file` `-` is standard input. */
export type Source =
  | { readonly kind: 'events'; readonly file: string }
  /** `snapshot`: answer from the store's snapshot and the events after it (false: `--no-snapshot`). */
  | { readonly kind: 'store'; readonly url: string | null; readonly snapshot: boolean }

/** How csv is written. */
export interface CsvOptions {
  readonly bom: boolean
  readonly separator: Separator
}

/** The options every report takes. */
export interface ReportOptions {
  readonly asOf: BusinessDate
  readonly unit: UnitCode | null
  /** Epoch milliseconds of the cut-off, or null. */
  readonly knownAt: number | null
  /** The day of the map to count on (`--geography`), or null: the map of the as-of date. */
  readonly geography: BusinessDate | null
  readonly source: Source
  readonly format: Format | null
  readonly lang: Lang
  readonly csv: CsvOptions
}

/** A parsed command. */
export type Command =
  | ({ readonly name: 'report-coverage'; readonly scheme: Scheme | 'any' } & ReportOptions)
  | ({
      readonly name: 'report-plan'
      readonly scheme: Scheme
      readonly unit: UnitCode
      readonly year: number | null
    } & ReportOptions)
  | ({ readonly name: 'report-debt'; readonly scheme: Scheme | null } & ReportOptions)
  | ({ readonly name: 'report-agents'; readonly scheme: Scheme; readonly from: BusinessDate | null } & ReportOptions)
  | ({
      readonly name: 'report-revenue'
      readonly scheme: Scheme | null
      readonly unit: UnitCode
      readonly year: number | null
    } & ReportOptions)
  | { readonly name: 'import'; readonly file: string; readonly store: string | null; readonly snapshot: boolean }
  | { readonly name: 'check'; readonly file: string }
  /** `full`: from position 1 even when a snapshot is trusted; `snapshot`: false for `--no-snapshot`; `expectHead`: `--expect-head`. */
  | {
      readonly name: 'verify'
      readonly store: string | null
      readonly full: boolean
      readonly snapshot: boolean
      readonly expectHead?: ChainStamp
    }
  /** `ansinh head`: the chain's current head, verified as `verify` does. */
  | { readonly name: 'head'; readonly store: string | null; readonly full: boolean; readonly snapshot: boolean }
  | AuditCommand
  | { readonly name: 'help'; readonly path: readonly string[] }
  | { readonly name: 'version' }

/** What a command's entry is handed: its arguments after its words, and its options. */
export interface Given {
  readonly args: readonly string[]
  readonly value: (name: OptionName) => string | undefined
  readonly flag: (name: OptionName) => boolean
  readonly env: Readonly<Record<string, string | undefined>>
  /** Every value of an option a command may repeat (`repeatable`), in the order given. */
  readonly all?: (name: OptionName) => readonly string[]
}

/** One command. */
export interface CommandSpec {
  /** The words that name it: `['report', 'plan']`. */
  readonly path: readonly string[]
  /** One line: what it does. */
  readonly summary: string
  /** What follows the words in the usage line. */
  readonly synopsis: string
  readonly options: readonly OptionName[]
  /** Whole command lines, as a user types them. */
  readonly examples: readonly string[]
  readonly build: (given: Given) => E.Either<string, Command>
  /** Options that may be given twice (`diff --known-at A --known-at B`). */
  readonly repeatable?: readonly OptionName[]
}

const SOURCE: readonly OptionName[] = ['events', 'store', 'no-snapshot']
const OUTPUT: readonly OptionName[] = ['format', 'lang', 'bom', 'separator']
const REPORT_TAIL = '[--known-at WHEN] [--geography DATE] [source] [--format F] [--lang L] [--bom] [--separator SEP]'

const at = (args: readonly string[], n: number): E.Either<string, void> =>
  args.length > n ? E.left(`unexpected argument "${args[n]}"`) : E.right(undefined)

const optional = <A>(v: string | undefined, read: (v: string) => E.Either<string, A>): E.Either<string, A | null> =>
  v === undefined ? E.right(null) : read(v)

/** The options every report shares, in the order their errors are reported. */
export const reportOptions = (
  g: Given,
): E.Either<string, ReportOptions & { readonly scheme: Scheme | 'any' | null }> => {
  const tooMany = at(g.args, 0)
  if (E.isLeft(tooMany)) return tooMany
  const asOfText = g.value('as-of')
  if (asOfText === undefined) return E.left('--as-of is required')
  const asOf = asOfValue(asOfText)
  if (E.isLeft(asOf)) return asOf
  const unit = optional(g.value('unit'), unitValue)
  if (E.isLeft(unit)) return unit
  const knownAt = optional(g.value('known-at'), knownAtValue)
  if (E.isLeft(knownAt)) return knownAt
  const geography = optional(g.value('geography'), geographyValue)
  if (E.isLeft(geography)) return geography
  if (g.value('events') !== undefined && g.value('store') !== undefined)
    return E.left('give --events or --store, not both')
  const events = g.value('events')
  if (events !== undefined && g.flag('no-snapshot')) return E.left('--no-snapshot applies to --store, not to --events')
  const source: Source =
    events !== undefined
      ? { kind: 'events', file: events }
      : { kind: 'store', url: g.value('store') ?? null, snapshot: !g.flag('no-snapshot') }
  const format = optional(g.value('format'), formatValue)
  if (E.isLeft(format)) return format
  const langText = g.value('lang')
  const lang = langText === undefined ? langOfEnvironment(g.env) : langValue(langText)
  if (E.isLeft(lang)) return lang
  const separator = optional(g.value('separator'), separatorValue)
  if (E.isLeft(separator)) return separator
  const csvAsked = g.flag('bom') || separator.right !== null
  // --bom / --separator without --format mean csv; with another format they are a mistake.
  if (csvAsked && format.right !== null && format.right !== 'csv')
    return E.left(`--${g.flag('bom') ? 'bom' : 'separator'} applies only to --format csv (got "${format.right}")`)
  const scheme = optional(g.value('scheme'), coverageSchemeValue)
  if (E.isLeft(scheme)) return scheme
  return E.right({
    asOf: asOf.right,
    unit: unit.right,
    knownAt: knownAt.right,
    geography: geography.right,
    source,
    format: csvAsked ? 'csv' : format.right,
    lang: lang.right,
    csv: { bom: g.flag('bom'), separator: separator.right ?? ',' },
    scheme: scheme.right,
  })
}

/** A report entry: its kind, options beyond the shared ones, and how it completes the command. */
const report = (
  kind: string,
  spec: Omit<CommandSpec, 'path' | 'build' | 'options'> & { readonly extra: readonly OptionName[] },
  complete: (base: ReportOptions & { readonly scheme: Scheme | null }, g: Given) => E.Either<string, Command>,
  any?: (base: ReportOptions & { readonly scheme: 'any' }) => E.Either<string, Command>,
): CommandSpec => ({
  path: ['report', kind],
  summary: spec.summary,
  synopsis: spec.synopsis,
  examples: spec.examples,
  options: ['as-of', ...spec.extra, 'unit', 'known-at', 'geography', ...SOURCE, ...OUTPUT],
  build: (g) => {
    const base = reportOptions(g)
    if (E.isLeft(base)) return base
    const b = base.right
    // `any` is a scheme of the coverage report only (agents-revenue.md)
    if (b.scheme === 'any')
      return any === undefined
        ? E.left(`--scheme: any applies only to report coverage (got "any"); one of ${SCHEMES.join(', ')}`)
        : any({ ...b, scheme: 'any' })
    return complete({ ...b, scheme: b.scheme }, g)
  },
})

const storeOnly = (g: Given): string | null => g.value('store') ?? null

/** Every command. */
export const COMMANDS: readonly CommandSpec[] = [
  report(
    'coverage',
    {
      summary: 'participants and the coverage rate of a unit (or the nation) on a date, with its child units',
      synopsis: `--as-of DATE --scheme S|any [--unit CODE] ${REPORT_TAIL}`,
      extra: ['scheme'],
      examples: [
        'ansinh report coverage --unit 279 --scheme voluntary --as-of 2023-08-31',
        'ansinh report coverage -u 04 --scheme any -a 2020-09-30',
        'ansinh report coverage -u 60 --scheme health -a 2024-09-30 -l vi',
        'ansinh report coverage --scheme health --as-of 2024-09-30 -e history.ndjson -f json',
      ],
    },
    (base) =>
      base.scheme === null
        ? E.left('--scheme is required for report coverage')
        : E.right({ name: 'report-coverage', ...base, scheme: base.scheme }),
    (base) => E.right({ name: 'report-coverage', ...base }),
  ),
  report(
    'plan',
    {
      summary: "a unit's plan achievement: participants against the year's target, renewals and recruits needed",
      synopsis: `--as-of DATE --scheme S --unit CODE [--year Y] ${REPORT_TAIL}`,
      extra: ['scheme', 'year'],
      examples: [
        'ansinh report plan --unit 60 --scheme voluntary --as-of 2020-09-30 --known-at 2020-10-05 --lang vi',
        'ansinh report plan -u 60 --scheme voluntary -a 2020-09-30 -f json',
        "ansinh report plan -u 481 --scheme voluntary -a 2019-08-12 --bom --separator ';' > a-luoi.csv",
      ],
    },
    (base, g) => {
      if (base.scheme === null) return E.left('--scheme is required for report plan')
      if (base.unit === null) return E.left('--unit is required for report plan')
      const year = optional(g.value('year'), yearValue)
      if (E.isLeft(year)) return year
      return E.right({ name: 'report-plan', ...base, scheme: base.scheme, unit: base.unit, year: year.right })
    },
  ),
  report(
    'debt',
    {
      summary: 'what employers owe on a date: by scheme, by age, by employer and by child unit',
      synopsis: `--as-of DATE [--scheme S] [--unit CODE] ${REPORT_TAIL}`,
      extra: ['scheme'],
      examples: [
        'ansinh report debt --unit 481 --as-of 2019-03-31',
        'ansinh report debt -u 60 --scheme compulsory -a 2020-06-30 -l vi',
        'ansinh report debt -a 2019-03-31 -k 2019-04-01T08:00:00+07:00 -f csv',
      ],
    },
    (base) =>
      base.scheme === 'voluntary'
        ? E.left('--scheme: voluntary insurance has no employer debt (got "voluntary")')
        : E.right({ name: 'report-debt', ...base, scheme: base.scheme }),
  ),
  report(
    'agents',
    {
      summary:
        'what collection agents recruited under a scheme in a window: new, continuing, returning, each agent ranked',
      synopsis: `--as-of DATE --scheme S [--unit CODE] [--from DATE] ${REPORT_TAIL}`,
      extra: ['scheme', 'from'],
      examples: [
        'ansinh report agents --unit 60 --scheme voluntary --as-of 2020-09-30',
        'ansinh report agents -u 60 --scheme health -a 2020-09-30 -l vi',
        'ansinh report agents -u 60 --scheme voluntary -a 2020-09-30 --from 2020-07-01 -f csv',
      ],
    },
    (base, g) => {
      if (base.scheme === null) return E.left('--scheme is required for report agents')
      const from = optional(g.value('from'), fromValue)
      if (E.isLeft(from)) return from
      if (from.right !== null && from.right > base.asOf)
        return E.left(`--from: after --as-of ${base.asOf} (got "${from.right}")`)
      return E.right({ name: 'report-agents', ...base, scheme: base.scheme, from: from.right })
    },
  ),
  report(
    'revenue',
    {
      summary:
        "a unit's contributions collected this year to date, against its collection plan and the same period last year",
      synopsis: `--as-of DATE --unit CODE [--scheme S] [--year Y] ${REPORT_TAIL}`,
      extra: ['scheme', 'year'],
      examples: [
        'ansinh report revenue --unit 04 --as-of 2020-09-30',
        'ansinh report revenue -u 04 -a 2020-09-30 -l vi',
        'ansinh report revenue -u 04 --scheme health -a 2020-09-30 -f json',
      ],
    },
    (base, g) => {
      if (base.unit === null) return E.left('--unit is required for report revenue')
      const year = optional(g.value('year'), yearValue)
      if (E.isLeft(year)) return year
      return E.right({ name: 'report-revenue', ...base, unit: base.unit, year: year.right })
    },
  ),
  {
    path: ['import'],
    summary: 'check every line (codecs, then the write rules against the store), then append all or nothing',
    synopsis: 'FILE [--store URL] [--no-snapshot]',
    options: ['store', 'no-snapshot'],
    examples: [
      'ansinh import history.ndjson --store pglite:my-store',
      'ansinh import -s postgres://auditor@db/ansinh history.ndjson',
      'gunzip -c history.ndjson.gz | ansinh import -',
    ],
    build: (g) => {
      if (g.args[0] === undefined) return E.left('import needs a FILE')
      const tooMany = at(g.args, 1)
      return E.isLeft(tooMany)
        ? tooMany
        : E.right({ name: 'import', file: g.args[0], store: storeOnly(g), snapshot: !g.flag('no-snapshot') })
    },
  },
  {
    path: ['check'],
    summary: 'the same checks as import, nothing appended: one FILE:LINE line per problem',
    synopsis: 'FILE',
    options: [],
    examples: [
      'ansinh check history.ndjson',
      'gunzip -c history.ndjson.gz | ansinh check -',
      'ansinh check -- -odd-name.ndjson',
    ],
    build: (g) => {
      if (g.args[0] === undefined) return E.left('check needs a FILE')
      const tooMany = at(g.args, 1)
      return E.isLeft(tooMany) ? tooMany : E.right({ name: 'check', file: g.args[0] })
    },
  },
  {
    path: ['verify'],
    summary: "re-check the store's hash chain (after its trusted snapshot; --full: from the first event)",
    synopsis: '[--store URL] [--full] [--no-snapshot] [--expect-head POSITION:HASH]',
    options: ['store', 'full', 'no-snapshot', 'expect-head'],
    examples: [
      'ansinh verify',
      'ansinh verify --full -s pglite:my-store',
      'ANSINH_STORE=postgres://auditor@db/ansinh ansinh verify --expect-head 208416:162645934dab9c0ef3c1a8d5e2b7f4a6019d3e8c7b5a4f2e1d0c9b8a7f6e5d4c',
    ],
    build: (g) => {
      const tooMany = at(g.args, 0)
      if (E.isLeft(tooMany)) return tooMany
      const expectHead = optional(g.value('expect-head'), headValue)
      if (E.isLeft(expectHead)) return expectHead
      return E.right({
        name: 'verify',
        store: storeOnly(g),
        full: g.flag('full'),
        snapshot: !g.flag('no-snapshot'),
        ...(expectHead.right === null ? {} : { expectHead: expectHead.right }),
      })
    },
  },
  {
    path: ['head'],
    summary:
      "the chain's current head, verified, as a POSITION:HASH line to publish or sign (and give to verify --expect-head later)",
    synopsis: '[--store URL] [--full] [--no-snapshot]',
    options: ['store', 'full', 'no-snapshot'],
    examples: [
      'ansinh head',
      'ansinh head -s pglite:my-store > head-2024-09-30.txt',
      'ansinh head --full -s postgres://auditor@db/ansinh',
    ],
    build: (g) => {
      const tooMany = at(g.args, 0)
      return E.isLeft(tooMany)
        ? tooMany
        : E.right({ name: 'head', store: storeOnly(g), full: g.flag('full'), snapshot: !g.flag('no-snapshot') })
    },
  },
  ...AUDIT_COMMANDS,
  {
    path: ['help'],
    summary: 'this help, or the help of a command',
    synopsis: '[COMMAND]',
    options: [],
    examples: ['ansinh help', 'ansinh help report plan', 'ansinh import --help'],
    build: (g) => E.right({ name: 'help', path: g.args }),
  },
]

/** The group words (commands with kinds, like `report`) and their kinds. */
export const groups = (): Map<string, string[]> => {
  const out = new Map<string, string[]>()
  for (const c of COMMANDS) if (c.path.length === 2) out.set(c.path[0]!, [...(out.get(c.path[0]!) ?? []), c.path[1]!])
  return out
}
