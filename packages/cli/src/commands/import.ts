/**
 * `ansinh import FILE`: check every line (codecs, then the write rules against what the store
 * already holds), then append all or nothing, in the file's order. Re-importing the same file
 * appends nothing.
 *
 * @module commands/import
 */
import * as E from 'fp-ts/lib/Either.js'
import { type DomainEvent, HistoryChecker, type LineEvent, formatProblem } from '@ansinh/core'
import { History } from '@ansinh/projection'
import { loadStoredHistory, snapshotWithAppend } from '@ansinh/projection-runner'
import {
  ChainCheckpoints,
  ChainWalk,
  type EventStore,
  type StoreError,
  describeStoreError,
  keepsSnapshots,
  writesInOrder,
} from '@ansinh/store'
import { type Failure, fail } from '../failure.js'
import { progress } from '../progress.js'
import { inputName, openStore, readHistoryFile, redact, replay, storeFailed, storeUrl } from '../source.js'

/** How many times an import checks the file again after another process appended to the store meanwhile. */
export const IMPORT_ATTEMPTS = 3

/**
 * Whether an append was refused because another process appended between this import's read of
 * the store and its append: the stream's revision moved on, or an id of the file arrived with
 * other content. The file was checked against a state that is gone, so it is checked again.
 */
const isConflict = (e: StoreError): boolean => e._tag === 'WrongExpectedRevision' || e._tag === 'DuplicateEventId'

type Attempt = E.Either<Failure | { readonly _tag: 'Conflict'; readonly error: StoreError }, string>

/** Runs `import`: the summary line, or exit 2 with every problem (nothing appended), or exit 3. */
export const runImport = async (
  path: string,
  storeOption: string | null,
  options: { readonly snapshot: boolean } = { snapshot: true },
  warn: (line: string) => void = (line) => process.stderr.write(line + '\n'),
): Promise<E.Either<Failure, string>> => {
  const read = await readHistoryFile(path)
  const file = inputName(path)
  if (E.isLeft(read)) return read
  const url = storeUrl(storeOption)
  const opened = await openStore(url, { create: true, bulk: true })
  if (E.isLeft(opened)) return opened
  const store = opened.right
  try {
    for (let attempt = 1; ; attempt++) {
      const r = await importOnce(store, url, file, read.right, options, warn)
      if (E.isRight(r) || !('_tag' in r.left)) return r as E.Either<Failure, string>
      const conflict = describeStoreError(r.left.error)
      if (attempt >= IMPORT_ATTEMPTS) {
        return E.left(
          fail(
            3,
            `${conflict}: another process kept appending to ${redact(url)} while this import was checked (${IMPORT_ATTEMPTS} attempts)`,
            `${file}: nothing imported; run the import again`,
          ),
        )
      }
      warn(
        `ansinh: ${conflict}: another process appended to ${redact(url)} meanwhile; checking ${file} again (attempt ${attempt + 1} of ${IMPORT_ATTEMPTS})`,
      )
    }
  } catch (err) {
    return E.left(fail(3, `store ${redact(url)}: ${(err as Error).message}`))
  } finally {
    await store.close()
  }
}

/** One read of the store, check of the file against it, and append; a conflict with a concurrent writer is returned to be retried. */
const importOnce = async (
  store: EventStore,
  url: string,
  file: string,
  events: readonly LineEvent[],
  options: { readonly snapshot: boolean },
  warn: (line: string) => void,
): Promise<Attempt> => {
  // What the store holds: the write rules of new events are checked against it.
  const checker = new HistoryChecker()
  // id → stored position; the checker, which holds the stored events, compares their contents
  const stored = new Map<string, number>()
  const revisions = new Map<string, number>()
  // The stored events are folded into a History as they are read, so the append can leave a
  // snapshot of the whole history (stored + new) in its own transaction.
  const snapshots = options.snapshot && keepsSnapshots(store)
  const history = snapshots ? History.of([]) : null
  // The chain re-walked as it is read, for the snapshot's checkpoints (hashes recomputed, never
  // copied from the stored column); after a row that breaks it, no further checkpoint is kept.
  const walk = snapshots ? new ChainWalk() : null
  const checkpoints = new ChainCheckpoints()
  let chained = true
  for await (const read of replay(store, url)) {
    if (E.isLeft(read)) return E.left(storeFailed(url, read.left))
    const r = read.right
    checker.accept(r.event)
    stored.set(r.event.id, r.position)
    revisions.set(r.stream, r.revision)
    history?.append({ event: r.event, position: r.position })
    if (walk !== null && chained) {
      chained = walk.step(r) === null
      if (chained) checkpoints.record(r.position, walk.head.hash)
    }
  }
  const problems: string[] = []
  const fresh: DomainEvent[] = []
  for (const { event, line } of events) {
    const before = stored.get(event.id)
    if (before !== undefined) {
      if (checker.check(event) !== null) {
        problems.push(
          `${file}:${line}: id: duplicate id with other content than stored position ${before} (got "${event.id}")`,
        )
      }
      continue
    }
    const error = checker.check(event)
    if (error !== null) {
      problems.push(`${file}:${line}: ${formatProblem(error)}`)
      continue
    }
    checker.accept(event)
    fresh.push(event)
  }
  if (problems.length > 0) return E.left(fail(2, ...problems, `${file}: nothing imported`))
  if (fresh.length === 0) {
    // Nothing to append, but the next report should still find a snapshot it can trust.
    const refreshed = snapshots
      ? await loadStoredHistory(store, { useSnapshot: true, warn, refreshAfter: 1 })
      : E.right(null)
    if (E.isLeft(refreshed)) return E.left(storeFailed(url, refreshed.left))
    return E.right(`${file}: nothing new: all ${events.length} events are already stored in ${redact(url)}`)
  }
  const writes = writesInOrder(fresh, revisions)
  const p = progress(`appending to ${redact(url)}`, { total: fresh.length })
  const onProgress = (written: number): void => p.update(written)
  const appended =
    history !== null && keepsSnapshots(store)
      ? await store.appendManyWithSnapshot(
          writes,
          snapshotWithAppend(
            history,
            fresh,
            (line) => void process.stderr.write(line + '\n'),
            chained ? checkpoints : null,
          ),
          { onProgress },
        )
      : await store.appendMany(writes, { onProgress })
  p.done()
  if (E.isLeft(appended)) {
    if (isConflict(appended.left)) return E.left({ _tag: 'Conflict', error: appended.left })
    return E.left(
      fail(
        appended.left._tag === 'StoreUnavailable' ? 3 : 2,
        describeStoreError(appended.left),
        `${file}: nothing imported`,
      ),
    )
  }
  const positions = appended.right.positions
  // every fresh event was stored meanwhile, with the same content, by another process: nothing appended
  if (positions.length === 0)
    return E.right(
      `${file}: nothing new: all ${events.length} events are already stored in ${redact(url)} (another process stored them meanwhile)`,
    )
  return E.right(
    `${file}: imported ${positions.length} events into ${redact(url)} (positions ${positions[0]}–${positions[positions.length - 1]})` +
      (positions.length < events.length ? `, ${events.length - positions.length} already stored` : ''),
  )
}
