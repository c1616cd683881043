/**
 * An optional capability of a store: the ids of the events at some positions, in one read. The
 * history an audit asks holds no event ids, so the ids of the records an answer lists are read
 * from the store by position; without this capability a caller reads the range of positions from
 * the first it needs to the last (`readAll`).
 *
 * @module ids
 */
import type * as E from 'fp-ts/lib/Either.js'
import type { EventStore, StoreError } from './port.js'

/** A store that reads the ids at given positions in one query (memory, PostgreSQL, PGlite). */
export interface IdsByPosition {
  /** The id of the event at each of `positions` the store holds (a position it does not hold is left out). */
  idsAt(positions: Iterable<number>): Promise<E.Either<StoreError, ReadonlyMap<number, string>>>
}

/** Whether `store` reads ids by position (memory, PostgreSQL and PGlite do; EventStoreDB does not). */
export const readsIdsAt = <S extends EventStore>(store: S): store is S & IdsByPosition =>
  typeof (store as Partial<IdsByPosition>).idsAt === 'function'
