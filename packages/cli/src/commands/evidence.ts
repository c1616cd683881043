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
import { type EventStore, type RecordedEvent, StoreFailure, readsIdsAt, verifyChain } from '@ansinh/store'
import { replay } from '../source.js'

/**
 * The ids at `positions`: in one query from a store that reads ids by position (memory,
 * PostgreSQL, PGlite), else read from the store from the first of them to the last. A store that
 * fails throws `StoreFailure` (the command's store boundary answers it, as for any read).
 */
export const storeIds = async (store: EventStore, positions: ReadonlySet<number>): Promise<ReadonlyMap<number, string>> => {
  const out = new Map<number, string>()
  if (positions.size === 0) return out
  if (readsIdsAt(store)) {
    const found = await store.idsAt(positions)
    if (E.isLeft(found)) throw new StoreFailure(found.left)
    return found.right
  }
  let first = Infinity, last = -Infinity
  for (const p of positions) {
    if (p < first) first = p
    if (p > last) last = p
  }
  for await (const r of store.readAll({ fromPosition: first, pageSize: 10_000 })) {
    if (positions.has(r.position)) out.set(r.position, r.event.id)
    if (r.position >= last) break
  }
  return out
}

/** Evidence from a file: its chain is the one it would have in an empty store, so only what follows the basis can be wrong. */
export const fileEvidence = (events: readonly LineEvent[], hashes: readonly string[], last: number | null): ChainEvidence => ({
  broken: null,
  hashAtLast: last === null ? null : (hashes[last - 1] ?? null),
  after: events.filter((e) => last === null || e.position > last).map((e) => ({ id: e.event.id, position: e.position, recordedAt: instantMillis(e.event.recordedAt) })),
})

/**
 * Evidence from a store: the whole chain is re-walked from position 1 (a row edited up to the
 * basis is found where it is), the hash at `last` kept, and the events after it collected.
 */
export const storeEvidence = async (store: EventStore, url: string, last: number | null): Promise<ChainEvidence> => {
  let hashAtLast: string | null = null
  const after: { id: string; position: number; recordedAt: number }[] = []
  const take = (r: RecordedEvent): void => {
    if (last !== null && r.position === last) hashAtLast = r.hash
    if (last === null || r.position > last) after.push({ id: r.event.id, position: r.position, recordedAt: instantMillis(r.event.recordedAt) })
  }
  let seen = 0
  const watched = async function* (): AsyncGenerator<RecordedEvent> {
    for await (const r of replay(store, url, 'verifying')) {
      take(r)
      seen = r.position
      yield r
    }
  }
  const verdict = await verifyChain(watched())
  if (!verdict.ok && verdict.position > (last ?? Infinity)) {
    // broken after the basis: the report's prefix holds; read the rest for what was appended
    for await (const r of store.readAll({ fromPosition: seen + 1, pageSize: 5_000 })) take(r)
  }
  return { broken: verdict.ok ? null : { position: verdict.position, reason: verdict.reason }, hashAtLast, after }
}
