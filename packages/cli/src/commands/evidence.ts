/**
 * What an audit reads from the source besides the history: the ids of the events it lists (the
 * history keeps none) and, for reproduce, what the chain says about a report's basis — the first
 * position that does not verify, the hash at the report's last position, and the events after it.
 *
 * @module commands/evidence
 */
import { type LineEvent, instantMillis } from '@ansinh/core'
import type { ChainEvidence } from '@ansinh/projection'
import * as E from 'fp-ts/lib/Either.js'
import {
  type EventRead,
  type EventStore,
  type RecordedEvent,
  type StoreError,
  readsIdsAt,
  verifyChain,
} from '@ansinh/store'
import { replay } from '../source.js'

/**
 * The ids at `positions`: in one query from a store that reads ids by position (memory,
 * PostgreSQL, PGlite), else read from the store from the first of them to the last; or why the
 * store could not be read.
 */
export const storeIds = async (
  store: EventStore,
  positions: ReadonlySet<number>,
): Promise<E.Either<StoreError, ReadonlyMap<number, string>>> => {
  const out = new Map<number, string>()
  if (positions.size === 0) return E.right(out)
  if (readsIdsAt(store)) return store.idsAt(positions)
  let first = Infinity,
    last = -Infinity
  for (const p of positions) {
    if (p < first) first = p
    if (p > last) last = p
  }
  for await (const read of store.readAll({ fromPosition: first, pageSize: 10_000 })) {
    if (E.isLeft(read)) return read
    const r = read.right
    if (positions.has(r.position)) out.set(r.position, r.event.id)
    if (r.position >= last) break
  }
  return E.right(out)
}

/** Evidence from a file: its chain is the one it would have in an empty store, so only what follows the basis can be wrong. */
export const fileEvidence = (
  events: readonly LineEvent[],
  hashes: readonly string[],
  last: number | null,
): ChainEvidence => ({
  broken: null,
  hashAtLast: last === null ? null : (hashes[last - 1] ?? null),
  after: events
    .filter((e) => last === null || e.position > last)
    .map((e) => ({ id: e.event.id, position: e.position, recordedAt: instantMillis(e.event.recordedAt) })),
})

/**
 * Evidence from a store: the whole chain is re-walked from position 1 (a row edited up to the
 * basis is found where it is), the hash at `last` kept, and the events after it collected; or why
 * the store could not be read.
 */
export const storeEvidence = async (
  store: EventStore,
  url: string,
  last: number | null,
): Promise<E.Either<StoreError, ChainEvidence>> => {
  let hashAtLast: string | null = null
  const after: { id: string; position: number; recordedAt: number }[] = []
  const take = (r: RecordedEvent): void => {
    if (last !== null && r.position === last) hashAtLast = r.hash
    if (last === null || r.position > last)
      after.push({ id: r.event.id, position: r.position, recordedAt: instantMillis(r.event.recordedAt) })
  }
  let seen = 0
  const watched = async function* (): AsyncGenerator<EventRead> {
    for await (const r of replay(store, url, 'verifying')) {
      if (E.isRight(r)) {
        take(r.right)
        seen = r.right.position
      }
      yield r
    }
  }
  const walked = await verifyChain(watched())
  if (E.isLeft(walked)) return walked
  const verdict = walked.right
  if (!verdict.ok && verdict.position > (last ?? Infinity)) {
    // broken after the basis: the report's prefix holds; read the rest for what was appended
    for await (const r of store.readAll({ fromPosition: seen + 1, pageSize: 5_000 })) {
      if (E.isLeft(r)) return r
      take(r.right)
    }
  }
  return E.right({
    broken: verdict.ok ? null : { position: verdict.position, reason: verdict.reason },
    hashAtLast,
    after,
  })
}
