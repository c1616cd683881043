/**
 * The Emmett peer (@event-driven-io/emmett-postgresql 0.42): the same events appended with its
 * PostgreSQL event store on the same server, one `appendToStream` per run of a stream (Emmett
 * appends one stream per call), and read back in global order with its batch reader
 * (`readMessagesBatch`, what its consumers use).
 *
 * @module peers/emmett
 */
import { dumbo } from '@event-driven-io/dumbo'
import { getPostgreSQLEventStore, readMessagesBatch } from '@event-driven-io/emmett-postgresql'
import { type DomainEvent, streamOf } from '@ansinh/core'
import { now, perSecond, round } from '../measure.js'
import type { Throughput } from '../stores.js'

/** Emmett's append and read figures. */
export interface EmmettFigures {
  readonly append: Throughput
  /** Appends with several streams in flight at once (Emmett allows it; ansinh serializes appends). */
  readonly appendConcurrent: Throughput & { readonly concurrency: number }
  readonly read: Throughput
}

/** Runs of consecutive events of one stream. */
const runsOf = (events: readonly DomainEvent[]): { stream: string; events: { type: string; data: Record<string, unknown>; metadata: Record<string, unknown> }[] }[] => {
  const runs: ReturnType<typeof runsOf> = []
  for (const e of events) {
    const stream = streamOf(e)
    const message = { type: e.type, data: e.data as unknown as Record<string, unknown>, metadata: { eventId: e.id, recordedAt: e.recordedAt } }
    const last = runs[runs.length - 1]
    if (last !== undefined && last.stream === stream) last.events.push(message)
    else runs.push({ stream, events: [message] })
  }
  return runs
}

/**
 * Appends `events` to Emmett in `url`'s database — the first half one append at a time, the second
 * half with `concurrency` appends in flight — then reads everything back in global order.
 */
export const runEmmett = async (url: string, events: readonly DomainEvent[], concurrency = 8): Promise<EmmettFigures> => {
  const store = getPostgreSQLEventStore(url)
  const pool = dumbo({ connectionString: url })
  try {
    await store.schema.migrate()
    const runs = runsOf(events)
    const half = runs.length >> 1
    let t = now()
    let appended = 0
    for (const run of runs.slice(0, half)) {
      await store.appendToStream(run.stream, run.events)
      appended += run.events.length
    }
    const sequentialMs = now() - t
    const sequentialEvents = appended
    t = now()
    let next = half
    const worker = async (): Promise<void> => {
      while (next < runs.length) {
        const run = runs[next++]!
        await store.appendToStream(run.stream, run.events)
        appended += run.events.length
      }
    }
    await Promise.all(Array.from({ length: concurrency }, worker))
    const concurrentMs = now() - t
    const concurrentEvents = appended - sequentialEvents

    t = now()
    let read = 0
    let after = -1n
    for (;;) {
      const batch = await readMessagesBatch(pool.execute, { after, batchSize: 5_000 })
      read += batch.messages.length
      if (batch.messages.length === 0 || !batch.areMessagesLeft) break
      after = batch.currentGlobalPosition
    }
    const readMs = now() - t
    // Emmett's schema migration records messages of its own; every appended event must be among those read.
    if (read < events.length) throw new Error(`Emmett read ${read} messages back, expected at least ${events.length}`)
    return {
      append: { events: sequentialEvents, ms: round(sequentialMs), eventsPerSec: perSecond(sequentialEvents, sequentialMs) },
      appendConcurrent: { events: concurrentEvents, ms: round(concurrentMs), eventsPerSec: perSecond(concurrentEvents, concurrentMs), concurrency },
      read: { events: read, ms: round(readMs), eventsPerSec: perSecond(read, readMs) },
    }
  } finally {
    await store.close()
    await pool.close()
  }
}
