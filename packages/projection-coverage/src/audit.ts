/**
 * The auditor's questions about a coverage report: which records make a figure
 * ({@link explainCoverage}), why it moved between two knowledge times ({@link diffCoverage}), how
 * it was revised ({@link coverageRevisions}) and whether a saved report still holds
 * ({@link reproduceCoverage}). The shared machinery is `@ansinh/projection`'s audit module.
 *
 * @module audit
 */
import * as E from 'fp-ts/lib/Either.js'
import { type BusinessDate, type Scheme, dayNumber, yearOf } from '@ansinh/core'
import {
  type AuditError,
  type ChainEvidence,
  type EventIds,
  type Every,
  type Explanation,
  type FigureModel,
  type History,
  type HistoryView,
  type ReportDiff,
  type Reproduction,
  type RevisionTriangle,
  SCHEME_INDEX,
  countingRow,
  denominatorOf,
  estimateRef,
  estimateUsed,
  figuresOf,
  formula,
  modelDiff,
  modelRevisions,
  participantList,
  periodEnds,
  ratioOf,
  recordList,
  reproduction,
  revisionTriangle,
  savedQuestion,
} from '@ansinh/projection'
import { coverageReport } from './coverage.js'
import type { CoverageChild, CoverageQuery as AnyCoverageQuery, CoverageReport } from './report.js'

/**
 * The coverage questions the audit functions take: one scheme. (Coverage of scheme `any` has no
 * explain, diff or revisions yet: its participants are counted across four pair sets.)
 */
type CoverageQuery = AnyCoverageQuery & { readonly scheme: Scheme }

const notAFigure = (field: string, message: string): E.Either<AuditError, never> =>
  E.left({ _tag: 'NotAFigure', field, message })

/** The fields {@link explainCoverage} explains (`CODE`: a child unit's code). */
export const COVERAGE_FIELDS: readonly string[] = [
  'participants',
  'denominator',
  'rate',
  'children.CODE.participants',
  'children.CODE.denominator',
  'children.CODE.rate',
]

/**
 * The records behind one field of the coverage report of `query`: the participants of a count,
 * the PopulationEstimated of a denominator (national: one per province), a rate as the formula
 * over both. E.g. `explainCoverage(history, { asOf: '2024-09-30', scheme: 'health', unit: '60' }, 'rate', ids)`.
 */
export const explainCoverage = (
  history: History,
  query: CoverageQuery,
  field: string,
  ids: EventIds,
): E.Either<AuditError, Explanation> => {
  const report = coverageReport(history, query)
  const view = history.view(query.knownAt)
  const unit = query.unit ?? null
  const { scheme } = query
  const year = yearOf(query.asOf)
  const day = dayNumber(query.asOf)
  const people = (u: string | null, value: number): Explanation => {
    const list = participantList(history, view, u, scheme, { kind: 'counted', day }, ids)
    return recordList('participants', value, list.count, list.count, () => list.records())
  }
  const estimates = (units: readonly string[], value: number | null): Explanation => {
    const used = units.map((u) => estimateUsed(view.denominators.records(), u, year))
    const refs = used.flatMap((r) => (r === null ? [] : [estimateRef(r, scheme, ids)]))
    const count =
      units.length === 0 || refs.length < units.length || refs.some((r) => r.denominator === null)
        ? null
        : refs.reduce((a, r) => a + r.denominator!, 0)
    return recordList('estimates', value, count, refs.length, () => refs)
  }
  const denominator = (u: string | null, value: number | null): Explanation =>
    estimates(u === null ? view.geography.children(null) : [u], value)
  const parts = field.split('.')
  if (parts[0] === 'children' && parts.length === 3) {
    const child = report.children.find((c) => c.unit === parts[1])
    if (child === undefined)
      return notAFigure(
        field,
        `${parts[1]} is not a child unit of ${unit ?? 'the nation'} (children: ${report.children.map((c) => c.unit).join(', ') || 'none'})`,
      )
    switch (parts[2]) {
      case 'participants':
        return E.right(people(child.unit, child.participants))
      case 'denominator':
        return E.right(denominator(child.unit, child.denominator))
      case 'rate':
        return E.right(
          formula(
            'participants / denominator',
            child.rate,
            {
              participants: people(child.unit, child.participants),
              denominator: denominator(child.unit, child.denominator),
            },
            (c) => ratioOf(c.participants!, c.denominator ?? null),
          ),
        )
    }
    return notAFigure(field, `a child's figures are participants, denominator and rate (got "${parts[2]}")`)
  }
  switch (field) {
    case 'participants':
      return E.right(people(unit, report.participants))
    case 'denominator':
      return E.right(denominator(unit, report.denominator))
    case 'rate':
      return E.right(
        formula(
          'participants / denominator',
          report.rate,
          { participants: people(unit, report.participants), denominator: denominator(unit, report.denominator) },
          (c) => ratioOf(c.participants!, c.denominator ?? null),
        ),
      )
  }
  return notAFigure(field, `not a figure of the coverage report; one of ${COVERAGE_FIELDS.join(', ')}`)
}

