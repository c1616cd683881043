/**
 * Value types of the domain, each an io-ts codec that is the single source of truth for its type.
 *
 * Dates and months stay in their JSON string form inside events (so encoding is byte-stable);
 * `dayNumber` / `monthNumber` turn them into integers for arithmetic and indexing.
 *
 * @module values
 */
import * as t from 'io-ts'
import { DateTime } from 'luxon'
import { FORBIDDEN_CHARACTER } from './text.js'

/** The zone every business day is a day of. */
export const ZONE = 'Asia/Ho_Chi_Minh'

// -------------------------------------------------------------------------------------------------
// calendar helpers (hot paths: no luxon, checked against luxon in the tests)
// -------------------------------------------------------------------------------------------------

const isLeap = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0

/** Days in month `m` (1–12) of year `y`. */
export const daysInMonth = (y: number, m: number): number =>
  m === 2 ? (isLeap(y) ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31

/**
 * The years a date, month or instant of an event may fall in (plan years are 1990–2100): a year
 * 0000 or 9999 is a typo, not a fact, and would silently skew every report that spans it.
 */
export const DATE_RANGE = { firstYear: 1900, lastYear: 2100, first: '1900-01-01', last: '2100-12-31' } as const

const inRange = (y: number): boolean => y >= DATE_RANGE.firstYear && y <= DATE_RANGE.lastYear

/**
 * The number written by the `n` ASCII digits of `s` at `at`, or -1 when one of them is not a digit
 * (or `s` ends first). Dates and instants are read with this rather than a regular expression: they
 * are checked for every event decoded, and a regex match with its capture array cost a fifth of a
 * decode. The grammar is the same (`\d` is ASCII 0-9 only); the tests hold it to the regexes.
 */
const digits = (s: string, at: number, n: number): number => {
  let v = 0
  for (let i = at; i < at + n; i++) {
    const c = s.charCodeAt(i) - 48 // NaN past the end, which fails the test below
    if (!(c >= 0 && c <= 9)) return -1
    v = v * 10 + c
  }
  return v
}

const MONTH_RE = /^(\d{4})-(\d{2})$/

/** Days since 1970-01-01 of a civil date (proleptic Gregorian), for any year. */
export const civilToDays = (y: number, m: number, d: number): number => {
  // Howard Hinnant's days_from_civil
  const yy = m <= 2 ? y - 1 : y
  const era = Math.floor(yy / 400)
  const yoe = yy - era * 400
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy
  return era * 146097 + doe - 719468
}

/** The civil date `[year, month, day]` of a day number. */
export const daysToCivil = (z: number): [number, number, number] => {
  const zz = z + 719468
  const era = Math.floor(zz / 146097)
  const doe = zz - era * 146097
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365)
  const y = yoe + era * 400
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100))
  const mp = Math.floor((5 * doy + 2) / 153)
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1
  const m = mp + (mp < 10 ? 3 : -9)
  return [m <= 2 ? y + 1 : y, m, d]
}

const pad2 = (n: number): string => (n < 10 ? '0' + n : String(n))
const pad4 = (n: number): string => String(n).padStart(4, '0')

// -------------------------------------------------------------------------------------------------
// BusinessDate
// -------------------------------------------------------------------------------------------------

export interface BusinessDateBrand {
  readonly BusinessDate: unique symbol
}
/** A business day in Vietnam, `YYYY-MM-DD`, a real calendar day from 1900-01-01 to 2100-12-31. */
export type BusinessDate = t.Branded<string, BusinessDateBrand>

/** Whether `s` is `YYYY-MM-DD` naming a real calendar day of {@link DATE_RANGE}. */
export const isBusinessDate = (s: unknown): s is BusinessDate => {
  // `YYYY-MM-DD`
  if (typeof s !== 'string' || s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return false
  const y = digits(s, 0, 4),
    mo = digits(s, 5, 2),
    d = digits(s, 8, 2)
  return y >= 0 && mo >= 0 && d >= 0 && inRange(y) && mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo)
}

/** Codec of {@link BusinessDate}: rejects `2023-02-30` and `0000-01-01`. */
export const BusinessDate = t.brand(t.string, (s): s is BusinessDate => isBusinessDate(s), 'BusinessDate')

/** Day number (days since 1970-01-01) of a business date, e.g. `dayNumber('1970-01-02') === 1`. */
export const dayNumber = (d: BusinessDate | string): number =>
  civilToDays(+d.slice(0, 4), +d.slice(5, 7), +d.slice(8, 10))

