/**
 * The auditor's questions about a debt-balance report: which debts make a figure
 * ({@link explainDebt}: each debt with the settlements that paid it, their outstanding amounts
 * adding up to the figure), why it moved between two knowledge times ({@link diffDebt}), how it
 * was revised ({@link debtRevisions}) and whether a saved report still holds ({@link reproduceDebt}).
 *
 * @module audit
 */
import * as E from 'fp-ts/lib/Either.js'
import { type BusinessDate, type DebtScheme, type Scheme, dayNumber, monthNumberOfDate } from '@ansinh/core'
import {
  type AccountCredit,
  type AuditError,
  type ChainEvidence,
  type DebtAllocation,
  type EventIds,
  type Every,
  type Explanation,
  type FigureModel,
  type History,
  type HistoryView,
  type ReportDiff,
  type Reproduction,
  type RevisionTriangle,
  type Scope,
  accountsOf,
  allocateAccount,
  figuresOf,
  modelDiff,
  modelRevisions,
  periodEnds,
  recordList,
  reproduction,
  savedQuestion,
  scopeOf,
} from '@ansinh/projection'
import { debtReport } from './debt.js'
import {
  type Aging,
  type ByScheme,
  type DebtChild,
  type DebtQuery,
  type DebtReport,
  type EmployerDebt,
  ageInMonths,
  agingBucket,
} from './report.js'

const notAFigure = (field: string, message: string): E.Either<AuditError, never> =>
  E.left({ _tag: 'NotAFigure', field, message })

/** The fields {@link explainDebt} explains (`CODE`: a child unit, `EMPLOYER`: an employer listed). */
export const DEBT_FIELDS: readonly string[] = [
  'outstanding',
  'byScheme.compulsory',
  'byScheme.health',
  'byScheme.unemployment',
  'aging.upTo3Months',
  'aging.upTo6Months',
  'aging.upTo12Months',
  'aging.over12Months',
  'credit',
  'employers.EMPLOYER.outstanding',
  'children.CODE.outstanding',
]

/** A debt as an explanation lists it. */
export interface DebtRef {
  readonly id: string
  readonly position: number
  readonly employer: string
  readonly scheme: DebtScheme
  readonly unit: string
  readonly period: string
  readonly amount: number
  readonly paid: number
  readonly outstanding: number
  readonly settlements: readonly { readonly id: string; readonly position: number; readonly amount: number }[]
}

/** A credit (money paid beyond every debt) as an explanation lists it. */
export interface CreditRef {
  readonly employer: string
  readonly scheme: DebtScheme
  /** The unit of the employer's latest debt record, or null (national only). */
  readonly unit: string | null
  readonly amount: number
  readonly settlements: readonly { readonly id: string; readonly position: number; readonly amount: number }[]
}

/** Every owing debt and every credit of the view on the day, per account. */
const balances = (view: HistoryView, day: number): { debts: DebtAllocation[]; credits: AccountCredit[] } => {
  const debts: DebtAllocation[] = []
  const credits: AccountCredit[] = []
  for (const a of accountsOf(view.debts).values()) {
    const r = allocateAccount(a, day)
    for (const d of r.debts) if (d.outstanding > 0) debts.push(d)
    if (r.credit !== null) credits.push(r.credit)
  }
  return { debts, credits }
}

const inCredit = (scope: Scope, c: AccountCredit): boolean =>
  scope.unit === null || (c.unit !== null && scope.inUnit(c.unit))

/**
 * The debts behind one field of the debt report of `query` — their outstanding amounts add up to
 * the figure — or, for `credit`, the settlements paid beyond every debt. E.g.
 * `explainDebt(history, { asOf: '2019-03-31', unit: '481' }, 'aging.over12Months', ids)`.
 */
