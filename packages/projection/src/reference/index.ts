/**
 * `@ansinh/projection/reference`: the read models computed the slow, obvious way, straight from
 * the definitions — every query folds the whole history again, dates are compared as strings and
 * nothing is indexed. It shares no code with the indexes, so property tests can compare the two,
 * and benchmarks use it as the "naive replay" peer.
 *
 * @module reference
 */
import type { CoverageQuery, CoverageReport, DebtQuery, DebtReport, PlanQuery, PlanReport } from '../reports.js'
import type { PositionedEvent } from '../history.js'
import { Known } from './known.js'
import { debtFigures } from './debt.js'

/** The coverage report, folded from scratch. */
export const referenceCoverageReport = (events: Iterable<PositionedEvent>, query: CoverageQuery): CoverageReport => {
  const k = new Known(events, query.knownAt ?? null)
  const unit = query.unit ?? null
  const { asOf, scheme } = query
  const year = +asOf.slice(0, 4)
  const participants = k.participants(unit, scheme, asOf)
  let denominator: number | null
  let denominatorYear: number | null = null
  if (unit === null) {
    const roots = k.children(null)
    const parts = roots.map((r) => k.denominator(r, scheme, year).value)
    denominator = roots.length === 0 || parts.some((v) => v === null) ? null : parts.reduce<number>((a, b) => a + b!, 0)
  } else {
    const d = k.denominator(unit, scheme, year)
    denominator = d.value
    denominatorYear = d.value === null ? null : d.year
  }
  const rate = (p: number, den: number | null): number | null => (den === null || den === 0 ? null : p / den)
  return {
    ...k.header('coverage', asOf, unit, scheme, query.knownAt ?? null),
    participants,
    denominator,
    denominatorYear,
    rate: rate(participants, denominator),
    children: k.children(unit).map((c) => {
      const p = k.participants(c, scheme, asOf)
      const den = k.denominator(c, scheme, year).value
      return { unit: c, name: k.nameOf(c), participants: p, denominator: den, rate: rate(p, den) }
    }),
  }
}

/** The plan-achievement report, folded from scratch. */
export const referencePlanReport = (events: Iterable<PositionedEvent>, query: PlanQuery): PlanReport => {
  const k = new Known(events, query.knownAt ?? null)
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
    ...k.header('plan', asOf, unit, scheme, query.knownAt ?? null),
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

/** The debt-balance report, folded from scratch. */
export const referenceDebtReport = (events: Iterable<PositionedEvent>, query: DebtQuery): DebtReport => {
  const k = new Known(events, query.knownAt ?? null)
  const unit = query.unit ?? null
  const scheme = query.scheme ?? null
  return {
    ...k.header('debt', query.asOf, unit, scheme, query.knownAt ?? null),
    ...debtFigures(k, query.asOf, unit, scheme),
  }
}

const pad4 = (n: number): string => String(n).padStart(4, '0')

/** D minus one year; 29 February becomes 28 February. */
const oneYearEarlier = (d: string): string => {
  const rest = d.slice(4) === '-02-29' ? '-02-28' : d.slice(4)
  return pad4(+d.slice(0, 4) - 1) + rest
}
