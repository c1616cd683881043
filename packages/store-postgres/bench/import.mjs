// Import throughput of the SQL store: N events (default 100,000) appended in one appendMany, then
// read back in pages and the chain verified. Runs on the built package (`pnpm tsc -b` first):
//
//   node packages/store-postgres/bench/import.mjs [N]                         # PGlite in memory
//   ANSINH_BENCH_PGLITE_DIR=/tmp/x node packages/store-postgres/bench/import.mjs  # PGlite in a folder
//   ANSINH_BENCH_PG_URL=postgres://postgres@127.0.0.1:5432/postgres node packages/store-postgres/bench/import.mjs
//
// Reads go in pages of 5,000, as `ansinh` and the comparison bench read. Each phase prints its
// wall time and this process's CPU time (the machine's load shows in the difference; uptime).
//
// The server database must be empty of ansinh events (the bench truncates ansinh_events first).
//
// Last measured (2 busy cores, load 7.7–9.0; docs/adapters.md has the full table and the
// figures before COPY): PostgreSQL 15 append ≈ 18,000 events/s, readAll ≈ 47,000/s;
// PGlite in a folder append ≈ 11,000 events/s, readAll ≈ 38,000/s. At load 4–5: 22,700 and
// 27,700 events/s appended.
import { randomUUID } from 'node:crypto'
import { verifyChain } from '@ansinh/store'
import { openPostgresStore } from '../dist/index.js'

const n = Number(process.argv[2] ?? 100_000)
const url = process.env.ANSINH_BENCH_PG_URL
const dir = process.env.ANSINH_BENCH_PGLITE_DIR
/** Events per page read, as the CLI and the comparison bench read. */
const pageSize = 5_000

/** n enrolments, two per participant (one write per participant stream). */
const writes = () => {
  const out = []
  for (let p = 0; p < n / 2; p++) {
    const participantId = String(1_000_000_000 + p)
    const events = [1, 2].map((half) => ({
      id: randomUUID(),
      type: 'ParticipantEnrolled',
      recordedAt: '2020-03-02T09:15:00+07:00',
      data: {
        participantId,
        scheme: 'voluntary',
        unit: '22816',
        coveredFrom: half === 1 ? '2020-01-01' : '2020-07-01',
        coveredThrough: half === 1 ? '2020-06-30' : '2020-12-31',
        agent: 'BD-PHANTHIET',
      },
    }))
    out.push({ stream: `participant-${participantId}`, events, expectedRevision: 'no-stream' })
  }
  return out
}

/** CPU time of this process since `from` (user + system), in ms: less at the mercy of other load than the wall clock. */
const cpuMs = (from) => {
  const { user, system } = process.cpuUsage(from)
  return Math.round((user + system) / 1000)
}

const main = async () => {
  const target = url ? `PostgreSQL ${url.replace(/\/\/[^@]*@/, '//')}` : `PGlite ${dir ?? 'in memory'}`
  let t = performance.now()
  // PGlite is its own package (it builds on this one), so it is reached by path, and only when used.
  const store = url
    ? await openPostgresStore(url)
    : await (await import('../../store-pglite/dist/index.js')).openPgliteStore(dir ?? 'memory://')
  console.log(`${target}: opened in ${(performance.now() - t).toFixed(0)} ms`)
  if (url) {
    const pg = (await import('pg')).default
    const admin = new pg.Pool({ connectionString: url })
    await admin.query('TRUNCATE ansinh_events')
    await admin.end()
  }
  const w = writes()
  t = performance.now()
  let cpu = process.cpuUsage()
  const result = await store.appendMany(w)
  const appendMs = performance.now() - t
  if (result._tag === 'Left') throw new Error(JSON.stringify(result.left))
  console.log(
    `append ${n} events: ${appendMs.toFixed(0)} ms = ${Math.round(n / (appendMs / 1000))} events/s (this process's CPU: ${cpuMs(cpu)} ms)`,
  )
  t = performance.now()
  cpu = process.cpuUsage()
  let count = 0
  for await (const r of store.readAll({ pageSize })) {
    if (r._tag === 'Left') throw new Error(JSON.stringify(r.left))
    count++
  }
  const readMs = performance.now() - t
  console.log(
    `readAll ${count} events: ${readMs.toFixed(0)} ms = ${Math.round(count / (readMs / 1000))} events/s (this process's CPU: ${cpuMs(cpu)} ms)`,
  )
  t = performance.now()
  const verdict = await verifyChain(store.readAll({ pageSize }))
  console.log(`verify: ${JSON.stringify(verdict)} in ${(performance.now() - t).toFixed(0)} ms`)
  t = performance.now()
  const again = await store.appendMany(w)
  console.log(
    `re-import (idempotent no-op, ${again._tag === 'Right' ? again.right.positions.length : 'failed'} new): ${(performance.now() - t).toFixed(0)} ms`,
  )
  await store.close()
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
