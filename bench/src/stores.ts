/**
 * ansinh's stores: importing a generated history (grouped in per-stream runs with exact expected
 * revisions, all-or-nothing batches, as `ansinh import` appends) and replaying it all with
 * `readAll`, as a projection rebuild does.
 *
 * @module stores
 */
import * as E from 'fp-ts/lib/Either.js'
import { type DomainEvent, streamOf } from '@ansinh/core'
import type { EventStore, StreamWrite } from '@ansinh/store'
import { now, perSecond, round } from './measure.js'

/** Throughput of one phase. */
export interface Throughput {
  readonly events: number
  readonly ms: number
  readonly eventsPerSec: number
}

/** Events per append: one transaction each. */
export const IMPORT_BATCH = 5_000

/** Groups events into runs of one stream, in order, each expecting the stream's revision so far. */
const writesOf = (events: readonly DomainEvent[], revisions: Map<string, number>): StreamWrite[] => {
  const writes: { stream: string; events: DomainEvent[]; expectedRevision: StreamWrite['expectedRevision'] }[] = []
  for (const e of events) {
    const stream = streamOf(e)
    const revision = revisions.get(stream)
    revisions.set(stream, (revision ?? -1) + 1)
    const last = writes[writes.length - 1]
    if (last !== undefined && last.stream === stream) last.events.push(e)
    else writes.push({ stream, events: [e], expectedRevision: revision === undefined ? 'no-stream' : { exact: revision } })
  }
  return writes
}

/** Appends `events` to `store` in batches; throws on any refusal (a generated history must import cleanly). */
export const importEvents = async (store: EventStore, events: readonly DomainEvent[]): Promise<Throughput> => {
  const revisions = new Map<string, number>()
  const t = now()
  for (let i = 0; i < events.length; i += IMPORT_BATCH) {
    const appended = await store.appendMany(writesOf(events.slice(i, i + IMPORT_BATCH), revisions))
    if (E.isLeft(appended)) throw new Error(`import refused at event ${i}: ${JSON.stringify(appended.left).slice(0, 300)}`)
  }
  const ms = now() - t
  return { events: events.length, ms: round(ms), eventsPerSec: perSecond(events.length, ms) }
}

/** Reads every event back in position order. */
export const replayAll = async (store: EventStore, pageSize = 5_000): Promise<Throughput> => {
  const t = now()
  let n = 0
  for await (const r of store.readAll({ pageSize })) if (r.position > 0) n++
  const ms = now() - t
  return { events: n, ms: round(ms), eventsPerSec: perSecond(n, ms) }
}
