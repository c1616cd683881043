import { PGlite } from '@electric-sql/pglite'
import * as E from 'fp-ts/lib/Either.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  describeEventStoreContract,
  enrolment,
  expectRight,
  participantStream,
  readEverything,
} from '@ansinh/store-testing'
import { pgliteDriver } from './driver.js'
import { openPgliteStore } from './index.js'
import { MIGRATIONS, SqlEventStore, migrate } from '@ansinh/store-postgres'
// The SQL store's shared tamper and bulk tests (test helpers of the SQL package, not published).
import { describeBulkImport } from '../../store-postgres/src/test/bulk.js'
import { describeTamperTests } from '../../store-postgres/src/test/tamper.js'

// One PGlite per file (starting one takes seconds); each test gets the table emptied.
let db: PGlite
beforeAll(async () => {
  db = await PGlite.create()
})
afterAll(async () => {
  await db.close()
})

const fresh = async (options: { indexAfterFirstLoad?: boolean } = {}): Promise<SqlEventStore> => {
  const driver = pgliteDriver(db, false)
  const store = await SqlEventStore.open(driver, { pollMs: 50, ...options })
  await db.query('TRUNCATE ansinh_events')
  return store
}

describeEventStoreContract('PGlite', fresh, { propertyRuns: 15 })
describeTamperTests('PGlite', async () => ({ store: await fresh(), sql: pgliteDriver(db, false) }))
describeBulkImport('PGlite', async (options) => ({ store: await fresh(options), sql: pgliteDriver(db, false) }))

describe('PGlite store', () => {
  it('re-running the migrations changes nothing', async () => {
    await fresh()
    expect(await migrate(pgliteDriver(db, false))).toEqual([])
    const versions = await db.query<{ version: number }>('SELECT version FROM ansinh_migrations ORDER BY version')
    expect(versions.rows.map((r) => r.version)).toEqual(MIGRATIONS.map((m) => m.version))
  })

  it('stores ids written in capitals exactly as written', async () => {
    const store = await fresh()
    const e = { ...enrolment(1, 1), id: '7D9C0A52-5A0E-4F39-9D44-0B8F0C7C4F01' } as ReturnType<typeof enrolment>
    expectRight(await store.append(participantStream(1), [e]))
    expect((await readEverything(store))[0]!.event.id).toBe('7D9C0A52-5A0E-4F39-9D44-0B8F0C7C4F01')
    await store.close()
  })

  it('a store whose folder cannot be opened answers StoreUnavailable', async () => {
    const store = await openPgliteStore('/proc/ansinh-cannot-create-this')
    expect(await store.append(participantStream(1), [enrolment(1, 1)])).toMatchObject(
      E.left({ _tag: 'StoreUnavailable' }),
    )
    await store.close()
  })
})

describe('PGlite store subscriptions', () => {
  it('are stopped by close, without reporting an error', async () => {
    const store = await fresh()
    const errors: unknown[] = []
    const sub = store.subscribe({ onEvent: () => undefined, onError: (e) => void errors.push(e) })
    expect(await sub.caughtUp).toEqual(E.right(undefined))
    await store.close()
    await new Promise((r) => setTimeout(r, 120))
    expect(errors).toEqual([])
    await sub.stop()
  })
})
