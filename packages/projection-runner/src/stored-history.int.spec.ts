import fc from 'fast-check'
import { PGlite } from '@electric-sql/pglite'
import * as E from 'fp-ts/lib/Either.js'
import { type DomainEvent, SCHEMES, fromDayNumber, instantMillis, streamOf } from '@ansinh/core'
import { History, encodeHistorySnapshot } from '@ansinh/projection'
import { coverageReport } from '@ansinh/projection-coverage'
import { debtReport } from '@ansinh/projection-debt'
import { planReport } from '@ansinh/projection-plan'
import { type EventStore, InMemoryEventStore, type SnapshotKeeping, sealSnapshot } from '@ansinh/store'
import { pgliteDriver } from '@ansinh/store-pglite'
import { SqlEventStore, type SqlQueryable, pgDriver } from '@ansinh/store-postgres'
import { history, interestingDays } from '@ansinh/testing'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  HISTORY_SNAPSHOT,
  HISTORY_SNAPSHOT_FORMAT,
  loadStoredHistory,
  sealHistory,
  snapshotWithAppend,
} from './stored-history.js'
import { InMemoryCheckpointStore } from '@ansinh/store'
import { historyProjector } from './history-projector.js'
import { ProjectionRunner } from './runner.js'

/** The history loaded from a store, failing the test with the store's error otherwise. */
const loadOrFail = async (...args: Parameters<typeof loadStoredHistory>) => {
  const loaded = await loadStoredHistory(...args)
  if (E.isLeft(loaded)) expect.fail(`the load failed: ${JSON.stringify(loaded.left)}`)
  return loaded.right
}

/** Every figure of a few kinds at a few dates, as known today and at a cut: the reports' bytes. */
const reportBytes = (h: History, events: readonly DomainEvent[], years: { from: number; to: number }): string => {
  const days = interestingDays({ events, years })
    .filter((_, i) => i % 6 === 0)
    .slice(0, 8)
  const units = [...new Set(events.flatMap((e) => (e.type === 'UnitEstablished' ? [e.data.code] : [])))].slice(0, 2)
  const instants = events.map((e) => instantMillis(e.recordedAt)).sort((a, b) => a - b)
  const cut = instants.length === 0 ? null : instants[Math.floor(instants.length / 2)]!
  const out = days.flatMap((d) => {
    const asOf = fromDayNumber(d)
    return [null, cut].flatMap((knownAt) => [
      ...SCHEMES.map((scheme) => coverageReport(h, { asOf, scheme, unit: null, knownAt })),
      ...units.map((unit) => planReport(h, { asOf, scheme: 'voluntary', unit, knownAt })),
      debtReport(h, { asOf, scheme: null, unit: null, knownAt }),
    ])
  })
  return JSON.stringify(out)
}

const writes = (events: readonly DomainEvent[]) => events.map((e) => ({ stream: streamOf(e), events: [e] }))

const appendAll = async (store: EventStore, events: readonly DomainEvent[]): Promise<void> => {
  if (events.length === 0) return
  const r = await store.appendMany(writes(events))
  if (E.isLeft(r)) throw new Error(JSON.stringify(r.left))
}

/** A store to test, emptied before each use; `sql` reaches its tables (null for memory). */
interface Subject {
  readonly name: string
  readonly fresh: () => Promise<EventStore & SnapshotKeeping>
  readonly sql: SqlQueryable | null
  readonly runs: number
}

const subjects: Subject[] = [{ name: 'memory', fresh: async () => new InMemoryEventStore(), sql: null, runs: 40 }]
const closers: (() => Promise<void>)[] = []

/** A SQL store over one database, emptied (events and snapshots) for each case. */
const sqlSubject = (name: string, driver: ReturnType<typeof pgliteDriver>, runs: number): Subject => ({
  name,
  sql: driver,
  runs,
  fresh: async () => {
    const store = await SqlEventStore.open({ ...driver, close: async () => undefined })
    await driver.query('TRUNCATE ansinh_events, ansinh_snapshots')
    return store
  },
})

const lite = await PGlite.create()
closers.push(() => lite.close())
subjects.push(sqlSubject('PGlite', pgliteDriver(lite, false), 12))
if (process.env['ANSINH_TEST_PG_URL']) {
  const admin = new pg.Client({ connectionString: process.env['ANSINH_TEST_PG_URL'] })
  await admin.connect()
  const db = `snapshots_${process.pid}_${Date.now()}`
  await admin.query(`CREATE DATABASE ${db}`)
  await admin.end()
  const url = new URL(process.env['ANSINH_TEST_PG_URL'])
  url.pathname = `/${db}`
  const pool = new pg.Pool({ connectionString: url.toString() })
  closers.push(() => pool.end())
  subjects.push(sqlSubject('PostgreSQL server', pgDriver(pool), 12))
} else {
  it.skip('PostgreSQL server: skipped because there is no ANSINH_TEST_PG_URL (the global setup sets it whenever PostgreSQL binaries are installed)', () =>
    undefined)
}

