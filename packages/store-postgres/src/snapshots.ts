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
import type { SqlQueryable } from './driver.js'

const failed = (err: unknown): SnapshotStoreFailed => ({ _tag: 'SnapshotStoreFailed', message: err instanceof Error ? err.message : String(err) })

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
    [name, opened.right.position, opened.right.hash, Buffer.from(envelope.buffer, envelope.byteOffset, envelope.byteLength).toString('base64')],
  )
}

/** Snapshots kept in PostgreSQL (a server or PGlite), next to the events they were taken of. */
export class SqlSnapshotStore implements SnapshotStore {
  constructor(private readonly db: SqlQueryable) {}

  /** The envelope saved under `name`, or null. */
  load(name: string): TE.TaskEither<SnapshotStoreFailed, Uint8Array | null> {
    return async () => {
      try {
        const rows = await this.db.query<{ envelope: string }>(`SELECT encode(envelope, 'base64') AS envelope FROM ansinh_snapshots WHERE name = $1`, [name])
        const row = rows[0]
        return E.right(row === undefined ? null : new Uint8Array(Buffer.from(row.envelope.replace(/\s+/g, ''), 'base64')))
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
