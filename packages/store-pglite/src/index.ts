/**
 * `@ansinh/store-pglite`: the event store embedded in the process — PGlite (PostgreSQL compiled
 * to WebAssembly) in a folder. It runs the SQL of `@ansinh/store-postgres` through a PGlite
 * driver, so a folder holds exactly what a server would.
 */
import { mkdir } from 'node:fs/promises'
import { dirname, resolve } from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { type EventStore, unavailableStore } from '@ansinh/store'
import { SqlEventStore, type SqlStoreOptions } from '@ansinh/store-postgres'
import { pgliteDriver } from './driver.js'

export { pgliteDriver } from './driver.js'

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
