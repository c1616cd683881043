/**
 * The command line, parsed into a typed command or a usage error naming what is wrong.
 * Hand-written: the grammar is small and every error must say which option and value.
 *
 * @module args
 */
import * as E from 'fp-ts/lib/Either.js'
import { type BusinessDate, isBusinessDate, parseKnownAt, SCHEMES, type Scheme, UnitCode } from '@ansinh/core'

/** The usage lines, printed with every command-line error. */
export const USAGE = `usage:
  ansinh report coverage --as-of DATE --scheme S [--unit CODE] [--known-at WHEN] [source] [--format F] [--lang L]
  ansinh report plan     --as-of DATE --scheme S --unit CODE [--year Y] [--known-at WHEN] [source] [--format F] [--lang L]
  ansinh report debt     --as-of DATE [--scheme S] [--unit CODE] [--known-at WHEN] [source] [--format F] [--lang L]
  ansinh import FILE [--store URL] [--no-snapshot]
  ansinh check FILE
  ansinh verify [--store URL] [--full] [--no-snapshot]
source: --events FILE | --store URL (memory:, pglite:DIR, postgres://…, esdb://…); default $ANSINH_STORE or pglite:.ansinh/store
F: table | json | csv    L: en | vi
--no-snapshot: replay every event instead of the store's snapshot; verify --full: re-check from position 1`

/** Where events come from. */
export type Source =
  | { readonly kind: 'events'; readonly file: string }
  /** `snapshot`: answer from the store's snapshot and the events after it (false: `--no-snapshot`). */
  | { readonly kind: 'store'; readonly url: string | null; readonly snapshot: boolean }

/** Output format. */
export type Format = 'table' | 'json' | 'csv'
/** Table language. */
export type Lang = 'en' | 'vi'

/** The options every report takes. */
export interface ReportOptions {
  readonly asOf: BusinessDate
  readonly unit: UnitCode | null
  /** Epoch milliseconds of the cut-off, or null. */
  readonly knownAt: number | null
  readonly source: Source
  readonly format: Format | null
  readonly lang: Lang
}

/** A parsed command. */
export type Command =
  | ({ readonly name: 'report-coverage'; readonly scheme: Scheme } & ReportOptions)
  | ({ readonly name: 'report-plan'; readonly scheme: Scheme; readonly unit: UnitCode; readonly year: number | null } & ReportOptions)
  | ({ readonly name: 'report-debt'; readonly scheme: Scheme | null } & ReportOptions)
  | { readonly name: 'import'; readonly file: string; readonly store: string | null; readonly snapshot: boolean }
  | { readonly name: 'check'; readonly file: string }
  /** `full`: from position 1 even when a snapshot is trusted; `snapshot`: false for `--no-snapshot`. */
  | { readonly name: 'verify'; readonly store: string | null; readonly full: boolean; readonly snapshot: boolean }
  | { readonly name: 'help' }

const VALUE_OPTIONS = new Set(['--as-of', '--scheme', '--unit', '--known-at', '--events', '--store', '--format', '--lang', '--year'])
/** Options without a value; present means on. */
const FLAG_OPTIONS = new Set(['--no-snapshot', '--full'])

interface Raw {
  readonly positional: string[]
  readonly options: Map<string, string>
}

const split = (argv: readonly string[]): E.Either<string, Raw> => {
  const positional: string[] = []
  const options = new Map<string, string>()
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!
    if (a === '--help' || a === '-h') return E.right({ positional: ['help'], options })
    if (a.startsWith('--')) {
      const eq = a.indexOf('=')
      const name = eq >= 0 ? a.slice(0, eq) : a
      if (FLAG_OPTIONS.has(name) && eq < 0) {
        if (options.has(name)) return E.left(`${name} given twice`)
        options.set(name, '')
        continue
      }
      if (FLAG_OPTIONS.has(name)) return E.left(`${name} takes no value`)
      if (!VALUE_OPTIONS.has(name)) return E.left(`unknown option ${name}`)
      const value = eq >= 0 ? a.slice(eq + 1) : argv[++i]
      if (value === undefined || (eq < 0 && value.startsWith('--'))) return E.left(`${name} needs a value`)
      if (options.has(name)) return E.left(`${name} given twice`)
      options.set(name, value)
    } else positional.push(a)
  }
  return E.right({ positional, options })
}

const allowOnly = (raw: Raw, allowed: readonly string[], command: string): E.Either<string, void> => {
  for (const k of raw.options.keys()) if (!allowed.includes(k)) return E.left(`${k} does not apply to ${command}`)
  return E.right(undefined)
}

const parseScheme = (v: string): E.Either<string, Scheme> =>
  (SCHEMES as readonly string[]).includes(v) ? E.right(v as Scheme) : E.left(`--scheme: not a scheme (got "${v}"); one of ${SCHEMES.join(', ')}`)

