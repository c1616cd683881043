import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { describe, expect, it } from 'vitest'
import { main } from '../main.js'
import { cleanHistory, line } from '../test/histories.js'
import { freshDatabase, whyNoPostgres } from '../test/postgres.js'

const dir = mkdtempSync(join(tmpdir(), 'ansinh-audit-'))
const run = async (argv: string[]) => {
  const out: string[] = []
  const err: string[] = []
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t) })
  return { code, out: out.join('\n'), err }
}

// 60 participants with quarterly renewals; after the publication (5/10/2020): a late enrolment,
// a late renewal, a late lapse and a revised plan
const lines = [
  ...cleanHistory(60),
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
  line(
    'ParticipantEnrolled',
    {
      participantId: '1000000001',
      scheme: 'voluntary',
      unit: '22819',
      coveredFrom: '2020-07-01',
      coveredThrough: '2020-09-30',
    },
    '2020-10-21T10:00:00+07:00',
  ),
  line(
    'ParticipantLapsed',
    { participantId: '1000000003', scheme: 'voluntary', lapsedOn: '2020-09-01', reason: 'stopped-paying' },
    '2020-10-22T10:00:00+07:00',
  ),
  line(
    'QuotaAssigned',
    { unit: '593', scheme: 'voluntary', year: 2020, target: 80, assignedOn: '2020-07-01', decision: '1005/QĐ-UBND' },
    '2020-10-23T10:00:00+07:00',
  ),
]
const file = join(dir, 'history.ndjson')
writeFileSync(file, lines.join('\n') + '\n')
const plan = ['--as-of', '2020-09-30', '--scheme', 'voluntary', '--unit', '593']

describe('ansinh explain, diff, revisions', () => {
  it('explain lists as many participants as the figure, in json and csv', async () => {
    const report = JSON.parse((await run(['report', 'plan', ...plan, '--events', file, '-f', 'json'])).out) as {
      participants: number
    }
    const r = await run(['explain', 'plan', 'participants', ...plan, '--events', file, '-f', 'json'])
    expect(r.code).toBe(0)
    const e = JSON.parse(r.out) as {
      value: number
      count: number
      records: { participantId: string; enrolment: { id: string; position: number } }[]
    }
    expect(e.value).toBe(report.participants)
    expect(e.count).toBe(report.participants)
    expect(e.records).toHaveLength(report.participants)
    expect(e.records[0]!.enrolment.id).toMatch(/^00000000-/)
    const csv = await run(['explain', 'plan', 'participants', ...plan, '--events', file, '-f', 'csv'])
    expect(csv.out.trimEnd().split('\n')).toHaveLength(report.participants + 1)
    const bad = await run(['explain', 'plan', 'children.99999.participants', ...plan, '--events', file])
    expect(bad.code).toBe(1)
    expect(bad.err[0]).toMatch(/^ansinh: children\.99999\.participants: 99999 is not a child unit of 593/)
  })

  it("diff's causes add up to each delta and name the late records", async () => {
    const r = await run(['diff', 'plan', ...plan, '--known-at', '2020-10-05', '--events', file, '-f', 'json'])
    expect(r.code).toBe(0)
    const d = JSON.parse(r.out) as {
      fields: {
        field: string
        delta: number
        causes: { cause: string; total: number; records: { position: number; id: string }[] }[]
      }[]
    }
    const participants = d.fields.find((f) => f.field === 'participants')!
    expect(participants.delta).toBe(1 + 1 - 1)
    expect(participants.causes.map((c) => [c.cause, c.total])).toEqual([
      ['late-enrolment', 1],
      ['late-renewal', 1],
      ['late-lapse', -1],
    ])
    expect(participants.causes[0]!.records[0]).toMatchObject({
      position: lines.length - 3,
      id: (JSON.parse(lines[lines.length - 4]!) as { id: string }).id,
    })
    const target = d.fields.find((f) => f.field === 'target')!
    expect(target).toMatchObject({ before: 60, after: 80, delta: 20, causes: [{ cause: 'quota-revision', total: 20 }] })
    for (const f of d.fields)
      if (Number.isInteger(f.delta)) expect(f.causes.reduce((s, c) => s + c.total, 0)).toBe(f.delta)
  })

  it("the triangle's last column is the report as known now", async () => {
    const r = await run([
      'revisions',
      'plan',
      'participants',
      '--as-of-range',
      '2020-07-01..2020-10-31',
      '--every',
      'month',
      '--scheme',
      'voluntary',
      '--unit',
      '593',
      '--events',
      file,
      '-f',
      'json',
    ])
    expect(r.code).toBe(0)
    const t = JSON.parse(r.out) as { knownAt: (string | null)[]; rows: { asOf: string; now: number }[] }
    expect(t.knownAt).toHaveLength(4)
    expect(t.knownAt.at(-1)).toBeNull()
    for (const row of t.rows) {
      const now = JSON.parse(
        (
          await run([
            'report',
            'plan',
            '--as-of',
            row.asOf,
            '--scheme',
            'voluntary',
            '--unit',
            '593',
            '--events',
            file,
            '-f',
            'json',
          ])
        ).out,
      ) as { participants: number }
      expect(row.now).toBe(now.participants)
    }
  })
})

