/**
 * The engine behind every report's diff. A report describes its figures as sums of contributions
 * — one per participant pair, plan key, estimate unit or debt account, each a function of that
 * key's records and of the geography — and how its body derives from the sums. The engine starts
 * from the records known before, applies the late records one by one in the order they were
 * recorded (geography first: a moved unit moves every figure) and lets {@link telescope} say what
 * each record did to each field.
 *
 * @module audit/model
 */
import { instantOfMillis } from '@ansinh/core'
import { Geography, type UnitRecord } from '../geography.js'
import type { History, HistoryView } from '../history.js'
import type { ParticipationColumns } from '../participation.js'
import type { EstimateRecord, QuotaRecord } from '../registers.js'
import { type Cause, type EventIds, type FieldDelta, type Step, KeyedSum, figuresOf, telescope } from './causes.js'
import { type AccountRecords, accountsOf } from './ledger.js'
import { PairRows } from './pairs.js'
import { type Scope, scopeOf } from './scope.js'

/** What a contribution function gets to read a pair's rows. */
export interface PairContext {
  readonly columns: ParticipationColumns
  readonly rows: PairRows
}

/** How a report's figures are made of contributions, and how its body derives from their sums. */
export interface FigureModel {
  /** The report's unit (null: national). */
  readonly unit: string | null
  /** The scheme index of the pairs that count (null: no participant figures). */
  readonly pairScheme: number | null
  readonly pair?: (ctx: PairContext, enrolments: readonly number[], lapses: readonly number[], scope: Scope) => Map<string, number>
  readonly quota?: (records: readonly QuotaRecord[], scope: Scope) => Map<string, number>
  readonly estimate?: (records: readonly EstimateRecord[], scope: Scope) => Map<string, number>
  readonly account?: (account: AccountRecords, scope: Scope) => Map<string, number>
  /** The report body (figures, no header) from the sums. */
  readonly derive: (sums: KeyedSum, scope: Scope, geography: Geography) => object
  /** Fields that are 0 rather than null when absent (employers owing nothing are not listed). */
  readonly missingAsZero?: (field: string) => boolean
}

interface PairState {
  readonly enrolments: number[]
  readonly lapses: number[]
}

interface Late {
  readonly ordinal: number
  readonly at: number
  readonly geography: boolean
  readonly make: () => Step
}

/**
 * The fields that differ between what was known (`known(ordinal)`) and the view `after`, each with
 * the records that make its delta, grouped by cause. `before` and `after` bodies are returned too,
 * so a caller can check them against the reports.
 *
 * @example modelDiff(history, history.view(), (o) => recordedAt[o] <= a, planModel(query), ids)
 */
