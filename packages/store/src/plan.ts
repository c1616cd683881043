/**
 * The semantics of an append, shared by every adapter so they cannot drift apart: validation,
 * the stream check, idempotency on event ids, expected revisions, and the positions and hashes
 * given to new events. An adapter only supplies what it holds (stream revisions, stored events by
 * id, the head of the chain) while it holds its write lock, and stores the planned rows.
 *
 * Idempotency: an event whose id is already stored (or earlier in the same append) with the same
 * content is skipped; with other content the whole append is refused (`DuplicateEventId`). A write
 * left with no events is a successful no-op whatever its expected revision; otherwise its expected
 * revision is checked. An event appended without `recordedAt` (the store's clock sets it) is the
 * same as a stored one when its type and data are.
 *
 * @module plan
 */
import * as E from 'fp-ts/lib/Either.js'
import {
  type DomainEvent,
  type Instant,
  canonicalDataJson,
  canonicalJson,
  decodeEvent,
  streamOf,
  writtenVersion,
} from '@ansinh/core'
import { chainHash } from './chain.js'
import type { AppendResult, ExpectedRevision, RecordedEvent, StoreError, StreamWrite } from './port.js'

/** An event checked and stamped, ready to be planned. */
export interface PreparedEvent {
  readonly event: DomainEvent
  /** Whether `recordedAt` came from the store's clock (the caller left it out). */
  readonly stamped: boolean
}

/** One stream's checked events. */
export interface PreparedWrite {
  readonly stream: string
  readonly expectedRevision: ExpectedRevision
  readonly events: readonly PreparedEvent[]
}

/** A checked append: its writes, and the streams and ids the adapter must look up. */
export interface PreparedAppend {
  readonly writes: readonly PreparedWrite[]
  readonly streams: readonly string[]
  readonly ids: readonly string[]
}

/** What an adapter knows, under its write lock, for planning. */
export interface StoreState {
  /** The last revision of a stream, -1 when it has no events. */
  readonly revisionOf: (stream: string) => number
  /** The stored event with this id, if any. */
  readonly storedEvent: (id: string) => { readonly event: DomainEvent; readonly stream: string } | undefined
  /** The last position (0 when empty) and its hash (GENESIS_HASH when empty). */
  readonly headPosition: number
  readonly headHash: string
}

/** The rows to store and the result to return. */
export interface AppendPlan {
  readonly rows: readonly RecordedEvent[]
  /**
   * The canonical JSON of each row's data (`canonicalDataJson`), index for index with `rows`:
   * computed once while hashing, so a store keeping the data as text need not encode it again.
   */
  readonly dataJson: readonly string[]
  readonly result: AppendResult
}

/**
 * The canonical JSON of an event from its data's canonical JSON: the same text as
 * `canonicalJson(event)` (an object of the four envelope keys in order), built without encoding
 * the data a second time.
 */
export const canonicalJsonWith = (event: DomainEvent, dataJson: string): string =>
  `{"id":${JSON.stringify(event.id)},"type":${JSON.stringify(event.type)},"recordedAt":${JSON.stringify(event.recordedAt)},"data":${dataJson}}`

const sameContent = (a: DomainEvent, aStamped: boolean, b: DomainEvent, bStamped: boolean): boolean =>
  aStamped || bStamped
    ? a.type === b.type && canonicalDataJson(a) === canonicalDataJson(b)
    : canonicalJson(a) === canonicalJson(b)

const idOf = (raw: unknown): string => {
  const id = typeof raw === 'object' && raw !== null ? (raw as { id?: unknown }).id : undefined
  return typeof id === 'string' ? id : String(id)
}

/**
 * Checks every event of an append (codecs, stream, duplicates within the append) and stamps a
 * missing `recordedAt` with one reading of `clock`. Needs nothing from the store.
 */
