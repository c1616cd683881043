/**
 * Number formatting for tables: English `7,215` and `59.9%`, Vietnamese `7.215` and `59,9%`.
 * JSON output never goes through here: ratios there are unrounded.
 *
 * @module numbers
 */
import type { Lang } from '../args.js'

const groups = (digits: string, sep: string): string => digits.replace(/\B(?=(\d{3})+(?!\d))/g, sep)

/** A whole number with thousands separators, e.g. `formatCount(7215, 'vi') === '7.215'`. */
export const formatCount = (n: number | null, lang: Lang): string => {
  if (n === null) return '—'
  const sign = n < 0 ? '-' : ''
  return sign + groups(String(Math.abs(Math.round(n))), lang === 'vi' ? '.' : ',')
}

/** A signed whole number, e.g. `+4,431`. */
export const formatDelta = (n: number | null, lang: Lang): string =>
  n === null ? '—' : (n > 0 ? '+' : '') + formatCount(n, lang)

/** A ratio as a percentage with `digits` decimals, e.g. `formatPercent(0.599, 'vi') === '59,9%'`. */
export const formatPercent = (r: number | null, lang: Lang, digits = 1): string => {
  if (r === null) return '—'
  const s = (r * 100).toFixed(digits)
  return (lang === 'vi' ? s.replace('.', ',') : s) + '%'
}

/** A signed percentage, e.g. `+159.2%`. */
export const formatDeltaPercent = (r: number | null, lang: Lang, digits = 1): string =>
  r === null ? '—' : (r > 0 ? '+' : '') + formatPercent(r, lang, digits)

/** An amount of VND, e.g. `806,000,000 VND` / `806.000.000 đồng`. */
export const formatVnd = (n: number, lang: Lang): string => `${formatCount(n, lang)} ${lang === 'vi' ? 'đồng' : 'VND'}`
