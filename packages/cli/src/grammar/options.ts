/**
 * Every option of the command line, once: its short flag, its value's placeholder, its help text
 * and how its value is read. Commands name the options they take (see commands.ts); `node:util`'s
 * `parseArgs` is configured from this table.
 *
 * @module grammar/options
 */
import * as E from 'fp-ts/lib/Either.js'
import { type BusinessDate, isBusinessDate, parseKnownAt, SCHEMES, type Scheme, UnitCode } from '@ansinh/core'
import { type ChainStamp, parseChainStamp } from '@ansinh/store'

/** Output format (`html`: one self-contained page with charts; reports only). */
export type Format = 'table' | 'json' | 'csv' | 'html'
/** Table language. */
export type Lang = 'en' | 'vi'
/** CSV cell separator: `,` (RFC 4180), `;` (Excel where the decimal separator is a comma, as in vi-VN), tab. */
export type Separator = ',' | ';' | '\t'

/** One option. */
export interface OptionSpec {
  readonly type: 'string' | 'boolean'
  /** One letter, given as `-x`. */
  readonly short?: string
  /** The value's placeholder in usage and help, e.g. `DATE`. */
  readonly value?: string
  readonly help: string
}

/**
 * The option catalogue. Short flags are for what an auditor types often; `--scheme` has none
 * because `-s` is the store and an upper-case `-S` beside it invites a mix-up (docs/decisions.md).
 */
export const OPTIONS = {
  'as-of': { type: 'string', short: 'a', value: 'DATE', help: 'the business day the figures are for, YYYY-MM-DD' },
  scheme: { type: 'string', value: 'S', help: `the insurance scheme: ${SCHEMES.join(', ')}` },
  unit: {
    type: 'string',
    short: 'u',
    value: 'CODE',
    help: 'an administrative unit: 2-digit province, 3-digit district, 5-digit commune',
  },
  'known-at': {
    type: 'string',
    short: 'k',
    value: 'WHEN',
    help: 'as known at this instant (ISO-8601 with an offset), or a date: the end of that day in Asia/Ho_Chi_Minh',
  },
  year: { type: 'string', short: 'y', value: 'Y', help: 'the plan year (default: the year of --as-of)' },
  from: {
    type: 'string',
    value: 'DATE',
    help: 'report agents: the first day of the window, YYYY-MM-DD (default: 1 January of the year of --as-of)',
  },
  geography: {
    type: 'string',
    value: 'DATE',
    help: 'count on the map of this day, YYYY-MM-DD, on or after --as-of (default: the map of --as-of)',
  },
  events: {
    type: 'string',
    short: 'e',
    value: 'FILE',
    help: 'read an NDJSON history instead of a store; - reads standard input',
  },
  store: {
    type: 'string',
    short: 's',
    value: 'URL',
    help: 'memory:, pglite:DIR, postgres://…, esdb://… (default $ANSINH_STORE or pglite:.ansinh/store)',
  },
  format: {
    type: 'string',
    short: 'f',
    value: 'F',
    help: 'table (default on a terminal), json (default otherwise), csv, html (one self-contained page with charts)',
  },
  lang: {
    type: 'string',
    short: 'l',
    value: 'L',
    help: 'en or vi, for tables (default $ANSINH_LANG, else the locale of $LC_ALL, $LC_MESSAGES, $LANG, else en)',
  },
  bom: { type: 'boolean', help: 'csv: start with a UTF-8 byte-order mark, so Excel reads Vietnamese names right' },
  separator: {
    type: 'string',
    value: 'SEP',
    help: 'csv: the cell separator: , (default), ; (Excel in vi-VN; decimals then use a comma) or tab',
  },
  'no-snapshot': {
    type: 'boolean',
    help: "replay every event instead of answering from the store's snapshot (and write none)",
  },
  full: { type: 'boolean', help: 'verify: re-check the chain from position 1, not only after the trusted snapshot' },
  'expect-head': {
    type: 'string',
    value: 'POSITION:HASH',
    help: 'verify: the chain must still reach this head (as `ansinh head` printed it): catches a rewrite re-hashed to the end, a renumbering, a cut tail',
  },
  'as-of-range': {
    type: 'string',
    value: 'FROM..TO',
    help: 'revisions: the as-of dates, FROM..TO (YYYY-MM-DD..YYYY-MM-DD), one row per month or quarter end',
  },
  every: { type: 'string', value: 'P', help: 'revisions: month or quarter (the rows and the known-at columns)' },
  published: {
    type: 'string',
    value: 'FILE',
    help: 'diff: a report saved with --format json, against the same report as known now',
  },
  help: { type: 'boolean', short: 'h', help: 'show this help' },
  version: { type: 'boolean', short: 'V', help: "show ansinh's version" },
} as const satisfies Record<string, OptionSpec>

/** An option's long name. */
export type OptionName = keyof typeof OPTIONS

