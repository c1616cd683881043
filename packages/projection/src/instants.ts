/**
 * Recording instants as epoch milliseconds, parsed once per event when a known-at cut is first
 * asked for. Histories written by this library carry one fixed layout
 * (`YYYY-MM-DDTHH:MM:SS.fff+07:00`); that layout and its `Z` twin are read digit by digit, every
 * other spelling goes through `instantMillis` in core, which this must always agree with.
 *
 * @module instants
 */
import { civilToDays, daysInMonth, instantMillis } from '@ansinh/core'

/** The value of the two digits at `i`, or NaN when either is not a digit. */
const two = (s: string, i: number): number => {
  const a = s.charCodeAt(i) - 48,
    b = s.charCodeAt(i + 1) - 48
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : NaN
}

/** The last calendar day converted: events recorded in order mostly share their day with the previous one. */
let lastDate = NaN
let lastDays = 0

/** Epoch milliseconds of an ISO-8601 instant; NaN when `s` is not one (as `instantMillis`). */
export const recordedMillis = (s: string): number => {
  const n = s.length
  // fixed layout: 19 characters of date and time, optionally '.' and three digits, then 'Z' or ±HH:MM
  if (!(
    n >= 20 &&
    n <= 29 &&
    s.charCodeAt(4) === 45 &&
    s.charCodeAt(7) === 45 &&
    s.charCodeAt(10) === 84 &&
    s.charCodeAt(13) === 58 &&
    s.charCodeAt(16) === 58
  )) {
    return instantMillis(s)
  }
  const y = two(s, 0) * 100 + two(s, 2),
    mo = two(s, 5),
    d = two(s, 8),
    h = two(s, 11),
    mi = two(s, 14),
    se = two(s, 17)
  let ms = 0
  let tz = 19
  if (s.charCodeAt(19) === 46) {
    const digit22 = s.charCodeAt(22) - 48
    ms = two(s, 20) * 10 + (digit22 >= 0 && digit22 <= 9 ? digit22 : NaN)
    tz = 23
  }
  let offset = 0
  if (n === tz + 1) {
    if (s.charCodeAt(tz) !== 90) return instantMillis(s)
  } else if (n === tz + 6) {
    const sign = s.charCodeAt(tz)
    if ((sign !== 43 && sign !== 45) || s.charCodeAt(tz + 3) !== 58) return instantMillis(s)
    const oh = two(s, tz + 1),
      om = two(s, tz + 4)
    if (!(oh <= 18 && om <= 59)) return instantMillis(s)
    offset = (sign === 45 ? -1 : 1) * (oh * 60 + om)
  } else return instantMillis(s)
  if (!(h <= 23 && mi <= 59 && se <= 59 && ms === ms)) return instantMillis(s)
  const date = y * 10_000 + mo * 100 + d
  if (date !== lastDate) {
    if (!(y === y && mo >= 1 && mo <= 12 && d >= 1) || d > daysInMonth(y, mo)) return instantMillis(s)
    lastDays = civilToDays(y, mo, d)
    lastDate = date
  }
  return lastDays * 86_400_000 + ((h * 60 + mi - offset) * 60 + se) * 1000 + ms
}
