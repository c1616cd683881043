/**
 * `@ansinh/projection-revenue/reference`: the revenue report computed the slow, obvious way,
 * straight from agents-revenue.md over the known events (`Known` of `@ansinh/projection/reference`):
 * every query scans the events again and nothing is indexed. It shares no code with the indexed
 * fold, so property tests can compare the two.
 *
 * @module reference
 */
import { type PositionedEvent, type Scheme, SCHEMES } from '@ansinh/core'
import { Known } from '@ansinh/projection/reference'
import type { RevenueByScheme, RevenueQuery, RevenueReport } from './report.js'

const pad = (y: number): string => String(y).padStart(4, '0')

/** The revenue report, from scratch. */
export const referenceRevenueReport = (events: Iterable<PositionedEvent>, query: RevenueQuery): RevenueReport => {
  const geography = query.geography ?? query.asOf
  const k = new Known(events, query.knownAt ?? null).onMap(geography)
  const unit = query.unit ?? null
  const scheme = query.scheme ?? null
  const { asOf } = query
  const year = query.year ?? +asOf.slice(0, 4)
  // D minus one year; 29 February becomes 28 February
  const md = asOf.slice(5) === '02-29' ? '02-28' : asOf.slice(5)
  const lastYearDay = `${pad(+asOf.slice(0, 4) - 1)}-${md}`
  const sum = (u: string | null, s: Scheme | null, from: string, to: string): number =>
    k
      .of('ContributionCollected')
      .filter(
        (c) =>
          from <= c.e.collectedOn &&
          c.e.collectedOn <= to &&
          k.inSubtree(c.e.unit, u) &&
          (s === null || c.e.scheme === s),
      )
      .reduce((a, c) => a + c.e.amount, 0)
  const target = (u: string | null): number | null => {
    if (u === null || scheme !== null) return null
    let best: { amount: number; assignedOn: string } | null = null
    for (const p of k.of('RevenuePlanAssigned')) {
      if (p.e.unit !== u || p.e.year !== year || p.e.assignedOn > asOf) continue
      if (best === null || p.e.assignedOn >= best.assignedOn) best = p.e
    }
    return best === null ? null : best.amount
  }
  const ratio = (a: number, b: number | null): number | null => (b === null || b === 0 ? null : a / b)
  const start = `${pad(year)}-01-01`
  const collected = sum(unit, scheme, start, asOf)
  const samePeriodLastYear = sum(unit, scheme, `${pad(year - 1)}-01-01`, lastYearDay)
  const t = target(unit)
  const byScheme = Object.fromEntries(SCHEMES.map((s) => [s, sum(unit, s, start, asOf)])) as unknown as RevenueByScheme
  return {
    ...k.header('revenue', asOf, unit, scheme, query.knownAt ?? null, geography),
    year,
    collected,
    byScheme,
    target: t,
    achievement: ratio(collected, t),
    samePeriodLastYear,
    changeVsSamePeriodPct: ratio(collected - samePeriodLastYear, samePeriodLastYear),
    children: k.children(unit).map((c) => {
      const got = sum(c, scheme, start, asOf)
      const ct = target(c)
      return { unit: c, name: k.nameOf(c), collected: got, target: ct, achievement: ratio(got, ct) }
    }),
  }
}
