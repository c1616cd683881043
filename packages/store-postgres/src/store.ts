/**
 * The SQL event store: one implementation for PostgreSQL servers and PGlite.
 *
 * Appends are transactions that first take a transaction-scoped advisory lock, so writers run one
 * at a time: each sees the head its predecessor committed, positions are gapless, and a reader
 * polling by position never sees a later position before an earlier one (the later writer could
 * not start before the earlier one committed). Stream revisions are checked under the same lock;
 * the unique (stream, revision) and id constraints are the backstop. Rows go in by COPY, planned
 * and loaded in slices (load.ts), with the data as the canonical JSON text the chain hashed.
 *
 * @module store
 */
import { SqlCheckpointStore } from './checkpoints.js'
import { SqlSnapshotStore, saveSnapshotIn } from './snapshots.js'
import * as E from 'fp-ts/lib/Either.js'
import { type Instant, instantOfMillis } from '@ansinh/core'
import {
  type AppendManyOptions,
  type AppendResult,
  type AppendSnapshot,
  type IdsByPosition,
  type SnapshotKeeping,
  type SnapshotStamp,
  type SnapshotStore,
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
  pollingSubscription,
  trackedSubscription,
  prepareAppend,
} from '@ansinh/store'
import type { SqlDriver } from './driver.js'
import { EVENT_INDEXES, migrate } from './migrations.js'
import { COPY_CHUNK, planAndLoad } from './load.js'
import { type EventRow, decodeRow, readRows } from './internal/rows.js'

/** The advisory-lock key serializing appends ("ansh"). */
const APPEND_LOCK = 0x616e7368

/** The channel a server store notifies on commit. */
const CHANNEL = 'ansinh_events'

/** Options of a SQL store. */
export interface SqlStoreOptions {
  /** Sets `recordedAt` of an event appended without one; default: now, in Vietnam's offset. */
  readonly clock?: () => Instant
  /** How often a subscriber looks for events appended by other processes; default 500 ms. */
  readonly pollMs?: number
  /**
   * Create the schema in a database that has none (default true). false: a database without the
   * events table is not a store, and every call answers `StoreUnavailable` saying so, so that a
   * read of a mistyped database name answers an error rather than zeros.
   */
  readonly create?: boolean
  /**
   * Where snapshots are kept instead of the `ansinh_snapshots` table (the embedded store keeps
   * them as files in its folder). A snapshot sealed with an append is then saved just after the
   * commit, not inside the transaction: safe, because a snapshot is trusted only when its stamp
   * matches the chain.
   */
  readonly snapshots?: SnapshotStore
  /**
   * A first append of at least {@link COPY_CHUNK} events into the empty store loads its rows
   * before it builds the table's indexes, and empties the table in the same transaction (so that
   * PostgreSQL at `wal_level=minimal` writes the rows without logging them); default false. The
   * schema after the commit is the migrations' own, and the indexes' checks (unique ids, unique
   * stream revisions) still hold: a violation refuses the whole append. The transaction holds the
   * table's exclusive lock, which blocks readers until it commits: for a database no other session
   * reads while it loads (the embedded store). The seed histories' 815 k events: PGlite's share of
   * the import went from 16–18 s to about 10 s (the import from 45 s to 35 s).
   */
  readonly indexAfterFirstLoad?: boolean
}

/** The message of a store opened with `create: false` on a database that holds none. */
export const NO_STORE_MESSAGE =
  'no ansinh store in this database (it has no table ansinh_events); only ansinh import creates one'

const unavailable = (err: unknown): StoreError => ({
  _tag: 'StoreUnavailable',
  message: err instanceof Error ? err.message : String(err),
})

/** A failure planned inside a transaction: rolls it back, then becomes the append's Left. */
class Refused extends Error {
  constructor(readonly error: StoreError) {
    super(error._tag)
  }
}

