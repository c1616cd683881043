/**
 * The tampering matrix (docs/reliability.md): seven tamperings of a SQL store's rows — edit,
 * delete, swap, re-time, rehash-from, renumber, truncate — each on a fresh copy of one store,
 * against `verify`, `verify --expect-head` (the head printed before the tampering) and
 * `report debt` (from the snapshot, and with `--no-snapshot`), on PGlite and PostgreSQL.
 *
 * A check survives a tampering when it fails with exit 3 naming the position, or (for a report
 * on a chain the forger re-hashed) answers with another hash than the untouched store's. It is
 * lost when it answers exit 0 citing the untouched store's hash. `verify` without a head cannot
 * see the three re-hashed forms (docs/hash-chain.md, "Limit"): those cells are counted apart.
 */
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { afterAll, describe, expect, it } from 'vitest'
import type { EventStore } from '@ansinh/store'
import { SqlEventStore, pgDriver } from '@ansinh/store-postgres'
import { pgliteDriver } from '@ansinh/store-pglite'
import { main } from './main.js'
import { cleanHistory, line } from './test/histories.js'
import { freshDatabase, whyNoPostgres } from './test/postgres.js'
import { type Sql, tamperings } from './test/tamper.js'

const dir = mkdtempSync(join(tmpdir(), 'ansinh-tamper-'))
const run = async (argv: string[]) => {
  const out: string[] = []
  const err: string[] = []
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t) })
  return { code, out: out.join('\n'), err }
}

// 36 lines of 12 participants (positions 1–36), then debts (37–39) and four more enrolments (40–43).
const lines = [
  ...cleanHistory(12),
  line('DebtRecorded', {
    employer: 'Công ty Hải Hà',
    unit: '22816',
    scheme: 'compulsory',
    period: '2020-01',
    amount: 9_000_000,
    recordedOn: '2020-02-15',
  }),
  line('DebtRecorded', {
    employer: 'Công ty Hải Hà',
    unit: '22816',
    scheme: 'health',
    period: '2020-02',
    amount: 2_000_000,
    recordedOn: '2020-03-15',
  }),
  line('DebtSettled', { employer: 'Công ty Hải Hà', scheme: 'compulsory', amount: 4_000_000, settledOn: '2020-04-01' }),
  ...[0, 1, 2, 3].map((i) =>
    line('ParticipantEnrolled', {
      participantId: String(1_100_000_000 + i),
      scheme: 'voluntary',
      unit: '22819',
      coveredFrom: '2020-05-01',
      coveredThrough: '2020-12-31',
    }),
  ),
]
const SNAPSHOT_AT = 20
const EDIT = 37
const MIDDLE = 30
const BEFORE_SNAPSHOT = 10
const first = join(dir, 'first.ndjson')
writeFileSync(first, lines.slice(0, SNAPSHOT_AT).join('\n') + '\n')
const file = join(dir, 'history.ndjson')
writeFileSync(file, lines.join('\n') + '\n')
const report = ['report', 'debt', '--as-of', '2020-06-30', '--format', 'json']

/** A store engine: how to build the untouched store once and give each case its own copy. */
interface Engine {
  readonly name: string
  /** A copy of the untouched store: its URL, and raw SQL plus a store over it for the tampering. */
  readonly copy: (
    name: string,
  ) => Promise<{ url: string; tamper: (apply: (sql: Sql, store: EventStore) => Promise<void>) => Promise<void> }>
  /** The untouched store's URL. */
  readonly base: () => Promise<string>
}

const pgliteEngine = (): Engine => {
  const base = join(dir, 'pglite-base')
  return {
    name: 'PGlite',
    base: async () => `pglite:${base}`,
    copy: async (name) => {
      const folder = join(dir, `pglite-${name}`)
      cpSync(base, folder, { recursive: true })
      return {
        url: `pglite:${folder}`,
        tamper: async (apply) => {
          const { PGlite } = await import('@electric-sql/pglite')
          const db = await PGlite.create(folder)
          const store = await SqlEventStore.open(pgliteDriver(db, false))
          try {
            await apply({ query: (text, params) => db.query(text, params as unknown[]) }, store)
          } finally {
            await store.close()
            await db.close()
          }
        },
      }
    },
  }
}

const postgresEngine = (): Engine => {
  let baseUrl: string | null = null
  const admin = async <T>(use: (c: pg.Client) => Promise<T>): Promise<T> => {
    const c = new pg.Client({ connectionString: process.env['ANSINH_TEST_PG_URL']! })
    await c.connect()
    try {
      return await use(c)
    } finally {
      await c.end()
    }
  }
  return {
    name: 'PostgreSQL',
    base: async () => (baseUrl ??= await freshDatabase('tamper_base')),
    copy: async (name) => {
      const baseDb = new URL(baseUrl!).pathname.slice(1)
      const db = `${baseDb}_${name.replace(/-/g, '_')}`
      await admin((c) => c.query(`CREATE DATABASE ${db} TEMPLATE ${baseDb}`))
      const u = new URL(baseUrl!)
      u.pathname = `/${db}`
      const url = u.toString()
      return {
        url,
        tamper: async (apply) => {
          const driver = pgDriver(new pg.Pool({ connectionString: url }))
          const store = await SqlEventStore.open(driver)
          try {
            await apply(driver, store)
          } finally {
            await store.close()
          }
        },
      }
    },
  }
}

/** One cell of the matrix. */
interface Cell {
  readonly engine: string
  readonly tampering: string
  readonly check: string
  readonly outcome: 'survived' | 'lost' | 'not seen (chain limit)'
}
const cells: Cell[] = []

