/**
 * The figures several reports share, read from a view: participants of a unit's subtree and
 * denominators. A unit of `null` means the national report.
 *
 * @module figures
 */
import type { Scheme } from '@ansinh/core'
import type { DayMap } from './geography.js'
import type { HistoryView } from './history.js'
import { denominatorOf } from './registers.js'

/** The units a figure of `unit` adds up: subtree(U), or null for every unit (national). */
export const unitsOf = (view: HistoryView, unit: string | null): readonly string[] | null =>
  unit === null ? null : view.geography.subtree(unit)

/** participants(U, s, d) for a day number `day`; U null: the national total. */
export const participantsIn = (view: HistoryView, unit: string | null, scheme: Scheme, day: number): number =>
  view.participation.participants(unitsOf(view, unit), scheme, day)

/** A denominator and the year of the estimate it comes from (both null when there is none). */
export interface Denominator {
  readonly denominator: number | null
  readonly denominatorYear: number | null
}

/** The unit's own denominator: its latest estimate of a year ≤ `year`, if that estimate has the field. */
export const unitDenominator = (view: HistoryView, unit: string, scheme: Scheme, year: number): Denominator => {
  const estimate = view.denominators.latest(unit, year)
  const denominator = estimate === null ? null : denominatorOf(estimate, scheme)
  return { denominator, denominatorYear: denominator === null ? null : estimate!.year }
}

/**
 * The national denominator: the sum of the own denominators of the units without a parent; null
 * if any of them is null, or when no unit is established (a sum over nothing is no denominator).
 */
export const nationalDenominator = (view: HistoryView, scheme: Scheme, year: number): number | null => {
  const roots = view.geography.children(null)
  if (roots.length === 0) return null
  let sum = 0
  for (const root of roots) {
    const { denominator } = unitDenominator(view, root, scheme, year)
    if (denominator === null) return null
    sum += denominator
  }
  return sum
}

// -------------------------------------------------------------------------------------------------
// on the map of a day (version 2)
// -------------------------------------------------------------------------------------------------

/** The codes a figure of `unit` adds up on a map: those counted in U on G, or null for every unit (national). */
export const unitsOnMap = (map: DayMap, unit: string | null): readonly string[] | null =>
  unit === null ? null : map.countedIn(unit)

/** participants_G(U, s, d) for a day number `day` on the map `map`; U null: the national total. */
export const participantsOnMap = (
  view: HistoryView,
  map: DayMap,
  unit: string | null,
  scheme: Scheme,
  day: number,
): number => view.participation.participants(unitsOnMap(map, unit), scheme, day)

/** The national denominator on a map: the sum of the own denominators of the units of G without a parent. */
export const nationalDenominatorOnMap = (
  view: HistoryView,
  map: DayMap,
  scheme: Scheme,
  year: number,
): number | null => {
  const roots = map.children(null)
  if (roots.length === 0) return null
  let sum = 0
  for (const root of roots) {
    const { denominator } = unitDenominator(view, root, scheme, year)
    if (denominator === null) return null
    sum += denominator
  }
  return sum
}
