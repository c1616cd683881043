/**
 * Read-model snapshots in the same database as the events (table `ansinh_snapshots`, migration
 * 4): one row per name, replaced in one statement — or, through {@link saveSnapshotIn}, inside the
 * transaction of the append it was taken after, so the snapshot and its events commit together.
 *
 * @module snapshots
 */
import * as E from 'fp-ts/lib/Either.js'
import type * as TE from 'fp-ts/lib/TaskEither.js'
import { type SnapshotStore, type SnapshotStoreFailed, openSnapshot } from '@ansinh/store'
import type { SqlDriver, SqlQueryable } from './driver.js'

const failed = (err: unknown): SnapshotStoreFailed => ({
  _tag: 'SnapshotStoreFailed',
  message: err instanceof Error ? err.message : String(err),
})

/**
 * Writes `envelope` as the snapshot `name` through `db` (a transaction or the driver). The stamp
 * columns are read from the envelope whatever its payload format.
 */
export const saveSnapshotIn = async (db: SqlQueryable, name: string, envelope: Uint8Array): Promise<void> => {
  const view = new DataView(envelope.buffer, envelope.byteOffset, envelope.byteLength)
  const opened = openSnapshot(envelope, view.getUint32(10))
  if (E.isLeft(opened)) throw new Error(`refusing to save snapshot ${name}: ${opened.left._tag}`)
  // bytea travels as base64 text: the drivers take text and numbers only (driver.ts).
  await db.query(
    `INSERT INTO ansinh_snapshots (name, position, hash, envelope, saved_at) VALUES ($1, $2, $3, decode($4, 'base64'), now())
     ON CONFLICT (name) DO UPDATE SET position = EXCLUDED.position, hash = EXCLUDED.hash, envelope = EXCLUDED.envelope, saved_at = EXCLUDED.saved_at`,
    [
      name,
      opened.right.position,
      opened.right.hash,
      Buffer.from(envelope.buffer, envelope.byteOffset, envelope.byteLength).toString('base64'),
    ],
  )
}

/** A SQL string literal of `text` (COPY takes no parameters); snapshot names are the library's own. */
const sqlString = (text: string): string => `'${text.replaceAll("'", "''")}'`

const COPY_SIGNATURE = [0x50, 0x47, 0x43, 0x4f, 0x50, 0x59, 0x0a, 0xff, 0x0d, 0x0a, 0x00] // PGCOPY\n\377\r\n\0

/**
 * The one field of the first row of a binary COPY of one column, or null when it has no row:
 * signature, flags and header extension, then per row a field count, a length and the bytes
 * (PostgreSQL's "Binary Format" of COPY). The bytes are copied to a buffer of their own, at offset
 * 0: the payload's typed-array sections must be aligned, and a pooled Buffer's offset is not.
 */
export const copyField = (copied: Uint8Array): E.Either<string, Uint8Array | null> => {
  const view = new DataView(copied.buffer, copied.byteOffset, copied.byteLength)
  if (copied.byteLength < 21 || COPY_SIGNATURE.some((b, i) => copied[i] !== b))
    return E.left('not a binary COPY (signature)')
  let at = 19 + view.getUint32(15)
  if (at + 2 > copied.byteLength) return E.left('binary COPY cut short (header)')
  const fields = view.getInt16(at)
  if (fields === -1) return E.right(null)
  if (fields !== 1) return E.left(`binary COPY of ${fields} columns, expected 1`)
  at += 2
  const length = view.getInt32(at)
  at += 4
  if (length === -1) return E.right(null)
  if (length < 0 || at + length > copied.byteLength) return E.left('binary COPY cut short (field)')
  return E.right(new Uint8Array(copied.subarray(at, at + length)))
}

/** Snapshots kept in PostgreSQL (a server or PGlite), next to the events they were taken of. */
export class SqlSnapshotStore implements SnapshotStore {
  constructor(private readonly db: SqlDriver) {}

  /**
   * The envelope saved under `name`, or null. It leaves the database through binary COPY, as its
   * bytes: a text encoding of tens of megabytes (hex or base64) costs seconds to make and parse.
   */
  load(name: string): TE.TaskEither<SnapshotStoreFailed, Uint8Array | null> {
    return async () => {
      try {
        const copied = await this.db.copyOut(`SELECT envelope FROM ansinh_snapshots WHERE name = ${sqlString(name)}`)
        const field = copyField(copied)
        return E.isLeft(field) ? E.left(failed(field.left)) : E.right(field.right)
      } catch (err) {
        return E.left(failed(err))
      }
    }
  }

  /** Replaces the envelope of `name` in one statement. */
  save(name: string, envelope: Uint8Array): TE.TaskEither<SnapshotStoreFailed, void> {
    return async () => {
      try {
        await saveSnapshotIn(this.db, name, envelope)
        return E.right(undefined)
      } catch (err) {
        return E.left(failed(err))
      }
    }
  }
}
