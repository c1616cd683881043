/**
 * Runs the reports the published figures come from and compares them with the figures: each figure
 * becomes a query (unit, scheme, as-of date, plan year, known at the end of the publication day),
 * queries shared by several figures run once.
 *
 * @module reports
 */
import { type BusinessDate, type DomainEvent, parseKnownAt } from '@ansinh/core'
import { History } from '@ansinh/projection'
import { type CoverageReport, coverageReport } from '@ansinh/projection-coverage'
import { type DebtReport, debtReport } from '@ansinh/projection-debt'
import { type PlanReport, planReport } from '@ansinh/projection-plan'
import { type AgentsReport, agentsReport } from '@ansinh/projection-agents'
import { type RevenueReport, revenueReport } from '@ansinh/projection-revenue'
import type { Scheme } from '@ansinh/core'
import { type Figure, reproduces } from './figures.js'

/** Any of the reports. */
export type AnyReport = PlanReport | CoverageReport | DebtReport | AgentsReport | RevenueReport

/** What a figure asks a report: the report kind and its query. */
export interface FigureQuery {
  readonly report: Figure['report']
  readonly unit: string
  readonly scheme: Figure['scheme']
  readonly asOf: BusinessDate
  readonly year: number | null
  /** Epoch milliseconds, or null for "as known today" (every event). */
  readonly knownAt: number | null
}

/** Something that answers report queries: the projection packages, or another implementation. */
export type ReportSource = (query: FigureQuery) => AnyReport

/** Answers queries with the projection packages over `events` (positions 1, 2, … in order). */
export const projectionSource = (events: readonly DomainEvent[]): ReportSource =>
  historySource(History.of(events.map((event, i) => ({ event, position: i + 1 }))))

/** Answers figure queries from an already built history (e.g. one read back from a store). */
export const historySource = (history: History): ReportSource => {
  return (q) => {
    switch (q.report) {
      case 'plan':
        return planReport(history, {
          asOf: q.asOf,
          scheme: q.scheme as Scheme,
          unit: q.unit,
          year: q.year,
          knownAt: q.knownAt,
        })
      case 'coverage':
        return coverageReport(history, { asOf: q.asOf, scheme: q.scheme!, unit: q.unit, knownAt: q.knownAt })
      case 'debt':
        return debtReport(history, {
          asOf: q.asOf,
          scheme: q.scheme as Scheme | null,
          unit: q.unit,
          knownAt: q.knownAt,
        })
      case 'agents':
        return agentsReport(history, { asOf: q.asOf, scheme: q.scheme as Scheme, unit: q.unit, knownAt: q.knownAt })
      case 'revenue':
        return revenueReport(history, {
          asOf: q.asOf,
          scheme: q.scheme as Scheme | null,
          unit: q.unit,
          year: q.year,
          knownAt: q.knownAt,
        })
    }
  }
}

/** The query behind a figure, as known at publication (or today, with `today`). */
export const queryOf = (figure: Figure, today = false): FigureQuery => ({
  report: figure.report,
  unit: figure.unit,
  scheme: figure.scheme,
  asOf: figure.asOf,
  year: figure.year ?? null,
  knownAt: today ? null : parseKnownAt(figure.knownAt),
})

/** A stable key of a query, to run each distinct query once. */
export const queryKey = (q: FigureQuery): string => JSON.stringify(q)

/**
 * The value at a field path of a report: `participants`, `bands.below50`, `children[20311].participants`
 * (a child row by unit code), `agents[BD-BINHTHUAN].rank` (an agent's place in the ranking, from 1);
 * null when the path names nothing or a non-number.
 */
export const select = (report: AnyReport, path: string): number | null => {
  let value: unknown = report
  for (const part of path.split('.')) {
    const child = /^children\[(\w+)\]$/.exec(part)
    const agent = /^agents\[([^\]]+)\]$/.exec(part)
    if (agent !== null) {
      const rows = (value as { agents?: readonly { agent: string }[] }).agents ?? []
      const k = rows.findIndex((r) => r.agent === agent[1])
      value = k < 0 ? undefined : { ...rows[k], rank: k + 1 }
    } else if (child !== null) {
      const rows = (value as { children?: readonly { unit: string }[] }).children
      value = rows?.find((r) => r.unit === child[1])
    } else value = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[part] : undefined
  }
  return typeof value === 'number' ? value : null
}

/** The outcome of checking one figure. */
export interface FigureCheck {
  readonly figure: Figure
  /** The published value. */
  readonly expected: number
  /** The computed value (unrounded), or null when the report has no such field. */
  readonly actual: number | null
  readonly ok: boolean
}

/** Runs each distinct query once (memoised by key). */
export const memoised = (source: ReportSource): ReportSource => {
  const cache = new Map<string, AnyReport>()
  return (q) => {
    const key = queryKey(q)
    let r = cache.get(key)
    if (r === undefined) cache.set(key, (r = source(q)))
    return r
  }
}

/** Checks figures against a report source, as known at each figure's publication. */
export const checkFigures = (source: ReportSource, figures: readonly Figure[]): FigureCheck[] => {
  const run = memoised(source)
  return figures.map((figure) => {
    const actual = select(run(queryOf(figure)), figure.field)
    return { figure, expected: figure.value, actual, ok: reproduces(figure, actual) }
  })
}
