/**
 * A large import through the SQL store: many streams interleaved in one `appendMany`, so the rows
 * cross several COPY chunks, read back across pages, and the chain verified. Shared by the
 * PGlite and server tests.
 *
 * @module test/bulk
 */
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { type EventId, type NewEvent, canonicalJson } from '@ansinh/core'
import { type EventStore, type RecordedEvent, type StreamWrite, verifyChain } from '@ansinh/store'
import {
  enrolment,
  expectLeft,
  expectRight,
  participantStream,
  readEverything,
  unitEstablished,
  withOtherData,
} from '@ansinh/store-testing'
import type { SqlDriver } from '../driver.js'
import { COPY_CHUNK } from '../load.js'
import { COLUMNS, copyText } from '../internal/rows.js'

/** Streams, and events per stream: 25,000 events, more than two COPY chunks. */
const STREAMS = 2_500
const ROUNDS = 10

/** Round r writes one event to every stream, expecting revision r - 1; some leave `recordedAt` to the clock. */
const interleaved = (): StreamWrite[] => {
  const writes: StreamWrite[] = []
  for (let r = 0; r < ROUNDS; r++) {
    for (let s = 1; s <= STREAMS; s++) {
      const event = enrolment(s, r + 1, s % 7 === 0 ? null : undefined)
      writes.push({
        stream: participantStream(s),
        events: [event],
        expectedRevision: r === 0 ? 'no-stream' : { exact: r - 1 },
      })
    }
  }
  // Names COPY must escape, and JSON must escape: a backslash, quotes, a tab written as \t.
  const names = ['Xã "Hàm Thuận" \\ Bắc', 'Phường 1\\2', 'Thị trấn \\t Phan Rí', 'Bình Thuận']
  names.forEach((name, i) =>
    writes.push({ stream: `unit-${22800 + i}`, events: [unitEstablished(String(22800 + i), name, '228')] }),
  )
  return writes
}

/** The definitions of the events table's indexes and constraints, sorted: what the migrations leave. */
const eventsSchema = async (sql: SqlDriver): Promise<string[]> => {
  const indexes = await sql.query<{ d: string }>(
    `SELECT indexdef AS d FROM pg_indexes WHERE tablename = 'ansinh_events'`,
  )
  const constraints = await sql.query<{ d: string }>(
    `SELECT conname || ' ' || pg_get_constraintdef(oid) AS d FROM pg_constraint WHERE conrelid = 'ansinh_events'::regclass`,
  )
  return [...indexes, ...constraints].map((r) => r.d).sort()
}

/** The object id of the events table's id index: a new one once the index is built again. */
const idIndexOid = async (sql: SqlDriver): Promise<number> =>
  Number((await sql.query<{ oid: string }>(`SELECT 'ansinh_events_id_key'::regclass::oid AS oid`))[0]!.oid)

/** Options a test opens a store with. */
export interface BulkStoreOptions {
  readonly indexAfterFirstLoad: boolean
}

