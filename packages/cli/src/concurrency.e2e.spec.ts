/**
 * The reliability suite's process tests (docs/reliability.md), on the built program: N imports of
 * different files into one store at once (every event stored once, or its file refused with a
 * message; the chain verifies; nothing lost), the same file twice at once, and `kill -9` of an
 * import at moments spread over its run (0 or all of its events, the chain verifies, a re-import
 * completes), on PGlite and PostgreSQL.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { line } from './test/histories.js'
import { freshDatabase, whyNoPostgres } from './test/postgres.js'

const bin = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'bin.js')
const dir = mkdtempSync(join(tmpdir(), 'ansinh-processes-'))
const {
  LANG: _lang,
  LC_ALL: _all,
  LC_MESSAGES: _messages,
  ANSINH_LANG: _own,
  ANSINH_STORE: _store,
  ...env
} = process.env

interface Outcome {
  readonly code: number | null
  readonly signal: NodeJS.Signals | null
  readonly out: string
  readonly err: string
}

const start = (args: readonly string[]): { child: ChildProcess; done: Promise<Outcome> } => {
  const child = spawn(process.execPath, [bin, ...args], { env })
  let out = ''
  let err = ''
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()))
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()))
  const done = new Promise<Outcome>((ok) =>
    child.on('close', (code, signal) => ok({ code, signal, out: out.trim(), err: err.trim() })),
  )
  return { child, done }
}
const ansinh = (...args: string[]): Promise<Outcome> => start(args).done

const units = [
  line('UnitEstablished', { code: '60', name: 'Bình Thuận', level: 'province', establishedOn: '1992-01-01' }),
  line('UnitEstablished', {
    code: '593',
    name: 'Phan Thiết',
    level: 'district',
    parent: '60',
    establishedOn: '1992-01-01',
  }),
  line('UnitEstablished', {
    code: '22816',
    name: 'Phường 1',
    level: 'commune',
    parent: '593',
    establishedOn: '1992-01-01',
  }),
]
/** `n` participants of their own (ids from `first`), two enrolments each. */
const participants = (first: number, n: number): string[] =>
  Array.from({ length: n }, (_, i) => String(first + i)).flatMap((participantId) => [
    line(
      'ParticipantEnrolled',
      { participantId, scheme: 'voluntary', unit: '22816', coveredFrom: '2020-01-01', coveredThrough: '2020-03-31' },
      '2020-01-01T09:00:00+07:00',
    ),
    line(
      'ParticipantEnrolled',
      { participantId, scheme: 'voluntary', unit: '22816', coveredFrom: '2020-04-01', coveredThrough: '2020-06-30' },
      '2020-04-01T09:00:00+07:00',
    ),
  ])
const write = (name: string, lines: readonly string[]): string => {
  const path = join(dir, name)
  writeFileSync(path, lines.join('\n') + '\n')
  return path
}
const base = write('units.ndjson', units)
const WRITERS = 4
const PER_FILE = 2 * 150
const files = Array.from({ length: WRITERS }, (_, w) =>
  write(`writer-${w}.ndjson`, participants(1_000_000_000 + w * 1_000, PER_FILE / 2)),
)

/** How many events `verify --full` checked. */
const verifiedCount = async (store: string): Promise<number> => {
  const v = await ansinh('verify', '--full', '--store', store)
  expect(v.err).toBe('')
  expect(v.code).toBe(0)
  return Number(/hash chain verified: (\d+) events/.exec(v.out)![1])
}

const importedCount = (o: Outcome): number => Number(/: imported (\d+) events/.exec(o.out)?.[1] ?? 0)

/** N writers at once, then every refused file again, one at a time: everything once, nothing lost. */
const nWriters = async (store: string, refusal: RegExp): Promise<{ imported: number; refused: number }> => {
  expect((await ansinh('import', base, '--store', store)).code).toBe(0)
  const runs = files.map((f) => start(['import', f, '--store', store]))
  // a reader at the same time: it answers, or is refused with the same one line
  const reader = start([
    'report',
    'coverage',
    '--as-of',
    '2020-05-01',
    '--scheme',
    'voluntary',
    '--store',
    store,
    '--format',
    'json',
  ])
  const outcomes = await Promise.all(runs.map((r) => r.done))
  const read = await reader.done
  if (read.code === 0) expect(JSON.parse(read.out)).toMatchObject({ report: 'coverage' })
  else expect([read.code, read.err]).toEqual([3, expect.stringMatching(refusal)])
  let refused = 0
  for (const [i, o] of outcomes.entries()) {
    if (o.code === 0) {
      expect(o.out).toMatch(new RegExp(`: imported ${PER_FILE} events into .* \\(positions \\d+–\\d+\\)$`))
    } else {
      refused++
      expect(o.code).toBe(3)
      expect(o.err.split('\n').at(-1)).toMatch(refusal)
      expect(o.err).not.toContain('undefined')
      expect(o.out).toBe('')
      // refused: nothing of it was stored; imported again, alone, it all is
      const again = await ansinh('import', files[i]!, '--store', store)
      expect(again.code).toBe(0)
      expect(importedCount(again)).toBe(PER_FILE)
    }
  }
  expect(await verifiedCount(store)).toBe(units.length + WRITERS * PER_FILE)
  for (const f of files)
    expect((await ansinh('import', f, '--store', store)).out).toContain(
      `nothing new: all ${PER_FILE} events are already stored`,
    )
  return { imported: outcomes.filter((o) => o.code === 0).length, refused }
}

