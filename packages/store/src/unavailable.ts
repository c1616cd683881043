/**
 * A store that could not be opened: every call answers with the reason, so opening a store never
 * throws and the failure reaches the caller as a value at its first use.
 *
 * @module unavailable
 */
import * as E from 'fp-ts/lib/Either.js'
import type { AppendResult, EventRead, EventStore, RecordedEvent, StoreError, Subscription } from './port.js'

/** An EventStore whose every call fails with `error` (a read is that one Left). */
export const unavailableStore = (error: StoreError): EventStore => ({
  append: async (): Promise<E.Either<StoreError, AppendResult>> => E.left(error),
  appendMany: async (): Promise<E.Either<StoreError, AppendResult>> => E.left(error),
  readStream: async (): Promise<E.Either<StoreError, readonly RecordedEvent[]>> => E.left(error),
  readAll: async function* (): AsyncIterable<EventRead> {
    yield E.left(error)
  },
  subscribe: (options): Subscription => {
    queueMicrotask(() => options.onError?.(error))
    return { caughtUp: Promise.resolve(E.left(error)), stop: async () => undefined }
  },
  headPosition: async () => E.left(error),
  close: async () => undefined,
})
