/**
 * The plan-achievement report: participants of a unit's subtree on the as-of date against the
 * year's target in force, with the comparisons the agencies publish (same date last year, end of
 * previous year), the people new in the year, and those whose coverage runs out before year end.
 *
 * @module plan
 */
import * as E from 'fp-ts/lib/Either.js'
import { type Scheme, dayNumber, endOfYear, sameDateLastYear, startOfYear, yearOf } from '@ansinh/core'
import {
  type DayMap,
  type GeographyRefused,
  type History,
  type HistoryView,
  type ReportMap,
  checkedMapOf,
  mapOf,
  participantsOnMap,
  ratio,
  reportHeader,
  unitsOnMap,
} from '@ansinh/projection'
import { type PlanChild, type PlanQuery, type PlanReport, planBands } from './report.js'

/**
 * The plan-achievement report of `query.scheme` for `query.unit` on `query.asOf` for plan year
 * `query.year` (default: the year of asOf), as known at `query.knownAt`, e.g.
 * `planReport(history, { asOf: '2020-09-30', scheme: 'voluntary', unit: '60' })`.
 */
export const planReport = (history: History, query: PlanQuery): PlanReport => {
  const view = history.view(query.knownAt)
  return planOn(view, mapOf(view, query), query)
}

/**
 * The plan report, or why it cannot be made on the map asked for (a `geography` before `asOf`, or
 * a unit that does not exist on that map).
 */
export const checkedPlanReport = (history: History, query: PlanQuery): E.Either<GeographyRefused, PlanReport> => {
  const view = history.view(query.knownAt)
  return E.map((m: ReportMap) => planOn(view, m, query))(checkedMapOf(view, query))
}

/** The plan report on a chosen map: the comparisons too count the earlier days on this map (like for like). */
const planOn = (view: HistoryView, { map, geography }: ReportMap, query: PlanQuery): PlanReport => {
  const unit = query.unit ?? null
  const { asOf, scheme } = query
  const year = query.year ?? yearOf(asOf)
  const day = dayNumber(asOf)
  const target = targetOf(view, unit, scheme, year, day)
  const participants = participantsOnMap(view, map, unit, scheme, day)
  const expiringBeforeYearEnd = expiring(view, map, unit, scheme, day, dayNumber(endOfYear(year)))
  const lastYear = participantsOnMap(view, map, unit, scheme, dayNumber(sameDateLastYear(asOf)))
  const endOfPreviousYear = participantsOnMap(view, map, unit, scheme, dayNumber(endOfYear(year - 1)))
  const children = map.children(unit).map((child): PlanChild => {
    const t = targetOf(view, child, scheme, year, day)
    const p = participantsOnMap(view, map, child, scheme, day)
    return { unit: child, name: map.name(child), target: t, participants: p, achievement: ratio(p, t) }
  })
  return {
    ...reportHeader('plan', { ...query, unit, geography }, view.basis),
    year,
    target,
    participants,
    achievement: ratio(participants, target),
    remaining: target === null ? null : Math.max(0, target - participants),
    expiringBeforeYearEnd,
    recruitsNeeded: target === null ? null : Math.max(0, target - (participants - expiringBeforeYearEnd)),
    sameDateLastYear: lastYear,
    changeVsSameDate: participants - lastYear,
    changeVsSameDatePct: ratio(participants - lastYear, lastYear),
    endOfPreviousYear,
    changeVsEndOfPreviousYear: participants - endOfPreviousYear,
    newInYear: view.participation.newInRange(unitsOnMap(map, unit), scheme, dayNumber(startOfYear(year)), day),
    children,
    bands: planBands(children),
  }
}

/** The target in force on `day`; a national report (no unit) has none. */
const targetOf = (view: HistoryView, unit: string | null, scheme: Scheme, year: number, day: number): number | null =>
  // Stryker disable next-line ConditionalExpression: equivalent, the register files nothing under the unit `null`, so asking it gives null too; the guard spares a lookup (docs/testing.md)
  unit === null ? null : view.quotas.target(unit, scheme, year, day)

/** Participants counted on `day` who are not covered on 31 December (0 once that day is reached). */
const expiring = (
  view: HistoryView,
  map: DayMap,
  unit: string | null,
  scheme: Scheme,
  day: number,
  yearEnd: number,
): number =>
  // Stryker disable next-line EqualityOperator: `day > yearEnd` is equivalent, on 31 December nobody counted that day is uncovered that day (docs/testing.md)
  day >= yearEnd ? 0 : view.participation.notCoveredLater(unitsOnMap(map, unit), scheme, day, yearEnd)
