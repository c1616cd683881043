/**
 * One process per embedded store. PGlite is PostgreSQL in one process, without the shared memory
 * and locks a server has: two processes that open the same folder each believe they own it, and
 * their writes overwrite each other's (the issue saw two imports both exit 0 and a third of the
 * events gone). So every process that opens a `pglite:` folder first takes its lock file,
 * `ansinh.lock` in the folder, created atomically with `O_CREAT | O_EXCL` (`fs.open(…, 'wx')`)
 * and holding the holder's pid; a second process is refused with "in use by process N" (readers
 * too: a reader would read pages a writer is changing). The lock is released by `release`, and
 * by an exit hook if the process ends without closing the store. A lock left by a process that
 * died (kill -9, power cut) is detected with `process.kill(pid, 0)` and taken over; the take-over
 * itself is serialised by a second file, `ansinh.lock.takeover`, so two processes that find the
 * same dead holder cannot both take its place.
 *
 * @module lock
 */
import * as fs from 'node:fs'
import { join } from 'node:path'
import * as E from 'fp-ts/lib/Either.js'

/** The lock file's name inside the store's folder. */
export const LOCK_FILE = 'ansinh.lock'

/** Why a folder's lock was not taken. */
export type LockError =
  { readonly _tag: 'InUse'; readonly pid: number } | { readonly _tag: 'LockFailed'; readonly message: string }

/** A lock held by this process. */
export interface FolderLock {
  readonly path: string
  /** Removes the lock file if it is still this process's; idempotent. */
  release(): void
}

const held = new Map<string, FolderLock>()
let hooked = false

/** Whether a process with this pid runs (EPERM: it runs under another user). */
export const processRuns = (pid: number): boolean => {
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** The pid a lock file names, or null when it names none (empty: its writer died between creating and writing it). */
const pidIn = (path: string): number | null | 'gone' => {
  let text: string
  try {
    text = fs.readFileSync(path, 'utf8')
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return 'gone'
    throw err
  }
  const m = /^(\d+)\n?$/.exec(text)
  return m === null ? null : Number(m[1])
}

/** Creates `path` holding this process's pid, atomically; false if it exists. */
const create = (path: string): boolean => {
  let fd: number
  try {
    fd = fs.openSync(path, 'wx')
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false
    throw err
  }
  try {
    fs.writeSync(fd, `${process.pid}\n`)
    fs.fsyncSync(fd)
  } finally {
    fs.closeSync(fd)
  }
  return true
}

const removeIfOurs = (path: string): void => {
  try {
    if (pidIn(path) === process.pid) fs.unlinkSync(path)
  } catch {
    // already gone, or the folder was removed: nothing of ours is left
  }
}

/** A lock file whose content is not a pid yet is given this long before it counts as abandoned. */
const UNWRITTEN_GRACE_MS = 2_000

const abandoned = (path: string, pid: number | null): boolean => {
  if (pid !== null) return pid !== process.pid && !processRuns(pid)
  try {
    return Date.now() - fs.statSync(path).mtimeMs > UNWRITTEN_GRACE_MS
  } catch {
    return false
  }
}

/**
 * Replaces the lock at `path` if it still names the dead holder `dead`, under the take-over file;
 * true if this process now holds the lock.
 */
const takeOver = (path: string, dead: number | null): boolean => {
  const guard = `${path}.takeover`
  if (!create(guard)) {
    // another process is taking over; if it died doing so, clear its guard for the next attempt
    const guardPid = pidIn(guard)
    if (guardPid !== 'gone' && abandoned(guard, guardPid)) {
      try {
        fs.unlinkSync(guard)
      } catch {
        // someone else cleared it
      }
    }
    return false
  }
  try {
    const now = pidIn(path)
    if (now === 'gone') return create(path)
    if (now !== dead || !abandoned(path, now)) return false
    fs.unlinkSync(path)
    return create(path)
  } finally {
    fs.unlinkSync(guard)
  }
}

/**
 * Takes the lock of the store folder `dir` (which must exist) for this process. Tries for `waitMs`
 * (default 0: once) while another live process holds it, then answers `InUse` with its pid.
 */
export const lockFolder = async (dir: string, waitMs = 0): Promise<E.Either<LockError, FolderLock>> => {
  const path = join(dir, LOCK_FILE)
  const already = held.get(path)
  if (already !== undefined) return E.left({ _tag: 'InUse', pid: process.pid })
  const until = Date.now() + waitMs
  // a few quick attempts even without waiting: a take-over by another process may be under way
  for (let attempt = 1; ; attempt++) {
    let holder: number | null | 'gone'
    try {
      if (create(path)) break
      holder = pidIn(path)
      if (holder === 'gone') continue
      if (abandoned(path, holder) && takeOver(path, holder)) break
    } catch (err) {
      return E.left({ _tag: 'LockFailed', message: `cannot lock ${path}: ${(err as Error).message}` })
    }
    if (Date.now() >= until && attempt >= 3) return E.left({ _tag: 'InUse', pid: holder ?? 0 })
    await new Promise((r) => setTimeout(r, attempt < 3 ? 20 : 50))
  }
  const lock: FolderLock = {
    path,
    release: () => {
      if (held.get(path) !== lock) return
      held.delete(path)
      removeIfOurs(path)
    },
  }
  held.set(path, lock)
  if (!hooked) {
    hooked = true
    // a process that ends without closing its store (process.exit, an uncaught error) still frees it
    process.on('exit', () => {
      for (const l of [...held.values()]) l.release()
    })
  }
  return E.right(lock)
}

/** One line saying why a lock was not taken. */
export const describeLockError = (dir: string, e: LockError): string =>
  e._tag === 'InUse'
    ? e.pid === process.pid
      ? `store pglite:${dir} is already open in this process`
      : `store pglite:${dir} is in use by process ${e.pid === 0 ? '(unknown: its lock file is being written)' : e.pid}; an embedded store serves one process at a time, try again when it has finished`
    : e.message
