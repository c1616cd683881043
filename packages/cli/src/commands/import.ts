/**
 * `ansinh import FILE`: check every line (codecs, then the write rules against what the store
 * already holds), then append all or nothing, in the file's order. Re-importing the same file
 * appends nothing.
 *
 * @module commands/import
 */
import * as E from 'fp-ts/lib/Either.js'
import { type DomainEvent, HistoryChecker, formatProblem } from '@ansinh/core'
import { History } from '@ansinh/projection'
import { loadStoredHistory, snapshotWithAppend } from '@ansinh/projection-runner'
import { describeStoreError, keepsSnapshots, writesInOrder } from '@ansinh/store'
import { type Failure, fail } from '../failure.js'
import { progress } from '../progress.js'
import { inputName, openStore, readHistoryFile, redact, replay, storeUrl } from '../source.js'


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
  const opened = await openStore(url)
  if (E.isLeft(opened)) return opened
  const store = opened.right
  try {
    // What the store holds: the write rules of new events are checked against it.
    const checker = new HistoryChecker()
    // id → stored position; the checker, which holds the stored events, compares their contents
    const stored = new Map<string, number>()
    const revisions = new Map<string, number>()
    // The stored events are folded into a History as they are read, so the append can leave a
    // snapshot of the whole history (stored + new) in its own transaction.
    const snapshots = options.snapshot && keepsSnapshots(store)
    const history = snapshots ? History.of([]) : null
    for await (const r of replay(store, url)) {
      checker.accept(r.event)
      stored.set(r.event.id, r.position)
      revisions.set(r.stream, r.revision)
      history?.append({ event: r.event, position: r.position })
    }
    const problems: string[] = []
    const fresh: DomainEvent[] = []
    for (const { event, line } of read.right) {
      const before = stored.get(event.id)
      if (before !== undefined) {
        if (checker.check(event) !== null) {
          problems.push(`${file}:${line}: id: duplicate id with other content than stored position ${before} (got "${event.id}")`)
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
      if (snapshots) await loadStoredHistory(store, { useSnapshot: true, warn, refreshAfter: 1 })
      return E.right(`${file}: nothing new: all ${read.right.length} events are already stored in ${redact(url)}`)
    }
    const writes = writesInOrder(fresh, revisions)
    const p = progress(`appending to ${redact(url)}`, { total: fresh.length })
    const onProgress = (written: number): void => p.update(written)
    const appended =
      history !== null && keepsSnapshots(store)
        ? await store.appendManyWithSnapshot(writes, snapshotWithAppend(history, fresh), { onProgress })
        : await store.appendMany(writes, { onProgress })
    p.done()
    if (E.isLeft(appended)) return E.left(fail(appended.left._tag === 'StoreUnavailable' ? 3 : 2, describeStoreError(appended.left), `${file}: nothing imported`))
    const positions = appended.right.positions
    return E.right(
      `${file}: imported ${fresh.length} events into ${redact(url)} (positions ${positions[0]}–${positions[positions.length - 1]})` +
        (fresh.length < read.right.length ? `, ${read.right.length - fresh.length} already stored` : ''),
    )
  } catch (err) {
    return E.left(fail(3, `store ${redact(url)}: ${(err as Error).message}`))
  } finally {
    await store.close()
  }
}