export const explainDebt = (
  history: History,
  query: DebtQuery,
  field: string,
  ids: EventIds,
): E.Either<AuditError, Explanation> => {
  const report = debtReport(history, query)
  const view = history.view(query.knownAt)
  const unit = query.unit ?? null
  const scheme = (query.scheme ?? null) as DebtScheme | null
  const scope = scopeOf(view.geography, unit)
  const asOfMonth = monthNumberOfDate(query.asOf)
  const { debts, credits } = balances(view, dayNumber(query.asOf))
  const mine = debts.filter((d) => (scheme === null || d.debt.scheme === scheme) && scope.inUnit(d.debt.unit))
  const paidBy = (ps: DebtAllocation['payments']) =>
    ps.map((p) => ({ id: ids(p.settlement.position), position: p.settlement.position, amount: p.amount }))
  const list = (value: number, which: (d: DebtAllocation) => boolean): Explanation => {
    const chosen = mine.filter(which).sort((a, b) => a.debt.position - b.debt.position)
    const count = chosen.reduce((s, d) => s + d.outstanding, 0)
    return recordList('debts', value, count, chosen.length, () =>
      chosen.map((d): DebtRef => ({
        id: ids(d.debt.position),
        position: d.debt.position,
        employer: d.debt.employer,
        scheme: d.debt.scheme,
        unit: d.debt.unit,
        period: d.debt.period,
        amount: d.debt.amount,
        paid: d.paid,
        outstanding: d.outstanding,
        settlements: paidBy(d.payments),
      })),
    )
  }
  const [head, key, leaf] = field.split('.')
  if (field === 'outstanding') return E.right(list(report.outstanding, () => true))
  if (head === 'byScheme' && leaf === undefined && key !== undefined && Object.hasOwn(report.byScheme, key))
    return E.right(list(report.byScheme[key as keyof ByScheme], (d) => d.debt.scheme === key))
  if (head === 'aging' && leaf === undefined && key !== undefined && Object.hasOwn(report.aging, key)) {
    return E.right(
      list(
        report.aging[key as keyof Aging],
        (d) => agingBucket(ageInMonths(asOfMonth, monthNumberOfDate(`${d.debt.period}-01`))) === key,
      ),
    )
  }
  if (head === 'children' && leaf === 'outstanding') {
    const child = report.children.find((c) => c.unit === key)
    if (child === undefined)
      return notAFigure(
        field,
        `${key} is not a child unit of ${unit ?? 'the nation'} (children: ${report.children.map((c) => c.unit).join(', ') || 'none'})`,
      )
    return E.right(list(child.outstanding, (d) => scope.childrenOf(d.debt.unit).includes(child.unit)))
  }
  if (head === 'employers' && leaf === 'outstanding') {
    const employer = report.employers.find((e) => e.employer === key)
    if (employer === undefined) return notAFigure(field, `employer ${key} owes nothing here on ${query.asOf}`)
    return E.right(list(employer.outstanding, (d) => d.debt.employer === key))
  }
  if (field === 'credit') {
    const chosen = credits.filter((c) => (scheme === null || c.scheme === scheme) && inCredit(scope, c))
    const refs = chosen.map((c): CreditRef => ({
      employer: c.employer,
      scheme: c.scheme,
      unit: c.unit,
      amount: c.amount,
      settlements: paidBy(c.payments),
    }))
    return E.right(
      recordList(
        'credits',
        report.credit,
        refs.reduce((s, c) => s + c.amount, 0),
        refs.length,
        () => refs,
      ),
    )
  }
  return notAFigure(field, `not a figure of the debt report; one of ${DEBT_FIELDS.join(', ')}`)
}

/** The debt report's figures as sums over (employer, scheme) accounts (what {@link diffDebt} telescopes). */
export const debtModel = (query: DebtQuery): FigureModel => {
  const unit = query.unit ?? null
  const scheme = (query.scheme ?? null) as DebtScheme | null
  const day = dayNumber(query.asOf)
  const asOfMonth = monthNumberOfDate(query.asOf)
  return {
    unit,
    pairScheme: null,
    account: (account, scope) => {
      const m = new Map<string, number>()
      if (scheme !== null && account.scheme !== scheme) return m
      const add = (k: string, v: number): void => void m.set(k, (m.get(k) ?? 0) + v)
      const r = allocateAccount(account, day)
      for (const d of r.debts) {
        if (d.outstanding <= 0 || !scope.inUnit(d.debt.unit)) continue
        add('outstanding', d.outstanding)
        add(`s|${d.debt.scheme}`, d.outstanding)
        add(`g|${agingBucket(ageInMonths(asOfMonth, monthNumberOfDate(`${d.debt.period}-01`)))}`, d.outstanding)
        add(`e|${d.debt.employer}`, d.outstanding)
        for (const ch of scope.childrenOf(d.debt.unit)) add(`c|${ch}`, d.outstanding)
      }
      if (r.credit !== null && inCredit(scope, r.credit)) add('credit', r.credit.amount)
      return m
    },
    derive: (sums, scope, geography) => {
      const byScheme: ByScheme = {
        compulsory: sums.get('s|compulsory'),
        health: sums.get('s|health'),
        unemployment: sums.get('s|unemployment'),
      }
      const aging: Aging = {
        upTo3Months: sums.get('g|upTo3Months'),
        upTo6Months: sums.get('g|upTo6Months'),
        upTo12Months: sums.get('g|upTo12Months'),
        over12Months: sums.get('g|over12Months'),
      }
      return {
        outstanding: sums.get('outstanding'),
        byScheme,
        aging,
        credit: sums.get('credit'),
        // only the numbers take part in a diff, by employer: the oldest period is text, the order moot
        employers: sums
          .names('e|')
          .map((e): EmployerDebt => ({ employer: e, outstanding: sums.get(`e|${e}`), oldestPeriod: '' }))
          .filter((e) => e.outstanding > 0),
        children: scope.children.map((ch): DebtChild => ({
          unit: ch,
          name: geography.nameOf(ch),
          outstanding: sums.get(`c|${ch}`),
        })),
      }
    },
    missingAsZero: (field) => field.startsWith('employers.'),
  }
}