/** The business date of a day number, e.g. `fromDayNumber(0) === '1970-01-01'`. */
export const fromDayNumber = (n: number): BusinessDate => {
  const [y, m, d] = daysToCivil(n)
  return `${pad4(y)}-${pad2(m)}-${pad2(d)}` as BusinessDate
}

/** Parses a business date, or returns null. */
export const parseBusinessDate = (s: string): BusinessDate | null => (isBusinessDate(s) ? s : null)

/** The same day one year earlier; 29 February becomes 28 February. */
export const sameDateLastYear = (d: BusinessDate): BusinessDate => {
  const y = +d.slice(0, 4) - 1
  const m = +d.slice(5, 7)
  const day = Math.min(+d.slice(8, 10), daysInMonth(y, m))
  return `${pad4(y)}-${pad2(m)}-${pad2(day)}` as BusinessDate
}

/** 31 December of year `y`. */
export const endOfYear = (y: number): BusinessDate => `${pad4(y)}-12-31` as BusinessDate

/** 1 January of year `y`. */
export const startOfYear = (y: number): BusinessDate => `${pad4(y)}-01-01` as BusinessDate

/** The year of a business date. */
export const yearOf = (d: BusinessDate | string): number => +d.slice(0, 4)

// -------------------------------------------------------------------------------------------------
// Month
// -------------------------------------------------------------------------------------------------

export interface MonthBrand {
  readonly Month: unique symbol
}
/** A calendar month, `YYYY-MM`, from 1900-01 to 2100-12. */
export type Month = t.Branded<string, MonthBrand>

/** Codec of {@link Month}. */
export const Month = t.brand(
  t.string,
  (s): s is Month => {
    const m = MONTH_RE.exec(s)
    return m !== null && inRange(+m[1]!) && +m[2]! >= 1 && +m[2]! <= 12
  },
  'Month',
)

/** Month index `year·12 + month` (the spec's age arithmetic), e.g. `monthNumber('2019-03') === 24231`. */
export const monthNumber = (m: Month | string): number => +m.slice(0, 4) * 12 + +m.slice(5, 7)

/** Month index of the month a business date falls in. */
export const monthNumberOfDate = (d: BusinessDate | string): number => +d.slice(0, 4) * 12 + +d.slice(5, 7)

/** The first day of a month. */
export const firstDayOf = (m: Month): BusinessDate => `${m}-01` as BusinessDate

// -------------------------------------------------------------------------------------------------
// Instant
// -------------------------------------------------------------------------------------------------

export interface InstantBrand {
  readonly Instant: unique symbol
}
/** An ISO-8601 instant with an offset or `Z`, e.g. `2020-03-02T09:15:00+07:00`. */
export type Instant = t.Branded<string, InstantBrand>

/**
 * Milliseconds since the epoch of an ISO-8601 instant, or NaN when `s` is not one (a real calendar
 * day, hours 0–23, minutes and seconds 0–59, offset at most ±18:00). Fractions below a millisecond
 * are truncated. The grammar: `YYYY-MM-DDTHH:MM`, then optionally `:SS` and after it optionally
 * `.` or `,` with 1 to 9 digits, then `Z`, or `+`/`-` with `HH:MM` or `HHMM`.
 */
export const instantMillis = (s: string): number => {
  const n = s.length
  if (n < 17 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45 || s.charCodeAt(10) !== 84 || s.charCodeAt(13) !== 58)
    return NaN
  const y = digits(s, 0, 4),
    mo = digits(s, 5, 2),
    d = digits(s, 8, 2),
    h = digits(s, 11, 2),
    mi = digits(s, 14, 2)
  if (y < 0 || mo < 0 || d < 0 || h < 0 || mi < 0) return NaN
  let at = 16
  let se = 0,
    ms = 0
  if (s.charCodeAt(at) === 58) {
    se = digits(s, at + 1, 2)
    if (se < 0) return NaN
    at += 3
    const sep = s.charCodeAt(at)
    if (sep === 46 || sep === 44) {
      let count = 0
      at++
      while (count < 10 && digits(s, at + count, 1) >= 0) count++
      if (count === 0 || count > 9) return NaN
      // the first three digits, padded: milliseconds, the rest truncated
      for (let i = 0; i < 3; i++) ms = ms * 10 + (i < count ? s.charCodeAt(at + i) - 48 : 0)
      at += count
    }
  }
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo) || h > 23 || mi > 59 || se > 59) return NaN
  let offset = 0
  const z = s.charCodeAt(at)
  if (z === 90) {
    if (at + 1 !== n) return NaN
  } else if (z === 43 || z === 45) {
    const oh = digits(s, at + 1, 2)
    const colon = s.charCodeAt(at + 3) === 58 ? 1 : 0
    const om = digits(s, at + 3 + colon, 2)
    if (oh < 0 || om < 0 || at + 5 + colon !== n) return NaN
    if (oh > 18 || om > 59) return NaN
    offset = (z === 45 ? -1 : 1) * (oh * 60 + om)
  } else return NaN
  return civilToDays(y, mo, d) * 86_400_000 + ((h * 60 + mi - offset) * 60 + se) * 1000 + ms
}

