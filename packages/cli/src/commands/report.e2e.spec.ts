import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { main } from '../main.js'
import { cleanHistory, line } from '../test/histories.js'
import { freshDatabase, whyNoPostgres } from '../test/postgres.js'

const dir = mkdtempSync(join(tmpdir(), 'ansinh-report-'))
const run = async (argv: string[]) => {
  const out: string[] = []
  const err: string[] = []
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t) })
  return { code, out: out.join('\n'), err }
}
const json = async (argv: string[]) => {
  const r = await run([...argv, '--format', 'json'])
  expect(r.err).toEqual([])
  expect(r.code).toBe(0)
  return JSON.parse(r.out) as Record<string, unknown>
}

// 300 participants with quarterly renewals, a lapse, a late record, debts and a settlement.
const lines = [
  ...cleanHistory(300),
  line('PopulationEstimated', { unit: '593', year: 2020, population: 230_000, labourForce: 130_000 }),
  line(
    'ParticipantLapsed',
    { participantId: '1000000003', scheme: 'voluntary', lapsedOn: '2020-05-01', reason: 'stopped-paying' },
    '2020-05-02T10:00:00+07:00',
  ),
  line(
    'ParticipantEnrolled',
    {
      participantId: '1999999999',
      scheme: 'voluntary',
      unit: '22819',
      coveredFrom: '2020-09-01',
      coveredThrough: '2020-12-31',
    },
    '2020-10-20T10:00:00+07:00',
  ),
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
]
const file = join(dir, 'history.ndjson')
writeFileSync(file, lines.join('\n') + '\n')

const reports = [
  ['report', 'coverage', '--as-of', '2020-09-30', '--scheme', 'voluntary', '--unit', '593'],
  ['report', 'coverage', '--as-of', '2020-09-30', '--scheme', 'voluntary', '--known-at', '2020-10-05'],
  ['report', 'plan', '--as-of', '2020-09-30', '--scheme', 'voluntary', '--unit', '593'],
  [
    'report',
    'plan',
    '--as-of',
    '2020-09-30',
    '--scheme',
    'voluntary',
    '--unit',
    '593',
    '--known-at',
    '2020-10-05T12:00:00+07:00',
  ],
  ['report', 'debt', '--as-of', '2020-06-30'],
  ['report', 'debt', '--as-of', '2020-06-30', '--unit', '60', '--scheme', 'compulsory'],
]

