/**
 * The employers of a generated province: where they are, how big, and the debts they run up and
 * settle. Settlements never exceed what the generator knows is owed, so they obey the write rule.
 *
 * @module employers
 */
import { type DomainEvent, daysToCivil } from '@ansinh/core'
import type { Rng } from '@ansinh/testing/prng'
import { type ProvinceLayout, drawCommune, employerReference } from './province.js'
import type { Calendar, Recorder } from './recorder.js'

const DEBT_SCHEMES = ['compulsory', 'health', 'unemployment'] as const
/** Chance per month that an employer falls behind for a scheme, and the monthly contribution per employee. */
const DEBT_CHANCE = [0.1, 0.06, 0.04]
const CONTRIBUTION = [1_100_000, 230_000, 100_000]

/** The employers: where they are, how big, and what each owes per scheme (as the generator tracks it). */
export class EmployerBook {
  private readonly unit: Uint16Array
  private readonly size: Uint16Array
  private readonly owed: Float64Array
  /** Employers by the day of the month they settle their accounts (1–28). */
  private readonly byDay: number[][] = Array.from({ length: 29 }, () => [])

  constructor(
    employers: number,
    private readonly layout: ProvinceLayout,
    private readonly rng: Rng,
    private readonly recorder: Recorder,
    private readonly calendar: Calendar,
  ) {
    const n = employers
    this.unit = new Uint16Array(n)
    this.size = new Uint16Array(n)
    this.owed = new Float64Array(n * 3)
    for (let e = 0; e < n; e++) {
      this.unit[e] = drawCommune(layout, rng)
      this.size[e] = Math.min(5000, Math.max(3, Math.round(rng.logNormal(1.2) * 20)))
      this.byDay[(e % 28) + 1]!.push(e)
    }
  }

  /** The commune index of employer `e`. */
  unitOf(e: number): number {
    return this.unit[e]!
  }

  /** Debts for last month and settlements of the employers whose accounting day `dayOfMonth` is. */
  *day(day: number, dayOfMonth: number): Generator<DomainEvent> {
    if (dayOfMonth > 28) return
    const { rng, recorder, calendar } = this
    const [y, m] = daysToCivil(day)
    const period = m === 1 ? `${y - 1}-12` : `${y}-${m - 1 < 10 ? '0' : ''}${m - 1}`
    for (const e of this.byDay[dayOfMonth]!) {
      const employer = employerReference(this.layout.code, e) as never
      for (let s = 0; s < 3; s++) {
        const k = e * 3 + s
        if (this.owed[k]! > 0 && rng.chance(0.35)) {
          const all = this.owed[k]!
          const amount = rng.chance(0.5) ? all : Math.max(1, Math.floor(all * (0.2 + 0.6 * rng.next())))
          this.owed[k] = all - amount
          yield recorder.record('DebtSettled', {
            employer,
            scheme: DEBT_SCHEMES[s]!,
            amount: amount as never,
            settledOn: calendar.text(day) as never,
          })
        }
        if (rng.chance(DEBT_CHANCE[s]!)) {
          const amount = Math.max(1000, Math.round(this.size[e]! * CONTRIBUTION[s]! * (0.5 + rng.next())))
          // One debt in twenty is recorded late: it stands from up to two weeks before today.
          const recordedOn = rng.chance(0.05) ? day - rng.int(1, 14) : day
          this.owed[k] = this.owed[k]! + amount
          yield recorder.record('DebtRecorded', {
            employer,
            unit: this.layout.communes[this.unit[e]!]!.code as never,
            scheme: DEBT_SCHEMES[s]!,
            period: period as never,
            amount: amount as never,
            recordedOn: calendar.text(recordedOn) as never,
          })
        }
      }
    }
  }
}