/** kill -9 of an import after each delay: 0 or all of its events, the chain verifies, a re-import completes. */
const killDuring = async (
  fresh: () => Promise<string>,
  delays: readonly number[],
  existing: boolean,
): Promise<{ none: number; all: number }> => {
  const big = write('big.ndjson', [...units, ...participants(1_500_000_000, 1_000)])
  const total = units.length + 2_000
  // into an existing store (the units already in it), or into none yet (the kill may hit its creation)
  const before = existing ? units.length : 0
  let none = 0
  let all = 0
  for (const delay of delays) {
    const store = await fresh()
    if (existing) expect((await ansinh('import', base, '--store', store)).code).toBe(0)
    const { child, done } = start(['import', big, '--store', store])
    await new Promise((ok) => setTimeout(ok, delay))
    child.kill('SIGKILL')
    const killed = await done
    if (killed.code === 0) {
      all++ // it finished before the kill
      expect(await verifiedCount(store)).toBe(total)
      continue
    }
    expect(killed.signal).toBe('SIGKILL')
    // what is left is a store with none of the events (or no store yet), or all of them
    const v = await ansinh('verify', '--full', '--store', store)
    if (v.code === 0) {
      const n = Number(/hash chain verified: (\d+) events/.exec(v.out)![1])
      expect([before, total]).toContain(n)
      if (n === before) none++
      else all++
    } else {
      expect(v.err).toMatch(/does not exist|no ansinh store in this database/)
      none++
    }
    // the killed process's lock (PGlite) is taken over; the import completes
    const again = await ansinh('import', big, '--store', store)
    expect(again.err).toBe('')
    expect(again.code).toBe(0)
    expect(await verifiedCount(store)).toBe(total)
  }
  return { none, all }
}

describe.skipIf(!existsSync(bin))('processes on one store (skipped only when not built: run pnpm build)', () => {
  it(`PGlite: ${WRITERS} imports into one folder at once: one at a time gets the folder, the others are refused naming the holder; nothing lost`, async () => {
    const r = await nWriters(`pglite:${join(dir, 'writers')}`, /^store pglite:.* is in use by process \d+; /)
    expect(r.imported + r.refused).toBe(WRITERS)
    // No "at least one at once": the reader started beside them takes the folder too (PGlite is one
    // process per folder), and on a slow machine it may hold it through all four attempts (seen in
    // CI: 0 imported at once, 4 refused naming the holder, all 4 imported again, nothing lost).
    console.log(`N-writers PGlite: ${r.imported} imported at once, ${r.refused} refused and imported again`)
  }, 900_000)

  it.skipIf(whyNoPostgres() !== null)(
    `PostgreSQL: ${WRITERS} imports at once all complete, one after the other; nothing lost (skipped only without PostgreSQL)`,
    async () => {
      const r = await nWriters(await freshDatabase('writers'), /run the import again/)
      console.log(`N-writers PostgreSQL: ${r.imported} imported at once, ${r.refused} refused and imported again`)
    },
    600_000,
  )

  it.skipIf(whyNoPostgres() !== null)(
    'PostgreSQL: the same file twice at once: once imported, once nothing new; never "positions undefined" (skipped only without PostgreSQL)',
    async () => {
      const store = await freshDatabase('twice')
      expect((await ansinh('import', base, '--store', store)).code).toBe(0)
      for (let round = 0; round < 3; round++) {
        const f = write(`twice-${round}.ndjson`, participants(1_200_000_000 + round * 1_000, 100))
        const [a, b] = await Promise.all([ansinh('import', f, '--store', store), ansinh('import', f, '--store', store)])
        for (const o of [a, b]) {
          expect(o.out).not.toContain('undefined')
          expect(o.code).toBe(0)
        }
        expect([a, b].map(importedCount).sort()).toEqual([0, 200])
        expect([a, b].filter((o) => o.out.includes('nothing new'))).toHaveLength(1)
      }
      expect(await verifiedCount(store)).toBe(units.length + 600)
    },
    600_000,
  )

  it('PGlite: kill -9 at moments spread over an import leaves none or all of its events, and the next import takes over the lock', async () => {
    let n = 0
    const fresh = async (): Promise<string> => `pglite:${join(dir, `killed-${n++}`)}`
    const created = await killDuring(fresh, [200, 5_000], false)
    const existing = await killDuring(fresh, [1_000, 3_000, 6_000, 10_000], true)
    console.log(
      `kill -9 PGlite: new store ${created.none} left nothing, ${created.all} everything; existing store ${existing.none} left nothing, ${existing.all} everything`,
    )
  }, 1_200_000)

  it.skipIf(whyNoPostgres() !== null)(
    'PostgreSQL: kill -9 at moments spread over an import leaves none or all of its events (skipped only without PostgreSQL)',
    async () => {
      const r = await killDuring(() => freshDatabase('killed'), [200, 600, 1_200, 2_000, 3_500], false)
      console.log(`kill -9 PostgreSQL: ${r.none} left nothing, ${r.all} left everything`)
    },
    900_000,
  )
})
