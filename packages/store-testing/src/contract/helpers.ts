/**
 * Small helpers of the contract suite, also handy in adapter-specific tests.
 *
 * @module contract/helpers
 */
import * as E from 'fp-ts/lib/Either.js'
import { expect } from 'vitest'
import type { AppendResult, EventStore, ReadAllOptions, RecordedEvent, StoreError } from '@ansinh/store'

/** Every event a read gives, in position order, or the error that ended it (the read's last element). */
export const readToEnd = async (
  store: Pick<EventStore, 'readAll'>,
  options: ReadAllOptions = {},
): Promise<E.Either<StoreError, RecordedEvent[]>> => {
  const out: RecordedEvent[] = []
  for await (const r of store.readAll(options)) {
    if (E.isLeft(r)) return r
    out.push(r.right)
  }
  return E.right(out)
}

/** Everything a store holds, in position order; a read that fails fails the test with its error. */
export const readEverything = async (
  store: Pick<EventStore, 'readAll'>,
  pageSize?: number,
): Promise<RecordedEvent[]> => {
  const read = await readToEnd(store, pageSize === undefined ? {} : { pageSize })
  if (E.isLeft(read)) expect.fail(`expected a successful read, got ${JSON.stringify(read.left)}`)
  return read.right
}

/** Opens a store, runs `body`, closes the store even when `body` fails. */
export const withStore = async <A>(
  makeStore: () => Promise<EventStore>,
  body: (store: EventStore) => Promise<A>,
): Promise<A> => {
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