/** An EventStore over a SQL driver (see {@link openPostgresStore}, and `openPgliteStore` in `@ansinh/store-pglite`). */
export class SqlEventStore implements EventStore, SnapshotKeeping, IdsByPosition {
  private readonly changes = new ChangeNotifier()
  private readonly clock: () => Instant
  private readonly pollMs: number
  private unlisten: Promise<(() => Promise<void>) | null> | null = null
  private readonly subscriptions = new Set<Subscription>()
  private closed = false
  /** Projection checkpoints, kept in the same database as the events. */
  readonly checkpoints: SqlCheckpointStore
  /**
   * Read-model snapshots: in the same database as the events (table ansinh_snapshots), or where
   * the options put them.
   */
  readonly snapshots: SnapshotStore
  /** Whether snapshots are kept outside the database, so saved after an append's commit. */
  private readonly snapshotsOutside: boolean
  private readonly indexAfterFirstLoad: boolean

  /** A store over a driver whose schema is ready, or the error that kept it from being ready. */
  constructor(
    private readonly driver: SqlDriver,
    private readonly ready: E.Either<StoreError, void>,
    options: SqlStoreOptions = {},
  ) {
    this.clock = options.clock ?? (() => instantOfMillis(Date.now()))
    this.pollMs = options.pollMs ?? 500
    this.checkpoints = new SqlCheckpointStore(driver)
    this.snapshots = options.snapshots ?? new SqlSnapshotStore(driver)
    this.snapshotsOutside = options.snapshots !== undefined
    this.indexAfterFirstLoad = options.indexAfterFirstLoad === true
  }

  /** Migrates the schema and returns the store; a failure is kept and returned by every call. */
  static async open(driver: SqlDriver, options: SqlStoreOptions = {}): Promise<SqlEventStore> {
    return new SqlEventStore(driver, await SqlEventStore.prepare(driver, options), options)
  }

  /**
   * Brings the schema of `driver`'s database up to date (creating it unless `options.create` is
   * false): what {@link open} does before it constructs the store, for a subclass's own `open`.
   */
  static async prepare(driver: SqlDriver, options: SqlStoreOptions = {}): Promise<E.Either<StoreError, void>> {
    try {
      const exists =
        options.create !== false ||
        (await driver.query<{ t: string | null }>(`SELECT to_regclass('ansinh_events')::text AS t`))[0]?.t != null
      if (exists) await migrate(driver)
      return exists ? E.right(undefined) : E.left({ _tag: 'StoreUnavailable', message: NO_STORE_MESSAGE })
    } catch (err) {
      return E.left(unavailable(err))
    }
  }

  private check(): E.Either<StoreError, void> {
    return this.closed ? E.left({ _tag: 'StoreUnavailable', message: 'the store is closed' }) : this.ready
  }

  /** Appends events to one stream, atomically (idempotency as in @ansinh/store plan.ts). */
  append(
    stream: string,
    events: StreamWrite['events'],
    expectedRevision?: ExpectedRevision,
  ): Promise<E.Either<StoreError, AppendResult>> {
    return this.appendMany([{ stream, events, expectedRevision: expectedRevision ?? 'any' }])
  }

  /** Appends to several streams in one transaction: all or nothing. */
  appendMany(
    writes: readonly StreamWrite[],
    options: AppendManyOptions = {},
  ): Promise<E.Either<StoreError, AppendResult>> {
    return this.write(writes, null, options)
  }

  /**
   * Appends, and saves the snapshot sealed from the new head in the same transaction (or, for
   * snapshots kept outside the database, just after it commits; a failed save there is given to
   * `snapshot.onSaveFailed`: the events are stored either way).
   */
  appendManyWithSnapshot(
    writes: readonly StreamWrite[],
    snapshot: AppendSnapshot,
    options: AppendManyOptions = {},
  ): Promise<E.Either<StoreError, AppendResult>> {
    return this.write(writes, snapshot, options)
  }

