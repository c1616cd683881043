/**
 * Projection checkpoints in the same database as the events (table `ansinh_checkpoints`): the
 * position and the snapshot are one row, replaced in one statement, so a process that dies at any
 * moment leaves either the old pair or the new one.
 *
 * @module checkpoints
 */
import * as E from 'fp-ts/lib/Either.js'
import type { Checkpoint, CheckpointStore, StoreError } from '@ansinh/store'
import type { SqlQueryable } from './driver.js'

/** Checkpoints kept in PostgreSQL (a server or PGlite), next to the events they fold. */
export class SqlCheckpointStore implements CheckpointStore {
  constructor(private readonly db: SqlQueryable) {}

  /** The last saved checkpoint of `name`, or null. */
  async load(name: string): Promise<E.Either<StoreError, Checkpoint | null>> {
    try {
      const rows = await this.db.query<{ position: string | number; snapshot: string }>(
        `SELECT position, encode(snapshot, 'base64') AS snapshot FROM ansinh_checkpoints WHERE name = $1`,
        [name],
      )
      const row = rows[0]
      if (row === undefined) return E.right(null)
      return E.right({ position: Number(row.position), snapshot: new Uint8Array(Buffer.from(row.snapshot, 'base64')) })
    } catch (err) {
      return E.left(unavailable('load', name, err))
    }
  }

  /** Replaces the checkpoint of `name` in one statement. */
  async save(name: string, checkpoint: Checkpoint): Promise<E.Either<StoreError, void>> {
    try {
      await this.db.query(
        `INSERT INTO ansinh_checkpoints (name, position, snapshot, saved_at) VALUES ($1, $2, decode($3, 'base64'), now())
         ON CONFLICT (name) DO UPDATE SET position = EXCLUDED.position, snapshot = EXCLUDED.snapshot, saved_at = EXCLUDED.saved_at`,
        [name, checkpoint.position, Buffer.from(checkpoint.snapshot).toString('base64')],
      )
      return E.right(undefined)
    } catch (err) {
      return E.left(unavailable('save', name, err))
    }
  }
}

/** A database that did not answer (connection lost, disk full, …) is the store being unavailable. */
const unavailable = (what: 'load' | 'save', name: string, err: unknown): StoreError => ({
  _tag: 'StoreUnavailable',
  message: `cannot ${what} checkpoint ${name}: ${(err as Error).message}`,
})
