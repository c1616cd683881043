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
  /** The fold of the decoded events (`History.of`, or `append` chunk by chunk), ms. */
  readonly foldMs: number
  /** The first query of each report after the fold (the indexes are built lazily), ms. */
  readonly buildMs: number
  readonly foldEventsPerSec: number
  /** Heap the history holds (columns and indexes), bytes. */
  readonly heldBytes: number
  /**
   * Heap of the decoded events the fold read (the history keeps none of them), bytes: measured over
   * all of them when kept, else over the second chunk and scaled to the count (0 for a history of
   * fewer than two chunks).
   */
  readonly eventBytes: number
}

/** Events generated (untimed) before each timed part of a streamed fold. */
const CHUNK = 1 << 16

/**
 * Generates `scale`'s history and times the fold and the index build. With `keepEvents` every event
 * is generated into memory first and folded by `History.of` (the naive peer replays them later).
 * Without, the events are generated and folded a chunk at a time (`History.append`, the timed
 * part), as an import from a file or a store feeds them: each decoded event dies young. Folding a
 * whole province held in memory instead measures the collector walking the bench's own 6 GB of
 * event objects (184 k events/s at 17.7 M, against about 600 k streamed).
 */
export const foldScale = (scale: ScaleOptions, keepEvents: boolean): Folded => {
  const stats = emptyStats()
  const base = settledHeap()
  const positioned: PositionedEvent[] = []
  let position = 0
  let history: History
  let foldMs = 0
  let eventBytes: number
  if (keepEvents) {
    for (const event of generateHistory(scale, stats)) positioned.push({ event, position: ++position })
    eventBytes = settledHeap() - base
    const t0 = now()
    history = History.of(positioned)
    foldMs = now() - t0
  } else {
    history = new History()
    // the heap of one chunk of events: the second one's, once the generator's own state (allocated
    // on its first step) and the first chunk's fold are behind, scaled to every event
    let chunks = 0,
      before = 0,
      chunkBytes = 0
    const fold = (): void => {
      const t0 = now()
      for (let i = 0; i < positioned.length; i++) history.append(positioned[i]!)
      foldMs += now() - t0
      positioned.length = 0
      if (++chunks === 1) before = settledHeap()
    }
    for (const event of generateHistory(scale, stats)) {
      positioned.push({ event, position: ++position })
      if (positioned.length < CHUNK) continue
      if (chunks === 1) chunkBytes = settledHeap() - before
      fold()
    }
    fold()
    eventBytes = chunkBytes === 0 ? 0 : Math.round((chunkBytes * position) / CHUNK)
  }
  const t1 = now()
  warm(history, scale.province, `${scale.startYear + 2}-06-30`)
  const t2 = now()
  const events = keepEvents ? positioned : null
  // A kept array adds one 8-byte reference per event to what the history holds itself.
  const heldBytes = settledHeap() - base - (keepEvents ? positioned.length * 8 : 0)
  return {
    history,
    stats,
    events,
    foldMs,
    buildMs: t2 - t1,
    foldEventsPerSec: perSecond(stats.events, foldMs + t2 - t1),
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
