/**
 * `@ansinh/store-postgres`: the event store in PostgreSQL through `pg`. The SQL (schema,
 * appends, reads, checkpoints) is written once against {@link SqlDriver}; `@ansinh/store-pglite`
 * runs the same SQL on PGlite, embedded in a folder.
 */
import type pg from 'pg'
import { pgDriver } from './driver.js'
import { SqlEventStore, type SqlStoreOptions } from './store.js'

export { type SqlDriver, type SqlQueryable, copySql, pgDriver } from './driver.js'
export { SqlCheckpointStore } from './checkpoints.js'
export { SqlSnapshotStore } from './snapshots.js'
export { MIGRATIONS, type Migration, migrate } from './migrations.js'
export { COPY_CHUNK } from './load.js'
export { NO_STORE_MESSAGE, SqlEventStore, type SqlStoreOptions } from './store.js'

/**
 * Opens the store in a PostgreSQL server (a connection string or `pg` pool options) and brings
 * its schema up to date. Never rejects: if the server cannot be reached, every call of the store
 * returns (or, for iteration, throws) that `StoreUnavailable`.
 *
 * @example const store = await openPostgresStore('postgres://ansinh@127.0.0.1:5432/ansinh')
 */
export const openPostgresStore = async (
  connection: string | pg.PoolConfig,
  options: SqlStoreOptions = {},
): Promise<SqlEventStore> => {
  // loaded here, not at the top: `@ansinh/store-pglite` runs this package's SQL without pg
  const { default: postgres } = await import('pg')
  return SqlEventStore.open(
    pgDriver(new postgres.Pool(typeof connection === 'string' ? { connectionString: connection } : connection)),
    options,
  )
}
