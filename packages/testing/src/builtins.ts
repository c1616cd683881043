/**
 * The three built-in reports as {@link Projection}s over a `History`, with the queries worth asking
 * them, so the project's own tests hold them to the laws (and users can see how an adapter looks).
 *
 * @module builtins
 */
import fc from 'fast-check'
import * as E from 'fp-ts/lib/Either.js'
import { DEBT_SCHEMES, SCHEMES, type UnitCode } from '@ansinh/core'
import { History } from '@ansinh/projection'
import { type CoverageQuery, type CoverageReport, coverageReport } from '@ansinh/projection-coverage'
import { type DebtQuery, type DebtReport, debtReport } from '@ansinh/projection-debt'
import { type PlanQuery, type PlanReport, planReport } from '@ansinh/projection-plan'
import { type GeneratedHistory, asOfDate } from './history/index.js'
import type { PositionedEvent, Projection } from './laws.js'

/** Every unit a generated history establishes, and null (the national report). */
const unitOrNational = (h: GeneratedHistory): fc.Arbitrary<UnitCode | null> =>
  fc.constantFrom<UnitCode | null>(null, ...h.units.provinces, ...h.units.districts, ...h.units.communes)

const build = (events: readonly PositionedEvent[]): History => History.of(events)

const append = (history: History, e: PositionedEvent): History => {
  const appended = history.append(e)
  // The laws append in position order; anything else is a bug of the law, not of the projection.
  if (E.isLeft(appended)) throw new Error(`position ${e.position} appended after ${appended.left.lastPosition}`)
  return history
}

/** Children queries: the parts of a report with children; null for a leaf, which counts its own. */
const childQueries = <Q extends { readonly unit?: string | null }>(q: Q, children: ReadonlyArray<{ readonly unit: string }>): Q[] | null =>
  children.length === 0 ? null : children.map((c) => ({ ...q, unit: c.unit }))

/** The coverage report as a projection (query without `knownAt`: the laws supply it). */
export const coverageProjection: Projection<History, Omit<CoverageQuery, 'knownAt'>, CoverageReport> = {
  name: 'coverageReport',
  build,
  append,
  answer: (history, query, knownAt) => coverageReport(history, { ...query, knownAt }),
  additivity: { measure: (a) => a.participants, parts: (q, a) => childQueries(q, a.children) },
  counting: {
    scheme: (q) => q.scheme,
    asOf: (q) => q.asOf,
    selects: (e, q, inUnit) => inUnit(e.unit, q.unit ?? null),
    count: (a) => a.participants,
  },
}

/** Coverage queries of a generated history: any scheme, any unit or national, dates at its edges. */
export const coverageQueries = (h: GeneratedHistory): fc.Arbitrary<Omit<CoverageQuery, 'knownAt'>> =>
  fc.record({ asOf: asOfDate(h), scheme: fc.constantFrom(...SCHEMES), unit: unitOrNational(h) })

/** The plan-achievement report as a projection. */
export const planProjection: Projection<History, Omit<PlanQuery, 'knownAt'>, PlanReport> = {
  name: 'planReport',
  build,
  append,
  answer: (history, query, knownAt) => planReport(history, { ...query, knownAt }),
  additivity: { measure: (a) => a.participants, parts: (q, a) => childQueries(q, a.children) },
  counting: {
    scheme: (q) => q.scheme,
    asOf: (q) => q.asOf,
    selects: (e, q, inUnit) => inUnit(e.unit, q.unit ?? null),
    count: (a) => a.participants,
  },
}

/** Plan queries of a generated history: any scheme and unit, the year of the date or another year of the window. */
export const planQueries = (h: GeneratedHistory): fc.Arbitrary<Omit<PlanQuery, 'knownAt'>> =>
  fc.record({
    asOf: asOfDate(h),
    scheme: fc.constantFrom(...SCHEMES),
    unit: unitOrNational(h),
    year: fc.option(fc.integer({ min: h.years.from, max: h.years.to })),
  })

/** The debt-balance report as a projection. */
export const debtProjection: Projection<History, Omit<DebtQuery, 'knownAt'>, DebtReport> = {
  name: 'debtReport',
  build,
  append,
  answer: (history, query, knownAt) => debtReport(history, { ...query, knownAt }),
  additivity: { measure: (a) => a.outstanding, parts: (q, a) => childQueries(q, a.children) },
}

/** Debt queries of a generated history: one debt scheme or all, any unit or national. */
export const debtQueries = (h: GeneratedHistory): fc.Arbitrary<Omit<DebtQuery, 'knownAt'>> =>
  fc.record({ asOf: asOfDate(h), scheme: fc.option(fc.constantFrom(...DEBT_SCHEMES)), unit: unitOrNational(h) })
