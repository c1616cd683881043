/**
 * The store in a folder: the SQL store over PGlite, with its snapshots as files (file-snapshots.ts)
 * and, when the folder is sealed (seal.ts), PGlite started only when a question needs a row. A
 * report from a snapshot taken at the head then reads the snapshot file and nothing else.
 *
 * @module folder-store
 */
import * as E from 'fp-ts/lib/Either.js'
import { open } from 'node:fs/promises'
import { join } from 'node:path'
import {
  type AppendManyOptions,
  type AppendResult,
  type AppendSnapshot,
  ENVELOPE_STAMP_BYTES,
  type EventRead,
  type ReadAllOptions,
  type SnapshotStamp,
  type StoreError,
  type StreamWrite,
  type KeepsEveryChainHash,
  type RemembersChainHashes,
  type VouchesHead,
  envelopeStamp,
} from '@ansinh/store'
import { MIGRATIONS, type SqlDriver, SqlEventStore, type SqlStoreOptions } from '@ansinh/store-postgres'
import { CHAIN_FILE, ChainFile, type ChainRecord } from './chain-file.js'
import { pgliteDriver } from './driver.js'
import { FileSnapshotStore, SNAPSHOT_FOLDER } from './file-snapshots.js'
import { writeSeal } from './seal.js'

/**
 * PostgreSQL's start parameters a folder adds to PGlite's own (`PGlite.defaultStartParams`): shared
 * buffers of 16 MB instead of the 128 MB a server defaults to. PGlite zeroes and holds its shared
 * buffers in the process's WebAssembly memory from the start: 128 MB made every `ansinh` command
 * about 300 MB before it read a row. The store reads and writes in sequence (appends,
 * position-ordered reads), which needs no large buffer pool.
 */
export const PGLITE_START_PARAMS: readonly string[] = ['-c', 'shared_buffers=16MB']

/**
 * The start parameters of a bulk load (`bulk: true`): 256 MB of shared buffers. Loading hundreds
 * of thousands of events maintains four indexes, one of them on random UUIDs: with 16 MB, PostgreSQL
 * keeps writing index pages out and reading them back (the seed histories' import: 95 s, of which
 * 11 s in PGlite's file reads and writes). With 256 MB it takes 69 s. The memory is held only by
 * the process that loads. A first load into the empty store also builds its indexes after the
 * rows (`indexAfterFirstLoad`) and, with `wal_level=minimal`, writes them without logging them.
 */
export const PGLITE_BULK_START_PARAMS: readonly string[] = [
  '-c',
  'shared_buffers=256MB',
  // a first load into the empty table (indexAfterFirstLoad) then writes its rows without logging
  // them: the seed histories' import wrote 577 MB of WAL for 370 MB of rows
  '-c',
  'wal_level=minimal',
  '-c',
  'max_wal_senders=0',
]

/**
 * Starts PGlite in `folder`. PGlite's modules (a 375 kB bundle and its WebAssembly) are loaded here,
 * not when this package is imported: a sealed folder's answer never loads them.
 */
const startPglite = async (folder: string, params: readonly string[]): Promise<SqlDriver> => {
  const { PGlite } = await import('@electric-sql/pglite')
  return pgliteDriver(await PGlite.create(folder, { startParams: [...PGlite.defaultStartParams, ...params] }))
}

/**
 * The snapshot a seal is written for: the built-in read models' (`HISTORY_SNAPSHOT` of
 * `@ansinh/projection-runner`), the one every report answers from.
 */
export const SEALED_SNAPSHOT = 'history'

/** A driver that starts PGlite in `folder` on its first statement; `started` says whether it has. */
interface LazyDriver extends SqlDriver {
  readonly params: readonly string[]
  started(): boolean
  /** Starts PGlite now (rejects when it cannot open the folder). */
  start(): Promise<void>
}

const lazyDriver = (folder: string, params: readonly string[], afterClose: () => Promise<void>): LazyDriver => {
  let starting: Promise<SqlDriver> | null = null
  const driver = (): Promise<SqlDriver> => (starting ??= startPglite(folder, params))
  return {
    kind: 'pglite',
    params,
    started: () => starting !== null,
    start: async () => void (await driver()),
    query: async (text, params) => (await driver()).query(text, params),
    copy: async (table, columns, text, onSent) => (await driver()).copy(table, columns, text, onSent),
    copyOut: async (select) => (await driver()).copyOut(select),
    transaction: async (body) => (await driver()).transaction(body),
    listen: async (channel, onNotify) => (await driver()).listen(channel, onNotify),
    close: async () => {
      try {
        if (starting !== null) await (await starting.catch(() => null))?.close()
      } finally {
        await afterClose()
      }
    },
  }
}

