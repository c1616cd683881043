/**
 * `@ansinh/store-postgres`: the event store in PostgreSQL — a server through `pg`, or the
 * embedded default through PGlite in a folder. One SQL implementation, two drivers.
 */
import { mkdir } from 'node:fs/promises'
import { dirname, resolve } from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { type EventStore, unavailableStore } from '@ansinh/store'
import pg from 'pg'
import { pgDriver, pgliteDriver } from './driver.js'
import { SqlEventStore, type SqlStoreOptions } from './store.js'

export { type SqlDriver, type SqlQueryable, pgDriver, pgliteDriver } from './driver.js'
export { SqlCheckpointStore } from './checkpoints.js'
export { SqlSnapshotStore } from './snapshots.js'
export { MIGRATIONS, type Migration, migrate } from './migrations.js'
export { COPY_CHUNK } from './load.js'
export { SqlEventStore, type SqlStoreOptions } from './store.js'

/**
 * Opens the store in a PostgreSQL server (a connection string or `pg` pool options) and brings
 * its schema up to date. Never rejects: if the server cannot be reached, every call of the store
 * returns (or, for iteration, throws) that `StoreUnavailable`.
 *
 * @example const store = await openPostgresStore('postgres://ansinh@127.0.0.1:5432/ansinh')
 */
export const openPostgresStore = (connection: string | pg.PoolConfig, options: SqlStoreOptions = {}): Promise<SqlEventStore> =>
  SqlEventStore.open(pgDriver(new pg.Pool(typeof connection === 'string' ? { connectionString: connection } : connection)), options)

/** Whether a PGlite location means "in memory, gone when closed". */
const inMemory = (dir: string): boolean => dir === 'memory' || dir === 'memory://' || dir === ''

/**
 * Opens the embedded store: PGlite in a folder (created if missing), or in memory for `memory`
 * or `memory://`. Never rejects: a folder that cannot be opened makes every call return
 * `StoreUnavailable`.
 *
 * @example const store = await openPgliteStore('.ansinh/store')
 */
export const openPgliteStore = async (dir: string, options: SqlStoreOptions = {}): Promise<EventStore> => {
  let db: PGlite
  try {
    // PGlite creates the folder itself but not its parents (`.ansinh/store` on a fresh checkout).
    if (!inMemory(dir)) await mkdir(dirname(resolve(dir)), { recursive: true })
    db = inMemory(dir) ? await PGlite.create() : await PGlite.create(dir)
  } catch (err) {
    return unavailableStore({ _tag: 'StoreUnavailable', message: `cannot open PGlite in ${dir}: ${(err as Error).message}` })
  }
  return SqlEventStore.open(pgliteDriver(db), options)
}
