/**
 * Compulsory participants: open-ended enrolments with an employer (one event for most people),
 * ended by a lapse when someone leaves, with job changes as a lapse and a new enrolment on the same
 * day. Dates are first days of months, as employers report increases and decreases by month.
 *
 * The population is given as counts per pattern over three checkpoints (e.g. same date last year,
 * end of last year, as-of date), each pattern with its own date windows, so every count is exact by
 * construction; no checking and retrying is needed at this size.
 *
 * @module generate/compulsory
 */
import type { LapseReason, ParticipantId } from '@ansinh/core'
import { CATALOGUE_LOADED, day, firstDay } from './calendar.js'
import { ParticipantIds } from './ids.js'
import type { Rng } from '@ansinh/testing/prng'
import { officeInstant } from './voluntary.js'
import type { SeedWriter } from './writer.js'

/** An employer: its tax code and the district it reports in. */
export interface Employer {
  readonly code: string
  readonly unit: string
}

/** Employers with Zipf-like sizes, so a few large factories and many small firms share the workers. */
export class Employers {
  readonly list: Employer[] = []
  private readonly cumulative: Float64Array

  /** `count` employers with tax codes of `taxPrefix`, spread over `units` by weight. */
  constructor(count: number, taxPrefix: string, units: readonly (readonly [string, number])[], seed: number, rng: Rng) {
    const codes = new ParticipantIds(seed ^ 0x5eed, taxPrefix)
    this.cumulative = new Float64Array(count)
    let total = 0
    for (let k = 0; k < count; k++) {
      this.list.push({ code: codes.next(), unit: rng.weighted(units) })
      total += 1 / Math.pow(k + 1, 0.8)
      this.cumulative[k] = total
    }
  }

  /** An employer drawn in proportion to its size. */
  draw(rng: Rng): Employer {
    const x = rng.next() * this.cumulative[this.cumulative.length - 1]!
    let lo = 0,
      hi = this.cumulative.length - 1
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (this.cumulative[mid]! <= x) lo = mid + 1
      else hi = mid
    }
    return this.list[lo]!
  }
}

/** A month window `[from, to]` of month indexes. */
export type MonthWindow = readonly [number, number]

/** One group of compulsory participants. */
export interface EmploymentGroup {
  readonly count: number
  /** When they started with their (first) employer. */
  readonly start: MonthWindow | 'tenure'
  /** When they left (first day of a month in the window), if they did. */
  readonly leave?: MonthWindow
  /** When they started again with another employer after leaving, if they did. */
  readonly rejoin?: MonthWindow
  /** When they moved straight to another employer (same day), if they did. */
  readonly change?: MonthWindow
  /** A fixed employer for the whole group (a late report, a closure). */
  readonly employer?: Employer
  /** Days after publication on which the group's last event was recorded (a late record). */
  readonly lateDays?: readonly [number, number]
  /** Why the group left, when all left for the same reason (a closure). */
  readonly reason?: LapseReason
}

const GO_LIVE = day('2016-01-04')

const LEAVE_REASONS: readonly (readonly [LapseReason, number])[] = [
  ['other', 82],
  ['retired', 16],
  ['deceased', 2],
]

/** Generates compulsory participants into `w`. */
export class EmploymentGenerator {
  /** A generator for `employers`; tenure starts are drawn back from `tenureEnd` (a month index). */
  constructor(
    private readonly w: SeedWriter,
    private readonly employers: Employers,
    private readonly tenureEnd: number,
    private readonly knownAtDay: number,
  ) {}

  private recordStart(month: number, rng: Rng): number {
    const from = firstDay(month)
    // Records from before the central database were migrated into it when it went live.
    if (from < GO_LIVE) return Math.max(officeInstant(GO_LIVE + rng.int(0, 25), rng), CATALOGUE_LOADED + 60_000)
    return officeInstant(from + rng.int(0, 20), rng)
  }

  private tenureStart(rng: Rng): number {
    if (rng.chance(0.12)) return this.tenureEnd - rng.int(120, 340)
    return this.tenureEnd - Math.min(340, Math.floor(-Math.log(1 - rng.next()) * 55))
  }

  private pick(window: MonthWindow, rng: Rng): number {
    return rng.int(window[0], window[1])
  }

  /** Emits one group. */
  group(g: EmploymentGroup, ids: () => ParticipantId, rng: Rng): void {
    const w = this.w
    for (let k = 0; k < g.count; k++) {
      const id = ids()
      let employer = g.employer ?? this.employers.draw(rng)
      const start = g.start === 'tenure' ? this.tenureStart(rng) : this.pick(g.start, rng)
      let recorded = this.recordStart(start, rng)
      if (g.lateDays !== undefined && g.leave === undefined)
        recorded = officeInstant(this.knownAtDay + rng.int(g.lateDays[0], g.lateDays[1]), rng)
      w.enrol(id, 'compulsory', employer.unit, firstDay(start), null, recorded, { employer: employer.code })
      if (g.change !== undefined) {
        const month = this.pick(g.change, rng)
        const lapseAt = Math.max(officeInstant(firstDay(month) + rng.int(0, 6), rng), recorded + 86_400_000)
        w.lapse(id, 'compulsory', firstDay(month), 'other', lapseAt)
        employer = this.employers.draw(rng)
        recorded = lapseAt + rng.int(1, 12) * 86_400_000
        w.enrol(id, 'compulsory', employer.unit, firstDay(month), null, recorded, { employer: employer.code })
      }
      if (g.leave !== undefined) {
        const month = Math.max(this.pick(g.leave, rng), start + 1)
        const reason = g.reason ?? (g.rejoin === undefined ? rng.weighted(LEAVE_REASONS) : 'other')
        const at =
          g.lateDays !== undefined
            ? officeInstant(this.knownAtDay + rng.int(g.lateDays[0], g.lateDays[1]), rng)
            : Math.max(officeInstant(firstDay(month) + rng.int(-3, 10), rng), recorded + 86_400_000)
        w.lapse(id, 'compulsory', firstDay(month), reason, at)
        if (g.rejoin !== undefined) {
          const again = Math.max(this.pick(g.rejoin, rng), month + 1)
          const other = this.employers.draw(rng)
          w.enrol(
            id,
            'compulsory',
            other.unit,
            firstDay(again),
            null,
            Math.max(this.recordStart(again, rng), at + 86_400_000),
            { employer: other.code },
          )
        }
      }
    }
  }
}
