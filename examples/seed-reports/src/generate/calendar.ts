/**
 * Calendar arithmetic the generators need: month indexes (`year·12 + month − 1`), the first and last
 * day of a month as day numbers, and recording instants in Vietnam's offset as epoch milliseconds.
 * Date strings are cached so that the many events sharing a day share one string.
 *
 * @module generate/calendar
 */
import { type BusinessDate, type Instant, civilToDays, dayNumber, fromDayNumber } from '@ansinh/core'

/** The month index of a calendar month, e.g. `monthIndex(2020, 9)` for September 2020. */
export const monthIndex = (year: number, month: number): number => year * 12 + month - 1

/** The month index of a day number. */
export const monthOfDay = (day: number): number => {
  const d = fromDayNumber(day)
  return monthIndex(+d.slice(0, 4), +d.slice(5, 7))
}

/** The day number of the first day of a month index. */
export const firstDay = (month: number): number => civilToDays(Math.floor(month / 12), (month % 12) + 1, 1)

/** The day number of the last day of a month index. */
export const lastDay = (month: number): number => firstDay(month + 1) - 1

/** The day number of a `YYYY-MM-DD` date. */
export const day = (date: string): number => dayNumber(date)

const dateCache = new Map<number, BusinessDate>()

/** The business date of a day number (cached: events of one day share the string). */
export const dateOf = (dayNo: number): BusinessDate => {
  let s = dateCache.get(dayNo)
  if (s === undefined) {
    s = fromDayNumber(dayNo)
    dateCache.set(dayNo, s)
  }
  return s
}

/** The `YYYY-MM` month string of a month index. */
export const monthString = (month: number): string =>
  `${Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}`

const MS_PER_DAY = 86_400_000
const OFFSET_MS = 7 * 3_600_000

/** Epoch milliseconds of a local time (seconds after midnight) on a business day in Vietnam (UTC+7). */
export const instantAt = (dayNo: number, secondOfDay: number): number =>
  dayNo * MS_PER_DAY + secondOfDay * 1000 - OFFSET_MS

/** The last millisecond of a business day in Vietnam: a known-at cut-off that includes that whole day. */
export const endOfDayMillis = (dayNo: number): number => instantAt(dayNo + 1, 0) - 1

const isoCodes: number[] = [...'0000-00-00T00:00:00+07:00'].map((c) => c.charCodeAt(0))

/** The ISO-8601 form of epoch milliseconds in Vietnam's offset, to the second: `2020-03-02T09:15:00+07:00`. */
export const isoInstant = (millis: number): Instant => {
  const local = millis + OFFSET_MS
  const dayNo = Math.floor(local / MS_PER_DAY)
  const s = Math.floor((local - dayNo * MS_PER_DAY) / 1000)
  const date = dateOf(dayNo)
  for (let k = 0; k < 10; k++) isoCodes[k] = date.charCodeAt(k)
  const h = Math.floor(s / 3600),
    m = Math.floor(s / 60) % 60,
    sec = s % 60
  isoCodes[11] = 48 + Math.floor(h / 10)
  isoCodes[12] = 48 + (h % 10)
  isoCodes[14] = 48 + Math.floor(m / 10)
  isoCodes[15] = 48 + (m % 10)
  isoCodes[17] = 48 + Math.floor(sec / 10)
  isoCodes[18] = 48 + (sec % 10)
  // One flat string per instant (a template literal would keep a rope of its parts).
  return String.fromCharCode.apply(null, isoCodes) as Instant
}

/** When the unit catalogue and the migrated records were loaded into the central database. */
export const CATALOGUE_LOADED = instantAt(dayNumber('2016-01-04'), 7 * 3600)

/** The date the national statistics office's unit codes were issued (Decision 124/2004/QĐ-TTg). */
export const CODES_ISSUED = '2004-07-08' as BusinessDate
