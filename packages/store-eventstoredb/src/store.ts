/**
 * The EventStore port over EventStoreDB.
 *
 * Each domain stream of events.md is an ESDB stream; ESDB checks its expected revision. Global
 * positions and the hash chain are ours: an append reads the head (`ansinh-head`), plans the new
 * events with the shared semantics of @ansinh/store, claims the new head with an optimistic append
 * to `ansinh-head` (another writer in between makes it retry), then writes each stream. Writers in
 * one process also take turns on a mutex. What differs from the SQL stores (docs/adapters.md):
 * an append to several streams is not atomic (ESDB appends one stream at a time), and idempotency
 * is checked within the written streams only (ESDB has no index by event id).
 *
 * @module store
 */
import * as E from 'fp-ts/lib/Either.js'
import {
  BACKWARDS,
  END,
  type EventStoreDBClient,
  FORWARDS,
  NO_STREAM,
  type Position,
  START,
  StreamNotFoundError,
  WrongExpectedVersionError,
  jsonEvent,
  streamNameFilter,
} from '@eventstore/db-client'
import { type Instant, instantOfMillis } from '@ansinh/core'
import {
  type AppendResult,
  ChangeNotifier,
  type EventRead,
  type EventStore,
  type ExpectedRevision,
  GENESIS_HASH,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type StoreError,
  type StreamWrite,
  type SubscribeOptions,
  type Subscription,
  planAppend,
  pollingSubscription,
  prepareAppend,
} from '@ansinh/store'
import {
  HEAD_MOVED,
  HEAD_STREAM,
  type HeadMoved,
  PositionOrder,
  STREAM_PREFIXES,
  ansinhStream,
  fromEsdbEvent,
  isHeadMoved,
  toEsdbEvent,
} from './mapping.js'

/** Options of the EventStoreDB store. */
export interface EventStoreDbOptions {
  /** Sets `recordedAt` of an event appended without one; default: now, in Vietnam's offset. */
  readonly clock?: () => Instant
  /** How often a subscriber re-reads `$all` without a sign of change; default 1,000 ms. */
  readonly pollMs?: number
  /** How often an append retries after losing the head to another writer; default 10. */
  readonly headRetries?: number
  /** Prefixes every ESDB stream name (default none: the stream names of events.md). */
  readonly namespace?: string
}

const unavailable = (err: unknown): StoreError => ({
  _tag: 'StoreUnavailable',
  message: err instanceof Error ? err.message : String(err),
})

const CLOSED: StoreError = { _tag: 'StoreUnavailable', message: 'the store is closed' }

/** The head of the chain and the head stream's revision (-1: no head yet). */
interface Head {
  readonly position: number
  readonly hash: string
  readonly revision: bigint | -1
}

/** An EventStore over an EventStoreDB client. */
export class EventStoreDbStore implements EventStore {
  private readonly changes = new ChangeNotifier()
  private readonly clock: () => Instant
  private turn: Promise<unknown> = Promise.resolve()
  private checkpoint: { position: number; at: Position } | null = null
  private wake: { unsubscribe(): Promise<void> } | null = null
  /** Set by `close`: every later call answers `CLOSED` instead of using the disposed client. */
  private closed = false
  private readonly namespace: string
  private readonly headStream: string

  /** A store over a connected client; `close` disposes the client. */
  constructor(
    private readonly client: EventStoreDBClient,
    private readonly options: EventStoreDbOptions = {},
  ) {
    this.clock = options.clock ?? (() => instantOfMillis(Date.now()))
    this.namespace = options.namespace ?? ''
    this.headStream = this.namespace + HEAD_STREAM
  }

  /** Appends events to one stream, atomically. */
  append(
    stream: string,
    events: StreamWrite['events'],
    expectedRevision?: ExpectedRevision,
  ): Promise<E.Either<StoreError, AppendResult>> {
    return this.appendMany([{ stream, events, expectedRevision: expectedRevision ?? 'any' }])
  }

