/**
 * `@ansinh/projection-plan/reference`: the plan-achievement report computed the slow, obvious way,
 * straight from the definitions over the known events (`Known` of `@ansinh/projection/reference`):
 * every query folds the whole history again, dates are compared as strings and nothing is indexed.
 * It shares no code with the indexed fold, so property tests can compare the two.
 *
 * @module reference
 */
import type { PositionedEvent } from '@ansinh/core'
import { Known } from '@ansinh/projection/reference'
import type { PlanQuery, PlanReport } from './report.js'

/** The plan-achievement report, folded from scratch. */
export const referencePlanReport = (events: Iterable<PositionedEvent>, query: PlanQuery): PlanReport => {
  const geography = query.geography ?? query.asOf
  // every question, the comparisons included, on the map of G (geography.md)
  const k = new Known(events, query.knownAt ?? null).onMap(geography)
  const unit = query.unit ?? null
  const { asOf, scheme } = query
  const year = query.year ?? +asOf.slice(0, 4)
  const yearEnd = `${pad4(year)}-12-31`
  const target = unit === null ? null : k.target(unit, scheme, year, asOf)
  const participants = k.participants(unit, scheme, asOf)
  let expiring = 0
  if (asOf < yearEnd) {
    for (const p of k.countedOn(unit, scheme, asOf)) if (!k.covered(p, scheme, yearEnd)) expiring++
  }
  const lastYear = oneYearEarlier(asOf)
  const sameDateLastYear = k.participants(unit, scheme, lastYear)
  const endOfPreviousYear = k.participants(unit, scheme, `${pad4(year - 1)}-12-31`)
  const change = participants - sameDateLastYear
  const children = k.children(unit).map((c) => {
    const t = k.target(c, scheme, year, asOf)
    const p = k.participants(c, scheme, asOf)
    return { unit: c, name: k.nameOf(c), target: t, participants: p, achievement: t === null || t === 0 ? null : p / t }
  })
  const graded = children.filter((c) => c.target !== null && c.target > 0)
  return {
    ...k.header('plan', asOf, unit, scheme, query.knownAt ?? null, geography),
    year,
    target,
    participants,
    achievement: target === null || target === 0 ? null : participants / target,
    remaining: target === null ? null : Math.max(0, target - participants),
    expiringBeforeYearEnd: expiring,
    recruitsNeeded: target === null ? null : Math.max(0, target - (participants - expiring)),
    sameDateLastYear,
    changeVsSameDate: change,
    changeVsSameDatePct: sameDateLastYear === 0 ? null : change / sameDateLastYear,
    endOfPreviousYear,
    changeVsEndOfPreviousYear: participants - endOfPreviousYear,
    newInYear: k.newBetween(unit, scheme, `${pad4(year)}-01-01`, asOf),
    children,
    bands: {
      withTarget: graded.length,
      met: graded.filter((c) => c.participants / c.target! >= 1).length,
      belowTarget: graded.filter((c) => c.participants / c.target! < 1).length,
      below50: graded.filter((c) => c.participants / c.target! < 0.5).length,
      zero: graded.filter((c) => c.participants === 0).length,
    },
  }
}

const pad4 = (n: number): string => String(n).padStart(4, '0')

/** D minus one year; 29 February becomes 28 February. */
const oneYearEarlier = (d: string): string => {
  const rest = d.slice(4) === '-02-29' ? '-02-28' : d.slice(4)
  return pad4(+d.slice(0, 4) - 1) + rest
}
