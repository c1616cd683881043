/**
 * The in-memory store: the reference adapter. Tests, examples and `--store memory:` use it; it
 * shares the append semantics of every adapter (plan.ts) and passes the same contract suite.
 *
 * @module memory
 */
import * as E from 'fp-ts/lib/Either.js'
import { type Instant, instantOfMillis } from '@ansinh/core'
import { GENESIS_HASH } from './chain.js'
import { planAppend, prepareAppend } from './plan.js'
import type {
  AppendResult,
  EventRead,
  EventStore,
  ExpectedRevision,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  StoreError,
  StreamWrite,
  SubscribeOptions,
  Subscription,
} from './port.js'
import type { IdsByPosition } from './ids.js'
import { type AppendSnapshot, InMemorySnapshotStore, type SnapshotKeeping } from './snapshot.js'
import { ChangeNotifier, pollingSubscription, trackedSubscription } from './subscription.js'

const CLOSED: StoreError = { _tag: 'StoreUnavailable', message: 'the store is closed' }

/** Options of {@link InMemoryEventStore}. */
export interface InMemoryOptions {
  /** Sets `recordedAt` of an event appended without one; default: now, in Vietnam's offset. */
  readonly clock?: () => Instant
}

/** An EventStore held in memory (lost when the process ends). */
export class InMemoryEventStore implements EventStore, SnapshotKeeping, IdsByPosition {
  /** Snapshots of read models, kept (and lost) with the events. */
  readonly snapshots = new InMemorySnapshotStore()
  private readonly events: RecordedEvent[] = []
  private readonly byId = new Map<string, RecordedEvent>()
  private readonly streams = new Map<string, RecordedEvent[]>()
  private readonly changes = new ChangeNotifier()
  private readonly subscriptions = new Set<Subscription>()
  private readonly clock: () => Instant
  private closed = false

  constructor(options: InMemoryOptions = {}) {
    this.clock = options.clock ?? (() => instantOfMillis(Date.now()))
  }

  /** Appends events to one stream, atomically (see plan.ts for idempotency). */
  append(
    stream: string,
    events: StreamWrite['events'],
    expectedRevision?: ExpectedRevision,
  ): Promise<E.Either<StoreError, AppendResult>> {
    return this.appendMany([{ stream, events, expectedRevision: expectedRevision ?? 'any' }])
  }

  /** Appends to several streams, all or nothing. */
  async appendMany(writes: readonly StreamWrite[]): Promise<E.Either<StoreError, AppendResult>> {
    return this.commit(writes, null)
  }

  /** Appends, then saves the snapshot built from the new head, with no await in between. */
  async appendManyWithSnapshot(
    writes: readonly StreamWrite[],
    snapshot: AppendSnapshot,
  ): Promise<E.Either<StoreError, AppendResult>> {
    return this.commit(writes, snapshot)
  }

  private commit(writes: readonly StreamWrite[], snapshot: AppendSnapshot | null): E.Either<StoreError, AppendResult> {
    if (this.closed) return E.left(CLOSED)
    const prepared = prepareAppend(writes, this.clock)
    if (E.isLeft(prepared)) return prepared
    // Planning and committing run without an await in between: JavaScript gives them atomicity.
    const last = this.events[this.events.length - 1]
    const plan = planAppend(prepared.right, {
      revisionOf: (s) => (this.streams.get(s)?.length ?? 0) - 1,
      storedEvent: (id) => this.byId.get(id),
      headPosition: last?.position ?? 0,
      headHash: last?.hash ?? GENESIS_HASH,
    })
    if (E.isLeft(plan)) return plan
    // Sealed before anything is committed, so a seal that throws leaves the store as it was.
    const head = plan.right.rows[plan.right.rows.length - 1] ?? last
    const sealed =
      snapshot === null
        ? null
        : snapshot.seal(
            plan.right.result,
            { position: head?.position ?? 0, hash: head?.hash ?? GENESIS_HASH },
            plan.right.rows.map((r) => r.hash),
          )
    for (const row of plan.right.rows) {
      this.events.push(row)
      this.byId.set(row.event.id, row)
      const stream = this.streams.get(row.stream)
      if (stream === undefined) this.streams.set(row.stream, [row])
      else stream.push(row)
    }
    if (sealed !== null) void this.snapshots.save(snapshot!.name, sealed)()
    if (plan.right.rows.length > 0) this.changes.notify()
    return E.right(plan.right.result)
  }

  /** The events of one stream in revision order. */
  async readStream(
    stream: string,
    options: ReadStreamOptions = {},
  ): Promise<E.Either<StoreError, readonly RecordedEvent[]>> {
    if (this.closed) return E.left(CLOSED)
    return E.right((this.streams.get(stream) ?? []).slice(options.fromRevision ?? 0))
  }

  /** The ids of the events at `positions` (positions it does not hold are left out). */
  async idsAt(positions: Iterable<number>): Promise<E.Either<StoreError, ReadonlyMap<number, string>>> {
    if (this.closed) return E.left(CLOSED)
    const out = new Map<number, string>()
    for (const p of positions) {
      const e = Number.isInteger(p) && p >= 1 ? this.events[p - 1] : undefined
      if (e !== undefined) out.set(p, e.event.id)
    }
    return E.right(out)
  }

  /** Every event from a position, in position order; follows appends made while iterating. A closed store's read is one Left. */
  async *readAll(options: ReadAllOptions = {}): AsyncIterable<EventRead> {
    if (this.closed) {
      yield E.left(CLOSED)
      return
    }
    for (let i = Math.max(1, options.fromPosition ?? 1) - 1; i < this.events.length; i++) yield E.right(this.events[i]!)
  }

  /** Catches up from a position, then follows live appends. */
  subscribe(options: SubscribeOptions): Subscription {
    return trackedSubscription(
      this.subscriptions,
      pollingSubscription(
        { readFrom: (fromPosition) => this.readAll({ fromPosition }), changes: this.changes, pollMs: 60_000 },
        options,
      ),
    )
  }

  /** The position of the last event (0 when empty). */
  async headPosition(): Promise<E.Either<StoreError, number>> {
    return this.closed ? E.left(CLOSED) : E.right(this.events.length)
  }

  /** Stops the subscriptions still running, then refuses further appends and reads; the events stay readable by running iterators. */
  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((s) => s.stop()))
    this.closed = true
    this.changes.notify()
  }
}
