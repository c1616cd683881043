/**
 * Subscriptions for any adapter: read from the last delivered position until nothing is left,
 * then wait for a sign of change (an append in this process, a database notification, or a poll
 * interval) and read again. Reading by position from the last delivered one means an event
 * committed late is never skipped, as long as the adapter makes positions visible in order.
 *
 * @module subscription
 */
import * as E from 'fp-ts/lib/Either.js'
import type { EventRead, StoreError, SubscribeOptions, Subscription } from './port.js'

/**
 * Wakes waiters when something may have been appended. A waiter passes the version it saw before
 * reading, so a change made between its read and its wait is never missed.
 */
export class ChangeNotifier {
  private waiters = new Set<() => void>()
  /** Counts notifications. */
  version = 0

  /** Wakes everyone waiting now. */
  notify(): void {
    this.version++
    const woken = this.waiters
    this.waiters = new Set()
    for (const wake of woken) wake()
  }

  /** Resolves at once if notified since `seen`, else on the next {@link notify}, after `timeoutMs`, or when `signal` aborts. */
  wait(seen: number, timeoutMs: number, signal: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      if (signal.aborted || this.version !== seen) return resolve()
      const done = (): void => {
        clearTimeout(timer)
        signal.removeEventListener('abort', done)
        this.waiters.delete(done)
        resolve()
      }
      const timer = setTimeout(done, timeoutMs)
      this.waiters.add(done)
      signal.addEventListener('abort', done, { once: true })
    })
  }
}

/** What a polling subscription needs from an adapter. */
export interface PollingSource {
  /** Every event from a position, in position order (a failure: one last Left, as `readAll`). */
  readonly readFrom: (position: number) => AsyncIterable<EventRead>
  /** Notified by the adapter when something may have been appended. */
  readonly changes: ChangeNotifier
  /** How long to wait without a notification before reading again (changes made elsewhere). */
  readonly pollMs: number
}

/** A subscription that catches up by reading and then follows by polling `source`. */
export const pollingSubscription = (source: PollingSource, options: SubscribeOptions): Subscription => {
  const abort = new AbortController()
  let settle!: (outcome: E.Either<StoreError, void>) => void
  const caughtUp = new Promise<E.Either<StoreError, void>>((resolve) => {
    settle = resolve
  })
  const failed = (error: StoreError): void => {
    settle(E.left(error))
    options.onError?.(error)
  }

  const run = async (): Promise<void> => {
    let next = options.fromPosition ?? 1
    while (!abort.signal.aborted) {
      const seen = source.changes.version
      for await (const r of source.readFrom(next)) {
        if (abort.signal.aborted) return
        if (E.isLeft(r)) return failed(r.left)
        const e = r.right
        try {
          await options.onEvent(e)
        } catch (err) {
          // The subscriber's own code threw: it becomes a value here, the subscription stops.
          if (abort.signal.aborted) return
          return failed({
            _tag: 'SubscriberFailed',
            position: e.position,
            message: err instanceof Error ? err.message : String(err),
          })
        }
        next = e.position + 1
      }
      settle(E.right(undefined))
      await source.changes.wait(seen, source.pollMs, abort.signal)
    }
  }
  // An adapter that throws instead of answering a Left (a bug) still stops the subscription with a value.
  const running = run().catch((err: unknown) =>
    failed({ _tag: 'StoreUnavailable', message: err instanceof Error ? err.message : String(err) }),
  )

  return {
    caughtUp,
    stop: async () => {
      abort.abort()
      await running
    },
  }
}

/**
 * `sub`, kept in `running` until it is stopped: what a store's `close` stops (each store keeps
 * the subscriptions it started, so that closing it ends them).
 */
export const trackedSubscription = (running: Set<Subscription>, sub: Subscription): Subscription => {
  running.add(sub)
  return {
    caughtUp: sub.caughtUp,
    stop: async () => {
      running.delete(sub)
      await sub.stop()
    },
  }
}