  /** Appends to several streams; each stream's part is atomic, the whole is not (see the module note). */
  appendMany(writes: readonly StreamWrite[]): Promise<E.Either<StoreError, AppendResult>> {
    const run = this.turn.then(() => this.appendNow(writes))
    this.turn = run.catch(() => undefined)
    return run
  }

  private async appendNow(writes: readonly StreamWrite[]): Promise<E.Either<StoreError, AppendResult>> {
    if (this.closed) return E.left(CLOSED)
    const prepared = prepareAppend(writes, this.clock)
    if (E.isLeft(prepared)) return prepared
    try {
      for (let attempt = 0; attempt <= (this.options.headRetries ?? 10); attempt++) {
        const head = await this.readHead()
        const streams = new Map<string, RecordedEvent[]>()
        for (const s of prepared.right.streams) {
          const read = await this.readStream(s)
          if (E.isLeft(read)) return read
          streams.set(s, [...read.right])
        }
        const byId = new Map<string, RecordedEvent>()
        for (const events of streams.values()) for (const e of events) byId.set(e.event.id, e)
        const plan = planAppend(prepared.right, {
          revisionOf: (s) => (streams.get(s)?.length ?? 0) - 1,
          storedEvent: (id) => byId.get(id),
          headPosition: head.position,
          headHash: head.hash,
        })
        if (E.isLeft(plan)) return plan
        const rows = plan.right.rows
        if (rows.length === 0) return E.right(plan.right.result)
        const last = rows[rows.length - 1]!
        const moved: HeadMoved = { position: last.position, hash: last.hash }
        try {
          await this.client.appendToStream(this.headStream, jsonEvent({ type: HEAD_MOVED, data: { ...moved } }), {
            expectedRevision: head.revision === -1 ? NO_STREAM : head.revision,
          })
        } catch (err) {
          if (err instanceof WrongExpectedVersionError) continue // another writer moved the head: plan again
          throw err
        }
        for (const [stream, group] of groupByStream(rows)) {
          const before = group[0]!.revision - 1
          try {
            await this.client.appendToStream(
              this.namespace + stream,
              group.map((r) => jsonEvent(toEsdbEvent(r))),
              {
                expectedRevision: before === -1 ? NO_STREAM : BigInt(before),
              },
            )
          } catch (err) {
            if (err instanceof WrongExpectedVersionError) {
              // A writer outside ansinh changed the stream after we planned: the claimed positions stay unfilled.
              return E.left({
                _tag: 'WrongExpectedRevision',
                stream,
                expected: before === -1 ? 'no-stream' : { exact: before },
                actual: actualOf(err),
              })
            }
            throw err
          }
        }
        this.changes.notify()
        return E.right(plan.right.result)
      }
      return E.left({
        _tag: 'StoreUnavailable',
        message: 'too many concurrent writers: could not claim the head of the chain',
      })
    } catch (err) {
      return E.left(unavailable(err))
    }
  }

  private async readHead(): Promise<Head> {
    try {
      for await (const r of this.client.readStream(this.headStream, {
        direction: BACKWARDS,
        fromRevision: END,
        maxCount: 1,
      })) {
        if (!r.event) continue
        if (!isHeadMoved(r.event.data))
          throw new Error(`the last event of ${this.headStream} is not a head of the chain`)
        return { position: r.event.data.position, hash: r.event.data.hash, revision: r.event.revision }
      }
    } catch (err) {
      if (!(err instanceof StreamNotFoundError)) throw err
    }
    return { position: 0, hash: GENESIS_HASH, revision: -1 }
  }

  /** The events of one stream in revision order. */
  async readStream(
    stream: string,
    options: ReadStreamOptions = {},
  ): Promise<E.Either<StoreError, readonly RecordedEvent[]>> {
    if (this.closed) return E.left(CLOSED)
    const out: RecordedEvent[] = []
    try {
      for await (const r of this.client.readStream(this.namespace + stream, {
        direction: FORWARDS,
        fromRevision: BigInt(options.fromRevision ?? 0),
      })) {
        if (!r.event) continue
        const decoded = fromEsdbEvent(r.event, this.namespace)
        if (E.isLeft(decoded)) return decoded
        out.push(decoded.right)
      }
    } catch (err) {
      if (err instanceof StreamNotFoundError) return E.right([])
      return E.left(unavailable(err))
    }
    return E.right(out)
  }

