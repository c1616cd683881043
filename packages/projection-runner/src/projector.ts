/**
 * What the runner needs of a projection: fold an event, and write / read a snapshot of its state.
 * `History` (all three built-in read models) is one; a user's own read model can be another.
 *
 * @module projector
 */
import type * as E from 'fp-ts/lib/Either.js'
import type { RecordedEvent } from '@ansinh/store'

/** Why a projector refused: an event it cannot fold, or a snapshot it cannot read. */
export type ProjectorError =
  | { readonly _tag: 'EventNotFolded'; readonly position: number; readonly message: string }
  | { readonly _tag: 'SnapshotUnreadable'; readonly message: string }

/** A projection the runner can feed, checkpoint and restore. */
export interface Projector<M> {
  /** A new, empty model. */
  readonly empty: () => M
  /** Folds the next event in (positions increase by one each time), or says why it cannot. */
  readonly apply: (model: M, event: RecordedEvent) => E.Either<ProjectorError, void>
  /** The model's state as bytes. */
  readonly snapshot: (model: M) => Uint8Array
  /** The model a snapshot was taken of, or why the bytes are not one. */
  readonly restore: (snapshot: Uint8Array) => E.Either<ProjectorError, M>
}
