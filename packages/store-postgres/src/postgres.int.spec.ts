import { randomUUID } from 'node:crypto'
import pg from 'pg'
import * as E from 'fp-ts/lib/Either.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  describeEventStoreContract,
  enrolment,
  eventually,
  expectRight,
  participantStream,
} from '@ansinh/store-testing'
import type { RecordedEvent } from '@ansinh/store'
import { type SqlDriver, pgDriver } from './driver.js'
import { openPostgresStore } from './index.js'
import { type PostgresServer, startPostgres, whyNoPostgres } from '@ansinh/store-testing/postgres-server'
import { describeBulkImport } from './test/bulk.js'
import { describeTamperTests } from './test/tamper.js'

// A real server: from a globalSetup (ANSINH_TEST_PG_URL), else started here for this file.
const skipped = whyNoPostgres()
if (skipped !== null) console.warn(`PostgreSQL server tests skipped: ${skipped}`)
let server: PostgresServer | null = null
let url = process.env['ANSINH_TEST_PG_URL'] ?? ''
let admin: pg.Pool
/** One driver over the admin pool (each driver adds an error listener to its pool). */
let adminSql: SqlDriver

let database = ''

beforeAll(async () => {
  if (skipped !== null) return
  if (url === '') {
    const started = await startPostgres()
    if ('skipped' in started) throw new Error(`could not start PostgreSQL: ${started.skipped}`)
    server = started
    url = started.url
  }
  // A database of our own: other test files may share the server and empty their own tables.
  database = `ansinh_store_${randomUUID().slice(0, 8)}`
  const root = new pg.Client({ connectionString: url })
  await root.connect()
  await root.query(`CREATE DATABASE ${database}`)
  await root.end()
  const own = new URL(url)
  own.pathname = `/${database}`
  url = own.toString()
  admin = new pg.Pool({ connectionString: url, max: 2 })
  adminSql = pgDriver(admin)
})
afterAll(async () => {
  await admin?.end()
  if (server !== null) await server.stop()
  else if (database !== '') {
    const root = new URL(url)
    root.pathname = '/postgres'
    const client = new pg.Client({ connectionString: root.toString() })
    await client.connect()
    await client.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`)
    await client.end()
  }
})

const fresh = async (options: { indexAfterFirstLoad?: boolean } = {}) => {
  const store = await openPostgresStore(url, { pollMs: 50, ...options })
  await admin.query('TRUNCATE ansinh_events')
  return store
}

describe.skipIf(skipped !== null)(`PostgreSQL server${skipped === null ? '' : ` (skipped: ${skipped})`}`, () => {
  it('is reachable', async () => {
    expect((await admin.query('SELECT 1 AS one')).rows).toEqual([{ one: 1 }])
  })

  describeEventStoreContract('PostgreSQL', fresh, { propertyRuns: 15 })
  describeTamperTests('PostgreSQL', async () => ({ store: await fresh(), sql: adminSql }))
  describeBulkImport('PostgreSQL', async (options) => ({ store: await fresh(options), sql: adminSql }))

  it('wakes a subscriber in another process by NOTIFY, long before its poll interval', async () => {
    const writer = await fresh()
    const reader = await openPostgresStore(url, { pollMs: 60_000 })
    const seen: RecordedEvent[] = []
    const sub = reader.subscribe({ onEvent: (e) => void seen.push(e) })
    expect(await sub.caughtUp).toEqual(E.right(undefined))
    await new Promise((r) => setTimeout(r, 200)) // LISTEN is set up asynchronously
    expectRight(await writer.append(participantStream(1), [enrolment(1, 1)]))
    await eventually(() => seen.length === 1, 5_000)
    await sub.stop()
    await reader.close()
    await writer.close()
  })

  it('an unreachable server is StoreUnavailable, not a throw', async () => {
    const store = await openPostgresStore({
      host: '127.0.0.1',
      port: 1,
      user: 'nobody',
      connectionTimeoutMillis: 2_000,
    })
    expect(await store.append(participantStream(1), [enrolment(1, 1)])).toMatchObject(
      E.left({ _tag: 'StoreUnavailable' }),
    )
    await store.close()
  })
})
