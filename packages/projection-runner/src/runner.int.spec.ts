import fc from 'fast-check'
import { PGlite } from '@electric-sql/pglite'
import { type DomainEvent, SCHEMES, streamOf } from '@ansinh/core'
import { History } from '@ansinh/projection'
import { coverageReport } from '@ansinh/projection-coverage'
import { debtReport } from '@ansinh/projection-debt'
import type { EventStore } from '@ansinh/store'
import { pgliteDriver } from '@ansinh/store-pglite'
import { SqlEventStore, openPostgresStore } from '@ansinh/store-postgres'
import { history, interestingDays } from '@ansinh/testing'
import pg from 'pg'
import { afterAll, describe, expect, it } from 'vitest'
import { fromDayNumber } from '@ansinh/core'
import { historyProjector } from './history-projector.js'
import { savedPosition, started } from '../test/runner.js'

const h = fc.sample(history({ participants: 25, employers: 2, lateRecords: true, moves: true }), {
  numRuns: 1,
  seed: 11,
})[0]!
const days = interestingDays({ events: h.events, years: h.years })
  .filter((_, i) => i % 5 === 0)
  .slice(0, 10)
const figures = (model: History) =>
  days.flatMap((d) => [
    ...SCHEMES.map((scheme) => coverageReport(model, { asOf: fromDayNumber(d), scheme, unit: null, knownAt: null })),
    debtReport(model, { asOf: fromDayNumber(d), scheme: null, unit: null, knownAt: null }),
  ])

const appendAll = async (store: EventStore, events: readonly DomainEvent[]) => {
  for (const e of events) {
    const r = await store.append(streamOf(e), [e])
    if (r._tag === 'Left') throw new Error(JSON.stringify(r.left))
  }
}
const until = async (done: () => boolean): Promise<void> => {
  const deadline = Date.now() + 20_000
  while (!done() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5))
}

/** Crash mid-way, append more, resume, then restart from the durable checkpoint alone. */
const crashAndResume = async (open: () => Promise<SqlEventStore>) => {
  const n = h.events.length
  const half = Math.floor(n / 2)
  const first = await open()
  await appendAll(first, h.events.slice(0, half))
  const crashed = await started({
    store: first,
    checkpoints: first.checkpoints,
    name: 'reports',
    projector: historyProjector,
    checkpointEvery: 7,
  })
  await until(() => crashed.position >= Math.floor(half / 2))
  await crashed.abandon()
  expect(crashed.checkpointed).toBeLessThanOrEqual(crashed.position)
  await appendAll(first, h.events.slice(half))
  await first.close()

  const second = await open()
  const durable = await savedPosition(second.checkpoints, 'reports')
  expect(durable).toBe(crashed.checkpointed)
  const resumed = await started({
    store: second,
    checkpoints: second.checkpoints,
    name: 'reports',
    projector: historyProjector,
    checkpointEvery: 7,
  })
  expect(resumed.position).toBeGreaterThanOrEqual(durable)
  await until(() => resumed.position === n)
  await resumed.stop()
  expect(figures(resumed.model)).toEqual(figures(History.of(h.positioned)))
  await second.close()

  const third = await open()
  expect(await savedPosition(third.checkpoints, 'reports')).toBe(n)
  const restored = await started({
    store: third,
    checkpoints: third.checkpoints,
    name: 'reports',
    projector: historyProjector,
  })
  expect(restored.position).toBe(n)
  expect(figures(restored.model)).toEqual(figures(History.of(h.positioned)))
  await restored.stop()
  await third.close()
}

describe('checkpoints kept with the events in SQL', () => {
  const cleanups: (() => Promise<void>)[] = []
  afterAll(async () => {
    for (const c of cleanups) await c()
  })

  it('PGlite: a crashed runner resumes from its durable checkpoint to the uninterrupted read models', async () => {
    const db = await PGlite.create()
    cleanups.push(() => db.close())
    await crashAndResume(() => SqlEventStore.open(pgliteDriver(db, false)))
  })

  it.skipIf(!process.env['ANSINH_TEST_PG_URL'])(
    'PostgreSQL server: the same (skipped only without PostgreSQL binaries)',
    async () => {
      const admin = new pg.Client({ connectionString: process.env['ANSINH_TEST_PG_URL'] })
      await admin.connect()
      const name = `runner_${process.pid}_${Date.now()}`
      await admin.query(`CREATE DATABASE ${name}`)
      await admin.end()
      const url = new URL(process.env['ANSINH_TEST_PG_URL']!)
      url.pathname = `/${name}`
      await crashAndResume(() => openPostgresStore(url.toString()))
    },
  )
})
