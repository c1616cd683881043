/**
 * The coverage report: participants of a unit's subtree on the as-of date against the unit's
 * published denominator (population for health, labour force for the other schemes).
 *
 * @module coverage
 */
import { dayNumber, yearOf } from '@ansinh/core'
import { type History, type HistoryView, nationalDenominator, participantsAnyScheme, participantsIn, ratio, reportHeader, unitDenominator, unitsOf } from '@ansinh/projection'
import type { CoverageChild, CoverageQuery, CoverageReport, CoverageScheme } from './report.js'

/** participants(U, s, D), or for `any` the people covered under at least one scheme (agents-revenue.md). */
const participantsOf = (view: HistoryView, unit: string | null, scheme: CoverageScheme, day: number): number =>
  scheme === 'any' ? participantsAnyScheme(view.participation, unitsOf(view, unit), day) : participantsIn(view, unit, scheme, day)

/**
 * The coverage report of `query.scheme` on `query.asOf` for `query.unit` (null/absent: national),
 * as known at `query.knownAt` (epoch ms; null/absent: every event), e.g.
 * `coverageReport(history, { asOf: '2020-09-30', scheme: 'health', unit: '60' })`.
 */
export const coverageReport = (history: History, query: CoverageQuery): CoverageReport => {
  const view = history.view(query.knownAt)
  const unit = query.unit ?? null
  const day = dayNumber(query.asOf)
  const year = yearOf(query.asOf)
  const { scheme } = query
  // everyone covered is measured against the population, as health coverage is
  const denominatorScheme = scheme === 'any' ? 'health' : scheme
  const participants = participantsOf(view, unit, scheme, day)
  const own =
    unit === null
      ? { denominator: nationalDenominator(view, denominatorScheme, year), denominatorYear: null }
      : unitDenominator(view, unit, denominatorScheme, year)
  const children = view.geography.children(unit).map((child): CoverageChild => {
    const p = participantsOf(view, child, scheme, day)
    const { denominator } = unitDenominator(view, child, denominatorScheme, year)
    return { unit: child, name: view.geography.nameOf(child), participants: p, denominator, rate: ratio(p, denominator) }
  })
  return {
    ...reportHeader('coverage', { ...query, unit, scheme: null }, view.basis),
    scheme,
    participants,
    denominator: own.denominator,
    denominatorYear: own.denominatorYear,
    rate: ratio(participants, own.denominator),
    children,
  }
}
