/**
 * The coverage report: participants of a unit's subtree on the as-of date against the unit's
 * published denominator (population for health, labour force for the other schemes).
 *
 * @module coverage
 */
import * as E from 'fp-ts/lib/Either.js'
import { dayNumber, yearOf } from '@ansinh/core'
import {
  type GeographyRefused,
  type History,
  type HistoryView,
  type ReportMap,
  checkedMapOf,
  mapOf,
  nationalDenominatorOnMap,
  participantsAnyScheme,
  participantsOnMap,
  ratio,
  reportHeader,
  unitDenominator,
  unitsOnMap,
} from '@ansinh/projection'
import type { DayMap } from '@ansinh/projection'
import type { CoverageChild, CoverageQuery, CoverageReport, CoverageScheme } from './report.js'

/** participants_G(U, s, D), or for `any` the people covered under at least one scheme (agents-revenue.md). */
const participantsOf = (
  view: HistoryView,
  map: DayMap,
  unit: string | null,
  scheme: CoverageScheme,
  day: number,
): number =>
  scheme === 'any'
    ? participantsAnyScheme(view.participation, unitsOnMap(map, unit), day)
    : participantsOnMap(view, map, unit, scheme, day)

/**
 * The coverage report, or why it cannot be made on the map asked for (a `geography` before
 * `asOf`, or a unit that does not exist on that map), e.g.
 * `unit 30 does not exist on 2025-09-30: dissolved on 2025-07-01 into 31`.
 */
export const checkedCoverageReport = (
  history: History,
  query: CoverageQuery,
): E.Either<GeographyRefused, CoverageReport> => {
  const view = history.view(query.knownAt)
  return E.map((m: ReportMap) => coverageOn(view, m, query))(checkedMapOf(view, query))
}

/**
 * The coverage report of `query.scheme` on `query.asOf` for `query.unit` (null/absent: national),
 * as known at `query.knownAt` (epoch ms; null/absent: every event), e.g.
 * `coverageReport(history, { asOf: '2020-09-30', scheme: 'health', unit: '60' })`.
 */
export const coverageReport = (history: History, query: CoverageQuery): CoverageReport => {
  const view = history.view(query.knownAt)
  return coverageOn(view, mapOf(view, query), query)
}

/** The coverage report on a chosen map: every unit resolved, every subtree and child taken on it. */
const coverageOn = (view: HistoryView, { map, geography }: ReportMap, query: CoverageQuery): CoverageReport => {
  const unit = query.unit ?? null
  const day = dayNumber(query.asOf)
  const year = yearOf(query.asOf)
  const { scheme } = query
  // everyone covered is measured against the population, as health coverage is
  const denominatorScheme = scheme === 'any' ? 'health' : scheme
  const participants = participantsOf(view, map, unit, scheme, day)
  const own =
    unit === null
      ? { denominator: nationalDenominatorOnMap(view, map, denominatorScheme, year), denominatorYear: null }
      : unitDenominator(view, unit, denominatorScheme, year)
  const children = map.children(unit).map((child): CoverageChild => {
    const p = participantsOf(view, map, child, scheme, day)
    const { denominator } = unitDenominator(view, child, denominatorScheme, year)
    return { unit: child, name: map.name(child), participants: p, denominator, rate: ratio(p, denominator) }
  })
  return {
    ...reportHeader('coverage', { ...query, unit, scheme: null, geography }, view.basis),
    scheme,
    participants,
    denominator: own.denominator,
    denominatorYear: own.denominatorYear,
    rate: ratio(participants, own.denominator),
    children,
  }
}
