/**
 * The checkpointed projection runner: restores a projection from its last checkpoint, subscribes
 * to the store from the next position, folds every event in order, and saves a checkpoint (the
 * position and a snapshot of the state at exactly that position, in one atomic write) every
 * `checkpointEvery` events, when caught up, and on stop.
 *
 * Why a crash anywhere is harmless: the durable pair (position, state) is always consistent, the
 * fold is deterministic, and positions are gapless, so resuming from it re-folds exactly the
 * events after it — the same state as a run that never stopped.
 *
 * @module runner
 */
import * as E from 'fp-ts/lib/Either.js'
import {
  type CheckpointStore,
  type EventStore,
  type SnapshotStamp,
  type SnapshotStore,
  type StoreError,
  type Subscription,
  describeSnapshotError,
  describeStoreError,
} from '@ansinh/store'
import type { Projector, ProjectorError } from './projector.js'

/** Options of {@link ProjectionRunner.start}. */
export interface RunnerOptions<M> {
  readonly store: EventStore
  readonly checkpoints: CheckpointStore
  /** The checkpoint's name (one per projection). */
  readonly name: string
  readonly projector: Projector<M>
  /** How many events between checkpoints; default 50,000. */
  readonly checkpointEvery?: number
  /**
   * Also keeps a read-model snapshot in the store (e.g. `{ store: store.snapshots, name:
   * HISTORY_SNAPSHOT, seal: sealHistory }`), sealed with the chain hash of its position at every
   * checkpoint, so `ansinh report` and `verify` start from it.
   */
  readonly snapshot?: {
    readonly store: SnapshotStore
    readonly name: string
    readonly seal: (model: M, stamp: SnapshotStamp) => Uint8Array
  }
  /** Called when the runner stops on an error while following (of the store, of saving, or of the fold). */
  readonly onError?: (error: RunnerError) => void
}

/** Why a runner did not start or stopped. */
export type RunnerError =
  | { readonly _tag: 'StoreFailed'; readonly error: StoreError }
  | { readonly _tag: 'RestoreFailed'; readonly error: ProjectorError }
  | { readonly _tag: 'CheckpointFailed'; readonly position: number; readonly message: string }
  | { readonly _tag: 'FoldFailed'; readonly position: number; readonly message: string }

/** A running projection. */
export class ProjectionRunner<M> {
  private sinceCheckpoint = 0
  private saved: number
  private subscription: Subscription | null = null
  /** The chain hash of the last event folded in this run (null until one is). */
  private lastHash: string | null = null
  private failed: RunnerError | null = null
  private halted!: () => void
  /** Settles when the runner stops, on request or on an error. */
  private readonly stopped = new Promise<void>((resolve) => {
    this.halted = resolve
  })

  private constructor(
    private readonly options: RunnerOptions<M>,
    /** The model, current as of {@link position}. */
    readonly model: M,
    private folded: number,
  ) {
    this.saved = folded
  }

  /**
   * Restores from the last checkpoint (or starts empty) and follows the store from there; a
   * checkpoint that cannot be loaded or restored is returned as the reason it did not start.
   * Failures after the start stop the runner: {@link error} and `onError` say why.
   */
  static async start<M>(options: RunnerOptions<M>): Promise<E.Either<RunnerError, ProjectionRunner<M>>> {
    const loaded = await options.checkpoints.load(options.name)
    if (E.isLeft(loaded)) return E.left({ _tag: 'StoreFailed', error: loaded.left })
    const checkpoint = loaded.right
    const model =
      checkpoint === null ? E.right(options.projector.empty()) : options.projector.restore(checkpoint.snapshot)
    if (E.isLeft(model)) return E.left({ _tag: 'RestoreFailed', error: model.left })
    const runner = new ProjectionRunner(options, model.right, checkpoint?.position ?? 0)
    runner.follow()
    return E.right(runner)
  }

  /** The last position folded into the model. */
  get position(): number {
    return this.folded
  }

  /** The position of the last saved checkpoint. */
  get checkpointed(): number {
    return this.saved
  }

  /** Why the runner stopped, or null while it runs. */
  get error(): RunnerError | null {
    return this.failed
  }

  /**
   * Resolves when every event committed at start has been folded and checkpointed (Right), or
   * when the runner stops first: Right after a {@link stop}, Left with the reason it failed (the
   * one {@link error} and `onError` give). Never rejects.
   */
  get caughtUp(): Promise<E.Either<RunnerError, void>> {
    const outcome = (): E.Either<RunnerError, void> => (this.failed === null ? E.right(undefined) : E.left(this.failed))
    const followed = this.subscription!.caughtUp.then(async (r) => {
      if (E.isLeft(r)) this.fail({ _tag: 'StoreFailed', error: r.left })
      else await this.checkpoint()
      return outcome()
    })
    return Promise.race([followed, this.stopped.then(outcome)])
  }

  /**
   * Saves a checkpoint now, if anything was folded since the last one. Left: why it could not (the
   * runner has then stopped with that error), or the error the runner had already stopped on.
   */
  async checkpoint(): Promise<E.Either<RunnerError, void>> {
    if (this.failed !== null) return E.left(this.failed)
    if (this.folded === this.saved) return E.right(undefined)
    const position = this.folded
    const saved = await this.options.checkpoints.save(this.options.name, {
      position,
      snapshot: this.options.projector.snapshot(this.model),
    })
    if (E.isLeft(saved))
      return this.fail({ _tag: 'CheckpointFailed', position, message: describeStoreError(saved.left) })
    const snapshot = this.options.snapshot
    if (snapshot !== undefined && this.lastHash !== null) {
      const sealed = await snapshot.store.save(
        snapshot.name,
        snapshot.seal(this.model, { position, hash: this.lastHash }),
      )()
      if (E.isLeft(sealed))
        return this.fail({
          _tag: 'CheckpointFailed',
          position,
          message: `snapshot ${snapshot.name}: ${describeSnapshotError(sealed.left)}`,
        })
    }
    this.saved = Math.max(this.saved, position)
    this.sinceCheckpoint = 0
    return E.right(undefined)
  }

  /** Stops following, then saves a last checkpoint; Left: the runner had failed, or that checkpoint could not be saved. */
  async stop(): Promise<E.Either<RunnerError, void>> {
    await this.subscription?.stop()
    const saved = await this.checkpoint()
    this.halted()
    return saved
  }

  /** Stops following without a last checkpoint: what a crash leaves behind. */
  async abandon(): Promise<void> {
    await this.subscription?.stop()
    this.halted()
  }

  private follow(): void {
    const every = this.options.checkpointEvery ?? 50_000
    this.subscription = this.options.store.subscribe({
      fromPosition: this.folded + 1,
      onEvent: async (e) => {
        if (this.failed !== null) return
        const applied = this.options.projector.apply(this.model, e)
        if (E.isLeft(applied)) {
          this.fail({ _tag: 'FoldFailed', position: e.position, message: applied.left.message })
          return
        }
        this.folded = e.position
        this.lastHash = e.hash
        if (++this.sinceCheckpoint >= every) await this.checkpoint()
      },
      onError: (error) => this.fail({ _tag: 'StoreFailed', error }),
    })
  }

  /** Stops the runner on its first error (later ones are dropped) and answers that first error. */
  private fail(error: RunnerError): E.Either<RunnerError, never> {
    if (this.failed !== null) return E.left(this.failed)
    this.failed = error
    void this.subscription?.stop()
    this.halted()
    this.options.onError?.(error)
    return E.left(error)
  }
}
