/**
 * A store that could not be opened: every call answers with the reason, so opening a store never
 * throws and the failure reaches the caller as a value at its first use.
 *
 * @module unavailable
 */
import * as E from 'fp-ts/lib/Either.js'
import type { AppendResult, EventStore, RecordedEvent, StoreError, Subscription } from './port.js'
import { StoreFailure } from './port.js'

/** An EventStore whose every call fails with `error` (iteration and `headPosition` throw it as a `StoreFailure`). */
export const unavailableStore = (error: StoreError): EventStore => ({
  append: async (): Promise<E.Either<StoreError, AppendResult>> => E.left(error),
  appendMany: async (): Promise<E.Either<StoreError, AppendResult>> => E.left(error),
  readStream: async (): Promise<E.Either<StoreError, readonly RecordedEvent[]>> => E.left(error),
  readAll: (): AsyncIterable<RecordedEvent> => ({
    [Symbol.asyncIterator]: () => ({ next: () => Promise.reject(new StoreFailure(error)) }),
  }),
  subscribe: (options): Subscription => {
    const caughtUp = Promise.reject(error)
    caughtUp.catch(() => undefined)
    queueMicrotask(() => options.onError?.(error))
    return { caughtUp, stop: async () => undefined }
  },
  headPosition: () => Promise.reject(new StoreFailure(error)),
  close: async () => undefined,
})
