/**
 * What a run reads of the generated seed histories besides the folded history: per seed, how
 * many events and how long they took, the unit names (for the page) and the renewals after
 * publication (for the one seed whose figure needs the tally); per position of the merged
 * history, the event's id and a lapse's reason (for the story's diffs) and, at a sample of
 * positions, its recording instant (to judge a store's history, store.ts).
 *
 * A run that imports into an empty store, or that has no store, generates here: the events
 * themselves are folded or imported. A run on a store that already holds the seeds needs only
 * these facts, so it generates them on a worker thread while the main thread restores the
 * store's snapshot and computes the reports: the 815 k generated events never reach the main
 * thread's heap, and their collection costs it nothing. The worker posts the facts packed in
 * typed arrays (36 bytes of id and one byte of reason per position, moved, not copied).
 *
 * @module generated
 */
import { type DomainEvent, LapseReason, type Scheme, instantMillis, parseKnownAt } from '@ansinh/core'
import { type WorkerTask, workerTask } from '@ansinh/example-reform-2025'
import { type EventFacts, type Renewals, renewedAfterPublication } from './audit.js'
import { figuresFor } from './figures.js'
import { type EventLog, mergeLogs } from './generate/events.js'
import { DEFAULT_SEED, type SeedName, seedLogs } from './history.js'
import { unitNames } from './html.js'

/** What a run reads of one seed's generated history. */
export interface SeedFacts {
  readonly seed: SeedName
  /** How many events the seed's history holds. */
  readonly events: number
  readonly generatedMs: number
  /** Unit names by code (none unless the page is written). */
  readonly names: ReadonlyMap<string, string>
  /** The renewals after publication of the seed's expiring-before-year-end figure; null without one. */
  readonly renewals: Renewals | null
}

/** What a run reads of the merged history, by position. */
export interface HistoryFacts {
  readonly length: number
  /** The id and lapse reason of the event at a position (1 … length). */
  readonly at: (position: number) => EventFacts
  /** The recording instant (epoch ms) of the event at index `i` (0-based), for a sampled index ({@link sampled}). */
  readonly instantAt: (i: number) => number
}

/** One of every `SAMPLE_EVERY` positions is compared when a store's history is judged (store.ts). */
export const SAMPLE_EVERY = 64

/** The sampled indices of a history of `length` events: every {@link SAMPLE_EVERY}th from 0, and the last. */
export const sampled = (length: number): number[] => {
  const out: number[] = []
  for (let i = 0; i < length; i += SAMPLE_EVERY) out.push(i)
  if (length > 0 && out.at(-1) !== length - 1) out.push(length - 1)
  return out
}

/** What to generate. */
export interface GenerateRequest {
  readonly seed?: number
  readonly includeHealth?: boolean
  readonly seeds: readonly SeedName[]
  /** Collect the unit names (the page is written). */
  readonly names: boolean
}

/** The seeds generated in this thread: each seed's history and facts. */
export interface GeneratedHere {
  readonly histories: ReadonlyMap<SeedName, DomainEvent[]>
  readonly facts: ReadonlyMap<SeedName, SeedFacts>
  /** The merged history of every seed, in recording order (made on first use). */
  readonly merged: () => DomainEvent[]
}

/** The renewals of a seed's expiring-before-year-end figure, from its history; null when it has none. */
const renewalsOf = (seed: SeedName, history: readonly DomainEvent[], includeHealth: boolean): Renewals | null => {
  const expiring = figuresFor({ includeHealth, seeds: [seed] }).find((f) => f.field === 'expiringBeforeYearEnd')
  // only a seed with this figure pays for the tally it is checked with (Hải Phòng's 747 k events: 2 s)
  return expiring === undefined
    ? null
    : renewedAfterPublication(history, {
        unit: expiring.unit,
        scheme: expiring.scheme as Scheme,
        asOf: expiring.asOf,
        year: +expiring.asOf.slice(0, 4),
        knownAt: parseKnownAt(expiring.knownAt)!,
      })
}

