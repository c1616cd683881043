/**
 * `ansinh verify`: re-check the store's hash chain; exit 3 naming the first position that does not
 * verify. With a trusted snapshot (its stamp is the hash the store's row at its position carries)
 * the check starts after the snapshot's position: what the reports read is the snapshot and the
 * rows after it. `--full` (or `--no-snapshot`) re-walks the chain from position 1.
 *
 * @module commands/verify
 */
import * as E from 'fp-ts/lib/Either.js'
import { HISTORY_SNAPSHOT, HISTORY_SNAPSHOT_FORMAT } from '@ansinh/projection-runner'
import { type OpenedSnapshot, type SnapshotError, type SnapshotStamp, type SnapshotStoreFailed, checkAgainstChain, describeSnapshotError, keepsSnapshots, openSnapshot, verifyChain } from '@ansinh/store'
import type { EventStore } from '@ansinh/store'
import { type Failure, fail } from '../failure.js'
import { openStore, redact, replay, storeUrl } from '../source.js'

/** Options of {@link runVerify}. */
export interface VerifyOptions {
  /** Re-check from position 1 even when a snapshot is trusted. */
  readonly full: boolean
  /** false: ignore the store's snapshot (`--no-snapshot`). */
  readonly snapshot: boolean
}

/** The stamp of the store's snapshot when its envelope opens and the chain carries its hash; else null (and why, to `warn`). */
const trustedStamp = async (store: EventStore, warn: (line: string) => void): Promise<SnapshotStamp | null> => {
  if (!keepsSnapshots(store)) return null
  const loaded = await store.snapshots.load(HISTORY_SNAPSHOT)()
  if (E.isRight(loaded) && loaded.right === null) return null
  const opened: E.Either<SnapshotError | SnapshotStoreFailed, OpenedSnapshot> = E.isLeft(loaded) ? loaded : openSnapshot(loaded.right!, HISTORY_SNAPSHOT_FORMAT)
  const trusted: E.Either<SnapshotError | SnapshotStoreFailed, SnapshotStamp> = E.isLeft(opened) ? opened : await checkAgainstChain(store, opened.right)
  if (E.isRight(trusted)) return trusted.right
  warn(`ansinh: snapshot "${HISTORY_SNAPSHOT}" ignored, ${describeSnapshotError(trusted.left)}; verifying from position 1`)
  return null
}

/** Runs `verify`: the summary line, or exit 3 with the first position that does not verify. */
export const runVerify = async (
  storeOption: string | null,
  options: VerifyOptions = { full: false, snapshot: true },
  warn: (line: string) => void = (line) => process.stderr.write(line + '\n'),
): Promise<E.Either<Failure, string>> => {
  const url = storeUrl(storeOption)
  const opened = await openStore(url)
  if (E.isLeft(opened)) return opened
  const store = opened.right
  try {
    const from = options.full || !options.snapshot ? null : await trustedStamp(store, warn)
    const r = await verifyChain(replay(store, url, 'verifying', (from?.position ?? 0) + 1), from ?? undefined)
    if (!r.ok) return E.left(fail(3, `${redact(url)}: hash chain broken at position ${r.position}: ${r.reason}`))
    const scope = from === null ? '' : ` (from the snapshot at position ${from.position}; --full checks from position 1)`
    return E.right(`${redact(url)}: hash chain verified: ${r.checked} events${scope}, last position ${r.lastPosition ?? 0}${r.lastHash ? `, sha256 ${r.lastHash}` : ''}`)
  } catch (err) {
    return E.left(fail(3, `store ${redact(url)}: ${(err as Error).message}`))
  } finally {
    await store.close()
  }
}
