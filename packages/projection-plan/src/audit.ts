/**
 * The auditor's questions about a plan-achievement report: which records make a figure
 * ({@link explainPlan}), why it moved between two knowledge times ({@link diffPlan}), how it was
 * revised ({@link planRevisions}) and whether a saved report still holds ({@link reproducePlan}).
 * Each answers with a value; the shared machinery is `@ansinh/projection`'s audit module.
 *
 * @module audit
 */
import * as E from 'fp-ts/lib/Either.js'
import {
  type BusinessDate,
  type Scheme,
  dayNumber,
  endOfYear,
  sameDateLastYear,
  startOfYear,
  yearOf,
} from '@ansinh/core'
import {
  type AuditError,
  type ReportDiff,
  type ChainEvidence,
  type EventIds,
  type Explanation,
  type FigureModel,
  type History,
  type HistoryView,
  type ParticipantQuestion,
  type Reproduction,
  type RevisionTriangle,
  type Every,
  type Scope,
  SCHEME_INDEX,
  countingRow,
  figuresOf,
  firstRow,
  formula,
  modelDiff,
  modelRevisions,
  participantList,
  periodEnds,
  quotaInForce,
  quotaRecordsOf,
  quotaRefs,
  ratioOf,
  recordList,
  reproduction,
  savedQuestion,
} from '@ansinh/projection'
import { planReport } from './plan.js'
import { type PlanChild, type PlanQuery, type PlanReport, planBands } from './report.js'

/** Why an audit question about a plan report cannot be answered. */
export type PlanAuditError = AuditError

const notAFigure = (field: string, message: string): E.Either<AuditError, never> =>
  E.left({ _tag: 'NotAFigure', field, message })

const FIELDS = [
  'target',
  'participants',
  'achievement',
  'remaining',
  'expiringBeforeYearEnd',
  'recruitsNeeded',
  'sameDateLastYear',
  'changeVsSameDate',
  'changeVsSameDatePct',
  'endOfPreviousYear',
  'changeVsEndOfPreviousYear',
  'newInYear',
  'bands.withTarget',
  'bands.met',
  'bands.belowTarget',
  'bands.below50',
  'bands.zero',
  'children.CODE.target',
  'children.CODE.participants',
  'children.CODE.achievement',
] as const

/** The fields {@link explainPlan} explains (`CODE`: a child unit's code). */
export const PLAN_FIELDS: readonly string[] = FIELDS

/**
 * The records behind one field of the plan report of `query`, e.g. the 7,215 participants of
 * Bình Thuận: `explainPlan(history, { asOf: '2020-09-30', scheme: 'voluntary', unit: '60', knownAt }, 'participants', ids)`
 * gives `Right({ kind: 'records', records: 'participants', value: 7215, count: 7215, … })`.
 * A ratio or difference is a formula over its parts' explanations.
 */