/** The coverage report's figures as sums over pairs and estimate units (what {@link diffCoverage} telescopes). */
export const coverageModel = (query: CoverageQuery): FigureModel => {
  const unit = query.unit ?? null
  const year = yearOf(query.asOf)
  const day = dayNumber(query.asOf)
  const { scheme } = query
  return {
    unit,
    pairScheme: SCHEME_INDEX[scheme],
    pairsOfScopeOnly: true,
    pair: ({ columns: c, rows }, enr, lap, scope) => {
      const m = new Map<string, number>()
      // a pair none of whose enrolments is in the unit's subtree counts in none of its figures:
      // the engine does not ask (pairsOfScopeOnly)
      const row = countingRow(c, enr, lap, day)
      if (row < 0) return m
      const u = rows.unitOf(row)
      if (scope.inUnit(u)) m.set('participants', 1)
      for (const ch of scope.childrenOf(u)) m.set(`c|${ch}`, 1)
      return m
    },
    estimate: (records) => {
      const m = new Map<string, number>()
      const first = records[0]
      if (first === undefined) return m
      const used = estimateUsed(records, first.unit, year)
      const value = used === null ? null : denominatorOf(used.estimate, scheme)
      if (used !== null && value !== null) {
        m.set(`d|${first.unit}`, value)
        m.set(`#d|${first.unit}`, 1)
      }
      return m
    },
    derive: (sums, scope, geography) => {
      const den = (u: string): number | null => (sums.get(`#d|${u}`) === 0 ? null : sums.get(`d|${u}`))
      const participants = sums.get('participants')
      // the denominator's year is a header field: diffs compare figures
      const roots = scope.children
      const denominator =
        unit !== null
          ? den(unit)
          : roots.length === 0 || roots.some((r) => den(r) === null)
            ? null
            : roots.reduce((a, r) => a + den(r)!, 0)
      return {
        participants,
        denominator,
        rate: ratioOf(participants, denominator),
        children: scope.children.map((ch): CoverageChild => {
          const p = sums.get(`c|${ch}`)
          const d = den(ch)
          return { unit: ch, name: geography.nameOf(ch), participants: p, denominator: d, rate: ratioOf(p, d) }
        }),
      }
    },
  }
}

/**
 * The coverage report of `query` as known at `before` and at `after` (null: now), and for every
 * field that differs the records that make the delta, by cause (they add up to each delta).
 * E.g. `diffCoverage(history, { asOf: '2023-08-31', scheme: 'voluntary', unit: '279' }, k, null, ids)`.
 */
export const diffCoverage = (
  history: History,
  query: Omit<CoverageQuery, 'knownAt'>,
  before: number,
  after: number | null,
  ids: EventIds,
): E.Either<AuditError, ReportDiff<CoverageReport>> => {
  if (after !== null && after < before)
    return E.left({ _tag: 'BadKnownAt', message: 'the first --known-at must not be later than the second' })
  const { recordedAt } = history.columns()
  const view: HistoryView = history.view(after)
  const { fields } = modelDiff(
    history,
    view,
    (o) => recordedAt[o]! <= before,
    coverageModel({ ...query, knownAt: after }),
    ids,
  )
  return E.right({
    before: coverageReport(history, { ...query, knownAt: before }),
    after: coverageReport(history, { ...query, knownAt: after }),
    fields,
  })
}

/**
 * The revision triangle of one field of the coverage report over the month (or quarter) ends of
 * `from..to`. E.g. `coverageRevisions(history, { scheme: 'health', unit: '60' }, 'rate', '2024-01-01', '2024-12-31', 'quarter')`.
 */
export const coverageRevisions = (
  history: History,
  query: Omit<AnyCoverageQuery, 'knownAt' | 'asOf'>,
  field: string,
  from: string,
  to: string,
  every: Every,
): E.Either<AuditError, RevisionTriangle> => {
  const ends = periodEnds(from, to, every)
  if (E.isLeft(ends)) return ends
  const probe = figuresOf(coverageReport(history, { ...query, asOf: ends.right[0]! }))
  if (!probe.has(field))
    return notAFigure(field, `not a figure of the coverage report; e.g. ${[...probe.keys()].slice(0, 6).join(', ')}`)
  if (query.scheme === 'any') {
    // people over every scheme are not sums over pairs: each cell is the report as known then
    return E.right(
      revisionTriangle(
        field,
        ends.right,
        (asOf: BusinessDate, knownAt) =>
          figuresOf(coverageReport(history, { ...query, asOf, knownAt })).get(field) ?? null,
      ),
    )
  }
  const scheme = query.scheme
  return E.right(
    modelRevisions(history, field, ends.right, (asOf: BusinessDate) =>
      coverageModel({ ...query, scheme, asOf, knownAt: null }),
    ),
  )
}

/**
 * Whether a saved coverage report still holds against the store's chain evidence.
 * E.g. `reproduceCoverage(history, JSON.parse(text), evidence)` → `Right({ outcome: 'reproduced', … })`.
 */
export const reproduceCoverage = (
  history: History,
  saved: unknown,
  evidence: ChainEvidence,
): E.Either<AuditError, Reproduction> => {
  const q = savedQuestion(saved)
  if (E.isLeft(q)) return q
  const question = q.right
  if (question.report !== 'coverage')
    return E.left({ _tag: 'NotAReport', field: 'report', message: `not a coverage report (got "${question.report}")` })
  if (question.scheme === null)
    return E.left({ _tag: 'NotAReport', field: 'scheme', message: 'a coverage report has a scheme (got null)' })
  const recomputed = coverageReport(history, {
    asOf: question.asOf as BusinessDate,
    scheme: question.scheme as Scheme,
    unit: question.unit,
    knownAt: question.knownAt,
    geography: question.geography as BusinessDate | null,
  })
  return E.right(reproduction(question, saved as object, recomputed, evidence))
}
