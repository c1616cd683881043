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
import type { BusinessDate } from '@ansinh/core'
import { type Cause, type EventIds, type FieldDelta, type Step, KeyedSum, figuresOf, telescope } from './causes.js'
import { type AccountRecords, accountsOf } from './ledger.js'
import { PairRows } from './pairs.js'
import { type RevisionTriangle, endOfDayMillis, revisionTriangle } from './revisions.js'
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
  /**
   * A pair's contribution from its rows known so far: its enrolment rows and its lapse rows, each
   * list in row (position) order, whatever order they were recorded in.
   */
  readonly pair?: (
    ctx: PairContext,
    enrolments: readonly number[],
    lapses: readonly number[],
    scope: Scope,
  ) => Map<string, number>
  /**
   * Whether `pair` gives nothing for a pair none of whose enrolments names a unit of the scope (in
   * U's subtree or under one of U's children). The engine then does not ask `pair` about such a
   * pair (it gives nothing in its place), and never reads the pairs that have no such enrolment
   * known or late, when the scope cannot change on the way (no late geography record): a unit's
   * diff reads its own pairs, not every pair of the country.
   */
  readonly pairsOfScopeOnly?: boolean
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

/** A key of the sums (a pair, a plan key, an estimate unit, an account) and its contribution under a model. */
interface Key {
  readonly id: string | number
  readonly contribute: (model: FigureModel, scope: Scope) => Map<string, number>
}

interface Late {
  readonly ordinal: number
  readonly at: number
  readonly cause: Cause
  /** The unit record of a late geography record (null: a pair row, register record or account record). */
  readonly unit: UnitRecord | null
  /** Adds the record to its key's known records (a geography record: nothing, see {@link Figures.rescope}). */
  readonly insert: () => void
  /** The key whose contribution the record changes (null: a geography record). */
  readonly key: Key | null
}

/**
 * The records `known` says were known, grouped by key, with the other records of `after` waiting
 * as late records; `shape` says which kinds of keys the models read (its pair scheme, whether it
 * has quotas, estimates, accounts). Several models of the same shape can read one set.
 */
class KnownRecords {
  readonly late: Late[] = []
  readonly keys: Key[] = []
  /**
   * The pairs none of whose rows is late: their contribution is fixed until the scope changes,
   * so the figures add it to their totals without keeping it per pair (see {@link Figures}).
   * Most pairs of a diff are such: a coverage diff of a province reads hundreds of thousands.
   */
  readonly settled: number[] = []
  /** What a model reads of a pair of {@link settled}: every row of the pair (all known). */
  readonly contributeSettled: (model: FigureModel, scope: Scope, pair: number) => Map<string, number>
  readonly geography = new Geography()