export const explainPlan = (
  history: History,
  query: PlanQuery,
  field: string,
  ids: EventIds,
): E.Either<PlanAuditError, Explanation> => {
  const report = planReport(history, query)
  const view = history.view(query.knownAt)
  const unit = query.unit ?? null
  const { scheme } = query
  const year = report.year
  const day = dayNumber(query.asOf)
  const people = (u: string | null, question: ParticipantQuestion, value: number): Explanation => {
    const list = participantList(history, view, u, scheme, question, ids)
    return recordList('participants', value, list.count, list.count, () => list.records())
  }
  const target = (u: string | null, value: number | null): Explanation => {
    const refs = u === null ? [] : quotaRefs(quotaRecordsOf(view, u, scheme, year), day, ids)
    return recordList('quotas', value, refs[0]?.target ?? null, refs.length, () => refs)
  }
  const counted = (d: string): ParticipantQuestion => ({ kind: 'counted', day: dayNumber(d) })
  const participants = people(unit, counted(query.asOf), report.participants)
  const childOf = (code: string): PlanChild | undefined => report.children.find((c) => c.unit === code)
  const parts = field.split('.')
  if (parts[0] === 'children' && parts.length === 3) {
    const child = childOf(parts[1]!)
    if (child === undefined)
      return notAFigure(
        field,
        `${parts[1]} is not a child unit of ${unit ?? 'the nation'} (children: ${report.children.map((c) => c.unit).join(', ') || 'none'})`,
      )
    const p = (): Explanation => people(child.unit, counted(query.asOf), child.participants)
    switch (parts[2]) {
      case 'participants':
        return E.right(p())
      case 'target':
        return E.right(target(child.unit, child.target))
      case 'achievement':
        return E.right(
          formula(
            'participants / target',
            child.achievement,
            { participants: p(), target: target(child.unit, child.target) },
            (c) => ratioOf(c.participants!, c.target!),
          ),
        )
    }
    return notAFigure(field, `a child's figures are target, participants and achievement (got "${parts[2]}")`)
  }
  if (parts[0] === 'bands' && parts.length === 2 && Object.hasOwn(report.bands, parts[1]!)) {
    const band = parts[1] as keyof PlanReport['bands']
    const inBand = report.children
      .filter((c) => (c.target ?? 0) > 0)
      .filter((c) => {
        const a = c.participants / c.target!
        return (
          band === 'withTarget' ||
          (band === 'met' && a >= 1) ||
          (band === 'belowTarget' && a < 1) ||
          (band === 'below50' && a < 0.5) ||
          (band === 'zero' && c.participants === 0)
        )
      })
    return E.right(recordList('children', report.bands[band], inBand.length, inBand.length, () => inBand))
  }
  const lastYear = (): Explanation => people(unit, counted(sameDateLastYear(query.asOf)), report.sameDateLastYear)
  const previousYearEnd = (): Explanation => people(unit, counted(endOfYear(year - 1)), report.endOfPreviousYear)
  const expiring = (): Explanation =>
    people(unit, { kind: 'expiring', day, laterDay: dayNumber(endOfYear(year)) }, report.expiringBeforeYearEnd)
  switch (field) {
    case 'participants':
      return E.right(participants)
    case 'target':
      return E.right(target(unit, report.target))
    case 'achievement':
      return E.right(
        formula(
          'participants / target',
          report.achievement,
          { participants, target: target(unit, report.target) },
          (c) => ratioOf(c.participants!, c.target!),
        ),
      )
    case 'remaining':
      return E.right(
        formula(
          'max(0, target − participants)',
          report.remaining,
          { target: target(unit, report.target), participants },
          (c) => (c.target == null ? null : Math.max(0, c.target - c.participants!)),
        ),
      )
    case 'expiringBeforeYearEnd':
      return E.right(expiring())
    case 'recruitsNeeded':
      return E.right(
        formula(
          'max(0, target − (participants − expiringBeforeYearEnd))',
          report.recruitsNeeded,
          { target: target(unit, report.target), participants, expiringBeforeYearEnd: expiring() },
          (c) => (c.target == null ? null : Math.max(0, c.target - (c.participants! - c.expiringBeforeYearEnd!))),
        ),
      )
    case 'sameDateLastYear':
      return E.right(lastYear())
    case 'changeVsSameDate':
      return E.right(
        formula(
          'participants − sameDateLastYear',
          report.changeVsSameDate,
          { participants, sameDateLastYear: lastYear() },
          (c) => c.participants! - c.sameDateLastYear!,
        ),
      )
    case 'changeVsSameDatePct':
      return E.right(
        formula(
          '(participants − sameDateLastYear) / sameDateLastYear',
          report.changeVsSameDatePct,
          { participants, sameDateLastYear: lastYear() },
          (c) => ratioOf(c.participants! - c.sameDateLastYear!, c.sameDateLastYear!),
        ),
      )
    case 'endOfPreviousYear':
      return E.right(previousYearEnd())
    case 'changeVsEndOfPreviousYear':
      return E.right(
        formula(
          'participants − endOfPreviousYear',
          report.changeVsEndOfPreviousYear,
          { participants, endOfPreviousYear: previousYearEnd() },
          (c) => c.participants! - c.endOfPreviousYear!,
        ),
      )
    case 'newInYear':
      return E.right(people(unit, { kind: 'new', fromDay: dayNumber(startOfYear(year)), toDay: day }, report.newInYear))
  }
  return notAFigure(field, `not a figure of the plan report; one of ${FIELDS.join(', ')}`)
}

