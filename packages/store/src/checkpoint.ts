/**
 * Checkpoints of projections, kept with the events: the position a projection has folded up to
 * and a snapshot of its state at exactly that position, saved as one atomic write so a process
 * that dies at any moment resumes from a consistent pair.
 *
 * @module checkpoint
 */
import * as E from 'fp-ts/lib/Either.js'
import type { StoreError } from './port.js'

/** A projection's durable progress: its state as of `position`. */
export interface Checkpoint {
  /** The last position folded into `snapshot` (0: nothing yet). */
  readonly position: number
  /** The projection's state at `position`, in the projection's own encoding. */
  readonly snapshot: Uint8Array
}

/** Where checkpoints are kept; each adapter offers one in the same database as its events. */
export interface CheckpointStore {
  /** The last saved checkpoint of `name`, or null; a store that cannot answer returns its StoreError. */
  load(name: string): Promise<E.Either<StoreError, Checkpoint | null>>
  /** Replaces the checkpoint of `name`, atomically; a store that cannot write returns its StoreError. */
  save(name: string, checkpoint: Checkpoint): Promise<E.Either<StoreError, void>>
}

/** Checkpoints in memory, for tests and the in-memory store. */
export class InMemoryCheckpointStore implements CheckpointStore {
  private readonly saved = new Map<string, Checkpoint>()

  /** The last saved checkpoint of `name`, or null. */
  async load(name: string): Promise<E.Either<StoreError, Checkpoint | null>> {
    const c = this.saved.get(name)
    return E.right(c === undefined ? null : { position: c.position, snapshot: c.snapshot.slice() })
  }

  /** Replaces the checkpoint of `name`. */
  async save(name: string, checkpoint: Checkpoint): Promise<E.Either<StoreError, void>> {
    this.saved.set(name, { position: checkpoint.position, snapshot: checkpoint.snapshot.slice() })
    return E.right(undefined)
  }
}