/** The stamp the envelope in `file` names (its header only), or null when the file is not there or holds none. */
const snapshotStampOf = async (file: string): Promise<SnapshotStamp | null> => {
  try {
    const handle = await open(file, 'r')
    try {
      const header = Buffer.alloc(ENVELOPE_STAMP_BYTES)
      const { bytesRead } = await handle.read(header, 0, ENVELOPE_STAMP_BYTES, 0)
      return envelopeStamp(header.subarray(0, bytesRead))
    } finally {
      await handle.close()
    }
  } catch {
    return null
  }
}

/** Options of {@link FolderStore.openFolder}. */
export interface FolderStoreOptions extends SqlStoreOptions {
  /** The head the folder's seal vouches for (seal.ts), or null: the store is then opened as always. */
  readonly vouched: SnapshotStamp | null
  /** The chain hashes that seal remembers (only a vouching seal's: those of another folder state are not these rows'). */
  readonly hashes?: ReadonlyMap<number, string> | undefined
  /** The chain file that seal records (only a vouching seal's, as `hashes`). */
  readonly chain?: ChainRecord | null | undefined
  /** Releases the folder's lock: called once, after PGlite has closed and the seal is written. */
  readonly release: () => void
  /** Start PGlite for a bulk load ({@link PGLITE_BULK_START_PARAMS}); default false. */
  readonly bulk?: boolean | undefined
}

/** The embedded store in a folder (see the module comment). */
export class FolderStore extends SqlEventStore implements VouchesHead, RemembersChainHashes, KeepsEveryChainHash {
  /** The head vouched for by the seal, until this store appends. */
  private vouched: SnapshotStamp | null
  private sealAtClose: SnapshotStamp | null = null
  private readonly files: FileSnapshotStore
  /** Chain hashes computed from these rows, the latest used last (kept with the seal at close). */
  private readonly hashes = new Map<number, string>()
  /** The chain hash of every position up to some head, computed as they were appended (chain-file.ts); null: none trusted. */
  private chain: ChainFile | null = null

  private constructor(
    private readonly folder: string,
    private readonly lazy: LazyDriver,
    ready: E.Either<StoreError, void>,
    vouched: SnapshotStamp | null,
    options: SqlStoreOptions,
  ) {
    const files = new FileSnapshotStore(join(folder, SNAPSHOT_FOLDER))
    // PGlite has one session, this process's (the folder's lock keeps others out): a first load may
    // build the indexes after its rows
    super(lazy, ready, { indexAfterFirstLoad: true, ...options, snapshots: files })
    this.files = files
    this.vouched = vouched
  }

  /**
   * Opens the store in `folder`, whose lock the caller holds. Sealed (`options.vouched`): nothing is
   * started until a statement is needed. Otherwise PGlite is started and the schema brought up to
   * date, as for any SQL store.
   */
  static async openFolder(folder: string, options: FolderStoreOptions): Promise<FolderStore> {
    let store: FolderStore | null = null
    const params = options.bulk === true ? PGLITE_BULK_START_PARAMS : PGLITE_START_PARAMS
    const lazy = lazyDriver(folder, params, async () => {
      try {
        const head = store?.sealAtClose ?? null
        // a seal that cannot be written only costs the next process its start-up
        if (head !== null) {
          const chain = (await store?.chain?.record()) ?? null
          await writeSeal(folder, { head, schema: MIGRATIONS.length, hashes: store?.hashes, chain }).catch(
            () => undefined,
          )
        }
      } finally {
        store?.chain?.close()
        options.release()
      }
    })
    const { vouched, hashes, chain, bulk: _bulk, release: _, ...sql } = options
    // unsealed, PGlite starts now, so that a folder it cannot open is refused by the caller at once
    if (vouched === null) await lazy.start()
    const ready = vouched !== null ? E.right(undefined) : await SqlEventStore.prepare(lazy, sql)
    store = new FolderStore(folder, lazy, ready, vouched, sql)
    if (vouched !== null) for (const [p, h] of hashes ?? []) store.hashes.set(p, h)
    const chainPath = join(folder, SNAPSHOT_FOLDER, CHAIN_FILE)
    if (vouched !== null) store.chain = await ChainFile.trusted(chainPath, chain ?? null, vouched)
    else if (E.isRight(ready)) {
      // unsealed, a chain file cannot be trusted; an empty store gets a fresh one with its first append
      const head = await store.headPosition()
      if (E.isRight(head) && head.right === 0) store.chain = ChainFile.fresh(chainPath)
    }
    return store
  }

