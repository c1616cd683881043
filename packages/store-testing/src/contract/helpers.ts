/**
 * Small helpers of the contract suite, also handy in adapter-specific tests.
 *
 * @module contract/helpers
 */
import * as E from 'fp-ts/lib/Either.js'
import { expect } from 'vitest'
import type { AppendResult, EventStore, RecordedEvent, StoreError } from '@ansinh/store'

/** Everything a store holds, in position order. */
export const readEverything = async (store: EventStore, pageSize?: number): Promise<RecordedEvent[]> => {
  const out: RecordedEvent[] = []
  for await (const e of store.readAll(pageSize === undefined ? {} : { pageSize })) out.push(e)
  return out
}

/** Opens a store, runs `body`, closes the store even when `body` fails. */
export const withStore = async <A>(makeStore: () => Promise<EventStore>, body: (store: EventStore) => Promise<A>): Promise<A> => {
  const store = await makeStore()
  try {
    return await body(store)
  } finally {
    await store.close()
  }
}

/** The right side of an append, failing the test with the error otherwise. */
export const expectRight = (r: E.Either<StoreError, AppendResult>): AppendResult => {
  if (E.isLeft(r)) expect.fail(`expected a successful append, got ${JSON.stringify(r.left)}`)
  return r.right
}

/** The error of a refused append, failing the test otherwise. */
export const expectLeft = (r: E.Either<StoreError, unknown>): StoreError => {
  if (E.isRight(r)) expect.fail(`expected a refused append, got ${JSON.stringify(r.right)}`)
  return r.left
}

