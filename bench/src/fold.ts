/**
 * ansinh's side of the in-memory figures: folding a generated history into `History` (all three
 * read models and their indexes), the memory the result holds, and query latencies.
 *
 * @module fold
 */
import type { DomainEvent } from '@ansinh/core'
import type { PositionedEvent } from '@ansinh/core'
import { History } from '@ansinh/projection'
import { coverageReport } from '@ansinh/projection-coverage'
import { debtReport } from '@ansinh/projection-debt'
import { planReport } from '@ansinh/projection-plan'
import { type ScaleOptions, type ScaleStats, emptyStats, generateHistory } from './generator.js'
import { type Latency, latencies, latencyOf, now, perSecond, settledHeap } from './measure.js'
import type { BenchQuery } from './queries.js'

/** A folded history and what folding it cost. */
export interface Folded {
  readonly history: History
  readonly stats: ScaleStats
  /** The positioned events, kept only when asked for (the naive peer replays them). */
  readonly events: readonly PositionedEvent[] | null
  /** History.of over decoded events, ms. */
  readonly foldMs: number
  /** The first query of each report after the fold (the indexes are built lazily), ms. */
  readonly buildMs: number
  readonly foldEventsPerSec: number
  /** Heap the history holds (columns and indexes), bytes. */
  readonly heldBytes: number
  /** Heap of the decoded events the fold read (generated before it; the history keeps none of them), bytes. */
  readonly eventBytes: number
}

/** Generates `scale`'s history into memory (untimed), then times the fold and the index build. */
export const foldScale = (scale: ScaleOptions, keepEvents: boolean): Folded => {
  const stats = emptyStats()
  const base = settledHeap()
  const positioned: PositionedEvent[] = []
  let position = 0
  for (const event of generateHistory(scale, stats)) positioned.push({ event, position: ++position })
  const eventBytes = settledHeap() - base
  const t0 = now()
  const history = History.of(positioned)
  const t1 = now()
  warm(history, scale.province, `${scale.startYear + 2}-06-30`)
  const t2 = now()
  const events = keepEvents ? positioned : null
  if (!keepEvents) positioned.length = 0
  // A kept array adds one 8-byte reference per event to what the history holds itself.
  const heldBytes = settledHeap() - base - (keepEvents ? positioned.length * 8 : 0)
  return {
    history,
    stats,
    events,
    foldMs: t1 - t0,
    buildMs: t2 - t1,
    foldEventsPerSec: perSecond(stats.events, t2 - t0),
    heldBytes,
    eventBytes,
  }
}

/** Asks one question of each report, which builds every lazily built index. */
export const warm = (history: History, unit: string, asOf: string): void => {
  const q = { asOf: asOf as never, unit }
  coverageReport(history, { ...q, scheme: 'health' })
  planReport(history, { ...q, scheme: 'voluntary' })
  debtReport(history, { asOf: asOf as never, unit })
}

/** Answers one question of the mix. */
export const answer = (history: History, q: BenchQuery, knownAt: number | null = null): unknown =>
  q.report === 'coverage'
    ? coverageReport(history, { asOf: q.asOf, scheme: q.scheme, unit: q.unit, knownAt })
    : planReport(history, { asOf: q.asOf, scheme: q.scheme, unit: q.unit, knownAt })

/** Latency of the as-of questions. */
export const asOfLatency = (history: History, queries: readonly BenchQuery[]): Latency =>
  latencies(queries.length, (i) => answer(history, queries[i]!))

/**
 * Latency of the as-of questions after a warm-up over other questions of the same mix (indexes
 * some reports build lazily per unit and scheme are then built, as in a running service); the
 * warm-up's own latency is the cold figure.
 */
export const warmAsOfLatency = (
  history: History,
  warmUp: readonly BenchQuery[],
  queries: readonly BenchQuery[],
): { cold: Latency; warm: Latency } => {
  const cold = asOfLatency(history, warmUp)
  return { cold, warm: asOfLatency(history, queries) }
}

/**
 * Latency of known-at questions: for each cut-off, a first question (the view of what was known
 * then is folded) and `repeats` more (the view is cached).
 */
export const knownAtLatency = (
  history: History,
  queries: readonly BenchQuery[],
  cutoffs: readonly number[],
  repeats: number,
): { all: Latency; first: Latency } => {
  const first: number[] = []
  const all: number[] = []
  let q = 0
  for (const k of cutoffs) {
    for (let r = 0; r <= repeats; r++) {
      const t = now()
      answer(history, queries[q++ % queries.length]!, k)
      const ms = now() - t
      all.push(ms)
      if (r === 0) first.push(ms)
    }
  }
  return { all: latencyOf(all), first: latencyOf(first) }
}

/** Events of a generated history with positions, for streaming consumers. */
export function* positioned(events: Iterable<DomainEvent>): Generator<PositionedEvent> {
  let position = 0
  for (const event of events) yield { event, position: ++position }
}
