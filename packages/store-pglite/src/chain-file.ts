/**
 * The chain file: the chain hash at every position of the folder's events, 32 bytes each in
 * position order (`ansinh-snapshots/chain.hashes`), so that a report at a known-at cut never asked
 * before cites its hash without starting PGlite (about a second and 150 MB) to walk the chain up
 * to the cut from the checkpoint before it.
 *
 * Every hash in it was computed by this process's store as it appended the rows (the hash the
 * append gives each row it writes), never read from a stored column: the same trust as the hashes
 * a seal remembers. It is trusted only through the seal (seal.ts): the process that seals the
 * folder records the file's length, modification time and inode with the seal, and a later
 * process reads the file only while the seal holds (the database unchanged) and the file is the
 * one recorded. A file edited, truncated, replaced or left over from a rewritten history is never
 * read; the hash is then walked for as before.
 *
 * The file is written when a store appends to an empty folder, and extended by every later
 * append of the same process or of one that opened the folder sealed with it. An append by a
 * process that opened the folder unsealed (the database changed since the seal) cannot extend a
 * file it does not trust: the folder then goes without one until it is imported into afresh.
 *
 * @module chain-file
 */
import { closeSync, openSync, readSync } from 'node:fs'
import { mkdir, open, rename, stat, writeFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import type { SnapshotStamp } from '@ansinh/store'

/** The chain file's name, in the snapshot folder. */
export const CHAIN_FILE = 'chain.hashes'

const HASH_BYTES = 32

/** What a seal records of the chain file, to know it again. */
export interface ChainRecord {
  /** How many positions the file holds (1 … positions). */
  readonly positions: number
  readonly size: number
  /** Modification time in nanoseconds and inode, as decimal strings. */
  readonly mtimeNs: string
  readonly ino: string
}

/** Reads a {@link ChainRecord} from a seal's JSON, or null when it is not one. */
export const chainRecordOf = (value: unknown): ChainRecord | null => {
  if (typeof value !== 'object' || value === null) return null
  const { positions, size, mtimeNs, ino } = value as Record<string, unknown>
  if (typeof positions !== 'number' || !Number.isSafeInteger(positions) || positions < 0) return null
  if (typeof size !== 'number' || size !== positions * HASH_BYTES) return null
  if (typeof mtimeNs !== 'string' || !/^\d+$/.test(mtimeNs) || typeof ino !== 'string' || !/^\d+$/.test(ino))
    return null
  return { positions, size, mtimeNs, ino }
}

/** The chain file of one open folder store: the positions it holds, read by offset. */
export class ChainFile {
  private fd: number | null = null

  private constructor(
    readonly path: string,
    private count: number,
  ) {}

  /** A chain file to be written from position 1 by the first append (the folder holds no event). */
  static fresh(path: string): ChainFile {
    return new ChainFile(path, -1)
  }

  /**
   * The file at `path` when it is the one `record` describes and consistent with the vouched
   * `head` (no position past it; at the head, the head's hash); else null.
   */
  static async trusted(path: string, record: ChainRecord | null, head: SnapshotStamp): Promise<ChainFile | null> {
    if (record === null || record.positions > head.position) return null
    try {
      const s = await stat(path, { bigint: true })
      if (s.size !== BigInt(record.size) || String(s.mtimeNs) !== record.mtimeNs || String(s.ino) !== record.ino)
        return null
    } catch {
      return null
    }
    const file = new ChainFile(path, record.positions)
    if (record.positions === head.position && head.position > 0 && file.hashAt(head.position) !== head.hash) {
      file.close()
      return null
    }
    return file
  }

  /** How many positions the file holds (0 before the first append of a fresh file). */
  get positions(): number {
    return Math.max(this.count, 0)
  }

  /** The hash at `position` (1 … positions), or null when the file does not hold it or cannot be read. */
  hashAt(position: number): string | null {
    if (!Number.isSafeInteger(position) || position < 1 || position > this.count) return null
    try {
      this.fd ??= openSync(this.path, 'r')
      const bytes = Buffer.alloc(HASH_BYTES)
      const read = readSync(this.fd, bytes, 0, HASH_BYTES, (position - 1) * HASH_BYTES)
      return read === HASH_BYTES ? bytes.toString('hex') : null
    } catch {
      return null
    }
  }

  /**
   * Adds the hashes of the events an append just stored at positions `from`, `from + 1`, …: a
   * fresh file is written whole (atomically), a held one extended. False when they do not follow
   * the positions held (the file is then left as it is, still true of those). Rejects when the
   * file cannot be written: the positions held stay as they were (a seal then records no file,
   * its length being other than theirs).
   */
  async extend(from: number, hashes: readonly string[]): Promise<boolean> {
    if (hashes.length === 0) return true
    const bytes = Buffer.from(hashes.join(''), 'hex')
    if (bytes.length !== hashes.length * HASH_BYTES) return false
    return this.extendBytes(from, bytes)
  }

  /** {@link extend} with the hashes as bytes, 32 each. */
  async extendBytes(from: number, bytes: Uint8Array): Promise<boolean> {
    if (bytes.length % HASH_BYTES !== 0) return false
    const count = bytes.length / HASH_BYTES
    if (count === 0) return true
    if (this.count < 0) {
      if (from !== 1) return false
      await mkdir(dirname(this.path), { recursive: true })
      const temporary = `${this.path}.${process.pid}.tmp`
      await writeFile(temporary, bytes)
      this.close()
      await rename(temporary, this.path)
    } else {
      if (from !== this.count + 1) return false
      // written at its offset and cut there: what a failed earlier write left past the end is replaced
      const handle = await open(this.path, 'r+')
      try {
        await handle.write(bytes, 0, bytes.length, this.count * HASH_BYTES)
        await handle.truncate((this.count + count) * HASH_BYTES)
      } finally {
        await handle.close()
      }
    }
    this.count = from - 1 + count
    return true
  }

  /** What a seal records of the file now, or null when it holds nothing or cannot be read. */
  async record(): Promise<ChainRecord | null> {
    if (this.count <= 0) return null
    try {
      const s = await stat(this.path, { bigint: true })
      if (s.size !== BigInt(this.count * HASH_BYTES)) return null
      return { positions: this.count, size: Number(s.size), mtimeNs: String(s.mtimeNs), ino: String(s.ino) }
    } catch {
      return null
    }
  }

  /** Closes the file handle, if one is open. */
  close(): void {
    if (this.fd !== null) {
      try {
        closeSync(this.fd)
      } catch {
        // a handle that cannot be closed holds nothing this store needs
      }
      this.fd = null
    }
  }
}
