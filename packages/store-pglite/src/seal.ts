/**
 * The folder's seal: what lets a reader answer from the snapshot file without starting PGlite.
 *
 * Starting PostgreSQL in WebAssembly costs about a second and 150 MB before the first row, which
 * is most of what a report from a snapshot costs. When a process closes the store and the
 * snapshot file is stamped with the store's head (the chain hash the head row carries, the one
 * comparison a snapshot is trusted on), it writes `ansinh-snapshots/seal.json`: that stamp and a
 * fingerprint of every file of the database (path, size, modification time in nanoseconds, inode).
 * The next process, holding the folder's lock, fingerprints the folder again: if nothing changed,
 * the database is the one whose head matched the snapshot, and a question the snapshot answers
 * needs no PGlite at all. Anything that opens the database changes its files (PGlite checkpoints
 * on close), so any other process's open, a crash, a restore from backup or an edit outside
 * ansinh breaks the seal, and the store is opened as always.
 *
 * @module seal
 */
import { createHash } from 'node:crypto'
import { readFile, readdir, rename, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { SnapshotStamp } from '@ansinh/store'
import { type ChainRecord, chainRecordOf } from './chain-file.js'
import { SNAPSHOT_FOLDER } from './file-snapshots.js'
import { LOCK_FILE } from './lock.js'

/** The seal's file, in the snapshot folder. */
export const SEAL_FILE = 'seal.json'

/** Bump when the seal's meaning changes (e.g. what the fingerprint covers): an older seal is then ignored. */
const SEAL_VERSION = 1

/** What a seal holds. */
export interface Seal {
  /** The store's head, which the snapshot file is stamped with. */
  readonly head: SnapshotStamp
  /** How many schema migrations the database had (a seal of an older schema is not used: the store must migrate). */
  readonly schema: number
  /**
   * Chain hashes computed from the database's rows (position → hash) by the processes that held
   * the folder, at most {@link REMEMBERED_HASHES}: what a report as known at an earlier cut cites.
   */
  readonly hashes?: ReadonlyMap<number, string>
  /** The chain file as the sealing process left it (chain-file.ts), when it holds one it trusts. */
  readonly chain?: ChainRecord | null
}

/** How many computed chain hashes a seal keeps (the latest used), about 100 bytes each. */
export const REMEMBERED_HASHES = 4096

const HASH = /^[0-9a-f]{64}$/

/** The seal's `hashes`, when every entry is a [position, hash] pair; else none (the seal itself stands). */
const hashesOf = (value: unknown): Map<number, string> => {
  const out = new Map<number, string>()
  if (!Array.isArray(value)) return out
  for (const entry of value as unknown[]) {
    if (!Array.isArray(entry) || entry.length !== 2) return new Map()
    const [position, hash] = entry as [unknown, unknown]
    if (typeof position !== 'number' || !Number.isSafeInteger(position) || position < 1) return new Map()
    if (typeof hash !== 'string' || !HASH.test(hash)) return new Map()
    out.set(position, hash)
  }
  return out
}

/** Files of the folder that are not the database: the lock, its take-over guard, the snapshots. */
const outside = (name: string): boolean => name === SNAPSHOT_FOLDER || name.startsWith(LOCK_FILE)

/**
 * A digest of every file of the database under `folder`: relative path, size, modification time
 * (nanoseconds) and inode, in path order. A write, a truncation, a file replaced or added changes it.
 */
export const folderFingerprint = async (folder: string): Promise<string> => {
  const lines: string[] = []
  const walk = async (dir: string, prefix: string): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true })
    await Promise.all(
      entries.map(async (e) => {
        if (prefix === '' && outside(e.name)) return
        const path = join(dir, e.name)
        const rel = prefix === '' ? e.name : `${prefix}/${e.name}`
        if (e.isDirectory()) return walk(path, rel)
        const s = await stat(path, { bigint: true })
        lines.push(`${rel}\t${s.size}\t${s.mtimeNs}\t${s.ino}`)
      }),
    )
  }
  await walk(folder, '')
  lines.sort()
  return createHash('sha256').update(lines.join('\n')).digest('hex')
}

/** The seal of `folder` with its fingerprint, or null when there is none or it is not one this version wrote. */
export const readSeal = async (folder: string): Promise<(Seal & { readonly fingerprint: string }) | null> => {
  try {
    const value = JSON.parse(await readFile(join(folder, SNAPSHOT_FOLDER, SEAL_FILE), 'utf8')) as {
      version?: unknown
      head?: { position?: unknown; hash?: unknown }
      schema?: unknown
      fingerprint?: unknown
      hashes?: unknown
      chain?: unknown
    }
    const { head } = value
    if (
      value.version !== SEAL_VERSION ||
      typeof value.fingerprint !== 'string' ||
      typeof value.schema !== 'number' ||
      head === undefined
    )
      return null
    if (
      typeof head.position !== 'number' ||
      !Number.isSafeInteger(head.position) ||
      typeof head.hash !== 'string' ||
      !HASH.test(head.hash)
    )
      return null
    const { position, hash } = head
    return {
      head: { position, hash },
      schema: value.schema,
      fingerprint: value.fingerprint,
      // a hash past the head cannot have been computed from these rows
      hashes: new Map([...hashesOf(value.hashes)].filter(([p]) => p <= position)),
      chain: chainRecordOf(value.chain),
    }
  } catch {
    return null // none, unreadable or not JSON: the store is opened as always
  }
}

/** Writes the seal of `folder` (its fingerprint taken now), atomically. */
export const writeSeal = async (folder: string, seal: Seal): Promise<void> => {
  const fingerprint = await folderFingerprint(folder)
  const file = join(folder, SNAPSHOT_FOLDER, SEAL_FILE)
  const temporary = `${file}.${process.pid}.tmp`
  await writeFile(
    temporary,
    JSON.stringify({
      version: SEAL_VERSION,
      head: seal.head,
      schema: seal.schema,
      fingerprint,
      hashes: [...(seal.hashes ?? new Map<number, string>())].slice(-REMEMBERED_HASHES),
      ...(seal.chain == null ? {} : { chain: seal.chain }),
    }) + '\n',
  )
  await rename(temporary, file)
}

/**
 * The seal of `folder` (its head and remembered hashes), when the folder is still what it was when
 * the seal was written and its schema is `schema` migrations; else null.
 */
export const vouchedSeal = async (folder: string, schema: number): Promise<Seal | null> => {
  const seal = await readSeal(folder)
  if (seal === null || seal.schema !== schema) return null
  return (await folderFingerprint(folder)) === seal.fingerprint ? seal : null
}

/**
 * The head a seal vouches for, when the folder is still what it was when the seal was written
 * and its schema is `schema` migrations; else null.
 */
export const vouchedHead = async (folder: string, schema: number): Promise<SnapshotStamp | null> =>
  (await vouchedSeal(folder, schema))?.head ?? null
