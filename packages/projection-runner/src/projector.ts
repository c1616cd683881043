/**
 * What the runner needs of a projection: fold an event, and write / read a snapshot of its state.
 * `History` (all three built-in read models) is one; a user's own read model can be another.
 *
 * @module projector
 */
import type { RecordedEvent } from '@ansinh/store'

/** A projection the runner can feed, checkpoint and restore. */
export interface Projector<M> {
  /** A new, empty model. */
  readonly empty: () => M
  /** Folds the next event in (positions increase by one each time). */
  readonly apply: (model: M, event: RecordedEvent) => void
  /** The model's state as bytes. */
  readonly snapshot: (model: M) => Uint8Array
  /** The model a snapshot was taken of. */
  readonly restore: (snapshot: Uint8Array) => M
}
