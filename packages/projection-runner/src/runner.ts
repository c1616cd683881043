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
import type { CheckpointStore, EventStore, SnapshotStamp, SnapshotStore, StoreError, Subscription } from '@ansinh/store'
import type { Projector } from './projector.js'

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
  readonly snapshot?: { readonly store: SnapshotStore; readonly name: string; readonly seal: (model: M, stamp: SnapshotStamp) => Uint8Array }
  /** Called when the runner stops on an error (of the store, of saving, or of the fold). */
  readonly onError?: (error: RunnerError) => void
}

/** Why a runner stopped. */
export type RunnerError =
  | { readonly _tag: 'StoreFailed'; readonly error: StoreError }
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

  /** Restores from the last checkpoint (or starts empty) and follows the store from there. */
  static async start<M>(options: RunnerOptions<M>): Promise<ProjectionRunner<M>> {
    const checkpoint = await options.checkpoints.load(options.name)
    const model = checkpoint === null ? options.projector.empty() : options.projector.restore(checkpoint.snapshot)
    const runner = new ProjectionRunner(options, model, checkpoint?.position ?? 0)
    runner.follow()
    return runner
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
   * Resolves when every event committed at start has been folded and checkpointed, or when the
   * runner stops first (then {@link error} says why, if it failed).
   */
  get caughtUp(): Promise<void> {
    return Promise.race([this.subscription!.caughtUp.then(() => this.checkpoint()), this.stopped])
  }

  /** Saves a checkpoint now, if anything was folded since the last one. */
  async checkpoint(): Promise<void> {
    if (this.failed !== null || this.folded === this.saved) return
    const position = this.folded
    try {
      await this.options.checkpoints.save(this.options.name, { position, snapshot: this.options.projector.snapshot(this.model) })
      const snapshot = this.options.snapshot
      if (snapshot !== undefined && this.lastHash !== null) {
        const saved = await snapshot.store.save(snapshot.name, snapshot.seal(this.model, { position, hash: this.lastHash }))()
        if (E.isLeft(saved)) throw new Error(`snapshot ${snapshot.name}: ${saved.left.message}`)
      }
      this.saved = Math.max(this.saved, position)
      this.sinceCheckpoint = 0
    } catch (err) {
      this.fail({ _tag: 'CheckpointFailed', position, message: (err as Error).message })
    }
  }

  /** Stops following, then saves a last checkpoint. */
  async stop(): Promise<void> {
    await this.subscription?.stop()
    await this.checkpoint()
    this.halted()
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
        try {
          this.options.projector.apply(this.model, e)
        } catch (err) {
          this.fail({ _tag: 'FoldFailed', position: e.position, message: (err as Error).message })
          return
        }
        this.folded = e.position
        this.lastHash = e.hash
        if (++this.sinceCheckpoint >= every) await this.checkpoint()
      },
      onError: (error) => this.fail({ _tag: 'StoreFailed', error }),
    })
  }

  private fail(error: RunnerError): void {
    if (this.failed !== null) return
    this.failed = error
    void this.subscription?.stop()
    this.halted()
    this.options.onError?.(error)
  }
}