/**
 * Whether `s` is an instant whose written date falls in {@link DATE_RANGE}. (`instantMillis` itself
 * parses any year: it is also the parser of `--known-at`.)
 */
export const isInstant = (s: unknown): s is Instant =>
  typeof s === 'string' && !Number.isNaN(instantMillis(s)) && inRange(+s.slice(0, 4))

/** Codec of {@link Instant}. */
export const Instant = t.brand(t.string, (s): s is Instant => isInstant(s), 'Instant')

// Asia/Ho_Chi_Minh has kept +07:00 since 13 June 1975 (tz database). From 1976 to the end of
// DATE_RANGE the offset is a constant, so these conversions need no time-zone lookup: luxon's costs
// a few microseconds through Intl, and a report header or an audit triangle converts thousands of
// instants. Earlier instants (DATE_RANGE starts in 1900) go through luxon and the tz database.
const FIXED_OFFSET_MS = 7 * 3_600_000
const FIXED_FROM_MS = Date.UTC(1976, 0, 1)
const FIXED_UNTIL_MS = Date.UTC(DATE_RANGE.lastYear + 1, 0, 1)
const pad3 = (n: number): string => (n < 10 ? '00' + n : n < 100 ? '0' + n : String(n))

/** The instant of epoch milliseconds, written in Vietnam's offset, e.g. `2020-10-05T23:59:59.999+07:00`. */
export const instantOfMillis = (ms: number): Instant => {
  if (!(ms >= FIXED_FROM_MS && ms < FIXED_UNTIL_MS && Number.isInteger(ms)))
    return DateTime.fromMillis(ms, { zone: ZONE }).toISO({ suppressMilliseconds: false }) as Instant
  const local = ms + FIXED_OFFSET_MS
  const days = Math.floor(local / 86_400_000)
  const [y, m, d] = daysToCivil(days)
  let rest = local - days * 86_400_000
  const milli = rest % 1000
  rest = (rest - milli) / 1000
  const sec = rest % 60
  rest = (rest - sec) / 60
  return `${pad4(y)}-${pad2(m)}-${pad2(d)}T${pad2(Math.floor(rest / 60))}:${pad2(rest % 60)}:${pad2(sec)}.${pad3(milli)}+07:00` as Instant
}

/** The last millisecond of a business day in Asia/Ho_Chi_Minh: every event recorded that local day. */
export const endOfBusinessDay = (d: BusinessDate): number => {
  const y = yearOf(d)
  return y >= 1976 && y <= DATE_RANGE.lastYear
    ? (dayNumber(d) + 1) * 86_400_000 - FIXED_OFFSET_MS - 1
    : DateTime.fromISO(d, { zone: ZONE }).endOf('day').toMillis()
}

/**
 * A cut-off given as an instant with an offset, or a date meaning the end of that day in
 * Asia/Ho_Chi_Minh. Returns epoch milliseconds, or null when `s` is neither.
 */
export const parseKnownAt = (s: string): number | null => {
  if (isBusinessDate(s)) return endOfBusinessDay(s)
  const ms = instantMillis(s)
  return Number.isNaN(ms) ? null : ms
}

// -------------------------------------------------------------------------------------------------
// identifiers and amounts
// -------------------------------------------------------------------------------------------------

export interface ParticipantIdBrand {
  readonly ParticipantId: unique symbol
}
/** The 10-digit social-insurance number (mã số BHXH). */
export type ParticipantId = t.Branded<string, ParticipantIdBrand>
/** Codec of {@link ParticipantId}: exactly 10 digits. */
export const ParticipantId = t.brand(t.string, (s): s is ParticipantId => /^\d{10}$/.test(s), 'ParticipantId')