  private async write(
    writes: readonly StreamWrite[],
    snapshot: AppendSnapshot | null,
    options: AppendManyOptions,
  ): Promise<E.Either<StoreError, AppendResult>> {
    const ok = this.check()
    if (E.isLeft(ok)) return ok
    const prepared = prepareAppend(writes, this.clock)
    if (E.isLeft(prepared)) return prepared
    const { streams, ids } = prepared.right
    try {
      const committed = await this.driver.transaction(async (tx) => {
        await tx.query('SELECT pg_advisory_xact_lock($1)', [APPEND_LOCK])
        const [head] = await tx.query<{ position: string; hash: string }>(
          'SELECT position, hash FROM ansinh_events ORDER BY position DESC LIMIT 1',
        )
        const revisions = new Map<string, number>()
        const stored = new Map<string, RecordedEvent>()
        // An empty store (under the lock) has no revisions and no ids to look up: a first import
        // skips both lookups.
        if (head !== undefined) {
          const heads = await tx.query<{ stream: string; revision: number }>(
            `SELECT stream, max(revision) AS revision FROM ansinh_events
             WHERE stream IN (SELECT json_array_elements_text($1::json)) GROUP BY stream`,
            [JSON.stringify(streams)],
          )
          for (const r of heads) revisions.set(r.stream, Number(r.revision))
          const rows = await readRows(tx, this.driver.kind, 'id IN (SELECT json_array_elements_text($1::json))', [
            JSON.stringify(ids),
          ])
          for (const row of rows) {
            const decoded = decodeRow(row)
            if (E.isLeft(decoded)) throw new Refused(decoded.left)
            stored.set(decoded.right.event.id, decoded.right)
          }
        }
        const bulk =
          head === undefined &&
          this.indexAfterFirstLoad &&
          prepared.right.writes.reduce((n, w) => n + w.events.length, 0) >= COPY_CHUNK
        if (bulk) {
          await tx.query('TRUNCATE ansinh_events')
          for (const statement of EVENT_INDEXES.drop) await tx.query(statement)
        }
        const planned = await planAndLoad(
          tx,
          prepared.right,
          {
            revisionOf: (s) => revisions.get(s) ?? -1,
            storedEvent: (id) => stored.get(id),
            headPosition: head === undefined ? 0 : Number(head.position),
            headHash: head === undefined ? GENESIS_HASH : head.hash.trim(),
          },
          options.onProgress,
        )
        if (E.isLeft(planned)) throw new Refused(planned.left)
        if (bulk) for (const statement of EVENT_INDEXES.build) await tx.query(statement)
        const { result, head: after, hashes } = planned.right
        const { positions } = result
        if (snapshot !== null && !this.snapshotsOutside) {
          const sealed = snapshot.seal(result, after, hashes)
          if (sealed !== null) await saveSnapshotIn(tx, snapshot.name, sealed)
        }

        if (positions.length > 0 && this.driver.kind === 'postgres') {
          await tx.query('SELECT pg_notify($1, $2)', [CHANNEL, String(positions[positions.length - 1])])
        }
        return { result, head: after, hashes }
      })
      if (committed.result.positions.length > 0) this.changes.notify()
      if (snapshot !== null && this.snapshotsOutside)
        await this.saveAfterCommit(snapshot, committed.result, committed.head, committed.hashes)
      if (committed.hashes.length > 0) await this.committed(committed.head, committed.hashes)
      return E.right(committed.result)
    } catch (err) {
      return E.left(err instanceof Refused ? err.error : unavailable(err))
    }
  }

  /**
   * Told, after an append's commit, the head it left and the chain hash of each event it stored
   * (the last is the head's): for a subclass that keeps them (the embedded store's chain file).
   * It must not reject: the events are stored whatever it does.
   */
  protected async committed(_head: SnapshotStamp, _hashes: readonly string[]): Promise<void> {}

  private async saveAfterCommit(
    snapshot: AppendSnapshot,
    result: AppendResult,
    head: SnapshotStamp,
    hashes: readonly string[],
  ): Promise<void> {
    let sealed: Uint8Array | null
    try {
      sealed = snapshot.seal(result, head, hashes)
    } catch (err) {
      snapshot.onSaveFailed?.({ _tag: 'SnapshotStoreFailed', message: `cannot seal: ${(err as Error).message}` })
      return
    }
    if (sealed === null) return
    const saved = await this.snapshots.save(snapshot.name, sealed)()
    if (E.isLeft(saved)) snapshot.onSaveFailed?.(saved.left)
  }

  /** The events of one stream in revision order. */
  async readStream(
    stream: string,
    options: ReadStreamOptions = {},
  ): Promise<E.Either<StoreError, readonly RecordedEvent[]>> {
    const ok = this.check()
    if (E.isLeft(ok)) return ok
    try {
      const rows = await readRows(this.driver, this.driver.kind, 'stream = $1 AND revision >= $2', [
        stream,
        options.fromRevision ?? 0,
      ])
      const out: RecordedEvent[] = []
      for (const row of rows) {
        const decoded = decodeRow(row)
        if (E.isLeft(decoded)) return decoded
        out.push(decoded.right)
      }
      return E.right(out)
    } catch (err) {
      return E.left(unavailable(err))
    }
  }

