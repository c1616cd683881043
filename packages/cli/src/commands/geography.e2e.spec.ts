import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { main } from '../main.js'
import { line } from '../test/histories.js'

const dir = mkdtempSync(join(tmpdir(), 'ansinh-geography-'))
const run = async (argv: string[]) => {
  const out: string[] = []
  const err: string[] = []
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t) })
  return { code, out: out.join('\n'), err }
}

// Hải Dương (30) merged into Hải Phòng (31) on 1/7/2025, one participant in each, one renewing under the 12-digit id.
const unit = (code: string, name: string, parent?: string) =>
  line('UnitEstablished', {
    code,
    name,
    level: code.length === 2 ? 'province' : 'commune',
    ...(parent === undefined ? {} : { parent }),
    establishedOn: '2000-01-01',
  })
const file = join(dir, 'reform.ndjson')
writeFileSync(
  file,
  [
    unit('30', 'Hải Dương'),
    unit('31', 'Hải Phòng'),
    unit('30001', 'Phường Trần Phú', '30'),
    unit('31001', 'Xã Lập Lễ', '31'),
    line('ParticipantEnrolled', {
      participantId: '0000000001',
      scheme: 'voluntary',
      unit: '30001',
      coveredFrom: '2024-01-01',
      coveredThrough: '2025-07-31',
    }),
    line('ParticipantEnrolled', {
      participantId: '001234567890',
      scheme: 'voluntary',
      unit: '30001',
      coveredFrom: '2025-08-01',
      coveredThrough: '2025-12-31',
    }),
    line('ParticipantIdentified', {
      participantId: '0000000001',
      personalId: '001234567890',
      identifiedOn: '2025-08-01',
    }),
    line('ParticipantEnrolled', {
      participantId: '0000000002',
      scheme: 'voluntary',
      unit: '31001',
      coveredFrom: '2024-01-01',
      coveredThrough: '2025-12-31',
    }),
    line('UnitDissolved', { code: '30', dissolvedOn: '2025-07-01', successor: '31' }),
    line('UnitChanged', { code: '30001', effectiveOn: '2025-07-01', parent: '31' }),
  ].join('\n') + '\n',
)

describe('ansinh report on the map of a day', () => {
  it('counts the merged province like for like, and carries geography beside asOf', async () => {
    const r = await run([
      'report',
      'plan',
      '--as-of',
      '2025-09-30',
      '--scheme',
      'voluntary',
      '--unit',
      '31',
      '--events',
      file,
      '--format',
      'json',
    ])
    expect(r.code).toBe(0)
    const plan = JSON.parse(r.out) as Record<string, unknown>
    expect(Object.keys(plan).slice(0, 3)).toEqual(['report', 'asOf', 'geography'])
    expect(plan).toMatchObject({ geography: '2025-09-30', participants: 2, sameDateLastYear: 2, newInYear: 0 })
  })

  it('re-bases an earlier date onto a later map with --geography', async () => {
    const old = await run([
      'report',
      'coverage',
      '--as-of',
      '2024-09-30',
      '--scheme',
      'voluntary',
      '--unit',
      '31',
      '--events',
      file,
      '--format',
      'json',
    ])
    const rebased = await run([
      'report',
      'coverage',
      '--as-of',
      '2024-09-30',
      '--geography',
      '2025-09-30',
      '--scheme',
      'voluntary',
      '--unit',
      '31',
      '--events',
      file,
      '--format',
      'json',
    ])
    expect((JSON.parse(old.out) as { participants: number }).participants).toBe(1)
    expect(JSON.parse(rebased.out)).toMatchObject({ geography: '2025-09-30', participants: 2 })
    const table = await run([
      'report',
      'coverage',
      '--as-of',
      '2024-09-30',
      '--geography',
      '2025-09-30',
      '--scheme',
      'voluntary',
      '--unit',
      '31',
      '--events',
      file,
      '--format',
      'table',
      '--lang',
      'en',
    ])
    expect(table.out).toContain('on the map of')
  })

  it('exits 2 with the message of the spec for a dissolved unit, and for a map before --as-of', async () => {
    const gone = await run([
      'report',
      'coverage',
      '--as-of',
      '2025-09-30',
      '--scheme',
      'voluntary',
      '--unit',
      '30',
      '--events',
      file,
    ])
    expect(gone).toMatchObject({ code: 2, out: '' })
    expect(gone.err).toEqual(['unit 30 does not exist on 2025-09-30: dissolved on 2025-07-01 into 31'])
    const earlier = await run([
      'report',
      'debt',
      '--as-of',
      '2025-09-30',
      '--geography',
      '2025-01-01',
      '--events',
      file,
    ])
    expect(earlier.code).toBe(2)
    expect(earlier.err[0]).toMatch(/^geography 2025-01-01 is before the as-of date 2025-09-30/)
    const bad = await run(['report', 'debt', '--as-of', '2025-09-30', '--geography', '2025-02-30', '--events', file])
    expect(bad.code).toBe(1)
  })

  // PGlite: slow under load, one import
  it('stores version-2 events (12-digit ids, dissolutions, links) and answers from the store, with the snapshot and without, exactly as from the file', async () => {
    const store = `pglite:${join(dir, 'store')}`
    const imported = await run(['import', file, '--store', store])
    expect(imported.err).toEqual([])
    expect(imported.code).toBe(0)
    const verified = await run(['verify', '--store', store, '--full'])
    expect(verified.code).toBe(0)
    const argv = [
      'report',
      'plan',
      '--as-of',
      '2025-09-30',
      '--scheme',
      'voluntary',
      '--unit',
      '31',
      '--format',
      'json',
    ]
    const fromFile = (await run([...argv, '--events', file])).out
    expect((await run([...argv, '--store', store])).out).toBe(fromFile)
    expect((await run([...argv, '--store', store, '--no-snapshot'])).out).toBe(fromFile)
  }, 240_000)
})