export interface UnitCodeBrand {
  readonly UnitCode: unique symbol
}
/** An administrative unit code: 2 digits (province), 3 (district) or 5 (commune). */
export type UnitCode = t.Branded<string, UnitCodeBrand>
/** Codec of {@link UnitCode}. */
export const UnitCode = t.brand(t.string, (s): s is UnitCode => /^(\d{2}|\d{3}|\d{5})$/.test(s), 'UnitCode')

/** The level of an administrative unit. */
export const UnitLevel = t.keyof({ province: null, district: null, commune: null }, 'UnitLevel')
/** The level of an administrative unit. */
export type UnitLevel = t.TypeOf<typeof UnitLevel>

/** The level a unit code's length implies: 2 → province, 3 → district, 5 → commune. */
export const levelOfCode = (code: UnitCode | string): UnitLevel =>
  code.length === 2 ? 'province' : code.length === 3 ? 'district' : 'commune'

/** The insurance schemes. */
export const Scheme = t.keyof({ voluntary: null, compulsory: null, health: null, unemployment: null }, 'Scheme')
/** The insurance schemes. */
export type Scheme = t.TypeOf<typeof Scheme>
/** Every scheme, in the order reports list them. */
export const SCHEMES: readonly Scheme[] = ['voluntary', 'compulsory', 'health', 'unemployment']

/** The schemes employers can owe contributions for. */
export const DebtScheme = t.keyof({ compulsory: null, health: null, unemployment: null }, 'DebtScheme')
/** The schemes employers can owe contributions for. */
export type DebtScheme = t.TypeOf<typeof DebtScheme>
/** Every debt scheme, in report order. */
export const DEBT_SCHEMES: readonly DebtScheme[] = ['compulsory', 'health', 'unemployment']

export interface VndBrand {
  readonly Vnd: unique symbol
}
/** An amount of money in VND: a positive safe integer. */
export type Vnd = t.Branded<number, VndBrand>
/** Codec of {@link Vnd}. */
export const Vnd = t.brand(t.number, (n): n is Vnd => Number.isSafeInteger(n) && n > 0, 'Vnd')

export interface ReferenceBrand {
  readonly Reference: unique symbol
}
/**
 * A reference (agent, employer, decision, source): 1–64 characters, none of them a control,
 * invisible or reordering character ({@link FORBIDDEN_CHARACTER}).
 */
export type Reference = t.Branded<string, ReferenceBrand>
/** Codec of {@link Reference}. */
export const Reference = t.brand(
  t.string,
  (s): s is Reference => s.length >= 1 && [...s].length <= 64 && !FORBIDDEN_CHARACTER.test(s),
  'Reference',
)

export interface NameBrand {
  readonly UnitName: unique symbol
}
/** The name of an administrative unit: 1–200 characters, not blank, none forbidden as in {@link Reference}. */
export type UnitName = t.Branded<string, NameBrand>
/** Codec of {@link UnitName}. */
export const UnitName = t.brand(
  t.string,
  (s): s is UnitName => s.trim().length >= 1 && [...s].length <= 200 && !FORBIDDEN_CHARACTER.test(s),
  'UnitName',
)

export interface PlanYearBrand {
  readonly PlanYear: unique symbol
}
/** A year between 1990 and 2100. */
export type PlanYear = t.Branded<number, PlanYearBrand>
/** Codec of {@link PlanYear}. */
export const PlanYear = t.brand(
  t.number,
  (n): n is PlanYear => Number.isInteger(n) && n >= 1990 && n <= 2100,
  'PlanYear',
)

export interface CountBrand {
  readonly Count: unique symbol
}
/** A non-negative safe integer (targets). */
export type Count = t.Branded<number, CountBrand>
/** Codec of {@link Count}. */
export const Count = t.brand(t.number, (n): n is Count => Number.isSafeInteger(n) && n >= 0, 'Count')

export interface PositiveCountBrand {
  readonly PositiveCount: unique symbol
}
/** A positive safe integer (population, labour force). */
export type PositiveCount = t.Branded<number, PositiveCountBrand>
/** Codec of {@link PositiveCount}. */
export const PositiveCount = t.brand(
  t.number,
  (n): n is PositiveCount => Number.isSafeInteger(n) && n > 0,
  'PositiveCount',
)

export interface EventIdBrand {
  readonly EventId: unique symbol
}
/** An event id: a UUID of any version. */
export type EventId = t.Branded<string, EventIdBrand>
/** Codec of {@link EventId}. */
export const EventId = t.brand(
  t.string,
  (s): s is EventId => /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/.test(s),
  'EventId',
)