/** The plan report's figures as sums over pairs and plan keys (the model {@link diffPlan} telescopes). */
export const planModel = (query: PlanQuery): FigureModel => {
  const unit = query.unit ?? null
  const year = query.year ?? yearOf(query.asOf)
  const day = dayNumber(query.asOf)
  const yearEnd = dayNumber(endOfYear(year))
  const lastYearDay = dayNumber(sameDateLastYear(query.asOf))
  const previousYearEnd = dayNumber(endOfYear(year - 1))
  const yearStart = dayNumber(startOfYear(year))
  const suffix = `|${query.scheme}|${year}`
  return {
    unit,
    pairScheme: SCHEME_INDEX[query.scheme],
    pairsOfScopeOnly: true,
    pair: ({ columns: c, rows }, enr, lap, scope) => {
      const m = new Map<string, number>()
      // a pair none of whose enrolments is in the unit's subtree counts in none of its figures:
      // the engine does not ask (pairsOfScopeOnly)
      const row = countingRow(c, enr, lap, day)
      if (row >= 0) {
        const u = rows.unitOf(row)
        if (scope.inUnit(u)) {
          m.set('participants', 1)
          if (day < yearEnd && countingRow(c, enr, lap, yearEnd) < 0) m.set('expiring', 1)
        }
        for (const ch of scope.childrenOf(u)) m.set(`c|${ch}`, 1)
      }
      const ly = countingRow(c, enr, lap, lastYearDay)
      if (ly >= 0 && scope.inUnit(rows.unitOf(ly))) m.set('lastYear', 1)
      const ep = countingRow(c, enr, lap, previousYearEnd)
      if (ep >= 0 && scope.inUnit(rows.unitOf(ep))) m.set('previousYearEnd', 1)
      const first = firstRow(c, enr)
      if (c.enrFrom[first]! >= yearStart && c.enrFrom[first]! <= day && scope.inUnit(rows.unitOf(first)))
        m.set('new', 1)
      return m
    },
    quota: (records) => {
      const m = new Map<string, number>()
      const r = records[0]
      if (r === undefined || !r.key.endsWith(suffix)) return m
      const inForce = quotaInForce(records, day)
      if (inForce !== null) {
        const u = r.key.slice(0, r.key.indexOf('|'))
        m.set(`t|${u}`, inForce.target)
        m.set(`#t|${u}`, 1)
      }
      return m
    },
    derive: (sums, scope: Scope, geography) => {
      const targetOf = (u: string | null): number | null =>
        u === null || sums.get(`#t|${u}`) === 0 ? null : sums.get(`t|${u}`)
      const target = targetOf(unit)
      const participants = sums.get('participants')
      const expiring = sums.get('expiring')
      const lastYear = sums.get('lastYear')
      const endOfPreviousYear = sums.get('previousYearEnd')
      const children = scope.children.map((ch): PlanChild => {
        const t = targetOf(ch)
        const p = sums.get(`c|${ch}`)
        return { unit: ch, name: geography.nameOf(ch), target: t, participants: p, achievement: ratioOf(p, t) }
      })
      return {
        target,
        participants,
        achievement: ratioOf(participants, target),
        remaining: target === null ? null : Math.max(0, target - participants),
        expiringBeforeYearEnd: expiring,
        recruitsNeeded: target === null ? null : Math.max(0, target - (participants - expiring)),
        sameDateLastYear: lastYear,
        changeVsSameDate: participants - lastYear,
        changeVsSameDatePct: ratioOf(participants - lastYear, lastYear),
        endOfPreviousYear,
        changeVsEndOfPreviousYear: participants - endOfPreviousYear,
        newInYear: sums.get('new'),
        children,
        bands: planBands(children),
      }
    },
  }
}

/**
 * The plan report of `query` as known at `before` and at `after` (null: now), and for every
 * field that differs the records that make the delta, grouped by cause; the causes add up to each
 * delta. E.g. `diffPlan(history, { asOf: '2020-09-30', scheme: 'voluntary', unit: '60' }, k, null, ids)`.
 */
export const diffPlan = (
  history: History,
  query: Omit<PlanQuery, 'knownAt'>,
  before: number,
  after: number | null,
  ids: EventIds,
): E.Either<PlanAuditError, ReportDiff<PlanReport>> => {
  if (after !== null && after < before)
    return E.left({ _tag: 'BadKnownAt', message: 'the first --known-at must not be later than the second' })
  const { recordedAt } = history.columns()
  const view: HistoryView = history.view(after)
  const { fields } = modelDiff(
    history,
    view,
    (o) => recordedAt[o]! <= before,
    planModel({ ...query, knownAt: after }),
    ids,
  )
  return E.right({
    before: planReport(history, { ...query, knownAt: before }),
    after: planReport(history, { ...query, knownAt: after }),
    fields,
  })
}

/**
 * The revision triangle of one field of the plan report: as-of dates at the end of every month
 * (or quarter) of `from..to`, as known at the end of each, the last column now. E.g.
 * `planRevisions(history, { scheme: 'voluntary', unit: '60' }, 'participants', '2020-01-01', '2020-12-31', 'month')`.
 */
export const planRevisions = (
  history: History,
  query: Omit<PlanQuery, 'knownAt' | 'asOf'>,
  field: string,
  from: string,
  to: string,
  every: Every,
): E.Either<PlanAuditError, RevisionTriangle> => {
  const ends = periodEnds(from, to, every)
  if (E.isLeft(ends)) return ends
  const probe = figuresOf(planReport(history, { ...query, asOf: ends.right[0]! }))
  if (!probe.has(field))
    return notAFigure(field, `not a figure of the plan report; e.g. ${[...probe.keys()].slice(0, 6).join(', ')}`)
  return E.right(
    modelRevisions(history, field, ends.right, (asOf: BusinessDate) => planModel({ ...query, asOf, knownAt: null })),
  )
}

/**
 * Whether the saved plan report `saved` (its `--format json` output, parsed) still holds: it is
 * recomputed from its own question and checked against the store's chain evidence.
 * E.g. `reproducePlan(history, JSON.parse(text), evidence)` → `Right({ outcome: 'reproduced', … })`.
 */
export const reproducePlan = (
  history: History,
  saved: unknown,
  evidence: ChainEvidence,
): E.Either<PlanAuditError, Reproduction> => {
  const q = savedQuestion(saved)
  if (E.isLeft(q)) return q
  const question = q.right
  if (question.report !== 'plan')
    return E.left({ _tag: 'NotAReport', field: 'report', message: `not a plan report (got "${question.report}")` })
  const recomputed = planReport(history, {
    asOf: question.asOf as BusinessDate,
    scheme: question.scheme as Scheme,
    unit: question.unit,
    year: question.year,
    knownAt: question.knownAt,
    geography: question.geography as BusinessDate | null,
  })
  return E.right(reproduction(question, saved as object, recomputed, evidence))
}
