/**
 * `@ansinh/projection-debt/reference`: the debt-balance report computed the slow, obvious way,
 * straight from the definitions over the known events (`Known` of `@ansinh/projection/reference`).
 * It shares no code with the indexed fold, so property tests can compare the two.
 *
 * @module reference
 */
import type { PositionedEvent } from '@ansinh/core'
import { Known } from '@ansinh/projection/reference'
import { debtFigures } from './figures.js'
import type { DebtQuery, DebtReport } from '../report.js'

/** The debt-balance report, folded from scratch. */
export const referenceDebtReport = (events: Iterable<PositionedEvent>, query: DebtQuery): DebtReport => {
  const geography = query.geography ?? query.asOf
  // every question, the comparisons included, on the map of G (geography.md)
  const k = new Known(events, query.knownAt ?? null).onMap(geography)
  const unit = query.unit ?? null
  const scheme = query.scheme ?? null
  return {
    ...k.header('debt', query.asOf, unit, scheme, query.knownAt ?? null, geography),
    ...debtFigures(k, query.asOf, unit, scheme),
  }
}