/**
 * The debt report of `query` as known at `before` and at `after` (null: now), and for every field
 * that differs the late debts and settlements that make the delta (they add up to each delta).
 * E.g. `diffDebt(history, { asOf: '2019-03-31', unit: '481' }, k, null, ids)`.
 */
export const diffDebt = (
  history: History,
  query: Omit<DebtQuery, 'knownAt'>,
  before: number,
  after: number | null,
  ids: EventIds,
): E.Either<AuditError, ReportDiff<DebtReport>> => {
  if (after !== null && after < before)
    return E.left({ _tag: 'BadKnownAt', message: 'the first --known-at must not be later than the second' })
  const { recordedAt } = history.columns()
  const { fields } = modelDiff(
    history,
    history.view(after),
    (o) => recordedAt[o]! <= before,
    debtModel({ ...query, knownAt: after }),
    ids,
  )
  return E.right({
    before: debtReport(history, { ...query, knownAt: before }),
    after: debtReport(history, { ...query, knownAt: after }),
    fields,
  })
}

/**
 * The revision triangle of one field of the debt report over the month (or quarter) ends of
 * `from..to`. E.g. `debtRevisions(history, { unit: '481' }, 'outstanding', '2019-01-01', '2019-06-30', 'month')`.
 */
export const debtRevisions = (
  history: History,
  query: Omit<DebtQuery, 'knownAt' | 'asOf'>,
  field: string,
  from: string,
  to: string,
  every: Every,
): E.Either<AuditError, RevisionTriangle> => {
  const ends = periodEnds(from, to, every)
  if (E.isLeft(ends)) return ends
  const probe = figuresOf(debtReport(history, { ...query, asOf: ends.right[0]! }))
  if (!probe.has(field) && !field.startsWith('employers.'))
    return notAFigure(field, `not a figure of the debt report; e.g. ${[...probe.keys()].slice(0, 6).join(', ')}`)
  return E.right(
    modelRevisions(
      history,
      field,
      ends.right,
      (asOf: BusinessDate) => debtModel({ ...query, asOf, knownAt: null }),
      field.startsWith('employers.') ? 0 : null,
    ),
  )
}

/**
 * Whether a saved debt report still holds against the store's chain evidence.
 * E.g. `reproduceDebt(history, JSON.parse(text), evidence)` → `Right({ outcome: 'reproduced', … })`.
 */
export const reproduceDebt = (
  history: History,
  saved: unknown,
  evidence: ChainEvidence,
): E.Either<AuditError, Reproduction> => {
  const q = savedQuestion(saved)
  if (E.isLeft(q)) return q
  const question = q.right
  if (question.report !== 'debt')
    return E.left({ _tag: 'NotAReport', field: 'report', message: `not a debt report (got "${question.report}")` })
  const recomputed = debtReport(history, {
    asOf: question.asOf as BusinessDate,
    scheme: question.scheme as Scheme | null,
    unit: question.unit,
    knownAt: question.knownAt,
    geography: question.geography as BusinessDate | null,
  })
  return E.right(reproduction(question, saved as object, recomputed, evidence))
}
