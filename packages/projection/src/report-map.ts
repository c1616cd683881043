/**
 * Which map a report uses (geography.md, "Which map a report uses"): the map of its as-of date D by
 * default, for every figure and every comparison; another map G ≥ D on request (`geography`); G < D
 * refused, and so is a unit that does not exist on G, with an error value that says why.
 *
 * @module report-map
 */
import * as E from 'fp-ts/lib/Either.js'
import { type BusinessDate, dayNumber, fromDayNumber } from '@ansinh/core'
import type { DayMap } from './geography.js'
import type { HistoryView } from './history.js'

/** Why a report cannot be made on the map asked for. */
export type GeographyRefused =
  | {
      readonly _tag: 'GeographyBeforeAsOf'
      readonly geography: BusinessDate
      readonly asOf: BusinessDate
      readonly message: string
    }
  | { readonly _tag: 'UnitNotOnMap'; readonly unit: string; readonly geography: BusinessDate; readonly message: string }

/** The map a report is computed on, and its date (what the report carries as `geography`). */
export interface ReportMap {
  readonly map: DayMap
  readonly geography: BusinessDate
}

/** The date of the map of a query: `geography`, or the as-of date. */
export const geographyOf = (query: {
  readonly asOf: BusinessDate
  readonly geography?: BusinessDate | null
}): BusinessDate => query.geography ?? query.asOf

/** The map of a query on a view, without checks (the total report functions use it). */
export const mapOf = (
  view: HistoryView,
  query: { readonly asOf: BusinessDate; readonly geography?: BusinessDate | null },
): ReportMap => {
  const geography = geographyOf(query)
  return { map: view.geography.on(dayNumber(geography)), geography }
}

/**
 * The map of a query, or why not: G before D, or a unit that a known record names but that does
 * not exist on G, e.g. `unit 30 does not exist on 2025-09-30: dissolved on 2025-07-01 into 31`. A
 * code no record names is not refused (as in version 1, it is its own subtree).
 */
export const checkedMapOf = (
  view: HistoryView,
  query: { readonly asOf: BusinessDate; readonly geography?: BusinessDate | null; readonly unit?: string | null },
): E.Either<GeographyRefused, ReportMap> => {
  const geography = geographyOf(query)
  if (geography < query.asOf) {
    return E.left({
      _tag: 'GeographyBeforeAsOf',
      geography,
      asOf: query.asOf,
      message: `geography ${geography} is before the as-of date ${query.asOf}: a report uses the map of its as-of date or a later one (a merge cannot be undone)`,
    })
  }
  const m = mapOf(view, query)
  const unit = query.unit ?? null
  if (unit !== null) {
    const absence = m.map.absence(unit)
    if (absence !== null) {
      const why =
        absence.reason === 'dissolved'
          ? `dissolved on ${fromDayNumber(absence.dissolvedOn)} into ${absence.successor}`
          : `established only on ${fromDayNumber(absence.establishedOn)}`
      return E.left({
        _tag: 'UnitNotOnMap',
        unit,
        geography,
        message: `unit ${unit} does not exist on ${geography}: ${why}`,
      })
    }
  }
  return E.right(m)
}
