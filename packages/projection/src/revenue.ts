/**
 * Collections and revenue plans (agents-revenue, version 2). Each ContributionCollected is a row of
 * typed columns (unit, scheme, day, amount, the event's ordinal); the first question after a change
 * sorts them per (unit, scheme) and nationally per scheme with running sums, so the money of any
 * period is two binary searches per unit of the subtree. Plans are a small register read by key
 * (a plan is revised a few times a year), like the quotas.
 *
 * @module revenue
 */
import type { ContributionCollected, RevenuePlanAssigned } from '@ansinh/core'
import { FloatColumn, IntColumn, dayOf } from './columns.js'
import { SCHEME_INDEX } from './participation.js'

/** One RevenuePlanAssigned as folded (what a known-at cut or a snapshot re-adds). */
export interface RevenuePlanRecord {
  readonly unit: string
  readonly year: number
  readonly amount: number
  readonly assignedOn: number
  readonly position: number
  readonly ordinal: number
}

/** The columns of collections (what a snapshot keeps). */
export interface CollectionColumns {
  readonly unit: Int32Array
  readonly scheme: Int32Array
  readonly day: Int32Array
  readonly amount: Float64Array
  readonly event: Int32Array
}

/** Unit codes of collections, interned; shared by a view and its known-at cuts. */
export interface CollectionUnits {
  readonly codes: string[]
  readonly ids: Map<string, number>
}

/** Days sorted within each group and the running sum of amounts (`sums[k]`: the group's amounts before k). */
interface Sums {
  readonly offsets: Int32Array
  readonly days: Int32Array
  readonly sums: Float64Array
}

/** Collections and plans of one view. */
export class Revenue {
  private readonly units: CollectionUnits
  private readonly unit = new IntColumn()
  private readonly scheme = new IntColumn()
  private readonly day = new IntColumn()
  private readonly amount = new FloatColumn()
  private readonly event = new IntColumn()
  private readonly plans: RevenuePlanRecord[] = []
  private readonly plansByKey = new Map<string, RevenuePlanRecord[]>()
  private index: { rows: number; byUnit: Sums; national: Sums } | null = null

  constructor(units?: CollectionUnits) {
    this.units = units ?? { codes: [], ids: new Map() }
  }

  /** The interned unit codes (shared with known-at copies). */
  get interned(): CollectionUnits {
    return this.units
  }

  /** How many collections are folded. */
  get collections(): number {
    return this.event.length
  }

  /** Folds a ContributionCollected in. */
  addCollection(data: ContributionCollected, ordinal: number): void {
    let u = this.units.ids.get(data.unit)
    if (u === undefined) {
      u = this.units.codes.length
      this.units.codes.push(data.unit)
      this.units.ids.set(data.unit, u)
    }
    this.addRow(u, SCHEME_INDEX[data.scheme], dayOf(data.collectedOn), data.amount, ordinal)
  }

  private addRow(unit: number, scheme: number, day: number, amount: number, ordinal: number): void {
    this.unit.push(unit)
    this.scheme.push(scheme)
    this.day.push(day)
    this.amount.push(amount)
    this.event.push(ordinal)
  }

  /** Folds a RevenuePlanAssigned in. */
  addPlan(data: RevenuePlanAssigned, position: number, ordinal: number): void {
    this.addPlanRecord({
      unit: data.unit,
      year: data.year,
      amount: data.amount,
      assignedOn: dayOf(data.assignedOn),
      position,
      ordinal,
    })
  }

  /** Takes a plan record as {@link planRecords} gives it. */
  addPlanRecord(r: RevenuePlanRecord): void {
    this.plans.push(r)
    const key = `${r.unit}|${r.year}`
    const list = this.plansByKey.get(key)
    if (list === undefined) this.plansByKey.set(key, [r])
    else list.push(r)
  }

  /** Every plan record, in fold order. */
  planRecords(): readonly RevenuePlanRecord[] {
    return this.plans
  }

  /** The collection columns (views). */
  columns(): CollectionColumns {
    return {
      unit: this.unit.view(),
      scheme: this.scheme.view(),
      day: this.day.view(),
      amount: this.amount.view(),
      event: this.event.view(),
    }
  }

  /** Collections and plans restored from a snapshot. */
  static restore(codes: readonly string[], c: CollectionColumns, plans: readonly RevenuePlanRecord[]): Revenue {
    const r = new Revenue({ codes: [...codes], ids: new Map(codes.map((code, i) => [code, i])) })
    r.unit.adopt(c.unit)
    r.scheme.adopt(c.scheme)
    r.day.adopt(c.day)
    r.amount.adopt(c.amount)
    r.event.adopt(c.event)
    for (const p of plans) r.addPlanRecord(p)
    return r
  }

