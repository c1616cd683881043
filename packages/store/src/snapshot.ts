/**
 * Persisted snapshots of read models, kept in the store beside the events. A snapshot is an
 * envelope around a payload (the read model's own encoding, e.g. a `History`): a format version,
 * the position and chain hash it was taken at, and a CRC-32 checksum over everything, so a reader
 * can tell a snapshot it may trust from one that was cut short, edited, written by another format,
 * or taken of a history that has since been rewritten (see {@link checkAgainstChain}).
 *
 * Envelope layout (big-endian):
 *
 * | bytes | field |
 * |---|---|
 * | 8 | magic `ANSINHSN` |
 * | 2 | envelope version (1) |
 * | 4 | payload format (the read model's, e.g. 1 for the first History payload) |
 * | 8 | position of the last event folded in (0: none) |
 * | 32 | chain hash at that position (the genesis hash for 0) |
 * | 8 | payload length |
 * | 2 | zero (envelope version 2: the payload starts 8-byte aligned, so a reader can view its typed arrays in place) |
 * | n | payload |
 * | 32 · k | the chain hash at positions 256, 512, …, 256 · k, k ≤ ⌊position / 256⌋ (zeros: not known), {@link ChainCheckpoints} |
 * | 4 | k |
 * | 4 | CRC-32 (zlib's, big-endian) of every byte before it |
 *
 * The checksum is there to find a file that was cut short or damaged, as PostgreSQL's own page
 * and WAL checksums (CRC-32C) are; no keyless checksum can stop a deliberate edit, SHA-256 no more
 * than CRC-32. What makes a snapshot trusted is its stamp: the chain hash at its position, which
 * the store's chain must carry. CRC-32 reads the 80 MB snapshot of a large province in about
 * 15 ms; SHA-256 took 80–400 ms on the project machine, most of a report's time.
 *
 * @module snapshot
 */
import { crc32 } from 'node:zlib'
import * as E from 'fp-ts/lib/Either.js'
import type * as TE from 'fp-ts/lib/TaskEither.js'
import type { AppendManyOptions, AppendResult, EventStore, StoreError, StreamWrite } from './port.js'

/** The envelope layout this code writes and reads. */
export const SNAPSHOT_ENVELOPE_VERSION = 2

const MAGIC = 'ANSINHSN'
const HEADER = 8 + 2 + 4 + 8 + 32 + 8 + 2
const CHECKSUM = 4
/** The checkpoint count before the checksum. */
const COUNT = 4

/** Where a snapshot was taken: the position of the last event in it and the chain hash there. */
export interface SnapshotStamp {
  readonly position: number
  /** Lowercase hex SHA-256, as the events carry it. */
  readonly hash: string
}

/** A snapshot taken out of its envelope, checksum verified. */
export interface OpenedSnapshot extends SnapshotStamp {
  readonly format: number
  readonly payload: Uint8Array
  /** The chain's hashes at every 256th position up to the stamp, as far as the writer knew them. */
  readonly checkpoints: ChainCheckpoints
}

/** Why a snapshot is not trusted (it is then ignored and rebuilt). */
export type SnapshotError =
  | { readonly _tag: 'SnapshotUnreadable'; readonly message: string }
  | { readonly _tag: 'SnapshotOtherVersion'; readonly found: string; readonly expected: string }
  | {
      readonly _tag: 'SnapshotStale'
      readonly position: number
      readonly hash: string
      readonly chainHash: string | null
    }

/** Why the snapshot table or map could not be read or written. */
export interface SnapshotStoreFailed {
  readonly _tag: 'SnapshotStoreFailed'
  readonly message: string
}

/** One line saying why a snapshot is not used. */
export const describeSnapshotError = (e: SnapshotError | SnapshotStoreFailed): string => {
  switch (e._tag) {
    case 'SnapshotUnreadable':
      return `unreadable: ${e.message}`
    case 'SnapshotOtherVersion':
      return `of another format (${e.found}; this version reads ${e.expected})`
    case 'SnapshotStale':
      return e.chainHash === null
        ? `taken at position ${e.position}, which the store does not hold`
        : `its hash ${e.hash.slice(0, 12)}… does not match the chain's ${e.chainHash.slice(0, 12)}… at position ${e.position}`
    case 'SnapshotStoreFailed':
      return `cannot be read: ${e.message}`
  }
}

/**
 * The chain's hash at every 256th position (256, 512, …), as far as it is known: what a report
 * as known at an earlier cut needs to cite the hash at its last position without walking the
 * chain from position 1 (it walks at most 255 rows from the checkpoint before it). Kept in the
 * snapshot envelope: 32 bytes per 256 events (0.1 MB for a million).
 */
