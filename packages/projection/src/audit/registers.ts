/**
 * The plan targets and denominators behind a figure: the QuotaAssigned in force and the ones it
 * replaced, the PopulationEstimated a denominator comes from.
 *
 * @module audit/registers
 */
import { fromDayNumber, type Scheme } from '@ansinh/core'
import type { HistoryView } from '../history.js'
import { type Estimate, type EstimateRecord, type QuotaRecord, denominatorOf } from '../registers.js'
import type { EventIds } from './causes.js'

/** A QuotaAssigned as an explanation lists it. */
export interface QuotaRef {
  readonly id: string
  readonly position: number
  readonly unit: string
  readonly assignedOn: string
  readonly target: number
  /** true for the assignment in force; false for the earlier ones it replaced. */
  readonly inForce: boolean
}

/** A PopulationEstimated as an explanation lists it. */
export interface EstimateRef {
  readonly id: string
  readonly position: number
  readonly unit: string
  readonly year: number
  readonly population: number
  readonly labourForce: number | null
  /** The denominator it gives for the scheme (null: the estimate lacks the field). */
  readonly denominator: number | null
}

/** The in-force quota for (unit, scheme, year) on `day` among `records`, or null; ties: later position. */
export const quotaInForce = (records: Iterable<QuotaRecord>, day: number): QuotaRecord | null => {
  let best: QuotaRecord | null = null
  for (const r of records) {
    if (r.assignedOn > day) continue
    if (
      best === null ||
      r.assignedOn > best.assignedOn ||
      (r.assignedOn === best.assignedOn && r.position > best.position)
    )
      best = r
  }
  return best
}

/** The quota records of (unit, scheme, year) in a view, in position order. */
export const quotaRecordsOf = (view: HistoryView, unit: string, scheme: Scheme, year: number): QuotaRecord[] => {
  const key = `${unit}|${scheme}|${year}`
  return view.quotas.records().filter((r) => r.key === key)
}

/** The quota in force (first) and the assignments dated by `day` it replaced (latest first). */
export const quotaRefs = (records: readonly QuotaRecord[], day: number, ids: EventIds): QuotaRef[] => {
  const inForce = quotaInForce(records, day)
  if (inForce === null) return []
  const unit = inForce.key.slice(0, inForce.key.indexOf('|'))
  const ref = (r: QuotaRecord, isInForce: boolean): QuotaRef => ({
    id: ids(r.position),
    position: r.position,
    unit,
    assignedOn: fromDayNumber(r.assignedOn),
    target: r.target,
    inForce: isInForce,
  })
  const replaced = records
    .filter((r) => r !== inForce && r.assignedOn <= day)
    .sort((a, b) => b.assignedOn - a.assignedOn || b.position - a.position)
  return [ref(inForce, true), ...replaced.map((r) => ref(r, false))]
}

/** The estimate a unit's denominator comes from: greatest year ≤ `year` (ties: later position), or null. */
export const estimateUsed = (records: Iterable<EstimateRecord>, unit: string, year: number): EstimateRecord | null => {
  let best: EstimateRecord | null = null
  for (const r of records) {
    const e: Estimate = r.estimate
    if (r.unit !== unit || e.year > year) continue
    if (
      best === null ||
      e.year > best.estimate.year ||
      (e.year === best.estimate.year && e.position > best.estimate.position)
    )
      best = r
  }
  return best
}

/** An estimate as an explanation lists it. */
export const estimateRef = (r: EstimateRecord, scheme: Scheme, ids: EventIds): EstimateRef => ({
  id: ids(r.estimate.position),
  position: r.estimate.position,
  unit: r.unit,
  year: r.estimate.year,
  population: r.estimate.population,
  labourForce: r.estimate.labourForce,
  denominator: denominatorOf(r.estimate, scheme),
})
