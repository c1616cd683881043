/**
 * Plans and denominators: the small registers read by key. Each key holds few records (a plan
 * revised a few times, one estimate a year), so a scan of the key's records is the cheapest lookup.
 *
 * @module registers
 */
import { type PopulationEstimated, type QuotaAssigned, type Scheme, dayNumber } from '@ansinh/core'

/** One PopulationEstimated as the register keeps it. */
export interface Estimate {
  readonly year: number
  readonly population: number
  readonly labourForce: number | null
  readonly position: number
}

/** One PopulationEstimated as folded (what a known-at cut or a snapshot re-adds). */
export interface EstimateRecord {
  readonly unit: string
  readonly estimate: Estimate
  /** The event's 0-based index in the history. */
  readonly ordinal: number
}

/** Published denominators per unit. */
export class Denominators {
  private readonly byUnit = new Map<string, Estimate[]>()
  private readonly log: EstimateRecord[] = []

  /** Folds a PopulationEstimated in. */
  add(data: PopulationEstimated, position: number, ordinal = this.log.length): void {
    this.addRecord({
      unit: data.unit,
      estimate: { year: data.year, population: data.population, labourForce: data.labourForce ?? null, position },
      ordinal,
    })
  }

  /** Takes a record as {@link records} gives it. */
  addRecord(r: EstimateRecord): void {
    this.log.push(r)
    const list = this.byUnit.get(r.unit)
    if (list === undefined) this.byUnit.set(r.unit, [r.estimate])
    else list.push(r.estimate)
  }

  /** Every record folded, in fold order. */
  records(): readonly EstimateRecord[] {
    return this.log
  }

  /** The register of the records whose event was recorded by `knownAt`. */
  knownAt(recordedAt: Float64Array, knownAt: number): Denominators {
    const cut = new Denominators()
    for (const r of this.log) if (recordedAt[r.ordinal]! <= knownAt) cut.addRecord(r)
    return cut
  }

  /** The estimate of `unit` with the greatest year ≤ `year` (ties: later position), or null. */
  latest(unit: string, year: number): Estimate | null {
    let best: Estimate | null = null
    for (const e of this.byUnit.get(unit) ?? []) {
      if (e.year > year) continue
      // Stryker disable next-line EqualityOperator: `>=` is equivalent, two estimates never share a position (one event each)
      if (best === null || e.year > best.year || (e.year === best.year && e.position > best.position)) best = e
    }
    return best
  }
}

/** The denominator a scheme is measured against: population for health, else the labour force. */
export const denominatorOf = (estimate: Estimate, scheme: Scheme): number | null =>
  scheme === 'health' ? estimate.population : estimate.labourForce

interface Assignment {
  readonly assignedOn: number
  readonly target: number
  readonly position: number
}

/** One QuotaAssigned as folded: its key `unit|scheme|year` and assignment. */
export interface QuotaRecord {
  readonly key: string
  readonly assignedOn: number
  readonly target: number
  readonly position: number
  readonly ordinal: number
}

/** Plan targets per (unit, scheme, year). */
export class Quotas {
  private readonly byKey = new Map<string, Assignment[]>()
  private readonly log: QuotaRecord[] = []

  /** Folds a QuotaAssigned in. */
  add(data: QuotaAssigned, position: number, ordinal = this.log.length): void {
    this.addRecord({
      key: `${data.unit}|${data.scheme}|${data.year}`,
      assignedOn: dayNumber(data.assignedOn),
      target: data.target,
      position,
      ordinal,
    })
  }

  /** Takes a record as {@link records} gives it. */
  addRecord(r: QuotaRecord): void {
    this.log.push(r)
    const list = this.byKey.get(r.key)
    if (list === undefined) this.byKey.set(r.key, [r])
    else list.push(r)
  }

  /** Every record folded, in fold order. */
  records(): readonly QuotaRecord[] {
    return this.log
  }

  /** The register of the records whose event was recorded by `knownAt`. */
  knownAt(recordedAt: Float64Array, knownAt: number): Quotas {
    const cut = new Quotas()
    for (const r of this.log) if (recordedAt[r.ordinal]! <= knownAt) cut.addRecord(r)
    return cut
  }

  /** The target in force on `day`: greatest assignedOn ≤ day (ties: later position), or null. */
  target(unit: string, scheme: Scheme, year: number, day: number): number | null {
    let best: Assignment | null = null
    for (const a of this.byKey.get(`${unit}|${scheme}|${year}`) ?? []) {
      if (a.assignedOn > day) continue
      if (
        best === null ||
        a.assignedOn > best.assignedOn ||
        // Stryker disable next-line EqualityOperator: `>=` is equivalent, two assignments never share a position (one event each)
        (a.assignedOn === best.assignedOn && a.position > best.position)
      )
        best = a
    }
    return best === null ? null : best.target
  }
}