/** reproduce on a store: 0 untouched, 4 after a backdated event, 3 after a row is edited. */
const reproduceOn = async (
  store: string,
  edit: (sql: string, params: unknown[]) => Promise<void>,
  tag: string,
): Promise<void> => {
  expect((await run(['import', file, '--store', store])).code).toBe(0)
  const saved = join(dir, `saved-${tag}.json`)
  const report = await run(['report', 'plan', ...plan, '--known-at', '2020-10-05', '--store', store, '-f', 'json'])
  writeFileSync(saved, report.out)
  // the ids a store gives by position (idsAt) are the file's, in explain and in diff
  for (const q of [
    ['explain', 'plan', 'participants', ...plan, '--known-at', '2020-10-05'],
    ['diff', 'plan', ...plan, '--known-at', '2020-10-05'],
  ]) {
    const fromStore = await run([...q, '--store', store, '-f', 'json'])
    expect(fromStore.code).toBe(0)
    expect(fromStore.out).toBe((await run([...q, '--events', file, '-f', 'json'])).out)
  }
  const ok = await run(['reproduce', saved, '--store', store])
  expect(ok.err).toEqual([])
  expect(ok.code).toBe(0)
  expect(ok.out).toContain('reproduced')

  // an event appended now that says it was recorded before the publication
  const backdated = line(
    'ParticipantEnrolled',
    {
      participantId: '1888888888',
      scheme: 'voluntary',
      unit: '22816',
      coveredFrom: '2020-09-01',
      coveredThrough: '2020-12-31',
    },
    '2020-10-01T10:00:00+07:00',
  )
  const more = join(dir, `backdated-${tag}.ndjson`)
  writeFileSync(more, backdated + '\n')
  expect((await run(['import', more, '--store', store])).code).toBe(0)
  const late = await run(['reproduce', saved, '--store', store])
  expect(late.code).toBe(4)
  const id = (JSON.parse(backdated) as { id: string }).id
  expect(late.err.join('\n')).toContain(
    `position ${lines.length + 1}  id ${id}  recordedAt 2020-10-01T10:00:00.000+07:00`,
  )

  // a stored row up to the report's cut edited in place
  await edit(
    `UPDATE ansinh_events SET data = replace(data::text, '"voluntary"', '"health"')::json WHERE position = $1`,
    [17],
  )
  const tampered = await run(['reproduce', saved, '--store', store])
  expect(tampered.code).toBe(3)
  expect(tampered.err[0]).toMatch(new RegExp(`^${saved}: TAMPERED at position 17: `))
}