export const prepareAppend = (
  writes: readonly StreamWrite[],
  clock: () => Instant,
): E.Either<StoreError, PreparedAppend> => {
  let now: Instant | undefined
  const seen = new Map<string, PreparedEvent>()
  const streams = new Set<string>()
  const out: PreparedWrite[] = []
  for (const w of writes) {
    streams.add(w.stream)
    const events: PreparedEvent[] = []
    for (const raw of w.events) {
      const stamped = (raw as { recordedAt?: unknown }).recordedAt === undefined
      const decoded = decodeEvent(raw, { recordedAtOptional: true })
      if (E.isLeft(decoded)) return E.left({ _tag: 'InvalidEvent', id: idOf(raw), problems: decoded.left })
      let event = decoded.right
      if (stamped) event = { ...event, recordedAt: (now ??= clock()) }
      const owner = streamOf(event)
      if (owner !== w.stream)
        return E.left({ _tag: 'EventNotInStream', id: event.id, stream: w.stream, expectedStream: owner })
      const earlier = seen.get(event.id)
      if (earlier !== undefined) {
        if (!sameContent(earlier.event, earlier.stamped, event, stamped)) {
          return E.left({
            _tag: 'DuplicateEventId',
            id: event.id,
            stream: w.stream,
            message: 'appears twice in this append with other content',
          })
        }
        continue
      }
      const prepared = { event, stamped }
      seen.set(event.id, prepared)
      events.push(prepared)
    }
    out.push({ stream: w.stream, expectedRevision: w.expectedRevision ?? 'any', events })
  }
  return E.right({ writes: out, streams: [...streams], ids: [...seen.keys()] })
}

/** Whether a stream at `actual` (-1: no stream) satisfies an expected revision. */
export const satisfies = (expected: ExpectedRevision, actual: number): boolean =>
  expected === 'any' ? true : expected === 'no-stream' ? actual === -1 : expected.exact === actual

/**
 * Plans a prepared append against what the store holds: skips events already stored with the
 * same content, refuses other content under a stored id, checks expected revisions of the writes
 * that still have events, and gives the new events consecutive positions, revisions and hashes.
 */
export const planAppend = (prepared: PreparedAppend, state: StoreState): E.Either<StoreError, AppendPlan> => {
  const revisions = new Map<string, number>()
  const revisionOf = (stream: string): number => revisions.get(stream) ?? state.revisionOf(stream)
  const rows: RecordedEvent[] = []
  const dataJson: string[] = []
  let position = state.headPosition
  let previous = state.headHash
  for (const w of prepared.writes) {
    const fresh: DomainEvent[] = []
    for (const p of w.events) {
      const stored = state.storedEvent(p.event.id)
      if (stored === undefined) fresh.push(p.event)
      else if (!sameContent(stored.event, false, p.event, p.stamped)) {
        return E.left({
          _tag: 'DuplicateEventId',
          id: p.event.id,
          stream: w.stream,
          message: `already stored in stream ${stored.stream} with other content`,
        })
      }
    }
    const actual = revisionOf(w.stream)
    revisions.set(w.stream, actual)
    if (fresh.length === 0) continue
    if (!satisfies(w.expectedRevision, actual)) {
      return E.left({
        _tag: 'WrongExpectedRevision',
        stream: w.stream,
        expected: w.expectedRevision,
        actual: actual === -1 ? 'no-stream' : actual,
      })
    }
    let revision = actual
    for (const event of fresh) {
      revision++
      position++
      const data = canonicalDataJson(event)
      const version = writtenVersion(event)
      previous = chainHash(
        previous,
        { event, stream: w.stream, revision, position, version },
        canonicalJsonWith(event, data),
      )
      rows.push({ event, stream: w.stream, revision, position, version, hash: previous })
      dataJson.push(data)
    }
    revisions.set(w.stream, revision)
  }
  return E.right({
    rows,
    dataJson,
    result: { positions: rows.map((r) => r.position), revisions: Object.fromEntries(revisions) },
  })
}