  /**
   * Every event from a position, one page per query; a store that fails ends the read with one Left.
   * From a server, the next page is already asked for while this one is decoded and handed out
   * (PGlite runs on this thread, so there it would only wait in line).
   */
  async *readAll(options: ReadAllOptions = {}): AsyncIterable<EventRead> {
    const ok = this.check()
    if (E.isLeft(ok)) {
      yield ok
      return
    }
    const pageSize = Math.max(1, options.pageSize ?? 1_000)
    const ahead = this.driver.kind === 'postgres'
    const fetch = (from: number): Promise<EventRow[]> => {
      const page = readRows(this.driver, this.driver.kind, 'position >= $1', [from, pageSize], 'LIMIT $2')
      page.catch(() => undefined) // awaited below; a page read ahead and never used must not go unhandled
      return page
    }
    let page: Promise<EventRow[]> | null = fetch(Math.max(1, options.fromPosition ?? 1))
    try {
      while (page !== null) {
        let rows: EventRow[]
        try {
          rows = await page
        } catch (err) {
          page = null
          yield E.left(unavailable(err))
          return
        }
        const following = rows.length < pageSize ? null : rows[rows.length - 1]![0] + 1
        page = following !== null && ahead ? fetch(following) : null
        for (const row of rows) {
          const decoded = decodeRow(row)
          yield decoded
          if (E.isLeft(decoded)) return
        }
        if (following !== null && !ahead) page = fetch(following)
      }
    } finally {
      // A reader that stops early leaves no query running behind it (close may follow at once).
      await page?.catch(() => undefined)
    }
  }

  /** Catches up from a position, then follows appends: this process's at once, others' by NOTIFY or polling. */
  subscribe(options: SubscribeOptions): Subscription {
    if (this.unlisten === null && this.driver.kind === 'postgres' && E.isRight(this.ready)) {
      // Without LISTEN the subscription still works, by polling.
      this.unlisten = this.driver.listen(CHANNEL, () => this.changes.notify()).catch(() => null)
    }
    return trackedSubscription(
      this.subscriptions,
      pollingSubscription(
        { readFrom: (fromPosition) => this.readAll({ fromPosition }), changes: this.changes, pollMs: this.pollMs },
        options,
      ),
    )
  }

  /** The ids of the events at `positions`, one query per 50,000 (positions it does not hold are left out). */
  async idsAt(positions: Iterable<number>): Promise<E.Either<StoreError, ReadonlyMap<number, string>>> {
    const ok = this.check()
    if (E.isLeft(ok)) return ok
    const wanted = [...positions].filter((p) => Number.isInteger(p) && p >= 1)
    const out = new Map<number, string>()
    try {
      for (let i = 0; i < wanted.length; i += 50_000) {
        const rows = await this.driver.query<{ position: string | number; id: string }>(
          `SELECT position, id FROM ansinh_events WHERE position = ANY(string_to_array($1, ',')::bigint[])`,
          [wanted.slice(i, i + 50_000).join(',')],
        )
        for (const r of rows) out.set(Number(r.position), r.id)
      }
    } catch (err) {
      return E.left(unavailable(err))
    }
    return E.right(out)
  }

  /** The position of the last committed event (0 when empty), or why the store cannot say. */
  async headPosition(): Promise<E.Either<StoreError, number>> {
    const ok = this.check()
    if (E.isLeft(ok)) return ok
    try {
      const [row] = await this.driver.query<{ position: string }>(
        'SELECT position FROM ansinh_events ORDER BY position DESC LIMIT 1',
      )
      return E.right(row === undefined ? 0 : Number(row.position))
    } catch (err) {
      return E.left(unavailable(err))
    }
  }

  /** Stops the subscriptions still running, stops listening and releases the connections. */
  async close(): Promise<void> {
    if (this.closed) return
    await Promise.all([...this.subscriptions].map((s) => s.stop()))
    this.closed = true
    this.changes.notify()
    const unlisten = await this.unlisten
    if (unlisten) await unlisten()
    await this.driver.close()
  }
}
