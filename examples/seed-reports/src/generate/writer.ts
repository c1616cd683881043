/**
 * What every seed generator shares: its random stream, its id factories and one typed method per
 * event, taking day numbers and epoch milliseconds (the generators' arithmetic) and writing the
 * event's JSON-form values.
 *
 * @module generate/writer
 */
import type {
  BusinessDate,
  Count,
  DebtScheme,
  LapseReason,
  Month,
  ParticipantId,
  PlanYear,
  PositiveCount,
  Reference,
  Scheme,
  UnitCode,
  UnitName,
  Vnd,
} from '@ansinh/core'
import { dateOf, monthString } from './calendar.js'
import { EventLog } from './events.js'
import type { UnitSpec } from './geography.js'
import { IdFactory, ParticipantIds } from './ids.js'
import { Rng } from '@ansinh/testing/prng'
import { type VoluntaryEmitter, officeInstant } from './voluntary.js'

/** Options every seed generator takes. */
export interface SeedOptions {
  /** The seed of every random choice; the default history uses 2020. */
  readonly seed: number
  /** Also generate the (large) health-insurance populations. */
  readonly includeHealth: boolean
}

/** The event writer of one seed. */
export class SeedWriter {
  readonly log: EventLog
  readonly rng: Rng
  readonly participantIds: ParticipantIds

  /** A writer for the seed `name`, issuing participant ids of province `provincePrefix`. */
  constructor(options: SeedOptions, name: string, provincePrefix: string) {
    this.log = new EventLog(new IdFactory(options.seed, name))
    this.rng = new Rng(options.seed, name)
    this.participantIds = new ParticipantIds(options.seed, provincePrefix)
  }

  /** UnitEstablished for each unit, recorded when the unit catalogue was loaded. */
  units(specs: readonly UnitSpec[], recordedAt: number, establishedOn: BusinessDate): void {
    for (const u of specs) {
      this.log.add('UnitEstablished', recordedAt, {
        code: u.code as UnitCode,
        name: u.name as UnitName,
        level: u.level,
        ...(u.parent === undefined ? {} : { parent: u.parent as UnitCode }),
        establishedOn,
      })
    }
  }

  /** QuotaAssigned, recorded a few days after it takes effect. */
  quota(
    unit: string,
    scheme: Scheme,
    year: number,
    target: number,
    assignedOn: number,
    assignedBy: string,
    decision: string,
  ): void {
    this.log.add('QuotaAssigned', officeInstant(assignedOn + this.rng.int(1, 4), this.rng), {
      unit: unit as UnitCode,
      scheme,
      year: year as PlanYear,
      target: target as Count,
      assignedOn: dateOf(assignedOn),
      assignedBy: assignedBy as Reference,
      decision: decision as Reference,
    })
  }

  /** PopulationEstimated, recorded on `recordedOn`. */
  population(
    unit: string,
    year: number,
    population: number,
    labourForce: number | null,
    source: string,
    recordedOn: number,
  ): void {
    this.log.add('PopulationEstimated', officeInstant(recordedOn, this.rng), {
      unit: unit as UnitCode,
      year: year as PlanYear,
      population: population as PositiveCount,
      ...(labourForce === null ? {} : { labourForce: labourForce as PositiveCount }),
      source: source as Reference,
    })
  }

  /** ParticipantEnrolled (`through` null: open-ended). */
  enrol(
    participantId: ParticipantId,
    scheme: Scheme,
    unit: string,
    from: number,
    through: number | null,
    recordedAt: number,
    by: { readonly agent?: string; readonly employer?: string },
  ): void {
    const participant = participantId
    const u = unit as UnitCode
    const coveredFrom = dateOf(from)
    const coveredThrough = through === null ? null : dateOf(through)
    // Literal shapes (no spreads): this runs once per enrolment, hundreds of thousands of times.
    if (by.employer !== undefined) {
      this.log.add('ParticipantEnrolled', recordedAt, {
        participantId: participant,
        scheme,
        unit: u,
        coveredFrom,
        coveredThrough,
        employer: by.employer as Reference,
      })
    } else if (by.agent !== undefined) {
      this.log.add('ParticipantEnrolled', recordedAt, {
        participantId: participant,
        scheme,
        unit: u,
        coveredFrom,
        coveredThrough,
        agent: by.agent as Reference,
      })
    } else {
      this.log.add('ParticipantEnrolled', recordedAt, {
        participantId: participant,
        scheme,
        unit: u,
        coveredFrom,
        coveredThrough,
      })
    }
  }

  /** ParticipantLapsed. */
  lapse(participantId: ParticipantId, scheme: Scheme, on: number, reason: LapseReason, recordedAt: number): void {
    this.log.add('ParticipantLapsed', recordedAt, { participantId, scheme, lapsedOn: dateOf(on), reason })
  }

  /** DebtRecorded for contribution month `period` (a month index). */
  debt(
    employer: string,
    unit: string,
    scheme: DebtScheme,
    period: number,
    amount: number,
    recordedOn: number,
    recordedAt: number,
  ): void {
    this.log.add('DebtRecorded', recordedAt, {
      employer: employer as Reference,
      unit: unit as UnitCode,
      scheme,
      period: monthString(period) as Month,
      amount: amount as Vnd,
      recordedOn: dateOf(recordedOn),
    })
  }

  /** DebtSettled. */
  settle(employer: string, scheme: DebtScheme, amount: number, settledOn: number, recordedAt: number): void {
    this.log.add('DebtSettled', recordedAt, {
      employer: employer as Reference,
      scheme,
      amount: amount as Vnd,
      settledOn: dateOf(settledOn),
    })
  }

  /** An emitter of voluntary timelines into this writer. */
  voluntary(): VoluntaryEmitter {
    return {
      enrol: (id, p) => this.enrol(id, 'voluntary', p.unit, p.from, p.through, p.recordedAt, { agent: p.agent }),
      lapse: (id, l) => this.lapse(id, 'voluntary', l.on, l.reason, l.recordedAt),
    }
  }
}

/** Splits `total` over `weights` into whole numbers summing exactly to `total` (largest remainder). */
export const apportion = (weights: readonly number[], total: number): number[] => {
  const sum = weights.reduce((a, b) => a + b, 0)
  const raw = weights.map((w) => (w / sum) * total)
  const out = raw.map(Math.floor)
  let left = total - out.reduce((a, b) => a + b, 0)
  const order = raw.map((r, i) => [r - Math.floor(r), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1])
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) out[order[k]![1]]!++
  return out
}

/** A pattern written as `'TTF'` (covered, covered, not covered at the checkpoints). */
export const pattern = (s: string): boolean[] => [...s].map((c) => c === 'T')