const parseReport = (kind: string, raw: Raw): E.Either<string, Command> => {
  const common = ['--as-of', '--unit', '--known-at', '--events', '--store', '--format', '--lang', '--no-snapshot']
  const allowed = kind === 'plan' ? [...common, '--scheme', '--year'] : [...common, '--scheme']
  const ok = allowOnly(raw, allowed, `report ${kind}`)
  if (E.isLeft(ok)) return ok
  if (raw.positional.length > 2) return E.left(`unexpected argument "${raw.positional[2]}"`)
  const o = raw.options
  const asOf = o.get('--as-of')
  if (asOf === undefined) return E.left('--as-of is required')
  if (!isBusinessDate(asOf)) return E.left(`--as-of: not a real calendar day YYYY-MM-DD (got "${asOf}")`)
  const unitText = o.get('--unit')
  if (unitText !== undefined && !UnitCode.is(unitText)) return E.left(`--unit: not a unit code of 2, 3 or 5 digits (got "${unitText}")`)
  const unit = unitText === undefined ? null : (unitText as UnitCode)
  const knownAtText = o.get('--known-at')
  let knownAt: number | null = null
  if (knownAtText !== undefined) {
    knownAt = parseKnownAt(knownAtText)
    if (knownAt === null) return E.left(`--known-at: not an ISO-8601 instant with an offset or a date (got "${knownAtText}")`)
  }
  if (o.has('--events') && o.has('--store')) return E.left('give --events or --store, not both')
  const events = o.get('--events')
  if (events !== undefined && o.has('--no-snapshot')) return E.left('--no-snapshot applies to --store, not to --events')
  const source: Source = events !== undefined ? { kind: 'events', file: events } : { kind: 'store', url: o.get('--store') ?? null, snapshot: !o.has('--no-snapshot') }
  const formatText = o.get('--format')
  if (formatText !== undefined && !['table', 'json', 'csv'].includes(formatText)) return E.left(`--format: one of table, json, csv (got "${formatText}")`)
  const langText = o.get('--lang') ?? 'en'
  if (!['en', 'vi'].includes(langText)) return E.left(`--lang: one of en, vi (got "${langText}")`)
  const base = { asOf, unit, knownAt, source, format: (formatText ?? null) as Format | null, lang: langText as Lang }
  const schemeText = o.get('--scheme')
  const scheme = schemeText === undefined ? null : parseScheme(schemeText)
  if (scheme !== null && E.isLeft(scheme)) return scheme
  switch (kind) {
    case 'coverage':
      if (scheme === null) return E.left('--scheme is required for report coverage')
      return E.right({ name: 'report-coverage', ...base, scheme: scheme.right })
    case 'plan': {
      if (scheme === null) return E.left('--scheme is required for report plan')
      if (unit === null) return E.left('--unit is required for report plan')
      const yearText = o.get('--year')
      let year: number | null = null
      if (yearText !== undefined) {
        if (!/^\d{4}$/.test(yearText) || +yearText < 1990 || +yearText > 2100) return E.left(`--year: not a year from 1990 to 2100 (got "${yearText}")`)
        year = +yearText
      }
      return E.right({ name: 'report-plan', ...base, scheme: scheme.right, unit, year })
    }
    case 'debt':
      if (scheme !== null && scheme.right === 'voluntary') return E.left('--scheme: voluntary insurance has no employer debt (got "voluntary")')
      return E.right({ name: 'report-debt', ...base, scheme: scheme === null ? null : scheme.right })
    default:
      return E.left(`unknown report "${kind}"; one of coverage, plan, debt`)
  }
}

/**
 * Parses the arguments after the program name.
 *
 * @example parseArgs(['check', 'h.ndjson']) // Right({ name: 'check', file: 'h.ndjson' })
 */
export const parseArgs = (argv: readonly string[]): E.Either<string, Command> => {
  const r = split(argv)
  if (E.isLeft(r)) return r
  const raw = r.right
  const [command, arg] = raw.positional
  switch (command) {
    case undefined:
      return E.left('no command given')
    case 'help':
      return E.right({ name: 'help' })
    case 'report':
      if (arg === undefined) return E.left('report needs a kind: coverage, plan or debt')
      return parseReport(arg, raw)
    case 'check': {
      const ok = allowOnly(raw, [], 'check')
      if (E.isLeft(ok)) return ok
      if (arg === undefined) return E.left('check needs a FILE')
      if (raw.positional.length > 2) return E.left(`unexpected argument "${raw.positional[2]}"`)
      return E.right({ name: 'check', file: arg })
    }
    case 'import': {
      const ok = allowOnly(raw, ['--store', '--no-snapshot'], 'import')
      if (E.isLeft(ok)) return ok
      if (arg === undefined) return E.left('import needs a FILE')
      if (raw.positional.length > 2) return E.left(`unexpected argument "${raw.positional[2]}"`)
      return E.right({ name: 'import', file: arg, store: raw.options.get('--store') ?? null, snapshot: !raw.options.has('--no-snapshot') })
    }
    case 'verify': {
      const ok = allowOnly(raw, ['--store', '--full', '--no-snapshot'], 'verify')
      if (E.isLeft(ok)) return ok
      if (arg !== undefined) return E.left(`unexpected argument "${arg}"`)
      return E.right({ name: 'verify', store: raw.options.get('--store') ?? null, full: raw.options.has('--full'), snapshot: !raw.options.has('--no-snapshot') })
    }
    default:
      return E.left(`unknown command "${command}"`)
  }
}
