/**
 * `@ansinh/store-pglite`: the event store embedded in the process — PGlite (PostgreSQL compiled
 * to WebAssembly) in a folder. It runs the SQL of `@ansinh/store-postgres` through a PGlite
 * driver, so a folder holds exactly what a server would, except snapshots, which a folder keeps
 * as files beside the database (file-snapshots.ts). One process at a time opens a folder (lock.ts).
 */
import { existsSync } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import { dirname, join, resolve } from 'node:path'
import * as E from 'fp-ts/lib/Either.js'
import { type EventStore, unavailableStore } from '@ansinh/store'
import { MIGRATIONS, SqlEventStore, type SqlStoreOptions } from '@ansinh/store-postgres'
import { pgliteDriver } from './driver.js'
import { FolderStore } from './folder-store.js'
import { describeLockError, lockFolder } from './lock.js'
import { vouchedSeal } from './seal.js'

export { pgliteDriver } from './driver.js'
export { FileSnapshotStore, SNAPSHOT_FOLDER } from './file-snapshots.js'
export {
  FolderStore,
  type FolderStoreOptions,
  PGLITE_BULK_START_PARAMS,
  PGLITE_START_PARAMS,
  SEALED_SNAPSHOT,
} from './folder-store.js'
export { SEAL_FILE, folderFingerprint, vouchedHead } from './seal.js'
export { type FolderLock, LOCK_FILE, type LockError, describeLockError, lockFolder, processRuns } from './lock.js'

/** Whether a PGlite location means "in memory, gone when closed". */
const inMemory = (dir: string): boolean => dir === 'memory' || dir === 'memory://' || dir === ''

/** Whether `dir` holds a PGlite database (PostgreSQL's `PG_VERSION` marks an initialised data folder). */
export const pgliteStoreExists = (dir: string): boolean => existsSync(join(resolve(dir), 'PG_VERSION'))

/** Options of {@link openPgliteFolder}. */
export interface PgliteFolderOptions extends SqlStoreOptions {
  /** Create the folder and the store when they are not there (default true); false: `NoStore`. */
  readonly create?: boolean
  /** How long to wait for another process to release the folder (default 0: refuse at once). */
  readonly waitMs?: number
  /**
   * Answer from the folder's seal when it holds (default true): PGlite is then started only when
   * a question needs a row before the vouched head (seal.ts). false: always start PGlite.
   */
  readonly sealed?: boolean
  /**
   * This process loads many events (an import): PGlite, when it starts, gets 256 MB of shared
   * buffers instead of 16 MB, so that the indexes of a large load stay in memory (the seed
   * histories, 815 k events: 95 s → 69 s). Default false: a reader needs no large buffer pool.
   */
  readonly bulk?: boolean
}

/** Why a folder was not opened. */
export type PgliteOpenError =
  | { readonly _tag: 'NoStore'; readonly dir: string }
  | { readonly _tag: 'InUse'; readonly dir: string; readonly pid: number; readonly message: string }
  | { readonly _tag: 'StoreUnavailable'; readonly message: string }

/** One line saying why a folder was not opened. */
export const describePgliteOpenError = (e: PgliteOpenError): string =>
  e._tag === 'NoStore' ? `store pglite:${e.dir} does not exist (no ansinh store in that folder)` : e.message

/**
 * Opens the embedded store in a folder (or in memory for `memory` / `memory://`), holding the
 * folder's lock until `close`: `InUse` naming the process that holds it, `NoStore` for a folder
 * without a store when `create` is false, `StoreUnavailable` when PGlite cannot open it.
 */
export const openPgliteFolder = async (
  dir: string,
  options: PgliteFolderOptions = {},
): Promise<E.Either<PgliteOpenError, SqlEventStore>> => {
  if (inMemory(dir)) {
    try {
      const { PGlite } = await import('@electric-sql/pglite')
      // one session, this process's: a first load may build the indexes after its rows
      return E.right(
        await SqlEventStore.open(pgliteDriver(await PGlite.create()), { indexAfterFirstLoad: true, ...options }),
      )
    } catch (err) {
      return E.left({ _tag: 'StoreUnavailable', message: `cannot open PGlite in memory: ${(err as Error).message}` })
    }
  }
  const folder = resolve(dir)
  if (options.create === false && !pgliteStoreExists(folder)) return E.left({ _tag: 'NoStore', dir })
  try {
    // PGlite creates the folder but not its parents (`.ansinh/store` on a fresh checkout); the lock
    // needs the folder first. The folder itself is made without `recursive`, which loops in /proc.
    await mkdir(dirname(folder), { recursive: true })
    await mkdir(folder).catch((err: NodeJS.ErrnoException) => {
      if (err.code !== 'EEXIST') throw err
    })
  } catch (err) {
    return E.left({ _tag: 'StoreUnavailable', message: `cannot open PGlite in ${dir}: ${(err as Error).message}` })
  }
  const lock = await lockFolder(folder, options.waitMs ?? 0)
  if (E.isLeft(lock)) {
    return E.left(
      lock.left._tag === 'InUse'
        ? { _tag: 'InUse', dir, pid: lock.left.pid, message: describeLockError(dir, lock.left) }
        : { _tag: 'StoreUnavailable', message: lock.left.message },
    )
  }
  try {
    // checked again under the lock: the store may have gone (or come) while another process held it
    if (options.create === false && !pgliteStoreExists(folder)) {
      lock.right.release()
      return E.left({ _tag: 'NoStore', dir })
    }
    const seal =
      options.sealed === false || !pgliteStoreExists(folder) ? null : await vouchedSeal(folder, MIGRATIONS.length)
    const store = await FolderStore.openFolder(folder, {
      ...options,
      vouched: seal?.head ?? null,
      hashes: seal?.hashes,
      chain: seal?.chain,
      release: () => lock.right.release(),
    })
    return E.right(store)
  } catch (err) {
    lock.right.release()
    return E.left({ _tag: 'StoreUnavailable', message: `cannot open PGlite in ${dir}: ${(err as Error).message}` })
  }
}

/**
 * Opens the embedded store: PGlite in a folder (created if missing), or in memory for `memory`
 * or `memory://`. Never rejects: a folder that cannot be opened, or that another process holds,
 * makes every call return `StoreUnavailable` with the reason.
 *
 * @example const store = await openPgliteStore('.ansinh/store')
 */
export const openPgliteStore = async (dir: string, options: PgliteFolderOptions = {}): Promise<EventStore> => {
  const opened = await openPgliteFolder(dir, options)
  return E.isRight(opened)
    ? opened.right
    : unavailableStore({ _tag: 'StoreUnavailable', message: describePgliteOpenError(opened.left) })
}