/** Declares the bulk tests; `open` gives a fresh empty store and raw SQL on its database. */
export const describeBulkImport = (
  name: string,
  open: (options: BulkStoreOptions) => Promise<{ store: EventStore; sql: SqlDriver }>,
): void => {
  describe(`bulk import: ${name}`, () => {
    it.each([false, true])(
      `appends ${STREAMS * ROUNDS} interleaved events in one appendMany, reads them back and verifies (indexAfterFirstLoad: %s)`,
      { timeout: 60_000 },
      async (indexAfterFirstLoad) => {
        expect(STREAMS * ROUNDS).toBeGreaterThan(2 * COPY_CHUNK)
        const { store, sql } = await open({ indexAfterFirstLoad })
        try {
          const schema = await eventsSchema(sql)
          expect(schema.filter((d) => d.startsWith('CREATE'))).toHaveLength(4)
          const index = await idIndexOid(sql)
          const writes = interleaved()
          const sent: NewEvent[] = writes.flatMap((w) => w.events)
          // progress is reported after each COPY slice, up to every event sent
          const progress: number[] = []
          const result = expectRight(
            await store.appendMany(writes, { onProgress: (written) => progress.push(written) }),
          )
          expect(result.positions).toEqual(sent.map((_, i) => i + 1))
          expect(progress.length).toBeGreaterThanOrEqual(2)
          expect(progress).toEqual([...progress].sort((a, b) => a - b))
          expect(progress.at(-1)).toBe(sent.length)
          expect(result.revisions[participantStream(STREAMS)]).toBe(ROUNDS - 1)
          // indexes built after the rows, or kept while loading: the same schema either way
          expect(await eventsSchema(sql)).toEqual(schema)
          expect((await idIndexOid(sql)) !== index).toBe(indexAfterFirstLoad)

          const stored = await readEverything(store, 5_000)
          expect(stored.map((r) => r.position)).toEqual(result.positions)
          stored.forEach((r, i) => {
            // An event sent without recordedAt comes back with the clock's; everything else exactly.
            const e = sent[i]! as NewEvent & { recordedAt?: string }
            expect(canonicalJson(r.event)).toBe(
              canonicalJson({ ...e, recordedAt: e.recordedAt ?? r.event.recordedAt } as never),
            )
          })
          const names = stored
            .filter((r) => r.event.type === 'UnitEstablished')
            .map((r) => (r.event.data as { name: string }).name)
          expect(names).toEqual(['Xã "Hàm Thuận" \\ Bắc', 'Phường 1\\2', 'Thị trấn \\t Phan Rí', 'Bình Thuận'])
          const one = await store.readStream(participantStream(7))
          expect(one._tag === 'Right' && one.right.map((r) => r.revision)).toEqual([...Array(ROUNDS).keys()])
          expect(await verifyChain(store.readAll({ pageSize: 5_000 }))).toMatchObject(
            E.right({ ok: true, checked: STREAMS * ROUNDS + 4 }),
          )

          // Again: an idempotent no-op. With one conflicting event at the end: nothing at all.
          expect(expectRight(await store.appendMany(writes)).positions).toEqual([])
          const fresh = { stream: participantStream(STREAMS + 1), events: [enrolment(STREAMS + 1)] }
          const conflicting = { stream: participantStream(1), events: [withOtherData(writes[0]!.events[0]!)] }
          expect(expectLeft(await store.appendMany([fresh, ...writes.slice(0, 100), conflicting]))._tag).toBe(
            'DuplicateEventId',
          )
          expect(await store.headPosition()).toEqual(E.right(STREAMS * ROUNDS + 4))
          // the rebuilt unique indexes refuse what the store's lock would never let through
          const [last] = await sql.query<{ id: string }>('SELECT id FROM ansinh_events WHERE position = 1')
          await expect(sql.query(`UPDATE ansinh_events SET id = $1 WHERE position = 2`, [last!.id])).rejects.toThrow(
            /ansinh_events_id_key/,
          )
        } finally {
          await store.close()
        }
      },
    )

    it('a transaction whose second COPY breaks a constraint keeps nothing of the first; the connection stays usable', async () => {
      const { store, sql } = await open({ indexAfterFirstLoad: false })
      try {
        expectRight(await store.append(participantStream(1), [enrolment(1)]))
        const before = await readEverything(store)
        const [first] = before
        const valid: RecordedEvent = {
          ...first!,
          position: 2,
          stream: participantStream(2),
          event: { ...first!.event, id: '00000000-0000-4000-8000-000000000002' as EventId },
        }
        // (stream, revision) taken: the constraint behind the store's lock refuses it.
        const clash: RecordedEvent = {
          ...first!,
          position: 3,
          event: { ...first!.event, id: '00000000-0000-4000-8000-000000000003' as EventId },
        }
        const text = (r: RecordedEvent) => copyText([r], [JSON.stringify(r.event.data)])
        await expect(
          sql.transaction(async (tx) => {
            await tx.copy('ansinh_events', COLUMNS, text(valid))
            await tx.copy('ansinh_events', COLUMNS, text(clash))
          }),
        ).rejects.toThrow()
        expect(await readEverything(store)).toEqual(before)
        expect(expectRight(await store.append(participantStream(2), [enrolment(2)])).positions).toEqual([2])
      } finally {
        await store.close()
      }
    })
  })
}
