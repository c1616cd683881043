/**
 * The debt-balance report: what employers of a unit's subtree still owe on the as-of date, by
 * scheme and by age, the credit paid beyond all debt, and who owes most.
 *
 * @module debt
 */
import * as E from 'fp-ts/lib/Either.js'
import { type DebtScheme, dayNumber, monthNumberOfDate } from '@ansinh/core'
import {
  type GeographyRefused,
  type History,
  type HistoryView,
  type ReportMap,
  checkedMapOf,
  mapOf,
  reportHeader,
  unitsOnMap,
} from '@ansinh/projection'
import {
  type Aging,
  type DebtChild,
  type DebtQuery,
  type DebtReport,
  type EmployerDebt,
  ageInMonths,
  agingBucket,
  compareEmployers,
} from './report.js'

/**
 * The debt-balance report on `query.asOf` for `query.unit` (null/absent: national) and
 * `query.scheme` (null/absent: every scheme), as known at `query.knownAt`, e.g.
 * `debtReport(history, { asOf: '2019-03-31', unit: '474' })`.
 */
export const debtReport = (history: History, query: DebtQuery): DebtReport => {
  const view = history.view(query.knownAt)
  return debtOn(view, mapOf(view, query), query)
}

/**
 * The debt report, or why it cannot be made on the map asked for (a `geography` before `asOf`, or
 * a unit that does not exist on that map).
 */
export const checkedDebtReport = (history: History, query: DebtQuery): E.Either<GeographyRefused, DebtReport> => {
  const view = history.view(query.knownAt)
  return E.map((m: ReportMap) => debtOn(view, m, query))(checkedMapOf(view, query))
}

/** The debt report on a chosen map: a debt (and credit) of unit u belongs to resolve_G(u). */
const debtOn = (view: HistoryView, { map, geography }: ReportMap, query: DebtQuery): DebtReport => {
  const unit = query.unit ?? null
  const scheme = query.scheme ?? null
  const asOfMonth = monthNumberOfDate(query.asOf)
  // a scheme no employer can owe (voluntary) simply matches no debt
  const units = unitsOnMap(map, unit)
  const inScope = units === null ? null : new Set(units)

  const byUnit = new Map<string, number>()
  const byScheme = { compulsory: 0, health: 0, unemployment: 0 }
  const aging: Record<keyof Aging, number> = { upTo3Months: 0, upTo6Months: 0, upTo12Months: 0, over12Months: 0 }
  const employers = new Map<string, { outstanding: number; oldestPeriod: string }>()
  let outstanding = 0
  // only debts of the subtree are visited, and every child's subtree lies within it
  const credits = view.debts.forEachBalance(
    dayNumber(query.asOf),
    scheme as DebtScheme | null,
    units,
    (employer, debtScheme, debtUnit, period, periodMonth, owed) => {
      byUnit.set(debtUnit, (byUnit.get(debtUnit) ?? 0) + owed)
      outstanding += owed
      byScheme[debtScheme] += owed
      aging[agingBucket(ageInMonths(asOfMonth, periodMonth))] += owed
      const e = employers.get(employer)
      if (e === undefined) employers.set(employer, { outstanding: owed, oldestPeriod: period })
      else {
        e.outstanding += owed
        if (period < e.oldestPeriod) e.oldestPeriod = period
      }
    },
  )
  let credit = 0
  for (const c of credits) if (inScope === null || (c.unit !== null && inScope.has(c.unit))) credit += c.amount

  const children = map.children(unit).map((child): DebtChild => {
    let sum = 0
    for (const code of map.countedIn(child)) sum += byUnit.get(code) ?? 0
    return { unit: child, name: map.name(child), outstanding: sum }
  })
  return {
    ...reportHeader('debt', { ...query, unit, scheme, geography }, view.basis),
    outstanding,
    byScheme,
    aging,
    credit,
    employers: [...employers]
      .map(([employer, e]): EmployerDebt => ({ employer, outstanding: e.outstanding, oldestPeriod: e.oldestPeriod }))
      .sort(compareEmployers),
    children,
  }
}
