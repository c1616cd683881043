/**
 * `ansinh verify`: re-check the store's hash chain; exit 3 naming the first position that does not
 * verify. With a trusted snapshot (its stamp is the hash the store's row at its position carries)
 * the check starts after the snapshot's position: what the reports read is the snapshot and the
 * rows after it. `--full` (or `--no-snapshot`) re-walks the chain from position 1.
 * `--expect-head POSITION:HASH` (a head `ansinh head` printed and someone kept outside the
 * database) must still be on the chain: the hash recomputed at that position must be that hash.
 *
 * @module commands/verify
 */
import * as E from 'fp-ts/lib/Either.js'
import { HISTORY_SNAPSHOT, HISTORY_SNAPSHOT_FORMAT } from '@ansinh/projection-runner'
import {
  type ChainStamp,
  type OpenedSnapshot,
  type SnapshotError,
  type SnapshotStamp,
  type SnapshotStoreFailed,
  type StoreError,
  checkAgainstChain,
  describeSnapshotError,
  formatChainStamp,
  isStoreError,
  keepEveryChainHashOf,
  keepsSnapshots,
  openSnapshot,
  verifyChain,
} from '@ansinh/store'
import type { EventRead, EventStore } from '@ansinh/store'
import { type Failure, fail } from '../failure.js'
import { openStore, redact, replay, storeFailed, storeUrl } from '../source.js'

/** Options of {@link runVerify}. */
export interface VerifyOptions {
  /** Re-check from position 1 even when a snapshot is trusted. */
  readonly full: boolean
  /** false: ignore the store's snapshot (`--no-snapshot`). */
  readonly snapshot: boolean
}

/**
 * The stamp of the store's snapshot when its envelope opens and the chain carries its hash; else
 * null (and why, to `warn`). Left: the store failed while its chain was read.
 */
const trustedStamp = async (
  store: EventStore,
  warn: (line: string) => void,
): Promise<E.Either<StoreError, SnapshotStamp | null>> => {
  if (!keepsSnapshots(store)) return E.right(null)
  const loaded = await store.snapshots.load(HISTORY_SNAPSHOT)()
  if (E.isRight(loaded) && loaded.right === null) return E.right(null)
  const opened: E.Either<SnapshotError | SnapshotStoreFailed, OpenedSnapshot> = E.isLeft(loaded)
    ? loaded
    : openSnapshot(loaded.right!, HISTORY_SNAPSHOT_FORMAT)
  const trusted: E.Either<SnapshotError | SnapshotStoreFailed | StoreError, SnapshotStamp> = E.isLeft(opened)
    ? opened
    : await checkAgainstChain(store, opened.right)
  if (E.isRight(trusted)) return trusted
  const problem = trusted.left
  if (isStoreError(problem)) return E.left(problem)
  warn(`ansinh: snapshot "${HISTORY_SNAPSHOT}" ignored, ${describeSnapshotError(problem)}; verifying from position 1`)
  return E.right(null)
}

/** What a verified walk of a store found: its head, how far it walked, and the last event's recording instant. */
export interface VerifiedChain {
  readonly checked: number
  readonly head: ChainStamp
  /** The trusted snapshot the walk started after, or null (from position 1). */
  readonly from: SnapshotStamp | null
  /** `recordedAt` of the event at the head, when the walk read it. */
  readonly lastRecordedAt: string | null
}

/** Chain hashes of positions 1, 2, … as 32 bytes each, in a buffer that grows. */
class HashBytes {
  private buffer = new Uint8Array(32 * 1024)
  private length = 0

  readonly add = (position: number, hash: string): void => {
    const at = (position - 1) * 32
    // positions come in order from 1; a gap would misplace every later hash
    if (at !== this.length) throw new Error(`verify: chain hash of position ${position} out of order`)
    if (at + 32 > this.buffer.length) {
      const grown = new Uint8Array(this.buffer.length * 2)
      grown.set(this.buffer)
      this.buffer = grown
    }
    this.buffer.set(Buffer.from(hash, 'hex'), at)
    this.length = at + 32
  }

  bytes(): Uint8Array {
    return this.buffer.subarray(0, this.length)
  }
}

/**
 * Walks the chain of the store at `url` (from its trusted snapshot unless `full`, not `snapshot`
 * or given an `expectHead`, which is checked from position 1), or exit 3 with the
 * first position that does not verify (or does not match `expectHead`).
 */
export const verifyStore = async (
  url: string,
  options: VerifyOptions & { readonly expectHead?: ChainStamp },
  warn: (line: string) => void,
): Promise<E.Either<Failure, VerifiedChain>> => {
  const opened = await openStore(url)
  if (E.isLeft(opened)) return opened
  const store = opened.right
  try {
    // an unreachable store fails here, in one line, before a snapshot is looked for
    const head = await store.headPosition()
    if (E.isLeft(head)) return E.left(storeFailed(url, head.left))
    // A published head is checked against the whole chain, from position 1: every row up to it
    // must still hash to it, not only those after a snapshot.
    const trusted =
      options.full || !options.snapshot || options.expectHead !== undefined
        ? E.right(null)
        : await trustedStamp(store, warn)
    if (E.isLeft(trusted)) return E.left(storeFailed(url, trusted.left))
    const from = trusted.right
    let lastRecordedAt: string | null = null
    const events = async function* (): AsyncGenerator<EventRead> {
      for await (const r of replay(store, url, 'verifying', (from?.position ?? 0) + 1)) {
        if (E.isRight(r)) lastRecordedAt = r.right.event.recordedAt
        yield r
      }
    }
    // walked from position 1, every hash is known: a store that keeps them all (the embedded
    // store's chain file) takes them when it holds none it trusts
    const walked = from === null ? new HashBytes() : null
    const verdict = await verifyChain(events(), from ?? undefined, options.expectHead, walked?.add)
    if (E.isLeft(verdict)) return E.left(storeFailed(url, verdict.left))
    const r = verdict.right
    if (!r.ok) return E.left(fail(3, `${redact(url)}: hash chain broken at position ${r.position}: ${r.reason}`))
    if (walked !== null) await keepEveryChainHashOf(store, walked.bytes())
    return E.right({
      checked: r.checked,
      head: { position: r.lastPosition, hash: r.lastHash },
      from,
      lastRecordedAt: r.checked === 0 ? null : lastRecordedAt,
    })
  } finally {
    await store.close()
  }
}

/** Runs `verify`: the summary line, or exit 3 with the first position that does not verify. */
export const runVerify = async (
  storeOption: string | null,
  options: VerifyOptions & { readonly expectHead?: ChainStamp } = { full: false, snapshot: true },
  warn: (line: string) => void = (line) => process.stderr.write(line + '\n'),
): Promise<E.Either<Failure, string>> => {
  const url = storeUrl(storeOption)
  const walked = await verifyStore(url, options, warn)
  if (E.isLeft(walked)) return walked
  const { checked, head, from } = walked.right
  const scope = from === null ? '' : ` (from the snapshot at position ${from.position}; --full checks from position 1)`
  const expected =
    options.expectHead === undefined ? '' : `; it reaches the expected head ${formatChainStamp(options.expectHead)}`
  return E.right(
    `${redact(url)}: hash chain verified: ${checked} events${scope}, last position ${head.position}${head.hash ? `, sha256 ${head.hash}` : ''}${expected}`,
  )
}
