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

/** Published denominators per unit. */
export class Denominators {
  private readonly byUnit = new Map<string, Estimate[]>()

  /** Folds a PopulationEstimated in. */
  add(data: PopulationEstimated, position: number): void {
    const estimate: Estimate = { year: data.year, population: data.population, labourForce: data.labourForce ?? null, position }
    const list = this.byUnit.get(data.unit)
    if (list === undefined) this.byUnit.set(data.unit, [estimate])
    else list.push(estimate)
  }

  /** The estimate of `unit` with the greatest year ≤ `year` (ties: later position), or null. */
  latest(unit: string, year: number): Estimate | null {
    let best: Estimate | null = null
    for (const e of this.byUnit.get(unit) ?? []) {
      if (e.year > year) continue
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

/** Plan targets per (unit, scheme, year). */
export class Quotas {
  private readonly byKey = new Map<string, Assignment[]>()

  /** Folds a QuotaAssigned in. */
  add(data: QuotaAssigned, position: number): void {
    const key = `${data.unit}|${data.scheme}|${data.year}`
    const assignment: Assignment = { assignedOn: dayNumber(data.assignedOn), target: data.target, position }
    const list = this.byKey.get(key)
    if (list === undefined) this.byKey.set(key, [assignment])
    else list.push(assignment)
  }

  /** The target in force on `day`: greatest assignedOn ≤ day (ties: later position), or null. */
  target(unit: string, scheme: Scheme, year: number, day: number): number | null {
    let best: Assignment | null = null
    for (const a of this.byKey.get(`${unit}|${scheme}|${year}`) ?? []) {
      if (a.assignedOn > day) continue
      if (best === null || a.assignedOn > best.assignedOn || (a.assignedOn === best.assignedOn && a.position > best.position)) best = a
    }
    return best === null ? null : best.target
  }
}
