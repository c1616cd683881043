/**
 * What each value type expects, as the words of an error line. Most types have one fixed message;
 * dates, months and instants say the allowed range when only the range is wrong, and names and
 * references name the character they may not hold.
 *
 * @module messages
 */
import { describeForbidden, forbiddenCodePoint } from './text.js'
import { DATE_RANGE, daysInMonth, instantMillis } from './values.js'

const FIXED: Record<string, string> = {
  UnitCode: 'not a unit code of 2, 3 or 5 digits',
  UnitLevel: 'not a unit level (province, district, commune)',
  ParticipantId: 'not a participant id of exactly 10 digits',
  ParticipantIdV2: 'not a participant id of exactly 10 or 12 digits',
  InsuranceNumber: 'not a social-insurance number of exactly 10 digits',
  PersonalId: 'not a personal identity number of exactly 12 digits',
  Scheme: 'not a scheme (voluntary, compulsory, health, unemployment)',
  DebtScheme: 'not a debt scheme (compulsory, health, unemployment)',
  Vnd: 'not a positive whole number of VND',
  PlanYear: 'not a year from 1990 to 2100',
  Count: 'not a whole number ≥ 0',
  PositiveCount: 'not a whole number > 0',
  EventId: 'not a UUID',
  LapseReason:
    'not a lapse reason (stopped-paying, moved-to-compulsory, lump-sum-withdrawal, retired, deceased, other)',
}

const outOfRange = (v: unknown): boolean => {
  if (typeof v !== 'string') return false
  const y = +v.slice(0, 4)
  return /^\d{4}-/.test(v) && (y < DATE_RANGE.firstYear || y > DATE_RANGE.lastYear)
}

const isCalendarDay = (v: string): boolean => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v)
  return m !== null && +m[2]! >= 1 && +m[2]! <= 12 && +m[3]! >= 1 && +m[3]! <= daysInMonth(+m[1]!, +m[2]!)
}

const businessDate = (v: unknown): string =>
  typeof v === 'string' && isCalendarDay(v) && outOfRange(v)
    ? `not a date from ${DATE_RANGE.first} to ${DATE_RANGE.last}`
    : 'not a real calendar day YYYY-MM-DD'

const month = (v: unknown): string =>
  typeof v === 'string' && /^\d{4}-(0[1-9]|1[0-2])$/.test(v) && outOfRange(v)
    ? `not a month from ${DATE_RANGE.first.slice(0, 7)} to ${DATE_RANGE.last.slice(0, 7)}`
    : 'not a month YYYY-MM'

/** The message of a bad `recordedAt` (or any instant field). */
export const instantMessage = (v: unknown): string =>
  typeof v === 'string' && !Number.isNaN(instantMillis(v)) && outOfRange(v)
    ? `not an instant in the years ${DATE_RANGE.firstYear}–${DATE_RANGE.lastYear}`
    : 'not an ISO-8601 instant with an offset or Z'

const text =
  (what: string) =>
  (v: unknown): string => {
    if (typeof v === 'string') {
      const cp = forbiddenCodePoint(v)
      if (cp !== null) return `contains ${describeForbidden(cp)}`
    }
    return `not ${what}`
  }

const MESSAGES: Record<string, (v: unknown) => string> = {
  BusinessDate: businessDate,
  Month: month,
  Instant: instantMessage,
  Reference: text('a reference of 1–64 characters'),
  UnitName: text('a unit name of 1–200 characters, not blank'),
}

/**
 * What is wrong with `value` for the value type named `type` (an io-ts type name), or null for a
 * type without a message of its own, e.g. `expected('BusinessDate', '0000-01-01')` =
 * `not a date from 1900-01-01 to 2100-12-31`.
 */
export const expected = (type: string, value: unknown): string | null => MESSAGES[type]?.(value) ?? FIXED[type] ?? null
