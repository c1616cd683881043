/**
 * The plan-achievement report: participants of a unit's subtree on the as-of date against the
 * year's target in force, with the comparisons the agencies publish (same date last year, end of
 * previous year), the people new in the year, and those whose coverage runs out before year end.
 *
 * @module plan
 */
import { type Scheme, dayNumber, endOfYear, sameDateLastYear, startOfYear, yearOf } from '@ansinh/core'
import { type History, type HistoryView, participantsIn, ratio, reportHeader, unitsOf } from '@ansinh/projection'
import { type PlanChild, type PlanQuery, type PlanReport, planBands } from './report.js'

/**
 * The plan-achievement report of `query.scheme` for `query.unit` on `query.asOf` for plan year
 * `query.year` (default: the year of asOf), as known at `query.knownAt`, e.g.
 * `planReport(history, { asOf: '2020-09-30', scheme: 'voluntary', unit: '60' })`.
 */
export const planReport = (history: History, query: PlanQuery): PlanReport => {
  const view = history.view(query.knownAt)
  const unit = query.unit ?? null
  const { asOf, scheme } = query
  const year = query.year ?? yearOf(asOf)
  const day = dayNumber(asOf)
  const target = targetOf(view, unit, scheme, year, day)
  const participants = participantsIn(view, unit, scheme, day)
  const expiringBeforeYearEnd = expiring(view, unit, scheme, day, dayNumber(endOfYear(year)))
  const lastYear = participantsIn(view, unit, scheme, dayNumber(sameDateLastYear(asOf)))
  const endOfPreviousYear = participantsIn(view, unit, scheme, dayNumber(endOfYear(year - 1)))
  const children = view.geography.children(unit).map((child): PlanChild => {
    const t = targetOf(view, child, scheme, year, day)
    const p = participantsIn(view, child, scheme, day)
    return { unit: child, name: view.geography.nameOf(child), target: t, participants: p, achievement: ratio(p, t) }
  })
  return {
    ...reportHeader('plan', { ...query, unit }, view.basis),
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
    newInYear: view.participation.newInRange(unitsOf(view, unit), scheme, dayNumber(startOfYear(year)), day),
    children,
    bands: planBands(children),
  }
}

/** The target in force on `day`; a national report (no unit) has none. */
const targetOf = (view: HistoryView, unit: string | null, scheme: Scheme, year: number, day: number): number | null =>
  unit === null ? null : view.quotas.target(unit, scheme, year, day)

/** Participants counted on `day` who are not covered on 31 December (0 once that day is reached). */
const expiring = (view: HistoryView, unit: string | null, scheme: Scheme, day: number, yearEnd: number): number =>
  day >= yearEnd ? 0 : view.participation.notCoveredLater(unitsOf(view, unit), scheme, day, yearEnd)
