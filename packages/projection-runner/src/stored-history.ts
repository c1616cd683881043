/**
 * A `History` restored from the store's snapshot and topped up with the events after it — what
 * the CLI and the seed reports answer from. A snapshot is used only when its envelope opens
 * (checksum, versions) and its stamp matches the store's chain at its position; any other snapshot
 * is ignored with one warning line and the history is rebuilt from every event (and, by
 * {@link loadStoredHistory}'s caller's choice, a fresh snapshot saved).
 *
 * @module stored-history
 */
import * as E from 'fp-ts/lib/Either.js'
import { History, decodeHistorySnapshot, encodeHistorySnapshot } from '@ansinh/projection'
import {
  type AppendSnapshot,
  ChainCheckpoints,
  ChainWalk,
  type EventStore,
  GENESIS_HASH,
  type SnapshotError,
  type SnapshotStamp,
  type SnapshotStoreFailed,
  type StoreError,
  checkAgainstChain,
  describeSnapshotError,
  isStoreError,
  keepsSnapshots,
  openSnapshot,
  sealSnapshot,
} from '@ansinh/store'

/** The name the built-in read models' snapshot is kept under. */
export const HISTORY_SNAPSHOT = 'history'

/**
 * The History payload format sealed in the envelope. Bump it with any change of
 * `encodeHistorySnapshot`'s bytes: an envelope of another format is then rebuilt, never misread.
 */
export const HISTORY_SNAPSHOT_FORMAT = 5

/** Seals `history` (folded up to `stamp`) as a snapshot envelope, with the chain's `checkpoints` known up to it. */
export const sealHistory = (history: History, stamp: SnapshotStamp, checkpoints?: ChainCheckpoints): Uint8Array =>
  sealSnapshot(stamp, HISTORY_SNAPSHOT_FORMAT, encodeHistorySnapshot(history), checkpoints)

/** A trusted snapshot's history, or why the envelope is not trusted. */
export const openHistorySnapshot = async (
  store: EventStore,
  envelope: Uint8Array,
): Promise<
  E.Either<SnapshotError | StoreError, { history: History; stamp: SnapshotStamp; checkpoints: ChainCheckpoints }>
> => {
  const opened = openSnapshot(envelope, HISTORY_SNAPSHOT_FORMAT)
  if (E.isLeft(opened)) return opened
  const trusted = await checkAgainstChain(store, opened.right)
  if (E.isLeft(trusted)) return trusted
  // the envelope was read for this history alone: its payload is viewed, not copied
  const history = decodeHistorySnapshot(opened.right.payload, { inPlace: true })
  if (E.isLeft(history)) return E.left({ _tag: 'SnapshotUnreadable', message: history.left.message })
  if ((history.right.lastPosition ?? 0) !== opened.right.position) {
    return E.left({
      _tag: 'SnapshotUnreadable',
      message: `payload ends at position ${history.right.lastPosition ?? 0}, stamped ${opened.right.position}`,
    })
  }
  return E.right({
    history: history.right,
    stamp: { position: opened.right.position, hash: opened.right.hash },
    checkpoints: opened.right.checkpoints,
  })
}

/** Options of {@link loadStoredHistory}. */
export interface LoadOptions {
  /** false: replay every event, neither reading nor writing a snapshot (`--no-snapshot`). */
  readonly useSnapshot: boolean
  /** Gets the one-line reason a snapshot was not used. */
  readonly warn: (line: string) => void
  /** Called with the position of each event read from the store. */
  readonly onEvent?: (position: number) => void
  /** Page size of the store read; default 5,000. */
  readonly pageSize?: number
  /**
   * Saves a fresh snapshot when none was used or at least this many events were read after it;
   * default 10,000 (Infinity: never).
   */
  readonly refreshAfter?: number
}

/** A history loaded from a store. */
export interface StoredHistory {
  readonly history: History
  /** The trusted snapshot's stamp it started from, or null (every event was read). */
  readonly snapshot: SnapshotStamp | null
  /** How many events were read from the store (after the snapshot, if any). */
  readonly read: number
  /**
   * The chain hash after `position`, when this load knows it, else null: the snapshot's, or one
   * recomputed from the events read (never copied from a stored column).
   */
  readonly hashAt: (position: number) => string | null
  /**
   * The chain's hash at every 256th position up to the head, as far as known (the snapshot's, and
   * those recomputed from the events read): where a walk to an earlier position can start.
   */
  readonly checkpoints: ChainCheckpoints
  /** The head it read up to: its position and recomputed hash. */
  readonly head: SnapshotStamp
  /** Whether a fresh snapshot was saved. */
  readonly saved: boolean
}

