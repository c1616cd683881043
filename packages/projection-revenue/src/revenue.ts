/**
 * The revenue report: the money a unit's subtree collected from 1 January to the as-of date,
 * against the year's collection plan in force and the same period of the previous year. Read from
 * the engine's collection index (`Revenue` of `@ansinh/projection`): no pass over the history.
 *
 * @module revenue
 */
import { SCHEMES, dayNumber, sameDateLastYear, startOfYear, yearOf } from '@ansinh/core'
import {
  type History,
  type HistoryView,
  SCHEME_INDEX,
  mapOf,
  ratio,
  reportHeader,
  unitsOnMap,
} from '@ansinh/projection'
import type { RevenueByScheme, RevenueChild, RevenueQuery, RevenueReport } from './report.js'

/**
 * The revenue report of `query.unit` for year `query.year` (default: the year of asOf) on
 * `query.asOf`, of `query.scheme` only when given, as known at `query.knownAt`, e.g.
 * `revenueReport(history, { asOf: '2020-09-30', unit: '04' })`.
 */
export const revenueReport = (history: History, query: RevenueQuery): RevenueReport => {
  const view = history.view(query.knownAt)
  const unit = query.unit ?? null
  const scheme = query.scheme ?? null
  const year = query.year ?? yearOf(query.asOf)
  const day = dayNumber(query.asOf)
  const start = dayNumber(startOfYear(year))
  // on the map of the as-of date (geography.md), the same period last year included
  const { map, geography } = mapOf(view, query)
  const money = (u: string | null, from: number, to: number): [number, number, number, number] =>
    view.revenue.collected(unitsOnMap(map, u), from, to)
  const pick = (m: readonly number[]): number =>
    scheme === null ? m[0]! + m[1]! + m[2]! + m[3]! : m[SCHEME_INDEX[scheme]]!
  const now = money(unit, start, day)
  const collected = pick(now)
  const lastYear = pick(money(unit, dayNumber(startOfYear(year - 1)), dayNumber(sameDateLastYear(query.asOf))))
  const target = targetOf(view, unit, scheme !== null, year, day)
  const byScheme = Object.fromEntries(SCHEMES.map((s) => [s, now[SCHEME_INDEX[s]]!])) as unknown as RevenueByScheme
  const children = map.children(unit).map((child): RevenueChild => {
    const c = pick(money(child, start, day))
    const t = targetOf(view, child, scheme !== null, year, day)
    return { unit: child, name: map.name(child), collected: c, target: t, achievement: ratio(c, t) }
  })
  return {
    ...reportHeader('revenue', { ...query, unit, scheme, geography }, view.basis),
    year,
    collected,
    byScheme,
    target,
    achievement: ratio(collected, target),
    samePeriodLastYear: lastYear,
    changeVsSamePeriodPct: ratio(collected - lastYear, lastYear),
    children,
  }
}

/** The plan in force on `day`; none nationally, and none for one scheme (plans are for all schemes). */
const targetOf = (
  view: HistoryView,
  unit: string | null,
  oneScheme: boolean,
  year: number,
  day: number,
): number | null => (unit === null || oneScheme ? null : view.revenue.target(unit, year, day))
