/**
 * Planning an append and loading its rows, slice by slice: the writes are planned in slices of
 * about {@link COPY_CHUNK} events, each slice carrying on from the head and the stream revisions
 * the previous one left, and each slice's rows are loaded by one COPY while the next slice is
 * planned (hashing is most of an import's JavaScript time; a server loads rows meanwhile).
 *
 * Planning the slices one after another gives exactly the plan of the whole append: a slice sees
 * the revisions the earlier slices gave, and ids repeated within the append were already dropped
 * by `prepareAppend`. A refusal in a later slice throws after earlier slices were loaded; the
 * caller's transaction then rolls them back with everything else.
 *
 * @module load
 */
import * as E from 'fp-ts/lib/Either.js'
import {
  type AppendResult,
  type PreparedAppend,
  type PreparedWrite,
  type StoreError,
  type StoreState,
  planAppend,
} from '@ansinh/store'
import type { SqlQueryable } from './driver.js'
import { COLUMNS, copyText } from './internal/rows.js'

const noop = (): void => undefined

/** Events per slice, and so rows per COPY: a slice's COPY text is a few MB. */
export const COPY_CHUNK = 10_000

/** The writes in consecutive slices of at least `size` events (a write is never split). */
const slices = function* (writes: readonly PreparedWrite[], size: number): Generator<readonly PreparedWrite[]> {
  let from = 0
  let events = 0
  for (let i = 0; i < writes.length; i++) {
    events += writes[i]!.events.length
    if (events >= size) {
      yield writes.slice(from, i + 1)
      from = i + 1
      events = 0
    }
  }
  if (from < writes.length || writes.length === 0) yield writes.slice(from)
}

/** What an append loaded, and the head it leaves (what a snapshot saved with it is stamped with). */
export interface LoadedAppend {
  readonly result: AppendResult
  readonly head: { readonly position: number; readonly hash: string }
  /** The chain hash of each new event, in position order (a snapshot sealed with the append keeps some). */
  readonly hashes: readonly string[]
}

/**
 * Plans `prepared` against `state` and loads the new rows into `ansinh_events`; the plan's
 * refusal, if any, is returned after the loads already sent have finished.
 */
export const planAndLoad = async (
  tx: SqlQueryable,
  prepared: PreparedAppend,
  state: StoreState,
  onProgress?: (written: number) => void,
): Promise<E.Either<StoreError, LoadedAppend>> => {
  let written = 0
  const revisions = new Map<string, number>()
  const positions: number[] = []
  const hashes: string[] = []
  let head = { position: state.headPosition, hash: state.headHash }
  let loading: Promise<void> = Promise.resolve()
  for (const writes of slices(prepared.writes, COPY_CHUNK)) {
    const plan = planAppend(
      { ...prepared, writes },
      {
        ...state,
        revisionOf: (s) => revisions.get(s) ?? state.revisionOf(s),
        headPosition: head.position,
        headHash: head.hash,
      },
    )
    if (E.isLeft(plan)) {
      await loading
      return plan
    }
    const { rows, dataJson, result } = plan.right
    for (const [stream, revision] of Object.entries(result.revisions)) revisions.set(stream, revision)
    for (const p of result.positions) positions.push(p)
    for (const r of rows) hashes.push(r.hash)
    const size = writes.reduce((n, w) => n + w.events.length, 0)
    if (rows.length === 0) {
      written += size
      continue
    }
    head = rows[rows.length - 1]!
    const text = copyText(rows, dataJson)
    await loading
    let sent = (): void => undefined
    const handedOver = new Promise<void>((resolve) => (sent = resolve))
    loading = tx.copy('ansinh_events', COLUMNS, text, sent).then(() => {
      written += size
      onProgress?.(written)
    })
    // Awaited on the next turn or at the end; a failure meanwhile must not count as unhandled.
    loading.catch(() => undefined)
    // Planning the next slice is synchronous: the text must be on the wire first, or the server
    // would wait for it. A driver that never calls `sent` has loaded it when `loading` settles.
    await Promise.race([handedOver, loading.then(noop, noop)])
  }
  await loading
  return E.right({ result: { positions, revisions: Object.fromEntries(revisions) }, head, hashes })
}
