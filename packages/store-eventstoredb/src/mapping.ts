/**
 * How ansinh events sit in EventStoreDB: one ESDB event per domain event, in the stream of
 * events.md, its data the canonical JSON of the event's data, and everything ESDB has no place
 * for in the metadata (our id exactly as written, recordedAt, schema version, global position,
 * chain hash). A namespace, when given, prefixes every ESDB stream name (several histories in
 * one server; the tests use one per store). Pure functions, tested without a server.
 *
 * @module mapping
 */
import * as E from 'fp-ts/lib/Either.js'
import { SCHEMAS, decodeEvent } from '@ansinh/core'
import type { RecordedEvent, StoreError } from '@ansinh/store'

/** The prefixes of ansinh's streams; `$all` reads and subscriptions keep only these. */
export const STREAM_PREFIXES = ['participant-', 'quota-', 'employer-', 'unit-', 'population-'] as const

/** The stream whose last event holds the head of the chain: last position and its hash. */
export const HEAD_STREAM = 'ansinh-head'

/** The type of the head stream's events. */
export const HEAD_MOVED = 'AnsinhHeadMoved'

/** Whether a stream is one of ansinh's domain streams. */
export const isOurStream = (stream: string): boolean => STREAM_PREFIXES.some((p) => stream.startsWith(p))

/**
 * The ansinh stream an ESDB stream holds under a namespace (a prefix of every ESDB stream name,
 * empty by default), or null when it holds none.
 */
export const ansinhStream = (namespace: string, esdbStream: string): string | null => {
  if (!esdbStream.startsWith(namespace)) return null
  const stream = esdbStream.slice(namespace.length)
  return isOurStream(stream) ? stream : null
}

/** What ESDB's metadata of an ansinh event holds. */
export interface EventMetadata {
  readonly id: string
  readonly recordedAt: string
  readonly schemaVersion: number
  readonly position: number
  readonly hash: string
}

/** The data of a head-moved event. */
export type HeadMoved = { readonly position: number; readonly hash: string }

/** Whether a value is a head-moved event's data. */
export const isHeadMoved = (u: unknown): u is HeadMoved =>
  typeof u === 'object' &&
  u !== null &&
  Number.isSafeInteger((u as HeadMoved).position) &&
  typeof (u as HeadMoved).hash === 'string'

/** The ESDB event of a recorded event (for `jsonEvent`). */
export const toEsdbEvent = (
  r: RecordedEvent,
): { id: string; type: string; data: Record<string, unknown>; metadata: EventMetadata } => ({
  // ESDB keeps ids as UUIDs (lower-cased); the exact id travels in the metadata.
  id: r.event.id.toLowerCase(),
  type: r.event.type,
  data: SCHEMAS[r.event.type].codec.encode(r.event.data as never) as Record<string, unknown>,
  metadata: {
    id: r.event.id,
    recordedAt: r.event.recordedAt,
    schemaVersion: r.version,
    position: r.position,
    hash: r.hash,
  },
})

/** What is read back from ESDB for one event. */
export interface EsdbRead {
  readonly streamId: string
  readonly revision: bigint
  readonly type: string
  readonly data: unknown
  readonly metadata: unknown
}

const isMetadata = (m: unknown): m is EventMetadata => {
  if (typeof m !== 'object' || m === null) return false
  const o = m as Record<string, unknown>
  return (
    typeof o['id'] === 'string' &&
    typeof o['recordedAt'] === 'string' &&
    Number.isSafeInteger(o['schemaVersion']) &&
    Number.isSafeInteger(o['position']) &&
    typeof o['hash'] === 'string'
  )
}

/** Decodes an ESDB event back into a recorded event; what does not decode is a `CorruptEvent`. */
export const fromEsdbEvent = (read: EsdbRead, namespace = ''): E.Either<StoreError, RecordedEvent> => {
  if (!isMetadata(read.metadata)) {
    return E.left({
      _tag: 'CorruptEvent',
      position: 0,
      message: `event ${read.revision} of ${read.streamId} has no ansinh metadata`,
      problems: [],
    })
  }
  const m = read.metadata
  const decoded = decodeEvent(
    { id: m.id, type: read.type, recordedAt: m.recordedAt, data: read.data },
    { version: m.schemaVersion },
  )
  if (E.isLeft(decoded)) {
    const first = decoded.left[0]
    return E.left({
      _tag: 'CorruptEvent',
      position: m.position,
      message: first ? `${first.path}: ${first.message}` : 'does not decode',
      problems: decoded.left,
    })
  }
  return E.right({
    event: decoded.right,
    stream: read.streamId.slice(namespace.length),
    revision: Number(read.revision),
    position: m.position,
    version: m.schemaVersion,
    hash: m.hash,
  })
}

/**
 * Puts events read in `$all` order back into position order. Two processes may commit claimed
 * positions out of order; an event waits here until every earlier position has been seen.
 */
export class PositionOrder {
  private readonly waiting = new Map<number, RecordedEvent>()

  /** `next` is the first position to hand out. */
  constructor(public next: number) {}

  /** Takes one event; returns the events now ready, in position order. */
  push(e: RecordedEvent): RecordedEvent[] {
    if (e.position < this.next) return []
    this.waiting.set(e.position, e)
    const ready: RecordedEvent[] = []
    for (let w = this.waiting.get(this.next); w !== undefined; w = this.waiting.get(this.next)) {
      this.waiting.delete(this.next)
      ready.push(w)
      this.next++
    }
    return ready
  }

  /** Hands out everything held back, in position order, past any gap (the end of a read). */
  drain(): RecordedEvent[] {
    const rest = [...this.waiting.values()].sort((a, b) => a.position - b.position)
    this.waiting.clear()
    const last = rest[rest.length - 1]
    if (last !== undefined) this.next = last.position + 1
    return rest
  }

  /** Whether nothing is held back (every position seen so far has been handed out). */
  get settled(): boolean {
    return this.waiting.size === 0
  }
}