  constructor(
    history: History,
    after: HistoryView,
    known: (ordinal: number) => boolean,
    shape: FigureModel,
    rows: PairRows = PairRows.of(after.participation),
  ) {
    const { recordedAt } = history.columns()
    const { late, keys, geography } = this
    for (const r of after.geography.records()) {
      if (known(r.ordinal)) geography.addRecord(r)
      else
        late.push({
          ordinal: r.ordinal,
          at: recordedAt[r.ordinal]!,
          cause: 'geography',
          unit: r,
          insert: () => undefined,
          key: null,
        })
    }

    // participant pairs
    const ctx: PairContext = { columns: rows.columns, rows }
    const c = rows.columns
    // a pair none of whose known enrolments names a unit of the scope gives nothing to such a model
    const contributePair = (
      m: FigureModel,
      scope: Scope,
      enrolments: readonly number[],
      lapses: readonly number[],
    ): Map<string, number> =>
      m.pairsOfScopeOnly === true && !enrolments.some((e) => namesScope(rows.unitOf(e), scope))
        ? new Map<string, number>()
        : m.pair!(ctx, enrolments, lapses, scope)
    this.contributeSettled = (m, scope, p) => {
      const lapsed = rows.lapsesOf(p)
      return contributePair(
        m,
        scope,
        Array.from(rows.enrolmentsOf(p)),
        lapsed.length === 0 ? NO_ROWS : Array.from(lapsed),
      )
    }
    const read = pairFilter(shape, geography, late.length > 0, rows)
    if (shape.pair !== undefined && shape.pairScheme !== null) {
      for (const p of rows.pairsOf(shape.pairScheme)) {
        if (read !== null && !read(p)) continue
        if (allKnown(rows.enrolmentsOf(p), c.enrEvent, known) && allKnown(rows.lapsesOf(p), c.lapEvent, known)) {
          this.settled.push(p)
          continue
        }
        const state: PairState = { enrolments: [], lapses: [] }
        const key: Key = {
          id: p,
          contribute: (m, scope) => contributePair(m, scope, state.enrolments, state.lapses),
        }
        keys.push(key)
        const lateRows: { row: number; lapse: boolean; ordinal: number }[] = []
        for (const e of rows.enrolmentsOf(p)) {
          if (known(c.enrEvent[e]!)) state.enrolments.push(e)
          else lateRows.push({ row: e, lapse: false, ordinal: c.enrEvent[e]! })
        }
        for (const l of rows.lapsesOf(p)) {
          if (known(c.lapEvent[l]!)) state.lapses.push(l)
          else lateRows.push({ row: l, lapse: true, ordinal: c.lapEvent[l]! })
        }
        if (lateRows.length === 0) continue
        lateRows.sort((a, b) => recordedAt[a.ordinal]! - recordedAt[b.ordinal]! || a.ordinal - b.ordinal)
        let enrolled = state.enrolments.length > 0
        for (const r of lateRows) {
          const cause: Cause = r.lapse ? 'late-lapse' : enrolled ? 'late-renewal' : 'late-enrolment'
          if (!r.lapse) enrolled = true
          late.push({
            ordinal: r.ordinal,
            at: recordedAt[r.ordinal]!,
            cause,
            unit: null,
            insert: () => insertSorted(r.lapse ? state.lapses : state.enrolments, r.row),
            key,
          })
        }
      }
    }

    // registers and accounts: one key each, its records known so far
    /** `r` into `list` now when known at the start, else a late record that inserts it, in ordinal order, when it arrives. */
    const place = <R extends { readonly ordinal: number }>(list: R[], r: R, cause: Cause, key: Key): void => {
      if (known(r.ordinal)) list.push(r)
      else
        late.push({
          ordinal: r.ordinal,
          at: recordedAt[r.ordinal]!,
          cause,
          unit: null,
          insert: () => {
            list.push(r)
            list.sort((a, b) => a.ordinal - b.ordinal)
          },
          key,
        })
    }
    const keyed = <R extends { readonly ordinal: number }>(
      records: Iterable<R>,
      keyOf: (r: R) => string,
      prefix: string,
      cause: Cause,
      contribute: ((m: FigureModel, rs: readonly R[], scope: Scope) => Map<string, number>) | null,
    ): void => {
      if (contribute === null) return
      const lists = new Map<string, { list: R[]; key: Key }>()
      for (const r of records) {
        const k = keyOf(r)
        let entry = lists.get(k)
        if (entry === undefined) {
          const list: R[] = []
          entry = { list, key: { id: `${prefix}${k}`, contribute: (m, scope) => contribute(m, list, scope) } }
          lists.set(k, entry)
          keys.push(entry.key)
        }
        place(entry.list, r, cause, entry.key)
      }
    }
    keyed(
      after.quotas.records(),
      (r) => r.key,
      'q|',
      'quota-revision',
      shape.quota === undefined ? null : (m, rs, scope) => m.quota!(rs, scope),
    )
    keyed(
      after.denominators.records(),
      (r) => r.unit,
      'd|',
      'late-estimate',
      shape.estimate === undefined ? null : (m, rs, scope) => m.estimate!(rs, scope),
    )
    if (shape.account !== undefined) {
      for (const [k, a] of accountsOf(after.debts)) {
        const mine: AccountRecords = { employer: a.employer, scheme: a.scheme, debts: [], settlements: [] }
        const key: Key = { id: `a|${k}`, contribute: (m, scope) => m.account!(mine, scope) }
        keys.push(key)
        for (const d of a.debts) place(mine.debts, d, 'late-debt', key)
        for (const s of a.settlements) place(mine.settlements, s, 'late-settlement', key)
      }
    }
  }
}

/** No rows: the lapses of the many pairs that have none. */
const NO_ROWS: readonly number[] = Object.freeze([])

/** Whether every row of `list` was made by a known event. */
const allKnown = (list: Int32Array, eventOf: Int32Array, known: (ordinal: number) => boolean): boolean => {
  for (let k = 0; k < list.length; k++) if (!known(eventOf[list[k]!]!)) return false
  return true
}

/** Whether a unit is in the scope's subtree or under one of its children. */
const namesScope = (unit: string, scope: Scope): boolean => scope.inUnit(unit) || scope.childrenOf(unit).length > 0

/**
 * Which pairs a model of {@link FigureModel.pairsOfScopeOnly} reads: those with an enrolment, known
 * or late, in a unit of its scope; null (every pair) for another model, a national one, or when a
 * late geography record may change the scope.
 */
const pairFilter = (
  shape: FigureModel,
  geography: Geography,
  geographyLate: boolean,
  rows: PairRows,
): ((pair: number) => boolean) | null => {
  if (shape.pairsOfScopeOnly !== true || shape.unit === null || geographyLate) return null
  const scope = scopeOf(geography, shape.unit)
  const codes = rows.participation.interned.unitCodes
  const inScope = new Uint8Array(codes.length)
  codes.forEach((code, u) => {
    if (namesScope(code, scope)) inScope[u] = 1
  })
  const { enrUnit } = rows.columns
  return (pair) => {
    for (const e of rows.enrolmentsOf(pair)) if (inScope[enrUnit[e]!] === 1) return true
    return false
  }
}