  /**
   * Writes the chain file afresh from a walk of every row (positions 1 … n), when the store holds
   * no trusted one reaching as far: after the database was opened by something else, a full
   * `verify` gives the folder its chain file back. Kept with the seal at close, like an append's.
   */
  async keepEveryChainHash(hashes: Uint8Array): Promise<boolean> {
    if (hashes.length === 0 || (this.chain !== null && this.chain.positions * 32 >= hashes.length)) return false
    const head = await this.headPosition()
    // a walk that is not of every row up to the head (an append since) is not kept
    if (E.isLeft(head) || head.right * 32 !== hashes.length) return false
    const file = ChainFile.fresh(join(this.folder, SNAPSHOT_FOLDER, CHAIN_FILE))
    const written = await file.extendBytes(1, hashes).catch(() => false)
    if (!written) return false
    this.chain?.close()
    this.chain = file
    return true
  }

  /** Keeps the hashes an append just stored in the chain file (a file that cannot be written is no longer trusted). */
  protected override async committed(head: SnapshotStamp, hashes: readonly string[]): Promise<void> {
    const chain = this.chain
    if (chain === null) return
    const extended = await chain.extend(head.position - hashes.length + 1, hashes).catch(() => false)
    if (!extended) {
      chain.close()
      this.chain = null
    }
  }

  /** The chain hash at `position` computed from these rows, by this process or one that sealed the folder as it is. */
  rememberedHashAt(position: number): string | null {
    const hash = this.hashes.get(position)
    if (hash === undefined) return this.chain?.hashAt(position) ?? null
    this.rememberHashAt(position, hash)
    return hash
  }

  /** Keeps a hash computed from these rows just now, for this process and, with the seal, the next. */
  rememberHashAt(position: number, hash: string): void {
    // the latest used go last: a seal keeps the last REMEMBERED_HASHES
    this.hashes.delete(position)
    this.hashes.set(position, hash)
  }

  /** The head the folder's seal vouches for, while this store has not appended. */
  vouchedHead(): SnapshotStamp | null {
    return this.vouched
  }

  /** PostgreSQL's start parameters this store starts PGlite with (besides PGlite's own). */
  get startParams(): readonly string[] {
    return this.lazy.params
  }

  /** Whether PGlite was started (false: every answer so far came from the seal and the snapshot files). */
  get started(): boolean {
    return this.lazy.started()
  }

  override append(
    stream: string,
    events: StreamWrite['events'],
    expectedRevision?: Parameters<SqlEventStore['append']>[2],
  ): Promise<E.Either<StoreError, AppendResult>> {
    this.vouched = null
    return super.append(stream, events, expectedRevision)
  }

  override appendMany(
    writes: readonly StreamWrite[],
    options: AppendManyOptions = {},
  ): Promise<E.Either<StoreError, AppendResult>> {
    this.vouched = null
    return super.appendMany(writes, options)
  }

  override appendManyWithSnapshot(
    writes: readonly StreamWrite[],
    snapshot: AppendSnapshot,
    options: AppendManyOptions = {},
  ): Promise<E.Either<StoreError, AppendResult>> {
    this.vouched = null
    return super.appendManyWithSnapshot(writes, snapshot, options)
  }

  /** Every event from a position; past a vouched head there is none, and PGlite is not started to say so. */
  override readAll(options: ReadAllOptions = {}): AsyncIterable<EventRead> {
    const vouched = this.vouched
    if (vouched !== null && (options.fromPosition ?? 1) > vouched.position) return (async function* () {})()
    return super.readAll(options)
  }

  /** The position of the last event; a vouched head's without starting PGlite. */
  override async headPosition(): Promise<E.Either<StoreError, number>> {
    return this.vouched === null ? super.headPosition() : E.right(this.vouched.position)
  }

  /**
   * Closes PGlite, if it was started, and then seals the folder when the snapshot file is stamped
   * with the head row's hash; then releases the folder.
   */
  override async close(): Promise<void> {
    if (this.lazy.started()) this.sealAtClose = await this.headMatchingSnapshot()
    await super.close()
  }

  /** The store's head when the history snapshot file is stamped with it (the head row's hash), else null. */
  private async headMatchingSnapshot(): Promise<SnapshotStamp | null> {
    try {
      const [row] = await this.lazy.query<{ position: string; hash: string }>(
        'SELECT position, hash FROM ansinh_events ORDER BY position DESC LIMIT 1',
      )
      if (row === undefined) return null
      const head = { position: Number(row.position), hash: row.hash.trim() }
      const stamp = await snapshotStampOf(this.files.fileOf(SEALED_SNAPSHOT))
      return stamp !== null && stamp.position === head.position && stamp.hash === head.hash ? head : null
    } catch {
      return null
    }
  }
}
