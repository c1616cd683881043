/**
 * Numbers and dates for tables, by the platform's `Intl`: English `7,215` and `59.9%`, Vietnamese
 * `7.215` and `59,9%`; dates ISO in English, `30/09/2020` in Vietnamese. JSON and CSV never go
 * through here: ratios there are unrounded and dates ISO.
 *
 * The percent sign is written right after the number in both languages, as the CLI spec and the
 * press write it (`59,9%`), whatever space a given ICU version puts before it; the minus sign is
 * the ASCII hyphen-minus, as before.
 *
 * @module numbers
 */
import type { BusinessDate, Month } from '@ansinh/core'
import type { Lang } from '../args.js'

const LOCALE: Readonly<Record<Lang, string>> = { en: 'en-US', vi: 'vi-VN' }

const cache = new Map<string, Intl.NumberFormat>()
const numberFormat = (lang: Lang, options: Intl.NumberFormatOptions): Intl.NumberFormat => {
  const key = `${lang}${JSON.stringify(options)}`
  let f = cache.get(key)
  if (f === undefined) cache.set(key, (f = new Intl.NumberFormat(LOCALE[lang], options)))
  return f
}

// U+00A0 / U+202F before `%` in some ICU versions; U+2212 as the minus in some locales.
const tidy = (s: string): string => s.replace(/[\s\u00a0\u202f]+%/u, '%').replace(/\u2212/gu, '-')

/** A whole number with thousands separators, e.g. `formatCount(7215, 'vi') === '7.215'`. */
export const formatCount = (n: number | null, lang: Lang): string =>
  n === null ? '—' : tidy(numberFormat(lang, { maximumFractionDigits: 0, useGrouping: true }).format(Math.round(n)))

/** A signed whole number, e.g. `+4,431` (zero has no sign). */
export const formatDelta = (n: number | null, lang: Lang): string =>
  n === null
    ? '—'
    : tidy(numberFormat(lang, { maximumFractionDigits: 0, signDisplay: 'exceptZero' }).format(Math.round(n)))

const percent = (r: number, lang: Lang, digits: number, signed: boolean): string =>
  tidy(
    numberFormat(lang, {
      style: 'percent',
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
      ...(signed ? { signDisplay: 'exceptZero' as const } : {}),
    }).format(r),
  )

/** A ratio as a percentage with `digits` decimals, e.g. `formatPercent(0.599, 'vi') === '59,9%'`. */
export const formatPercent = (r: number | null, lang: Lang, digits = 1): string =>
  r === null ? '—' : percent(r, lang, digits, false)

/** A signed percentage, e.g. `+159.2%`. */
export const formatDeltaPercent = (r: number | null, lang: Lang, digits = 1): string =>
  r === null ? '—' : percent(r, lang, digits, true)

/** An amount of VND, e.g. `806,000,000 VND` / `806.000.000 đồng`. */
export const formatVnd = (n: number, lang: Lang): string => `${formatCount(n, lang)} ${lang === 'vi' ? 'đồng' : 'VND'}`

// A business day is a calendar day, not an instant: format it at UTC noon, in UTC, so no time
// zone can move it to the day before or after.
const dayFormat = new Intl.DateTimeFormat('vi-VN', {
  timeZone: 'UTC',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
})
const noonUtc = (date: string): Date => new Date(`${date}T12:00:00Z`)

/** A business day: ISO `2020-09-30` in English, `30/09/2020` in Vietnamese. */
export const formatDate = (date: BusinessDate | string, lang: Lang): string =>
  lang === 'en' ? date : dayFormat.format(noonUtc(date))

/** A month: ISO `2017-05` in English, `05/2017` in Vietnamese. */
export const formatMonth = (month: Month | string, lang: Lang): string => {
  if (lang === 'en') return month
  const parts = dayFormat.formatToParts(noonUtc(`${month}-01`))
  const part = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)!.value
  return `${part('month')}/${part('year')}`
}

const HO_CHI_MINH = 'Asia/Ho_Chi_Minh'
const instantFormat = new Intl.DateTimeFormat('vi-VN', {
  timeZone: HO_CHI_MINH,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
})

/**
 * A known-at instant: ISO in English; in Vietnamese, in Vietnam's time, `hết ngày 05/10/2020`
 * for the end of a day (what `--known-at 2020-10-05` means) and `12:00:00 ngày 05/10/2020` otherwise.
 */
export const formatInstant = (instant: string, lang: Lang): string => {
  if (lang === 'en') return instant
  const ms = Date.parse(instant)
  if (Number.isNaN(ms)) return instant
  const parts = instantFormat.formatToParts(new Date(ms))
  const part = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)!.value
  const day = `${part('day')}/${part('month')}/${part('year')}`
  const time = `${part('hour')}:${part('minute')}:${part('second')}`
  // the last millisecond of a day in Vietnam (UTC+7, no daylight saving)
  const endOfDay = (ms + 7 * 3_600_000) % 86_400_000 === 86_399_999
  return endOfDay ? `hết ngày ${day}` : `${time} ngày ${day}`
}
