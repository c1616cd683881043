/**
 * `@ansinh/store-eventstoredb`: the event store over EventStoreDB (`esdb://…` connection
 * strings). See store.ts for how positions and the hash chain are kept, and docs/adapters.md for
 * what differs from the SQL stores.
 */
import { EventStoreDBClient } from '@eventstore/db-client'
import { type EventStore, unavailableStore } from '@ansinh/store'
import { EventStoreDbStore, type EventStoreDbOptions } from './store.js'

export { EventStoreDbStore, type EventStoreDbOptions } from './store.js'
export {
  HEAD_MOVED,
  HEAD_STREAM,
  type EventMetadata,
  type HeadMoved,
  PositionOrder,
  STREAM_PREFIXES,
  ansinhStream,
  fromEsdbEvent,
  isHeadMoved,
  isOurStream,
  toEsdbEvent,
} from './mapping.js'

/**
 * Opens the store on an EventStoreDB server, e.g. `esdb://localhost:2113?tls=false`. Never
 * rejects: connecting is lazy, so an unreachable server (or a malformed connection string) shows
 * as `StoreUnavailable` from the store's calls.
 */
export const openEventStoreDbStore = async (
  connectionString: string,
  options: EventStoreDbOptions = {},
): Promise<EventStore> => {
  try {
    return new EventStoreDbStore(EventStoreDBClient.connectionString(connectionString), options)
  } catch (err) {
    return unavailableStore({
      _tag: 'StoreUnavailable',
      message: `cannot use ${connectionString}: ${(err as Error).message}`,
    })
  }
}