describe('ansinh reproduce', () => {
  it('exits 0 on an untouched embedded store, 4 after a backdated event, 3 after a row is edited', async () => {
    const path = join(dir, 'store-reproduce')
    await reproduceOn(
      `pglite:${path}`,
      async (sql, params) => {
        const { PGlite } = await import('@electric-sql/pglite')
        const db = await PGlite.create(path)
        await db.query(sql, params)
        await db.close()
      },
      'pglite',
    )
  }, 240_000)

  it.skipIf(whyNoPostgres() !== null)(
    'the same on a PostgreSQL server (skipped only without PostgreSQL binaries)',
    async () => {
      const url = await freshDatabase('cli_reproduce')
      await reproduceOn(
        url,
        async (sql, params) => {
          const client = new pg.Client({ connectionString: url })
          await client.connect()
          await client.query(sql, params)
          await client.end()
        },
        'postgres',
      )
    },
    240_000,
  )

  it('recomputes a report on the map it was made on (geography), which diff --published refuses to compare on another', async () => {
    const report = await run([
      'report',
      'plan',
      ...plan,
      '--known-at',
      '2020-10-05',
      '--geography',
      '2020-12-31',
      '--events',
      file,
      '-f',
      'json',
    ])
    expect(JSON.parse(report.out)).toMatchObject({ asOf: '2020-09-30', geography: '2020-12-31' })
    const saved = join(dir, 'on-another-map.json')
    writeFileSync(saved, report.out)
    const r = await run(['reproduce', saved, '--events', file, '-f', 'json'])
    expect(r.code).toBe(0)
    expect(JSON.parse(r.out)).toMatchObject({ outcome: 'reproduced' })
    const d = await run(['diff', '--published', saved, '--events', file])
    expect(d.code).toBe(2)
    expect(d.err[0]).toContain(
      `${saved}: geography: diff compares figures on the map of the as-of date, and this report was made on the map of 2020-12-31`,
    )
    // on the map of its as-of date, the diff's answer carries it
    const own = join(dir, 'own-map.json')
    writeFileSync(
      own,
      (await run(['report', 'plan', ...plan, '--known-at', '2020-10-05', '--events', file, '-f', 'json'])).out,
    )
    const ok = await run(['diff', '--published', own, '--events', file, '-f', 'json'])
    expect(ok.code).toBe(0)
    expect(JSON.parse(ok.out)).toMatchObject({ asOf: '2020-09-30', geography: '2020-09-30' })
  })

  it('coverage of any scheme: a triangle and reproduce; explain and diff refused, saying why', async () => {
    const any = ['--scheme', 'any', '--unit', '593']
    const t = await run([
      'revisions',
      'coverage',
      'participants',
      '--as-of-range',
      '2020-07-01..2020-10-31',
      '--every',
      'month',
      ...any,
      '--events',
      file,
      '-f',
      'json',
    ])
    expect(t.code).toBe(0)
    const triangle = JSON.parse(t.out) as {
      knownAt: (string | null)[]
      rows: { asOf: string; cells: (number | null)[] }[]
    }
    for (const [r, row] of triangle.rows.entries()) {
      for (const [j, cell] of row.cells.entries()) {
        if (j < r) expect(cell).toBeNull()
        else {
          const k = triangle.knownAt[j] ?? null
          const report = await run([
            'report',
            'coverage',
            '--as-of',
            row.asOf,
            ...any,
            ...(k === null ? [] : ['--known-at', k]),
            '--events',
            file,
            '-f',
            'json',
          ])
          expect(cell).toBe((JSON.parse(report.out) as { participants: number }).participants)
        }
      }
    }
    const saved = join(dir, 'coverage-any.json')
    writeFileSync(
      saved,
      (
        await run([
          'report',
          'coverage',
          '--as-of',
          '2020-09-30',
          ...any,
          '--known-at',
          '2020-10-05',
          '--events',
          file,
          '-f',
          'json',
        ])
      ).out,
    )
    expect((await run(['reproduce', saved, '--events', file])).code).toBe(0)
    const d = await run(['diff', '--published', saved, '--events', file])
    expect(d.code).toBe(2)
    expect(d.err[0]).toContain('scheme: diff takes a report of one scheme')
    for (const command of [
      ['explain', 'coverage', 'participants'],
      ['diff', 'coverage'],
    ] as const) {
      const refused = await run([
        ...command,
        '--as-of',
        '2020-09-30',
        ...any,
        '--known-at',
        '2020-10-05',
        '--events',
        file,
      ])
      expect(refused.code).toBe(1)
      expect(refused.err.join('\n')).toContain(`${command[0]} of the coverage report takes one scheme`)
    }
  })

  it('exits 2 naming the field when the saved figures were edited, and on a file that is not JSON', async () => {
    const report = await run(['report', 'plan', ...plan, '--known-at', '2020-10-05', '--events', file, '-f', 'json'])
    const saved = JSON.parse(report.out) as Record<string, unknown>
    const edited = join(dir, 'edited.json')
    writeFileSync(edited, JSON.stringify({ ...saved, participants: 999 }))
    const r = await run(['reproduce', edited, '--events', file])
    expect(r.code).toBe(2)
    expect(r.err).toContain(`${edited}: participants: the store gives ${String(saved.participants)} (got 999)`)
    const notJson = join(dir, 'not.json')
    writeFileSync(notJson, 'plan 593')
    expect((await run(['reproduce', notJson, '--events', file])).code).toBe(2)
  })
})