/** One model's sums over a set of known records, kept current as records are inserted. */
class Figures {
  readonly sums = new KeyedSum()
  private scope: Scope

  constructor(
    private readonly records: KnownRecords,
    readonly model: FigureModel,
  ) {
    this.scope = scopeOf(records.geography, model.unit)
    this.recomputeAll()
  }

  private recomputeAll(): void {
    this.sums.clear()
    const { settled, contributeSettled } = this.records
    for (let k = 0; k < settled.length; k++) this.sums.addFixed(contributeSettled(this.model, this.scope, settled[k]!))
    for (const key of this.records.keys) this.sums.set(key.id, key.contribute(this.model, this.scope))
  }

  /** Recomputes one key's contribution; whether a sum changed. */
  refresh(key: Key): boolean {
    return this.sums.set(key.id, key.contribute(this.model, this.scope))
  }

  /** After unit records were added to the geography: the new scope, every contribution recomputed. */
  rescope(): void {
    this.scope = scopeOf(this.records.geography, this.model.unit)
    this.recomputeAll()
  }

  /** The report body from the records applied so far. */
  body(): object {
    return this.model.derive(this.sums, this.scope, this.records.geography)
  }
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
  const records = new KnownRecords(history, after, known, model)
  const figures = new Figures(records, model)
  // geography first: a moved unit moves every figure
  const late = records.late.sort((a, b) =>
    (a.unit === null) === (b.unit === null) ? a.at - b.at || a.ordinal - b.ordinal : a.unit !== null ? -1 : 1,
  )
  const before = figures.body()
  const refOf = (ordinal: number): { id: string; position: number; recordedAt: string } => {
    const position = history.positionAt(ordinal)
    return { id: ids(position), position, recordedAt: instantOfMillis(recordedAt[ordinal]!) }
  }
  const steps = late.map((l): Step => ({
    ordinal: l.ordinal,
    cause: l.cause,
    apply: () => {
      if (l.unit !== null) {
        records.geography.addRecord(l.unit)
        figures.rescope()
        return true
      }
      l.insert()
      return figures.refresh(l.key!)
    },
  }))
  const fields = telescope(() => figuresOf(figures.body()), steps, refOf, model.missingAsZero)
  return { fields, before, after: figures.body() }
}

/**
 * The revision triangle of `field` over the as-of dates `asOfs` (increasing; see
 * {@link revisionTriangle}) from one reading of the history, without a known-at view per column:
 * the records known at the first column are grouped once, and the records recorded up to each
 * later column are inserted in the order they were recorded (the unit records of a column
 * together). Row r's figures (`modelOf(asOfs[r])`, every model of the same shape) start at column
 * r, its first cell, and are kept current from there: each key a column touched is recomputed once
 * per row. `missing` is the value of a field the body does not list (0 for an employer owing nothing).
 *
 * @example modelRevisions(history, 'participants', ends, (asOf) => planModel({ asOf, scheme, unit }))
 */
export const modelRevisions = (
  history: History,
  field: string,
  asOfs: readonly BusinessDate[],
  modelOf: (asOf: BusinessDate) => FigureModel,
  missing: number | null = null,
): RevisionTriangle => {
  const columns = asOfs.map((d, i) => (i === asOfs.length - 1 ? null : endOfDayMillis(d)))
  if (asOfs.length === 0) return revisionTriangle(field, asOfs, () => missing)
  const first = columns[0]!
  const { recordedAt } = history.columns()
  const models = asOfs.map(modelOf)
  const records = new KnownRecords(
    history,
    history.view(),
    first === null ? () => true : (o) => recordedAt[o]! <= first,
    models[0]!,
  )
  const late = records.late.sort((a, b) => a.at - b.at || a.ordinal - b.ordinal)
  const rows: Figures[] = []
  const cells = new Map<string, number | null>()
  let next = 0
  columns.forEach((cut, j) => {
    // every record up to the cut in, then each key touched recomputed once per row
    let units = false
    const touched = new Set<Key>()
    for (; next < late.length && (cut === null || late[next]!.at <= cut); next++) {
      const l = late[next]!
      if (l.unit !== null) {
        records.geography.addRecord(l.unit)
        units = true
      } else {
        l.insert()
        touched.add(l.key!)
      }
    }
    for (const figures of rows) {
      if (units) figures.rescope()
      else for (const key of touched) figures.refresh(key)
    }
    rows.push(new Figures(records, models[j]!))
    rows.forEach((figures, r) => cells.set(`${r}|${j}`, figuresOf(figures.body()).get(field) ?? missing))
  })
  const rowOf = new Map(asOfs.map((d, r) => [d, r]))
  return revisionTriangle(
    field,
    asOfs,
    (asOf, k) => cells.get(`${rowOf.get(asOf)}|${k === null ? columns.length - 1 : columns.indexOf(k)}`) ?? missing,
  )
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