export class ChainCheckpoints {
  /** Positions between two checkpoints. */
  static readonly EVERY = 256
  private hashes: Uint8Array

  /** @param bytes 32 bytes per checkpoint, from position 256 on (all zeros: not known) */
  constructor(bytes: Uint8Array = new Uint8Array(0)) {
    this.hashes = bytes
  }

  /** Records the hash at `position` when it is a checkpoint's. */
  record(position: number, hash: string): void {
    if (position <= 0 || position % ChainCheckpoints.EVERY !== 0) return
    const at = (position / ChainCheckpoints.EVERY - 1) * 32
    if (at + 32 > this.hashes.length) {
      const grown = new Uint8Array(Math.max(at + 32, this.hashes.length * 2))
      grown.set(this.hashes)
      this.hashes = grown
    }
    this.hashes.set(Buffer.from(hash, 'hex'), at)
  }

  /** The known checkpoint at or before `position` (highest first), or null. */
  before(position: number): SnapshotStamp | null {
    for (let k = Math.floor(position / ChainCheckpoints.EVERY); k >= 1; k--) {
      const at = (k - 1) * 32
      if (at + 32 > this.hashes.length) continue
      const bytes = this.hashes.subarray(at, at + 32)
      if (bytes.some((b) => b !== 0))
        return { position: k * ChainCheckpoints.EVERY, hash: Buffer.from(bytes).toString('hex') }
    }
    return null
  }

  /** The 32-byte entries for the checkpoints up to `position`, up to the last one known. */
  bytesUpTo(position: number): Uint8Array {
    let n = Math.min(Math.floor(position / ChainCheckpoints.EVERY), Math.floor(this.hashes.length / 32))
    while (n > 0 && this.hashes.subarray((n - 1) * 32, n * 32).every((b) => b === 0)) n--
    return this.hashes.slice(0, n * 32)
  }
}

/** Wraps `payload` in an envelope stamped with `stamp` and payload `format`, with the chain's `checkpoints` known up to the stamp. */
export const sealSnapshot = (
  stamp: SnapshotStamp,
  format: number,
  payload: Uint8Array,
  checkpoints: ChainCheckpoints = new ChainCheckpoints(),
): Uint8Array => {
  if (!/^[0-9a-f]{64}$/.test(stamp.hash)) throw new Error(`not a chain hash: ${stamp.hash}`)
  const chain = checkpoints.bytesUpTo(stamp.position)
  const out = new Uint8Array(HEADER + payload.length + chain.length + COUNT + CHECKSUM)
  const view = new DataView(out.buffer)
  out.set(Buffer.from(MAGIC, 'latin1'), 0)
  view.setUint16(8, SNAPSHOT_ENVELOPE_VERSION)
  view.setUint32(10, format)
  view.setBigUint64(14, BigInt(stamp.position))
  out.set(Buffer.from(stamp.hash, 'hex'), 22)
  view.setBigUint64(54, BigInt(payload.length))
  out.set(payload, HEADER)
  out.set(chain, HEADER + payload.length)
  view.setUint32(HEADER + payload.length + chain.length, chain.length / 32)
  const end = HEADER + payload.length + chain.length + COUNT
  view.setUint32(end, crc32(out.subarray(0, end)))
  return out
}

/** How many leading bytes of an envelope {@link envelopeStamp} reads. */
export const ENVELOPE_STAMP_BYTES = 54

/**
 * The stamp an envelope's header names (magic, position, hash), read from its first
 * {@link ENVELOPE_STAMP_BYTES} bytes without checking the rest: what a store may compare with its
 * head without reading the whole snapshot. Null when the bytes are no envelope header. Only
 * {@link openSnapshot} says whether the snapshot can be trusted.
 */
export const envelopeStamp = (header: Uint8Array): SnapshotStamp | null => {
  if (header.length < ENVELOPE_STAMP_BYTES || Buffer.from(header.subarray(0, 8)).toString('latin1') !== MAGIC)
    return null
  const view = new DataView(header.buffer, header.byteOffset, header.byteLength)
  return { position: Number(view.getBigUint64(14)), hash: Buffer.from(header.subarray(22, 54)).toString('hex') }
}

/**
 * Opens an envelope: checks magic, length and checksum, then the versions (`format` is the payload
 * format the caller reads). The payload is a view into `bytes`, not a copy.
 */