describe('ansinh report', () => {
  it('prints exactly the fields of the read-model contract as JSON', async () => {
    const plan = await json([
      'report',
      'plan',
      '--as-of',
      '2020-09-30',
      '--scheme',
      'voluntary',
      '--unit',
      '593',
      '--events',
      file,
    ])
    for (const field of [
      'report',
      'asOf',
      'geography',
      'knownAt',
      'unit',
      'scheme',
      'basis',
      'year',
      'target',
      'participants',
      'achievement',
      'remaining',
      'expiringBeforeYearEnd',
      'recruitsNeeded',
      'sameDateLastYear',
      'changeVsSameDate',
      'changeVsSameDatePct',
      'endOfPreviousYear',
      'changeVsEndOfPreviousYear',
      'newInYear',
      'children',
      'bands',
    ])
      expect(plan).toHaveProperty(field)
    // 300 participants, p covered for 1 + p % 4 quarters: on 30/9 those with ≥ 3 quarters (150) and the late one
    expect(plan).toMatchObject({
      report: 'plan',
      unit: '593',
      scheme: 'voluntary',
      year: 2020,
      target: 300,
      participants: 151,
      knownAt: null,
    })
    expect(plan.achievement).toBe(151 / 300)
    expect(plan.basis).toMatchObject({ events: lines.length, lastPosition: lines.length })
    expect((plan.basis as { hash: string }).hash).toMatch(/^[0-9a-f]{64}$/)
  })

  it('answers as known at an instant: the late record is left out', async () => {
    const cut = await json([
      'report',
      'coverage',
      '--as-of',
      '2020-09-30',
      '--scheme',
      'voluntary',
      '--known-at',
      '2020-10-05',
      '--events',
      file,
    ])
    const all = await json(['report', 'coverage', '--as-of', '2020-09-30', '--scheme', 'voluntary', '--events', file])
    expect(cut.knownAt).toBe('2020-10-05T23:59:59.999+07:00')
    expect(all.participants).toBe((cut.participants as number) + 1)
    expect((cut.basis as { events: number }).events).toBe(lines.length - 1)
  })

  it('writes tables in Vietnamese and CSV of the children', async () => {
    const vi = await run([
      'report',
      'plan',
      '--as-of',
      '2020-09-30',
      '--scheme',
      'voluntary',
      '--unit',
      '593',
      '--events',
      file,
      '--format',
      'table',
      '--lang',
      'vi',
    ])
    expect(vi.code).toBe(0)
    expect(vi.out).toContain('593 Phan Thiết')
    expect(vi.out).toContain('151 người')
    expect(vi.out).toContain('đạt 50,3% kế hoạch')
    const csv = await run([
      'report',
      'coverage',
      '--as-of',
      '2020-09-30',
      '--scheme',
      'voluntary',
      '--unit',
      '593',
      '--events',
      file,
      '--format',
      'csv',
    ])
    expect(csv.out.split('\n')).toEqual([
      'unit,name,participants,denominator,rate',
      '22816,Phường 1,50,,',
      '22819,Phường 2,51,,',
      '22822,Phường 3,50,,',
    ])
  })

  it('exits 2 with FILE:LINE errors and computes nothing for a bad file', async () => {
    const bad = join(dir, 'bad.ndjson')
    writeFileSync(bad, [lines[0], '{"id":"x"}', lines[1]].join('\n'))
    const r = await run(['report', 'debt', '--as-of', '2020-06-30', '--events', bad, '--format', 'json'])
    expect(r.code).toBe(2)
    expect(r.out).toBe('')
    expect(r.err[0]).toMatch(new RegExp(`^${bad}:2: id: not a UUID \\(got "x"\\)$`))
  })

  const sameAsFile = async (store: string) => {
    const imported = await run(['import', file, '--store', store])
    expect(imported.err).toEqual([])
    expect(imported.out).toContain(`imported ${lines.length} events`)
    for (const argv of reports)
      expect(await json([...argv, '--store', store])).toEqual(await json([...argv, '--events', file]))
    const again = await run(['import', file, '--store', store])
    expect(again.out).toContain('nothing new')
    // import left a snapshot at the head: verify checks from it, --full from position 1
    const verified = await run(['verify', '--store', store])
    expect(verified.code).toBe(0)
    expect(verified.out).toContain(
      `0 events (from the snapshot at position ${lines.length}; --full checks from position 1), last position ${lines.length}`,
    )
    const full = await run(['verify', '--store', store, '--full'])
    expect(full.out).toContain(`verified: ${lines.length} events, last position ${lines.length}`)
    for (const argv of reports)
      expect(await json([...argv, '--store', store, '--no-snapshot'])).toEqual(await json([...argv, '--events', file]))
  }

  it('gives the same JSON from the embedded store after import as from the file', async () => {
    await sameAsFile(`pglite:${join(dir, 'store')}`)
  }, 240_000)

  it('cites the hash at a new known-at cut from the chain file the import left, without it the hash the sealed folder remembers, and gets it back from a full verify', async () => {
    const folder = join(dir, 'store-remembers')
    const store = `pglite:${folder}`
    // recorded in position order: a cut before the last recording leaves the last rows out
    const ordered = cleanHistory(300)
    const orderedFile = join(dir, 'ordered.ndjson')
    writeFileSync(orderedFile, ordered.join('\n') + '\n')
    expect((await run(['import', orderedFile, '--store', store])).code).toBe(0)
    const knownAt = ['2020-03-01', '2020-08-01T12:00:00+07:00'].map((cut) => [
      'report',
      'coverage',
      '--as-of',
      '2020-02-29',
      '--scheme',
      'voluntary',
      '--known-at',
      cut,
    ])
    const sealFile = join(folder, 'ansinh-snapshots', 'seal.json')
    const chainFile = join(folder, 'ansinh-snapshots', 'chain.hashes')
    const sealed = readFileSync(sealFile, 'utf8')
    const chain = readFileSync(chainFile)
    expect(chain.length).toBe(32 * ordered.length)
    // one after the other: a folder is held by one process at a time
    const first: Record<string, unknown>[] = []
    for (const argv of knownAt) first.push(await json([...argv, '--store', store]))
    const cited = first.map((r) => r.basis as { lastPosition: number; hash: string })
    // cuts before the head: not the snapshot's stamp, the chain file's hash at the cut
    expect(cited.map((b) => b.lastPosition < ordered.length)).toEqual([true, true])
    for (const b of cited)
      expect(chain.subarray(32 * (b.lastPosition - 1), 32 * b.lastPosition).toString('hex')).toBe(b.hash)
    // PGlite was not started: the seal was not written again
    expect(readFileSync(sealFile, 'utf8')).toBe(sealed)
    for (const [i, argv] of knownAt.entries()) expect(await json([...argv, '--events', orderedFile])).toEqual(first[i])

    // without the chain file, each cut's hash is walked from the rows once, and kept with the seal
    rmSync(chainFile)
    for (const [i, argv] of knownAt.entries()) expect(await json([...argv, '--store', store])).toEqual(first[i])
    const seal = JSON.parse(readFileSync(sealFile, 'utf8')) as { hashes: [number, string][]; chain?: unknown }
    for (const b of cited) expect(seal.hashes).toContainEqual([b.lastPosition, b.hash])
    expect(seal.chain).toBeUndefined()
    for (const [i, argv] of knownAt.entries()) expect(await json([...argv, '--store', store])).toEqual(first[i])
    // a full verify walks every row: the folder gets its chain file back, the same bytes
    expect((await run(['verify', '--full', '--store', store])).code).toBe(0)
    expect(readFileSync(chainFile)).toEqual(chain)
    const resealed = readFileSync(sealFile, 'utf8')
    expect((JSON.parse(resealed) as { chain?: { positions: number } }).chain?.positions).toBe(ordered.length)
    const later = await json([...knownAt[0]!.slice(0, -1), '2020-04-01', '--store', store])
    const b = later.basis as { lastPosition: number; hash: string }
    expect(cited.map((c) => c.lastPosition)).not.toContain(b.lastPosition)
    expect(chain.subarray(32 * (b.lastPosition - 1), 32 * b.lastPosition).toString('hex')).toBe(b.hash)
    // read from the file: PGlite was not started, the seal was not written again
    expect(readFileSync(sealFile, 'utf8')).toBe(resealed)
  }, 240_000)

  it.skipIf(whyNoPostgres() !== null)(
    'gives the same JSON from a PostgreSQL server after import as from the file (skipped only without PostgreSQL binaries)',
    async () => {
      await sameAsFile(await freshDatabase('cli_e2e'))
    },
    240_000,
  )

  it('verify exits 3 naming the first position that does not verify after a row was edited', async () => {
    const dirPath = join(dir, 'store-tampered')
    const store = `pglite:${dirPath}`
    expect((await run(['import', file, '--store', store])).code).toBe(0)
    const { PGlite } = await import('@electric-sql/pglite')
    const db = await PGlite.create(dirPath)
    await db.query(
      `UPDATE ansinh_events SET data = replace(data::text, '"voluntary"', '"health"')::json WHERE position = 17`,
    )
    await db.close()
    const r = await run(['verify', '--store', store, '--full'])
    expect(r.code).toBe(3)
    expect(r.err[0]).toMatch(/hash chain broken at position 17: /)
    // the reports answer from the snapshot, which holds its own copy of position 17
    expect((await run(['verify', '--store', store])).code).toBe(0)
  })

  it('verify from the snapshot checks every row after it', async () => {
    const dirPath = join(dir, 'store-tail')
    const store = `pglite:${dirPath}`
    const first = join(dir, 'tail-first.ndjson')
    writeFileSync(first, lines.slice(0, 20).join('\n'))
    expect((await run(['import', first, '--store', store])).code).toBe(0)
    // the rest imported without a snapshot: the snapshot stays at position 20
    expect((await run(['import', file, '--store', store, '--no-snapshot'])).code).toBe(0)
    expect((await run(['verify', '--store', store])).out).toContain(
      `${lines.length - 20} events (from the snapshot at position 20;`,
    )
    const { PGlite } = await import('@electric-sql/pglite')
    const db = await PGlite.create(dirPath)
    await db.query(
      `UPDATE ansinh_events SET data = replace(data::text, '"voluntary"', '"health"')::json WHERE position = 30`,
    )
    await db.close()
    const r = await run(['verify', '--store', store])
    expect(r.code).toBe(3)
    expect(r.err[0]).toMatch(/hash chain broken at position 30: /)
  })

  it('a tampered snapshot is ignored with one warning line, the report is the same, and the next run trusts the rebuilt one', async () => {
    const dirPath = join(dir, 'store-snapshot')
    const store = `pglite:${dirPath}`
    expect((await run(['import', file, '--store', store])).code).toBe(0)
    // the embedded store keeps its snapshot as a file in its folder: one byte of it changed
    const snapshotFile = join(dirPath, 'ansinh-snapshots', 'history.snapshot')
    const bytes = readFileSync(snapshotFile)
    bytes[70] = (bytes[70]! + 1) % 256
    writeFileSync(snapshotFile, bytes)
    const argv = [...reports[2]!, '--store', store, '--format', 'json']
    const warned = await run(argv)
    expect(warned.code).toBe(0)
    expect(warned.err).toEqual([
      'ansinh: snapshot "history" ignored, unreadable: checksum does not match: the bytes were changed or cut; rebuilding from every event',
    ])
    expect(JSON.parse(warned.out)).toEqual(await json([...reports[2]!, '--events', file]))
    expect(await json(argv.slice(0, -2))).toEqual(JSON.parse(warned.out))
  }, 120_000)

  it('imports all or nothing: one bad line in the middle leaves the store as it was', async () => {
    const store = `pglite:${join(dir, 'store-atomic')}`
    const first = join(dir, 'first.ndjson')
    writeFileSync(first, lines.slice(0, 20).join('\n'))
    expect((await run(['import', first, '--store', store])).code).toBe(0)
    const broken = join(dir, 'broken.ndjson')
    const overlapping = line('ParticipantEnrolled', {
      participantId: '1000000000',
      scheme: 'voluntary',
      unit: '22816',
      coveredFrom: '2020-02-01',
      coveredThrough: '2020-02-29',
    })
    writeFileSync(broken, [...lines.slice(20, 40), overlapping, ...lines.slice(40, 60)].join('\n'))
    const r = await run(['import', broken, '--store', store])
    expect(r.code).toBe(2)
    expect(r.err[0]).toMatch(new RegExp(`^${broken}:21: data\\.coveredFrom: .*overlap`))
    expect(r.err.at(-1)).toBe(`${broken}: nothing imported`)
    const verified = await run(['verify', '--store', store, '--full'])
    expect(verified.out).toContain('20 events')
    // an id already stored, arriving again with other content, is refused with the stored position
    const changed = JSON.parse(lines[7]!) as { data: { coveredThrough: string } }
    changed.data.coveredThrough = '2020-02-29'
    const conflicting = join(dir, 'conflicting.ndjson')
    writeFileSync(conflicting, [lines[6], JSON.stringify(changed)].join('\n'))
    const refused = await run(['import', conflicting, '--store', store])
    expect(refused.code).toBe(2)
    expect(refused.err[0]).toBe(
      `${conflicting}:2: id: duplicate id with other content than stored position 8 (got "${(changed as unknown as { id: string }).id}")`,
    )
    expect((await run(['verify', '--store', store, '--full'])).out).toContain('20 events')
  })
})