/** Generates the seeds here, one after the other, telling `onSeed` after each. */
export const generateHere = (
  request: GenerateRequest,
  onSeed: (done: number) => void = () => undefined,
): GeneratedHere => {
  const includeHealth = request.includeHealth ?? false
  const logs = new Map<SeedName, EventLog>()
  const histories = new Map<SeedName, DomainEvent[]>()
  const facts = new Map<SeedName, SeedFacts>()
  for (const [i, seed] of request.seeds.entries()) {
    const started = performance.now()
    const log = seedLogs({ seed: request.seed ?? DEFAULT_SEED, includeHealth, seeds: [seed] }).get(seed)!
    const history = mergeLogs([log])
    const generatedMs = performance.now() - started
    logs.set(seed, log)
    histories.set(seed, history)
    facts.set(seed, {
      seed,
      events: history.length,
      generatedMs,
      names: request.names ? unitNames(history) : new Map(),
      renewals: renewalsOf(seed, history, includeHealth),
    })
    onSeed(i + 1)
  }
  let merged: DomainEvent[] | null = null
  return { histories, facts, merged: () => (merged ??= mergeLogs(request.seeds.map((s) => logs.get(s)!))) }
}

/** The facts of a history of events at positions 1, 2, … */
export const factsOfEvents = (events: readonly DomainEvent[]): HistoryFacts => ({
  length: events.length,
  at: (p) => {
    const e = events[p - 1]!
    return { id: e.id, lapseReason: e.type === 'ParticipantLapsed' ? e.data.reason : null }
  },
  instantAt: (i) => instantMillis(events[i]!.recordedAt),
})

/** The lapse reasons by code (0: not a lapse). */
const REASONS = Object.keys(LapseReason.keys) as LapseReason[]
const ID_BYTES = 36

/** {@link HistoryFacts} packed for a message between threads. */
export interface PackedFacts {
  readonly length: number
  /** Each event's id, 36 ASCII bytes per position. */
  readonly ids: Uint8Array
  /** Each event's lapse reason: 1 + its index in the reasons, 0 for any other event. */
  readonly reasons: Uint8Array
  /** The recording instants at the {@link sampled} indices, in their order. */
  readonly instants: Float64Array
}

/** Packs the facts of `events`. */
export const packFacts = (events: readonly DomainEvent[]): PackedFacts => {
  const reasons = new Uint8Array(events.length)
  const all: string[] = new Array<string>(events.length)
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!
    if (e.id.length !== ID_BYTES)
      throw new Error(`event ${i + 1}: id ${JSON.stringify(e.id)} is not ${ID_BYTES} characters`)
    all[i] = e.id
    if (e.type === 'ParticipantLapsed') reasons[i] = REASONS.indexOf(e.data.reason) + 1
  }
  // one string, one copy: a write per id costs more than the ids
  const joined = all.join('')
  if (Buffer.byteLength(joined, 'utf8') !== joined.length) throw new Error('an event id is not ASCII')
  const ids = Buffer.from(joined, 'latin1')
  const instants = Float64Array.from(sampled(events.length), (i) => instantMillis(events[i]!.recordedAt))
  return { length: events.length, ids: new Uint8Array(ids.buffer, ids.byteOffset, ids.byteLength), reasons, instants }
}

/** The facts a {@link PackedFacts} holds. */
export const unpackFacts = (packed: PackedFacts): HistoryFacts => {
  const ids = Buffer.from(packed.ids.buffer, packed.ids.byteOffset, packed.ids.byteLength)
  const sampleAt = new Map(sampled(packed.length).map((i, k) => [i, k]))
  return {
    length: packed.length,
    at: (p) => {
      const reason = packed.reasons[p - 1]!
      return {
        id: ids.toString('latin1', (p - 1) * ID_BYTES, p * ID_BYTES),
        lapseReason: reason === 0 ? null : REASONS[reason - 1]!,
      }
    },
    instantAt: (i) => {
      const k = sampleAt.get(i)
      if (k === undefined) throw new Error(`index ${i} is not one of the sampled indices`)
      return packed.instants[k]!
    },
  }
}

/** What the generating worker posts back. */
export interface GeneratedThere {
  readonly seeds: readonly (Omit<SeedFacts, 'names'> & { readonly names: readonly [string, string][] })[]
  readonly merged: PackedFacts
}

/** The facts of the seeds, generated on a worker thread (`dist/generate-worker.js`; `tsc -b` must have run). */
export const generateInWorker = (request: GenerateRequest): WorkerTask<GeneratedThere> =>
  workerTask(new URL('../dist/generate-worker.js', import.meta.url), request)

/** The facts a worker posted. */
export const factsThere = (
  there: GeneratedThere,
): { readonly facts: ReadonlyMap<SeedName, SeedFacts>; readonly merged: HistoryFacts } => ({
  facts: new Map(there.seeds.map((s) => [s.seed, { ...s, names: new Map(s.names) }])),
  merged: unpackFacts(there.merged),
})