export const modelDiff = (
  history: History,
  after: HistoryView,
  known: (ordinal: number) => boolean,
  model: FigureModel,
  ids: EventIds,
): { readonly fields: FieldDelta[]; readonly before: object; readonly after: object } => {
  const { recordedAt } = history.columns()
  const geography = new Geography()
  const lateGeography: UnitRecord[] = []
  for (const r of after.geography.records()) {
    if (known(r.ordinal)) geography.addRecord(r)
    else lateGeography.push(r)
  }
  let scope = scopeOf(geography, model.unit)
  const sums = new KeyedSum()
  const late: Late[] = []

  // participant pairs
  const rows = PairRows.of(after.participation)
  const ctx: PairContext = { columns: rows.columns, rows }
  const c = rows.columns
  const pairs = new Map<number, PairState>()
  if (model.pair !== undefined && model.pairScheme !== null) {
    const contribution = model.pair
    for (let p = 0; p < rows.pairs; p++) {
      if (rows.schemeOf(p) !== model.pairScheme) continue
      const state: PairState = { enrolments: [], lapses: [] }
      pairs.set(p, state)
      const lateRows: { row: number; lapse: boolean; ordinal: number }[] = []
      for (const e of rows.enrolmentsOf(p)) {
        if (known(c.enrEvent[e]!)) state.enrolments.push(e)
        else lateRows.push({ row: e, lapse: false, ordinal: c.enrEvent[e]! })
      }
      for (const l of rows.lapsesOf(p)) {
        if (known(c.lapEvent[l]!)) state.lapses.push(l)
        else lateRows.push({ row: l, lapse: true, ordinal: c.lapEvent[l]! })
      }
      lateRows.sort((a, b) => recordedAt[a.ordinal]! - recordedAt[b.ordinal]! || a.ordinal - b.ordinal)
      let enrolled = state.enrolments.length > 0
      for (const r of lateRows) {
        const cause: Cause = r.lapse ? 'late-lapse' : enrolled ? 'late-renewal' : 'late-enrolment'
        if (!r.lapse) enrolled = true
        late.push({
          ordinal: r.ordinal,
          at: recordedAt[r.ordinal]!,
          geography: false,
          make: () => ({
            ordinal: r.ordinal,
            cause,
            apply: () => {
              if (r.lapse) insertSorted(state.lapses, r.row)
              else insertSorted(state.enrolments, r.row)
              return sums.set(p, contribution(ctx, state.enrolments, state.lapses, scope))
            },
          }),
        })
      }
    }
  }

  // registers and accounts: one key each, its records known so far
  const keyed = <R extends { readonly ordinal: number }>(records: Iterable<R>, keyOf: (r: R) => string, prefix: string, cause: Cause, contribution: ((rs: readonly R[], scope: Scope) => Map<string, number>) | undefined): Map<string, R[]> => {
    const out = new Map<string, R[]>()
    if (contribution === undefined) return out
    for (const r of records) {
      const key = keyOf(r)
      let list = out.get(key)
      if (list === undefined) out.set(key, (list = []))
      if (known(r.ordinal)) list.push(r)
      else {
        late.push({
          ordinal: r.ordinal,
          at: recordedAt[r.ordinal]!,
          geography: false,
          make: () => ({
            ordinal: r.ordinal,
            cause,
            apply: () => {
              list.push(r)
              list.sort((a, b) => a.ordinal - b.ordinal)
              return sums.set(`${prefix}${key}`, contribution(list, scope))
            },
          }),
        })
      }
    }
    return out
  }
  const quotas = keyed(after.quotas.records(), (r) => r.key, 'q|', 'quota-revision', model.quota)
  const estimates = keyed(after.denominators.records(), (r) => r.unit, 'd|', 'late-estimate', model.estimate)
  const accounts = new Map<string, { readonly all: AccountRecords; readonly known: AccountRecords }>()
  if (model.account !== undefined) {
    const contribution = model.account
    for (const [key, a] of accountsOf(after.debts)) {
      const mine: AccountRecords = { employer: a.employer, scheme: a.scheme, debts: [], settlements: [] }
      accounts.set(key, { all: a, known: mine })
      const add = (list: { ordinal: number }[], r: { ordinal: number }, cause: Cause): void => {
        if (known(r.ordinal)) list.push(r)
        else
          late.push({
            ordinal: r.ordinal,
            at: recordedAt[r.ordinal]!,
            geography: false,
            make: () => ({
              ordinal: r.ordinal,
              cause,
              apply: () => {
                list.push(r)
                list.sort((x, y) => x.ordinal - y.ordinal)
                return sums.set(`a|${key}`, contribution(mine, scope))
              },
            }),
          })
      }
      for (const d of a.debts) add(mine.debts, d, 'late-debt')
      for (const s of a.settlements) add(mine.settlements, s, 'late-settlement')
    }
  }

  const recomputeAll = (): void => {
    sums.clear()
    if (model.pair !== undefined) for (const [p, s] of pairs) sums.set(p, model.pair(ctx, s.enrolments, s.lapses, scope))
    if (model.quota !== undefined) for (const [k, list] of quotas) sums.set(`q|${k}`, model.quota(list, scope))
    if (model.estimate !== undefined) for (const [k, list] of estimates) sums.set(`d|${k}`, model.estimate(list, scope))
    if (model.account !== undefined) for (const [k, a] of accounts) sums.set(`a|${k}`, model.account(a.known, scope))
  }
  recomputeAll()

  for (const r of lateGeography) {
    late.push({
      ordinal: r.ordinal,
      at: recordedAt[r.ordinal]!,
      geography: true,
      make: () => ({
        ordinal: r.ordinal,
        cause: 'geography',
        apply: () => {
          geography.addRecord(r)
          scope = scopeOf(geography, model.unit)
          recomputeAll()
          return true
        },
      }),
    })
  }
  late.sort((a, b) => (a.geography === b.geography ? 0 : a.geography ? -1 : 1) || a.at - b.at || a.ordinal - b.ordinal)

  const bodyNow = (): object => model.derive(sums, scope, geography)
  const before = bodyNow()
  const refOf = (ordinal: number): { id: string; position: number; recordedAt: string } => {
    const position = history.positionAt(ordinal)
    return { id: ids(position), position, recordedAt: instantOfMillis(recordedAt[ordinal]!) }
  }
  const fields = telescope(() => figuresOf(bodyNow()), late.map((l) => l.make()), refOf, model.missingAsZero)
  return { fields, before, after: bodyNow() }
}

/** Inserts `x` into the increasing array `a`. */
const insertSorted = (a: number[], x: number): void => {
  let i = a.length
  a.push(x)
  while (i > 0 && a[i - 1]! > x) {
    a[i] = a[i - 1]!
    i--
  }
  a[i] = x
}
