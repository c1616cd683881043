/**
 * ansinh's stores: importing a generated history as `ansinh import` appends (the CLI's own
 * `writesInOrder`: per-stream runs with exact expected revisions, in all-or-nothing batches) and
 * replaying it all with `readAll`, as a projection rebuild does.
 *
 * @module stores
 */
import * as E from 'fp-ts/lib/Either.js'
import type { DomainEvent } from '@ansinh/core'
import { type EventStore, describeStoreError, writesInOrder } from '@ansinh/store'
import { now, perSecond, round } from './measure.js'

/** Throughput of one phase. */
export interface Throughput {
  readonly events: number
  readonly ms: number
  readonly eventsPerSec: number
}

/** Events per append: one transaction each. */
export const IMPORT_BATCH = 5_000

/** Appends `events` to `store` in batches; throws on any refusal (a generated history must import cleanly). */
export const importEvents = async (store: EventStore, events: readonly DomainEvent[]): Promise<Throughput> => {
  const revisions = new Map<string, number>()
  const t = now()
  for (let i = 0; i < events.length; i += IMPORT_BATCH) {
    const appended = await store.appendMany(writesInOrder(events.slice(i, i + IMPORT_BATCH), revisions))
    if (E.isLeft(appended))
      throw new Error(`import refused at event ${i}: ${JSON.stringify(appended.left).slice(0, 300)}`)
  }
  const ms = now() - t
  return { events: events.length, ms: round(ms), eventsPerSec: perSecond(events.length, ms) }
}

/**
 * Reads every event back in position order, twice, and keeps the faster read: the first also warms
 * the decoding path, which at a few thousand events is most of the time (Emmett's read is measured
 * the same way).
 */
export const replayAll = async (store: EventStore, pageSize = 5_000): Promise<Throughput> => {
  let best: Throughput | null = null
  for (let pass = 0; pass < 2; pass++) {
    const t = now()
    let n = 0
    for await (const r of store.readAll({ pageSize })) {
      if (E.isLeft(r)) throw new Error(describeStoreError(r.left))
      if (r.right.position > 0) n++
    }
    const ms = now() - t
    if (best === null || ms < best.ms) best = { events: n, ms: round(ms), eventsPerSec: perSecond(n, ms) }
  }
  return best!
}