export const openSnapshot = (bytes: Uint8Array, format: number): E.Either<SnapshotError, OpenedSnapshot> => {
  const unreadable = (message: string) => E.left({ _tag: 'SnapshotUnreadable' as const, message })
  if (bytes.length < HEADER + COUNT + CHECKSUM) return unreadable(`${bytes.length} bytes, shorter than an envelope`)
  if (Buffer.from(bytes.subarray(0, 8)).toString('latin1') !== MAGIC)
    return unreadable('not a snapshot envelope (no ANSINHSN mark)')
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  // another envelope layout cannot be measured by this one's header: refused by its version alone
  const version = view.getUint16(8)
  if (version !== SNAPSHOT_ENVELOPE_VERSION) {
    return E.left({
      _tag: 'SnapshotOtherVersion',
      found: `envelope ${version}, payload format ${view.getUint32(10)}`,
      expected: `envelope ${SNAPSHOT_ENVELOPE_VERSION}, payload format ${format}`,
    })
  }
  const length = view.getBigUint64(54)
  const position = Number(view.getBigUint64(14))
  const end = bytes.length - CHECKSUM
  const chainBytes = view.getUint32(end - COUNT) * 32
  const held = end - COUNT - HEADER - chainBytes
  if (length !== BigInt(held)) return unreadable(`payload of ${length} bytes announced, ${held} held`)
  if (chainBytes / 32 > Math.floor(position / ChainCheckpoints.EVERY))
    return unreadable(`${chainBytes / 32} chain checkpoints for a snapshot at position ${position}`)
  const payloadEnd = HEADER + Number(length)
  if (crc32(bytes.subarray(0, end)) !== view.getUint32(end))
    return unreadable('checksum does not match: the bytes were changed or cut')
  const found = view.getUint32(10)
  if (found !== format) {
    return E.left({
      _tag: 'SnapshotOtherVersion',
      found: `envelope ${version}, payload format ${found}`,
      expected: `envelope ${SNAPSHOT_ENVELOPE_VERSION}, payload format ${format}`,
    })
  }
  return E.right({
    format: found,
    position,
    hash: Buffer.from(bytes.subarray(22, 54)).toString('hex'),
    payload: bytes.subarray(HEADER, payloadEnd),
    checkpoints: new ChainCheckpoints(bytes.slice(payloadEnd, payloadEnd + chainBytes)),
  })
}

/**
 * Where snapshots are kept, by name (one per read model). Each store keeps them with its events:
 * a map for `memory:`, table `ansinh_snapshots` in PostgreSQL and PGlite.
 */
export interface SnapshotStore {
  /** The envelope saved under `name`, or null when there is none. */
  load(name: string): TE.TaskEither<SnapshotStoreFailed, Uint8Array | null>
  /** Replaces the envelope of `name`, atomically. */
  save(name: string, envelope: Uint8Array): TE.TaskEither<SnapshotStoreFailed, void>
}

/** Snapshots in memory: the `memory:` store's, and tests'. */
export class InMemorySnapshotStore implements SnapshotStore {
  private readonly saved = new Map<string, Uint8Array>()

  /** The envelope saved under `name` (a copy), or null. */
  load(name: string): TE.TaskEither<SnapshotStoreFailed, Uint8Array | null> {
    return async () => E.right(this.saved.get(name)?.slice() ?? null)
  }

  /** Replaces the envelope of `name` with a copy of `envelope`. */
  save(name: string, envelope: Uint8Array): TE.TaskEither<SnapshotStoreFailed, void> {
    return async () => {
      this.saved.set(name, envelope.slice())
      return E.right(undefined)
    }
  }
}

/** A snapshot to save with an append: built from the head the append leaves, in its transaction. */
export interface AppendSnapshot {
  /** The snapshot's name. */
  readonly name: string
  /**
   * The envelope to save, given what the append did, the head it left and the chain hash of each
   * appended event (in position order); null saves nothing
   * (e.g. when the positions are not those the caller folded its model with).
   */
  readonly seal: (result: AppendResult, head: SnapshotStamp, hashes: readonly string[]) => Uint8Array | null
  /**
   * Told when a store that keeps snapshots outside its transaction (the embedded store's files)
   * could not save this one after the commit: the events are stored, only the next read's speed
   * is lost.
   */
  readonly onSaveFailed?: (failure: SnapshotStoreFailed) => void
}

/** A store that keeps snapshots beside its events. */
export interface SnapshotKeeping {
  readonly snapshots: SnapshotStore
  /**
   * `appendMany`, and the snapshot saved in the same transaction: both or neither (a store whose
   * snapshots live outside its database saves it just after the commit; see `onSaveFailed`).
   */
  appendManyWithSnapshot(
    writes: readonly StreamWrite[],
    snapshot: AppendSnapshot,
    options?: AppendManyOptions,
  ): Promise<E.Either<StoreError, AppendResult>>
}

/** Whether `store` keeps snapshots (memory, PostgreSQL and PGlite do; EventStoreDB does not). */
export const keepsSnapshots = <S extends EventStore>(store: S): store is S & SnapshotKeeping =>
  'snapshots' in store && 'appendManyWithSnapshot' in store