/** The configuration `node:util`'s `parseArgs` takes. */
export const parseArgsOptions = (): Record<string, { type: 'string' | 'boolean'; short?: string }> =>
  Object.fromEntries(
    Object.entries(OPTIONS).map(([name, o]: [string, OptionSpec]) => [
      name,
      o.short === undefined ? { type: o.type } : { type: o.type, short: o.short },
    ]),
  )

// ---------------------------------------------------------------------------------------------
// values

/** `--as-of`. */
export const asOfValue = (v: string): E.Either<string, BusinessDate> =>
  isBusinessDate(v) ? E.right(v) : E.left(`--as-of: not a real calendar day YYYY-MM-DD (got "${v}")`)

/** `--unit`. */
export const unitValue = (v: string): E.Either<string, UnitCode> =>
  UnitCode.is(v) ? E.right(v) : E.left(`--unit: not a unit code of 2, 3 or 5 digits (got "${v}")`)

/** `--geography`. */
export const geographyValue = (v: string): E.Either<string, BusinessDate> =>
  isBusinessDate(v) ? E.right(v) : E.left(`--geography: not a real calendar day YYYY-MM-DD (got "${v}")`)

/** `--known-at`, as epoch milliseconds. */
export const knownAtValue = (v: string): E.Either<string, number> => {
  const ms = parseKnownAt(v)
  return ms === null ? E.left(`--known-at: not an ISO-8601 instant with an offset or a date (got "${v}")`) : E.right(ms)
}

/** `--scheme`. */
export const schemeValue = (v: string): E.Either<string, Scheme> =>
  (SCHEMES as readonly string[]).includes(v)
    ? E.right(v as Scheme)
    : E.left(`--scheme: not a scheme (got "${v}"); one of ${SCHEMES.join(', ')}`)

/** `--scheme` of a coverage report: a scheme, or `any` (everyone covered under at least one). */
export const coverageSchemeValue = (v: string): E.Either<string, Scheme | 'any'> =>
  v === 'any'
    ? E.right('any')
    : (SCHEMES as readonly string[]).includes(v)
      ? E.right(v as Scheme)
      : E.left(`--scheme: not a scheme (got "${v}"); one of ${SCHEMES.join(', ')}, or any (report coverage)`)

/** `--from`. */
export const fromValue = (v: string): E.Either<string, BusinessDate> =>
  isBusinessDate(v) ? E.right(v) : E.left(`--from: not a real calendar day YYYY-MM-DD (got "${v}")`)

/** `--year`. */
export const yearValue = (v: string): E.Either<string, number> =>
  /^\d{4}$/.test(v) && +v >= 1990 && +v <= 2100
    ? E.right(+v)
    : E.left(`--year: not a year from 1990 to 2100 (got "${v}")`)

/** `--format`. */
export const formatValue = (v: string): E.Either<string, Format> =>
  ['table', 'json', 'csv', 'html'].includes(v)
    ? E.right(v as Format)
    : E.left(`--format: one of table, json, csv, html (got "${v}")`)

/** `--expect-head`: `POSITION:HASH`, as `ansinh head` prints it. */
export const headValue = (v: string): E.Either<string, ChainStamp> => {
  const stamp = parseChainStamp(v)
  return E.isLeft(stamp) ? E.left(`--expect-head: ${stamp.left}`) : stamp
}

const isLang = (v: string): v is Lang => v === 'en' || v === 'vi'

/** `--lang`. */
export const langValue = (v: string): E.Either<string, Lang> =>
  isLang(v) ? E.right(v) : E.left(`--lang: one of en, vi (got "${v}")`)

/** `--separator`: `,`, `;`, or a tab (written `tab`, `\t` or as the character). */
export const separatorValue = (v: string): E.Either<string, Separator> =>
  v === ',' || v === ';'
    ? E.right(v)
    : v === '\t' || v === 'tab' || v === '\\t'
      ? E.right('\t')
      : E.left(`--separator: one of , ; tab (got "${v}")`)

/**
 * The table language when `--lang` is absent: `ANSINH_LANG` (en or vi, else an error: it is
 * ours), else the POSIX locale variables in their order of precedence — `LC_ALL`, `LC_MESSAGES`,
 * `LANG` — where `vi` / `vi_VN.UTF-8` means Vietnamese and anything else (`C`, `en_US`, `fr_FR`)
 * English.
 */
export const langOfEnvironment = (env: Readonly<Record<string, string | undefined>>): E.Either<string, Lang> => {
  const own = env.ANSINH_LANG
  if (own !== undefined && own !== '')
    return isLang(own) ? E.right(own) : E.left(`ANSINH_LANG: one of en, vi (got "${own}")`)
  const locale = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((v) => v !== undefined && v !== '')
  return E.right(locale !== undefined && /^vi(?:[_.@-]|$)/i.test(locale) ? 'vi' : 'en')
}
