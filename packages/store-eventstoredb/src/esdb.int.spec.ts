import { randomUUID } from 'node:crypto'
import { EventStoreDBClient } from '@eventstore/db-client'
import { describe } from 'vitest'
import { describeEventStoreContract } from '@ansinh/store-testing'
import { EventStoreDbStore } from './store.js'

// No EventStoreDB server can be installed where this was written; CI or a developer with one
// sets EVENTSTOREDB_URL (e.g. esdb://localhost:2113?tls=false) to run the contract against it.
const url = process.env['EVENTSTOREDB_URL']
const reason =
  'EVENTSTOREDB_URL is not set (e.g. esdb://localhost:2113?tls=false); no EventStoreDB server to test against'
if (url === undefined) console.warn(`EventStoreDB contract skipped: ${reason}`)

describe.skipIf(url === undefined)(`EventStoreDB${url === undefined ? ` (skipped: ${reason})` : ''}`, () => {
  // A server cannot be emptied, so each store gets its own namespace: a fresh, empty history.
  describeEventStoreContract(
    'EventStoreDB',
    async () =>
      new EventStoreDbStore(EventStoreDBClient.connectionString(url!), {
        pollMs: 50,
        namespace: `t${randomUUID().slice(0, 8)}:`,
      }),
    { propertyRuns: 5 },
  )
})
