/**
 * Whether a snapshot still describes the store's history: its stamp must name a position the
 * store holds, with exactly the chain hash the store's event at that position carries. The chain
 * makes that one comparison enough — the hash at a position covers every event up to it — so a
 * rewritten, truncated or swapped history is never mistaken for the one the snapshot was taken of.
 *
 * @module snapshot-trust
 */
import * as E from 'fp-ts/lib/Either.js'
import { GENESIS_HASH } from './chain.js'
import type { EventStore, StoreError } from './port.js'
import type { SnapshotError, SnapshotStamp } from './snapshot.js'

/**
 * A store that can name its head, position and chain hash, without reading it: the embedded
 * store whose folder is unchanged since a process found its head row carrying that hash
 * (`@ansinh/store-pglite`'s seal). Null when it cannot (then it is read as any store).
 */
export interface VouchesHead {
  vouchedHead(): SnapshotStamp | null
}

/** The head `store` vouches for, or null (it does not, or it is no {@link VouchesHead}). */
export const vouchedHeadOf = (store: EventStore): SnapshotStamp | null =>
  'vouchedHead' in store && typeof store.vouchedHead === 'function'
    ? (store as EventStore & VouchesHead).vouchedHead()
    : null

/**
 * A store that keeps the chain hashes a process computed from its rows (by walking the chain from
 * a checkpoint), so that a later process citing the same position need not walk again: the
 * embedded store keeps them with its seal, and hands them out only while its folder is unchanged
 * since (a chain is append-only: the hash at a position never changes while the rows stay).
 */
export interface RemembersChainHashes {
  /** The hash at `position` computed from this store's rows by this or an earlier process, or null. */
  rememberedHashAt(position: number): string | null
  /** Keeps a hash just computed from this store's rows. */
  rememberHashAt(position: number, hash: string): void
}

const remembers = (store: EventStore): store is EventStore & RemembersChainHashes =>
  'rememberedHashAt' in store && typeof store.rememberedHashAt === 'function'

/** The chain hash at `position` that `store` remembers computing from its rows, or null. */
export const rememberedHashOf = (store: EventStore, position: number): string | null =>
  remembers(store) ? store.rememberedHashAt(position) : null

/**
 * A store that keeps the chain hash of every position (the embedded store's chain file) and can
 * take them from a walk of its rows from position 1, when it holds none it trusts: a full
 * `verify` then restores what a report at a new known-at cut reads instead of walking.
 */
export interface KeepsEveryChainHash {
  /**
   * Keeps `hashes`, 32 bytes each, the chain hash of positions 1, 2, … as a walk of this store's
   * rows computed them just now; false when it did not (it holds them already, or cannot write).
   */
  keepEveryChainHash(hashes: Uint8Array): Promise<boolean>
}

/** Hands `hashes` (32 bytes per position from 1, walked from the rows) to a store that keeps them; false otherwise. */
export const keepEveryChainHashOf = async (store: EventStore, hashes: Uint8Array): Promise<boolean> =>
  'keepEveryChainHash' in store && typeof store.keepEveryChainHash === 'function'
    ? (store as EventStore & KeepsEveryChainHash).keepEveryChainHash(hashes)
    : false

/** Tells `store`, when it keeps them, the hash at `position` just computed from its rows. */
export const rememberHashOf = (store: EventStore, position: number, hash: string): void => {
  if (remembers(store)) store.rememberHashAt(position, hash)
}

/**
 * Right when the store's chain hash at `stamp.position` is `stamp.hash`; a `SnapshotStale` Left
 * otherwise. A store that fails while being read answers its StoreError as the Left (the tags of
 * the two unions differ: `isStoreError` tells them apart), so a failed read is never taken
 * for a stale snapshot. A store that
 * vouches for its head answers for that position without a read.
 */
export const checkAgainstChain = async (
  store: EventStore,
  stamp: SnapshotStamp,
): Promise<E.Either<SnapshotError | StoreError, SnapshotStamp>> => {
  if (stamp.position === 0) {
    return stamp.hash === GENESIS_HASH
      ? E.right(stamp)
      : E.left({ _tag: 'SnapshotStale', position: 0, hash: stamp.hash, chainHash: GENESIS_HASH })
  }
  const vouched = vouchedHeadOf(store)
  if (vouched !== null && vouched.position === stamp.position) {
    return vouched.hash === stamp.hash
      ? E.right(stamp)
      : E.left({ _tag: 'SnapshotStale', position: stamp.position, hash: stamp.hash, chainHash: vouched.hash })
  }
  let chainHash: string | null = null
  for await (const r of store.readAll({ fromPosition: stamp.position, pageSize: 1 })) {
    if (E.isLeft(r)) return r
    if (r.right.position === stamp.position) chainHash = r.right.hash
    break
  }
  return chainHash === stamp.hash
    ? E.right(stamp)
    : E.left({ _tag: 'SnapshotStale', position: stamp.position, hash: stamp.hash, chainHash })
}