afterAll(() => {
  // The table of docs/reliability.md is written from this output.
  const count = (check: string, outcome: Cell['outcome']) =>
    cells.filter((c) => c.check === check && c.outcome === outcome).length
  const checks = [...new Set(cells.map((c) => c.check))]
  console.log(
    [
      'tampering matrix:',
      ...checks.map(
        (c) =>
          `${c}: tried ${cells.filter((x) => x.check === c).length}, survived ${count(c, 'survived')}, lost ${count(c, 'lost')}, not seen ${count(c, 'not seen (chain limit)')}`,
      ),
    ].join('\n'),
  )
})

const describeMatrix = (engine: Engine): void => {
  describe(`tampering matrix: ${engine.name}`, () => {
    let untouched: { head: string; hash: string; report: unknown }
    it('builds the untouched store: a snapshot at position 20, the rest after it', async () => {
      const url = await engine.base()
      expect((await run(['import', first, '--store', url])).code).toBe(0)
      expect((await run(['import', file, '--store', url, '--no-snapshot'])).code).toBe(0)
      expect((await run(['verify', '--store', url])).out).toContain(
        `${lines.length - SNAPSHOT_AT} events (from the snapshot at position ${SNAPSHOT_AT};`,
      )
      const head = await run(['head', '--store', url])
      expect(head.code).toBe(0)
      const r = await run([...report, '--store', url])
      expect(r.code).toBe(0)
      const json = JSON.parse(r.out) as { basis: { hash: string; lastPosition: number } }
      expect(json.basis.lastPosition).toBe(lines.length)
      expect(head.out.split('\n')[0]).toBe(`${lines.length}:${json.basis.hash}`)
      untouched = { head: head.out.split('\n')[0]!, hash: json.basis.hash, report: json }
    }, 300_000)

    for (const t of tamperings(EDIT, MIDDLE)) {
      it(`${t.name}: verify, verify --expect-head and report catch it or cite another hash`, async () => {
        const { url, tamper } = await engine.copy(t.name)
        await tamper(t.apply)
        const broken = new RegExp(`: hash chain broken at position ${t.position}: `)
        const record = (check: string, outcome: Cell['outcome']) =>
          cells.push({ engine: engine.name, tampering: t.name, check, outcome })

        const verified = await run(['verify', '--store', url])
        if (t.seen === 'detect') {
          expect(verified.code).toBe(3)
          expect(verified.err[0]).toMatch(broken)
          record('verify', 'survived')
        } else {
          // the chain's own limit: a forger who re-hashes leaves a chain that verifies
          expect(verified.code).toBe(0)
          record('verify', 'not seen (chain limit)')
        }

        const expected = await run(['verify', '--store', url, '--expect-head', untouched.head])
        expect(expected.code).toBe(3)
        expect(expected.err).toHaveLength(1)
        expect(expected.err[0]).toMatch(/: hash chain broken at position \d+: /)
        record('verify --expect-head', 'survived')

        for (const [check, argv] of [
          ['report', [...report, '--store', url]],
          ['report --no-snapshot', [...report, '--store', url, '--no-snapshot']],
        ] as const) {
          const r = await run([...argv])
          if (r.code === 0) {
            const hash = (JSON.parse(r.out) as { basis: { hash: string } }).basis.hash
            record(check, hash === untouched.hash ? 'lost' : 'survived')
            expect(t.seen).toBe('rehashed')
            expect(hash).not.toBe(untouched.hash)
          } else {
            expect(r.code).toBe(3)
            expect(r.err).toHaveLength(1)
            expect(r.err[0]).toMatch(broken)
            record(check, 'survived')
          }
        }
      }, 300_000)
    }

    it('an edit before the snapshot: reports answer from the snapshot, figures and hash of the untouched history; --full, --expect-head and --no-snapshot find it', async () => {
      const { url, tamper } = await engine.copy('before-snapshot')
      await tamper(
        async (sql) =>
          void (await sql.query(
            `UPDATE ansinh_events SET data = replace(data::text, '"voluntary"', '"health"')::json WHERE position = $1`,
            [BEFORE_SNAPSHOT],
          )),
      )
      const broken = new RegExp(`: hash chain broken at position ${BEFORE_SNAPSHOT}: `)
      const fromSnapshot = await run([...report, '--store', url])
      expect(fromSnapshot.code).toBe(0)
      expect(JSON.parse(fromSnapshot.out)).toEqual(untouched.report)
      cells.push({ engine: engine.name, tampering: 'edit before the snapshot', check: 'report', outcome: 'survived' })
      for (const [check, argv] of [
        ['verify --full', ['verify', '--store', url, '--full']],
        ['verify --expect-head', ['verify', '--store', url, '--expect-head', untouched.head]],
        ['report --no-snapshot', [...report, '--store', url, '--no-snapshot']],
      ] as const) {
        const r = await run([...argv])
        expect(r.code).toBe(3)
        expect(r.err[0]).toMatch(broken)
        cells.push({ engine: engine.name, tampering: 'edit before the snapshot', check, outcome: 'survived' })
      }
      // plain verify checks after the snapshot, as documented
      expect((await run(['verify', '--store', url])).code).toBe(0)
    }, 300_000)
  })
}

describeMatrix(pgliteEngine())
describe.skipIf(whyNoPostgres() !== null)('on PostgreSQL (skipped only without PostgreSQL binaries)', () => {
  describeMatrix(postgresEngine())
})
