/**
 * The map of a day under load (issue 13's budget: a question on a history with a reform must cost
 * what it costs without one). The same as-of questions — coverage and plan of the new An Giang, of
 * the old provinces and of communes, on days from 2023 to the end of 2025 — asked of the
 * `examples/reform-2025` history (256 communes merged into 102, districts abolished, 16,000 id links)
 * and of the same history without its reform events (UnitChanged, UnitDissolved,
 * ParticipantIdentified: the static map of version 1), each after a warm-up over other questions.
 *
 * @module reform
 */
import type { BusinessDate, PositionedEvent } from '@ansinh/core'
import { reformHistory } from '@ansinh/example-reform-2025'
import { History } from '@ansinh/projection'
import { coverageReport } from '@ansinh/projection-coverage'
import { planReport } from '@ansinh/projection-plan'
import { Rng } from '@ansinh/testing/prng'
import { type Latency, latencies } from './measure.js'

const REFORM_TYPES = new Set(['UnitChanged', 'UnitDissolved', 'ParticipantIdentified'])

interface Question {
  readonly asOf: BusinessDate
  readonly unit: string | null
  readonly scheme: 'voluntary' | 'compulsory'
  readonly plan: boolean
}

/** As-of latency with the reform and without it, on the same questions. */
export interface ReformFigures {
  readonly events: number
  readonly withReform: Latency
  readonly withoutReform: Latency
  /** p99 with the reform / p99 without it. */
  readonly p99Ratio: number
}

const questions = (units: readonly (string | null)[], count: number, seed: number): Question[] => {
  const rng = new Rng(seed, 'reform')
  const first = Date.UTC(2023, 0, 1),
    last = Date.UTC(2025, 11, 31)
  return Array.from({ length: count }, () => ({
    asOf: new Date(first + rng.int(0, Math.floor((last - first) / 86_400_000)) * 86_400_000)
      .toISOString()
      .slice(0, 10) as BusinessDate,
    unit: units[rng.int(0, units.length - 1)]!,
    scheme: rng.int(0, 1) === 0 ? 'voluntary' : 'compulsory',
    plan: rng.int(0, 3) === 0,
  }))
}

const ask = (history: History, q: Question): unknown =>
  q.plan
    ? planReport(history, { asOf: q.asOf, scheme: q.scheme, unit: q.unit ?? '91' })
    : coverageReport(history, { asOf: q.asOf, scheme: q.scheme, unit: q.unit })

/** Measures `count` questions (after as many warm-up ones) on both histories. */
export const reformLatency = (count: number): ReformFigures => {
  const generated = reformHistory()
  const withReform = History.of(generated.events)
  const plain: PositionedEvent[] = generated.events
    .filter((e) => !REFORM_TYPES.has(e.event.type))
    .map((e, i) => ({ event: e.event, position: i + 1 }))
  const withoutReform = History.of(plain)
  const units = [
    null,
    '91',
    '89',
    ...generated.oldCommunes['89'].slice(0, 6),
    ...generated.oldCommunes['91'].slice(0, 6),
    ...generated.newCommunes.slice(0, 6),
  ]
  const warmUp = questions(units, count, 7)
  const measured = questions(units, count, 42)
  const run = (h: History): Latency => {
    latencies(warmUp.length, (i) => ask(h, warmUp[i]!))
    return latencies(measured.length, (i) => ask(h, measured[i]!))
  }
  const a = run(withReform)
  const b = run(withoutReform)
  return {
    events: generated.events.length,
    withReform: a,
    withoutReform: b,
    p99Ratio: Math.round((a.p99Ms / b.p99Ms) * 100) / 100,
  }
}