  /** The rows whose event was recorded by the cut-off. */
  knownAt(recordedAt: Float64Array, knownAt: number): Revenue {
    const cut = new Revenue(this.units)
    const event = this.event.view()
    for (let i = 0; i < event.length; i++) {
      if (recordedAt[event[i]!]! <= knownAt)
        cut.addRow(this.unit.at(i), this.scheme.at(i), this.day.at(i), this.amount.at(i), event[i]!)
    }
    for (const p of this.plans) if (recordedAt[p.ordinal]! <= knownAt) cut.addPlanRecord(p)
    return cut
  }

  /**
   * The money collected per scheme (indexes of `SCHEME_INDEX`) with collectedOn in
   * [fromDay, toDay] and the unit one of `units` (null: anywhere).
   */
  collected(units: readonly string[] | null, fromDay: number, toDay: number): [number, number, number, number] {
    const out: [number, number, number, number] = [0, 0, 0, 0]
    if (toDay < fromDay) return out
    const ix = this.built()
    if (units === null) {
      for (let s = 0; s < 4; s++) out[s] = between(ix.national, s, fromDay, toDay)
      return out
    }
    for (const code of units) {
      const u = this.units.ids.get(code)
      if (u === undefined) continue
      for (let s = 0; s < 4; s++) out[s]! += between(ix.byUnit, u * 4 + s, fromDay, toDay)
    }
    return out
  }

  /** The plan of (unit, year) in force on `day`: greatest assignedOn ≤ day (ties: later position), or null. */
  target(unit: string, year: number, day: number): number | null {
    let best: RevenuePlanRecord | null = null
    for (const p of this.plansByKey.get(`${unit}|${year}`) ?? []) {
      if (p.assignedOn > day) continue
      if (
        best === null ||
        p.assignedOn > best.assignedOn ||
        (p.assignedOn === best.assignedOn && p.position > best.position)
      )
        best = p
    }
    return best === null ? null : best.amount
  }

  private built(): { byUnit: Sums; national: Sums } {
    const rows = this.event.length
    if (this.index !== null && this.index.rows === rows) return this.index
    const unit = this.unit.view(),
      scheme = this.scheme.view()
    const unitKeys = new Int32Array(rows)
    for (let i = 0; i < rows; i++) unitKeys[i] = unit[i]! * 4 + scheme[i]!
    this.index = {
      rows,
      byUnit: sums(unitKeys, this.units.codes.length * 4, this.day.view(), this.amount.view()),
      national: sums(scheme, 4, this.day.view(), this.amount.view()),
    }
    return this.index
  }
}

/** Groups rows by key (values in [0, groups)), sorts each group by day, and sums the amounts along. */
const sums = (keys: Int32Array, groups: number, day: Int32Array, amount: Float64Array): Sums => {
  const n = keys.length
  const offsets = new Int32Array(groups + 1)
  for (let i = 0; i < n; i++) offsets[keys[i]! + 1]!++
  for (let g = 0; g < groups; g++) offsets[g + 1]! += offsets[g]!
  const fill = offsets.slice(0, groups)
  const order = new Int32Array(n)
  for (let i = 0; i < n; i++) order[fill[keys[i]!]!++] = i
  const days = new Int32Array(n)
  const running = new Float64Array(n + groups)
  for (let g = 0; g < groups; g++) {
    const lo = offsets[g]!,
      hi = offsets[g + 1]!
    const part = Array.from(order.subarray(lo, hi)).sort((a, b) => day[a]! - day[b]! || a - b)
    let sum = 0
    for (let k = 0; k < part.length; k++) {
      days[lo + k] = day[part[k]!]!
      running[lo + g + k] = sum
      sum += amount[part[k]!]!
    }
    running[lo + g + part.length] = sum
  }
  return { offsets, days, sums: running }
}

/** The money of group `key` with days in [fromDay, toDay]. */
const between = (s: Sums, key: number, fromDay: number, toDay: number): number => {
  if (key + 1 >= s.offsets.length) return 0
  const lo = s.offsets[key]!,
    hi = s.offsets[key + 1]!
  const a = firstAbove(s.days, lo, hi, fromDay - 1),
    b = firstAbove(s.days, lo, hi, toDay)
  // running sums of group g sit at [lo + g, hi + g]
  const g = key
  return s.sums[b + g]! - s.sums[a + g]!
}

/** The first index of the sorted range `a[lo, hi)` whose value is > x (hi when none). */
const firstAbove = (a: Int32Array, lo: number, hi: number, x: number): number => {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (a[mid]! <= x) lo = mid + 1
    else hi = mid
  }
  return lo
}