afterAll(async () => {
  for (const c of closers) await c()
})

const quiet = (warnings: string[]) => ({ useSnapshot: true, warn: (l: string) => warnings.push(l) })

describe.each(subjects)('snapshots in the $name store', (subject) => {
  beforeAll(async () => {
    await (await subject.fresh()).headPosition() // migrations run once, outside the timed cases
  })

  it('restoring the snapshot and folding the events after it gives byte-identical reports', async () => {
    await fc.assert(
      fc.asyncProperty(
        history({ participants: { min: 1, max: 12 }, employers: { min: 0, max: 2 }, lateRecords: true, moves: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        async (h, at) => {
          const store = await subject.fresh()
          const cut = Math.floor(at * h.events.length)
          await appendAll(store, h.events.slice(0, cut))
          const warnings: string[] = []
          const first = await loadOrFail(store, { ...quiet(warnings), refreshAfter: 0 })
          expect(first.saved).toBe(cut > 0)
          await appendAll(store, h.events.slice(cut))
          const restored = await loadOrFail(store, { ...quiet(warnings), refreshAfter: Infinity })
          expect(warnings).toEqual([])
          expect(restored.snapshot?.position ?? 0).toBe(cut)
          expect(restored.read).toBe(h.events.length - cut)
          const replayed = await loadOrFail(store, { useSnapshot: false, warn: (l) => warnings.push(l) })
          expect(replayed.read).toBe(h.events.length)
          const expected = reportBytes(History.of(h.positioned), h.events, h.years)
          expect(reportBytes(restored.history, h.events, h.years)).toBe(expected)
          expect(reportBytes(replayed.history, h.events, h.years)).toBe(expected)
          expect(restored.head).toEqual(replayed.head)
          await store.close()
        },
      ),
      { numRuns: subject.runs },
    )
  }, 300_000)

  const h = fc.sample(history({ participants: 15, employers: 2, lateRecords: true }), { numRuns: 1, seed: 21 })[0]!
  const expected = reportBytes(History.of(h.positioned), h.events, h.years)

  /** A store holding `h` with a snapshot at `cut`, then the rest of `h` after it. */
  const stored = async (cut = Math.floor(h.events.length / 2)) => {
    const store = await subject.fresh()
    await appendAll(store, h.events.slice(0, cut))
    await loadOrFail(store, { ...quiet([]), refreshAfter: 0 })
    await appendAll(store, h.events.slice(cut))
    return store
  }

  /** Loads twice: the first load warns once and rebuilds, the second trusts the rebuilt snapshot. */
  const rebuilt = async (store: EventStore, reason: RegExp) => {
    const warnings: string[] = []
    const load = await loadOrFail(store, quiet(warnings))
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toMatch(reason)
    expect(warnings[0]).not.toContain('\n')
    expect(load.snapshot).toBeNull()
    expect(load.saved).toBe(true)
    expect(reportBytes(load.history, h.events, h.years)).toBe(expected)
    const again: string[] = []
    const next = await loadOrFail(store, quiet(again))
    expect(again).toEqual([])
    expect(next.snapshot?.position).toBe(h.events.length)
    expect(reportBytes(next.history, h.events, h.years)).toBe(expected)
    await store.close()
  }

  it('a snapshot of another payload format is ignored with a warning and rebuilt', async () => {
    const store = await stored()
    const head = {
      position: h.events.length,
      hash: (await loadOrFail(store, { useSnapshot: false, warn: () => undefined })).head.hash,
    }
    await store.snapshots.save(
      HISTORY_SNAPSHOT,
      sealSnapshot(head, HISTORY_SNAPSHOT_FORMAT + 1, encodeHistorySnapshot(History.of(h.positioned))),
    )()
    await rebuilt(
      store,
      new RegExp(
        `snapshot "history" ignored, of another format \\(envelope 2, payload format ${HISTORY_SNAPSHOT_FORMAT + 1}; this version reads envelope 2, payload format ${HISTORY_SNAPSHOT_FORMAT}\\); rebuilding`,
      ),
    )
  })

  it('a snapshot whose checksum holds but whose payload does not decode is ignored and rebuilt', async () => {
    const store = await stored()
    const head = (await loadOrFail(store, { useSnapshot: false, warn: () => undefined })).head
    await store.snapshots.save(
      HISTORY_SNAPSHOT,
      sealSnapshot(head, HISTORY_SNAPSHOT_FORMAT, new Uint8Array([1, 2, 3])),
    )()
    await rebuilt(store, /ignored, unreadable: not a history snapshot \(no "ansinhHS" header\)/)
  })

  it.skipIf(subject.sql === null)('tampered snapshot bytes (bad checksum) are ignored and rebuilt', async () => {
    const store = await stored()
    await subject.sql!.query(
      `UPDATE ansinh_snapshots SET envelope = set_byte(envelope, 80, (get_byte(envelope, 80) + 1) % 256)`,
    )
    await rebuilt(store, /ignored, unreadable: checksum does not match/)
  })

  it.skipIf(subject.sql === null)(
    'a stamp the chain no longer carries is ignored, and the rebuild stops at the row that breaks the chain',
    async () => {
      const cut = Math.floor(h.events.length / 2)
      const store = await stored(cut)
      // a stored hash changed at the stamp's position: the snapshot no longer matches the chain, and
      // the rebuild, which re-chains every row it reads, finds the row that does not follow
      await subject.sql!.query(`UPDATE ansinh_events SET hash = repeat('a', 64) WHERE position = $1`, [cut])
      const warnings: string[] = []
      expect(await loadStoredHistory(store, quiet(warnings))).toMatchObject(
        E.left({
          _tag: 'CorruptEvent',
          position: cut,
          message: expect.stringMatching(/^hash chain broken: hash a{64} does not match the recomputed/),
        }),
      )
      expect(warnings).toEqual([
        expect.stringMatching(
          new RegExp(`ignored, its hash [0-9a-f]{12}… does not match the chain's aaaaaaaaaaaa… at position ${cut}`),
        ),
      ])
      await store.close()
    },
  )

  it.skipIf(subject.sql === null)('a snapshot taken at a position the store no longer holds is ignored', async () => {
    const store = await subject.fresh()
    await appendAll(store, h.events)
    await loadOrFail(store, { ...quiet([]), refreshAfter: 0 })
    await subject.sql!.query(`DELETE FROM ansinh_events WHERE position > $1`, [h.events.length - 3])
    const warnings: string[] = []
    const load = await loadOrFail(store, quiet(warnings))
    expect(warnings).toEqual([
      expect.stringMatching(
        new RegExp(`taken at position ${h.events.length}, which the store does not hold; rebuilding`),
      ),
    ])
    expect(load.history.size).toBe(h.events.length - 3)
    await store.close()
  })

  it('the projection runner keeps the snapshot current at its checkpoints', async () => {
    const store = await subject.fresh()
    await appendAll(store, h.events)
    const started = await ProjectionRunner.start({
      store,
      checkpoints: new InMemoryCheckpointStore(),
      name: 'reports',
      projector: historyProjector,
      snapshot: { store: store.snapshots, name: HISTORY_SNAPSHOT, seal: sealHistory },
    })
    if (E.isLeft(started)) throw new Error(started.left._tag)
    const runner = started.right
    expect(await runner.caughtUp).toEqual(E.right(undefined))
    await runner.stop()
    const warnings: string[] = []
    const load = await loadOrFail(store, quiet(warnings))
    expect(warnings).toEqual([])
    expect(load.snapshot?.position).toBe(h.events.length)
    expect(reportBytes(load.history, h.events, h.years)).toBe(expected)
    await store.close()
  })

  it('an import leaves its snapshot in the same transaction as its events, or neither', async () => {
    const store = await subject.fresh()
    const half = Math.floor(h.events.length / 2)
    await appendAll(store, h.events.slice(0, half))
    const before = await loadOrFail(store, { useSnapshot: false, warn: () => undefined })
    // a seal that fails rolls the append back with it
    const failing = await store
      .appendManyWithSnapshot(writes(h.events.slice(half)), {
        name: HISTORY_SNAPSHOT,
        seal: () => {
          throw new Error('disk full')
        },
      })
      .catch((err: Error): E.Either<unknown, unknown> => E.left(err.message))
    expect(E.isLeft(failing)).toBe(true)
    expect(await store.headPosition()).toEqual(E.right(half))
    expect(E.getOrElseW(() => 'failed')(await store.snapshots.load(HISTORY_SNAPSHOT)())).toBeNull()
    const appended = await store.appendManyWithSnapshot(
      writes(h.events.slice(half)),
      snapshotWithAppend(before.history, h.events.slice(half)),
    )
    expect(E.isRight(appended)).toBe(true)
    const warnings: string[] = []
    const load = await loadOrFail(store, quiet(warnings))
    expect(warnings).toEqual([])
    expect(load.snapshot?.position).toBe(h.events.length)
    expect(load.read).toBe(0)
    expect(reportBytes(load.history, h.events, h.years)).toBe(expected)
    await store.close()
  })
})
