/**
 * A backend that keeps its history in a PostgreSQL server through `pg` alone (no PGlite, no
 * EventStoreDB client installed): it checks the events of an NDJSON file against the write rules,
 * appends them all or none, reads the store back, verifies the hash chain and answers a plan
 * question from what the store returned.
 *
 *     DATABASE_URL=postgres://… node dist/src/backend.js history.ndjson 593 2024-09-30
 */
import { readFile } from 'node:fs/promises'
import * as E from 'fp-ts/lib/Either.js'
import { checkHistory, decodeHistory, formatLineError, parseBusinessDate } from '@ansinh/core'
import { History } from '@ansinh/projection'
import { planReport } from '@ansinh/projection-plan'
import { type RecordedEvent, type StoreError, describeStoreError, verifyChain, writesInOrder } from '@ansinh/store'
import { openPostgresStore } from '@ansinh/store-postgres'

const [file, unit, day] = process.argv.slice(2)
const url = process.env['DATABASE_URL']
const asOf = day === undefined ? null : parseBusinessDate(day)
if (file === undefined || unit === undefined || asOf === null || url === undefined) {
  console.error('usage: DATABASE_URL=postgres://… backend FILE UNIT YYYY-MM-DD')
  process.exit(1)
}

const decoded = decodeHistory(await readFile(file, 'utf8'))
if (E.isLeft(decoded)) {
  for (const e of decoded.left) for (const line of formatLineError(file, e)) console.error(line)
  process.exit(2)
}
const events = decoded.right.map((l) => l.event)
const broken = checkHistory(decoded.right)
if (broken.length > 0) {
  console.error(`${file}: ${broken.length} write rules broken`)
  process.exit(2)
}

const store = await openPostgresStore(url)
try {
  const appended = await store.appendMany(writesInOrder(events, new Map()))
  if (E.isLeft(appended)) {
    console.error(`not appended: ${appended.left._tag}`)
    process.exit(3)
  }
  // Reads answer a store failure as a value (the read's last element, a Left), like the append.
  function notRead(e: StoreError): never {
    console.error(`not read: ${describeStoreError(e)}`)
    process.exit(3)
  }
  const stored: RecordedEvent[] = []
  for await (const r of store.readAll()) stored.push(E.isLeft(r) ? notRead(r.left) : r.right)
  const chain = await verifyChain(store.readAll())
  if (E.isLeft(chain)) notRead(chain.left)
  const head = await store.headPosition()
  if (E.isLeft(head)) notRead(head.left)
  const report = planReport(History.of(stored), { asOf, scheme: 'voluntary', unit, knownAt: null })
  console.log(
    JSON.stringify({
      appended: appended.right.positions.length,
      head: head.right,
      chain: chain.right.ok,
      unit: report.unit,
      participants: report.participants,
      target: report.target,
    }),
  )
} finally {
  await store.close()
}