/**
 * Loads the store's history: from its snapshot when one is trusted, then the events after it,
 * re-chained as they are read (a `ChainWalk` from the snapshot's stamp, or from position 1): the
 * hashes it gives are computed over what was read. A failure of the store's read is the Left, as
 * from `readAll`; so is an event that does not follow the chain, as a `CorruptEvent` at its
 * position saying why, so that no answer rests on an edited or missing row.
 */
export const loadStoredHistory = async (
  store: EventStore,
  options: LoadOptions,
): Promise<E.Either<StoreError, StoredHistory>> => {
  const snapshots = options.useSnapshot && keepsSnapshots(store) ? store.snapshots : null
  let history: History | null = null
  let snapshot: SnapshotStamp | null = null
  let checkpoints = new ChainCheckpoints()
  if (snapshots !== null) {
    const loaded = await snapshots.load(HISTORY_SNAPSHOT)()
    let problem: SnapshotError | SnapshotStoreFailed | null = E.isLeft(loaded) ? loaded.left : null
    if (E.isRight(loaded) && loaded.right !== null) {
      const opened = await openHistorySnapshot(store, loaded.right)
      if (E.isRight(opened)) ({ history, stamp: snapshot, checkpoints } = opened.right)
      else if (isStoreError(opened.left)) return E.left(opened.left)
      else problem = opened.left
    }
    if (problem !== null)
      options.warn(
        `ansinh: snapshot "${HISTORY_SNAPSHOT}" ignored, ${describeSnapshotError(problem)}; rebuilding from every event`,
      )
  }
  const model = history ?? History.of([])
  const from = snapshot?.position ?? 0
  const walk = new ChainWalk(snapshot ?? undefined)
  const tail: string[] = []
  for await (const read of store.readAll({ fromPosition: from + 1, pageSize: options.pageSize ?? 5_000 })) {
    if (E.isLeft(read)) return read
    const r = read.right
    const broken = walk.step(r)
    if (broken !== null)
      return E.left({
        _tag: 'CorruptEvent',
        position: broken.position,
        message: `hash chain broken: ${broken.reason}`,
        problems: [],
      })
    model.append({ event: r.event, position: r.position })
    tail.push(walk.head.hash)
    checkpoints.record(r.position, walk.head.hash)
    options.onEvent?.(r.position)
  }
  const head: SnapshotStamp = walk.head
  let saved = false
  if (
    snapshots !== null &&
    (snapshot === null || tail.length >= (options.refreshAfter ?? 10_000)) &&
    head.position > 0
  ) {
    // A failed save costs only the next run's speed: the answer is already complete.
    const r = await snapshots.save(HISTORY_SNAPSHOT, sealHistory(model, head, checkpoints))()
    if (E.isLeft(r)) options.warn(`ansinh: snapshot "${HISTORY_SNAPSHOT}" not saved: ${r.left.message}`)
    saved = E.isRight(r)
  }
  const hashAt = (p: number): string | null =>
    p === from ? (snapshot?.hash ?? (p === 0 ? GENESIS_HASH : null)) : p > from ? (tail[p - from - 1] ?? null) : null
  return E.right({ history: model, snapshot, read: tail.length, hashAt, checkpoints, head, saved })
}

/**
 * The snapshot to save with an import's append: `history` holds the stored events, and
 * `fresh` (the events being appended, in order) is folded in at the positions the store gives
 * them. Saves nothing when the positions are not the ones right after the history's last.
 * `warn` gets the line to print when a store that saves snapshots after the commit could not;
 * `checkpoints` are the chain's known up to the history's last position (a load's), to which the
 * appended events' are added; null keeps none (the stored chain did not re-walk).
 */
export const snapshotWithAppend = (
  history: History,
  fresh: readonly Parameters<History['append']>[0]['event'][],
  warn?: (line: string) => void,
  checkpoints: ChainCheckpoints | null = new ChainCheckpoints(),
): AppendSnapshot => ({
  name: HISTORY_SNAPSHOT,
  ...(warn === undefined
    ? {}
    : {
        onSaveFailed: (f: SnapshotStoreFailed) =>
          warn(`ansinh: snapshot "${HISTORY_SNAPSHOT}" not saved: ${f.message}`),
      }),
  seal: (result, head, hashes) => {
    const before = history.lastPosition ?? 0
    if (
      result.positions.length !== fresh.length ||
      result.positions.some((p, i) => p !== before + 1 + i) ||
      head.position !== before + fresh.length
    )
      return null
    for (let i = 0; i < fresh.length; i++) {
      history.append({ event: fresh[i]!, position: before + 1 + i })
      const hash = hashes[i]
      if (hash !== undefined) checkpoints?.record(before + 1 + i, hash)
    }
    return sealHistory(history, head, checkpoints ?? undefined)
  },
})
