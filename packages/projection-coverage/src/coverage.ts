/**
 * The coverage report: participants of a unit's subtree on the as-of date against the unit's
 * published denominator (population for health, labour force for the other schemes).
 *
 * @module coverage
 */
import { dayNumber, yearOf } from '@ansinh/core'
import { type History, nationalDenominator, participantsIn, ratio, reportHeader, unitDenominator } from '@ansinh/projection'
import type { CoverageChild, CoverageQuery, CoverageReport } from './report.js'

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
  const participants = participantsIn(view, unit, scheme, day)
  const own =
    unit === null
      ? { denominator: nationalDenominator(view, scheme, year), denominatorYear: null }
      : unitDenominator(view, unit, scheme, year)
  const children = view.geography.children(unit).map((child): CoverageChild => {
    const p = participantsIn(view, child, scheme, day)
    const { denominator } = unitDenominator(view, child, scheme, year)
    return { unit: child, name: view.geography.nameOf(child), participants: p, denominator, rate: ratio(p, denominator) }
  })
  return {
    ...reportHeader('coverage', { ...query, unit }, view.basis),
    participants,
    denominator: own.denominator,
    denominatorYear: own.denominatorYear,
    rate: ratio(participants, own.denominator),
    children,
  }
}
