/**
 * The Emmett peer (@event-driven-io/emmett-postgresql 0.42): the same events appended with its
 * PostgreSQL event store on the same server, one `appendToStream` per run of a stream (Emmett
 * appends one stream per call), and read back in global order with its batch reader
 * (`readMessagesBatch`, what its consumers use).
 *
 * @module peers/emmett
 */
import { dumbo } from '@event-driven-io/dumbo'
import pg from 'pg'
import { getPostgreSQLEventStore, readMessagesBatch } from '@event-driven-io/emmett-postgresql'
import { type DomainEvent, streamOf } from '@ansinh/core'
import { now, perSecond, round } from '../measure.js'
import type { Throughput } from '../stores.js'

/** Emmett's append and read figures. */
export interface EmmettFigures {
  readonly append: Throughput
  /** Appends with several streams in flight at once (Emmett allows it; ansinh serializes appends). */
  readonly appendConcurrent: (Throughput & { readonly concurrency: number }) | null
  readonly read: Throughput
}

/** Runs of consecutive events of one stream. */
const runsOf = (
  events: readonly DomainEvent[],
): {
  stream: string
  events: { type: string; data: Record<string, unknown>; metadata: Record<string, unknown> }[]
}[] => {
  const runs: ReturnType<typeof runsOf> = []
  for (const e of events) {
    const stream = streamOf(e)
    const message = {
      type: e.type,
      data: e.data as unknown as Record<string, unknown>,
      metadata: { eventId: e.id, recordedAt: e.recordedAt },
    }
    const last = runs[runs.length - 1]
    if (last !== undefined && last.stream === stream) last.events.push(message)
    else runs.push({ stream, events: [message] })
  }
  return runs
}

/** Appends every run, `concurrency` appends in flight at once; returns the events appended. */
const appendRuns = async (
  store: ReturnType<typeof getPostgreSQLEventStore>,
  runs: ReturnType<typeof runsOf>,
  concurrency: number,
): Promise<number> => {
  let next = 0
  let appended = 0
  const worker = async (): Promise<void> => {
    while (next < runs.length) {
      const run = runs[next++]!
      await store.appendToStream(run.stream, run.events)
      appended += run.events.length
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker))
  return appended
}

/**
 * Appends `events` to Emmett in `url`'s database one append at a time and reads everything back in
 * global order; then appends them again into a second database with `concurrency` appends in
 * flight, unless `concurrency` is 0. (Concurrent appends commit out of global-position order, and Emmett's batch reader pages
 * by position in transaction order, so a read after them may skip or repeat a few messages: the
 * read is measured on the sequentially written database, where it is exact.)
 */
export const runEmmett = async (
  url: string,
  events: readonly DomainEvent[],
  concurrency: number,
): Promise<EmmettFigures> => {
  const runs = runsOf(events)
  const store = getPostgreSQLEventStore(url)
  const pool = dumbo({ connectionString: url })
  let append: Throughput
  let read: Throughput | undefined
  try {
    await store.schema.migrate()
    let t = now()
    const appended = await appendRuns(store, runs, 1)
    const appendMs = now() - t
    append = { events: appended, ms: round(appendMs), eventsPerSec: perSecond(appended, appendMs) }
    // Read twice and keep the faster, as for ansinh's replay: the first read warms the path.
    for (let pass = 0; pass < 2; pass++) {
      t = now()
      const ids = new Set<string>()
      let after = -1n
      for (;;) {
        const batch = await readMessagesBatch(pool.execute, { after, batchSize: 5_000 })
        for (const m of batch.messages) ids.add(String((m.metadata as { messageId?: unknown }).messageId))
        if (batch.messages.length === 0 || !batch.areMessagesLeft) break
        after = batch.currentGlobalPosition
      }
      const readMs = now() - t
      if (ids.size !== events.length)
        throw new Error(`Emmett read ${ids.size} distinct messages back, expected ${events.length}`)
      if (pass === 0 || readMs < read!.ms)
        read = { events: ids.size, ms: round(readMs), eventsPerSec: perSecond(ids.size, readMs) }
    }
  } finally {
    await store.close()
    await pool.close()
  }
  if (concurrency === 0) return { append, appendConcurrent: null, read: read! }
  const admin = new pg.Client({ connectionString: url })
  await admin.connect()
  await admin.query('DROP DATABASE IF EXISTS bench_emmett_concurrent')
  await admin.query('CREATE DATABASE bench_emmett_concurrent')
  await admin.end()
  const concurrentUrl = url.replace(/\/[^/]*$/, '/bench_emmett_concurrent')
  const concurrentStore = getPostgreSQLEventStore(concurrentUrl)
  try {
    await concurrentStore.schema.migrate()
    const t = now()
    const appended = await appendRuns(concurrentStore, runs, concurrency)
    const ms = now() - t
    return {
      append,
      appendConcurrent: { events: appended, ms: round(ms), eventsPerSec: perSecond(appended, ms), concurrency },
      read: read!,
    }
  } finally {
    await concurrentStore.close()
  }
}