  /**
   * Every event from a position, in position order: `$all` read forwards and kept to our stream
   * prefixes, re-ordered by position where writers interleaved, starting from a remembered `$all`
   * position when one is known to lie before `fromPosition`. Events held back behind a gap are
   * handed out at the end, so `verifyChain` sees the gap and names it.
   */
  readAll(options: ReadAllOptions = {}): AsyncIterable<EventRead> {
    return this.readOrdered(Math.max(1, options.fromPosition ?? 1), true)
  }

  /** `readAll`; a subscription does not pass gaps (`drain` false): it waits for the late event. */
  private async *readOrdered(from: number, drain: boolean): AsyncIterable<EventRead> {
    if (this.closed) {
      yield E.left(CLOSED)
      return
    }
    // The order tracks every position from where the read starts, so that `settled` means "every
    // position up to next - 1 has been seen"; only events from `from` on are handed out.
    const known = this.checkpoint !== null && this.checkpoint.position < from ? this.checkpoint : null
    const order = new PositionOrder(known === null ? 1 : known.position + 1)
    try {
      for await (const r of this.client.readAll({
        direction: FORWARDS,
        fromPosition: known?.at ?? START,
        maxCount: Number.MAX_SAFE_INTEGER,
      })) {
        if (!r.event || ansinhStream(this.namespace, r.event.streamId) === null || r.event.type.startsWith('$'))
          continue
        const decoded = fromEsdbEvent(r.event, this.namespace)
        if (E.isLeft(decoded)) {
          yield decoded
          return
        }
        for (const e of order.push(decoded.right)) if (e.position >= from) yield E.right(e)
        if (order.settled && r.event.position && order.next - 1 > (this.checkpoint?.position ?? 0)) {
          // Nothing later in $all can come before a position every predecessor of which was seen.
          this.checkpoint = { position: order.next - 1, at: r.event.position }
        }
      }
    } catch (err) {
      // the client's read rejects when the server fails: handed out as the read's last element
      yield E.left(unavailable(err))
      return
    }
    if (drain) for (const e of order.drain()) if (e.position >= from) yield E.right(e)
  }

  /** Catches up from a position, then follows appends: woken by a filtered `$all` subscription, and by polling. */
  subscribe(options: SubscribeOptions): Subscription {
    if (this.wake === null && !this.closed) {
      const live = this.client.subscribeToAll({
        fromPosition: END,
        filter: streamNameFilter({ prefixes: STREAM_PREFIXES.map((p) => this.namespace + p) }),
      })
      live.on('data', () => this.changes.notify())
      live.on('error', () => undefined) // polling carries on without it
      this.wake = live
    }
    return pollingSubscription(
      {
        readFrom: (fromPosition) => this.readOrdered(fromPosition, false),
        changes: this.changes,
        pollMs: this.options.pollMs ?? 1_000,
      },
      options,
    )
  }

  /** The last claimed position (0 when empty), or why the server cannot say. */
  async headPosition(): Promise<E.Either<StoreError, number>> {
    if (this.closed) return E.left(CLOSED)
    try {
      return E.right((await this.readHead()).position)
    } catch (err) {
      return E.left(unavailable(err))
    }
  }

  /** Ends the wake-up subscription and disposes the client. */
  async close(): Promise<void> {
    if (this.closed) return
    this.closed = true
    this.changes.notify()
    await this.wake?.unsubscribe().catch(() => undefined)
    await this.client.dispose()
  }
}

const groupByStream = (rows: readonly RecordedEvent[]): Map<string, RecordedEvent[]> => {
  const groups = new Map<string, RecordedEvent[]>()
  for (const r of rows) {
    const g = groups.get(r.stream)
    if (g === undefined) groups.set(r.stream, [r])
    else g.push(r)
  }
  return groups
}

const actualOf = (err: WrongExpectedVersionError): number | 'no-stream' =>
  typeof err.actualVersion === 'bigint' ? Number(err.actualVersion) : 'no-stream'
