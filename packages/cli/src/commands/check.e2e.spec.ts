import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { main } from '../main.js'
import { cleanHistory, line, uuid } from '../test/histories.js'

const dir = mkdtempSync(join(tmpdir(), 'ansinh-check-'))
const file = (name: string, lines: readonly string[]): string => {
  const path = join(dir, name)
  writeFileSync(path, lines.join('\n') + '\n')
  return path
}
const run = async (argv: string[]) => {
  const out: string[] = []
  const err: string[] = []
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t) })
  return { code, out: out.join('\n'), err }
}

describe('ansinh check', () => {
  it('reports exactly the bad lines of a mixed file, with their line numbers', async () => {
    const dupId = uuid()
    const enrol = (participantId: string, from: string, through: string | null, unit = '22816') =>
      line('ParticipantEnrolled', {
        participantId,
        scheme: 'voluntary',
        unit,
        coveredFrom: from,
        coveredThrough: through,
      })
    const lines = [
      /* 1 */ line('UnitEstablished', {
        code: '60',
        name: 'Bình Thuận',
        level: 'province',
        establishedOn: '1992-01-01',
      }),
      /* 2 */ line('UnitEstablished', {
        code: '22816',
        name: 'Phú Thủy',
        level: 'commune',
        parent: '60',
        establishedOn: '1992-01-01',
      }),
      /* 3 */ enrol('0123456789', '2020-01-01', '2020-06-30'),
      /* 4 */ enrol('0123456780', '2023-02-30', '2023-06-30'),
      /* 5 */ enrol('012345678', '2020-01-01', '2020-06-30'),
      /* 6 */ line('ParticipantEnrolled', {
        participantId: '0123456781',
        scheme: 'voluntary',
        unit: '22816',
        coveredFrom: '2020-01-01',
        coveredThrough: '2020-03-31',
        agnet: 'X',
      }),
      /* 7 */ line('ParticipantMoved', { participantId: '0123456789' }),
      /* 8 */ enrol('0123456782', '2020-06-01', '2020-05-31'),
      /* 9 */ enrol('0123456789', '2020-06-01', '2020-12-31'),
      /* 10 */ line('ParticipantLapsed', {
        participantId: '0123456783',
        scheme: 'voluntary',
        lapsedOn: '2020-03-01',
        reason: 'stopped-paying',
      }),
      /* 11 */ line('DebtRecorded', {
        employer: 'Công ty TNHH Hải Hà',
        unit: '22816',
        scheme: 'compulsory',
        period: '2019-01',
        amount: 5_000_000,
        recordedOn: '2019-02-15',
      }),
      /* 12 */ line('DebtSettled', {
        employer: 'Công ty TNHH Hải Hà',
        scheme: 'compulsory',
        amount: 6_000_000,
        settledOn: '2019-03-01',
      }),
      /* 13 */ line(
        'DebtSettled',
        { employer: 'Công ty TNHH Hải Hà', scheme: 'compulsory', amount: 5_000_000, settledOn: '2019-03-01' },
        undefined,
        dupId,
      ),
      /* 14 */ line(
        'DebtSettled',
        { employer: 'Công ty TNHH Hải Hà', scheme: 'compulsory', amount: 4_000_000, settledOn: '2019-03-01' },
        undefined,
        dupId,
      ),
      /* 15 */ '',
      /* 16 */ enrol('0123456789', '2021-01-01', '2021-12-31'),
    ]
    const path = file('mixed.ndjson', lines)
    const r = await run(['check', path])
    expect(r.code).toBe(2)
    expect(r.out).toBe('')
    const at = (n: number) => r.err.filter((l) => l.startsWith(`${path}:${n}: `))
    expect(at(4)).toEqual([`${path}:4: data.coveredFrom: not a real calendar day YYYY-MM-DD (got "2023-02-30")`])
    expect(at(5)).toEqual([
      `${path}:5: data.participantId: not a participant id of exactly 10 or 12 digits (got "012345678")`,
    ])
    expect(at(6)).toEqual([`${path}:6: data.agnet: unknown field (got "X")`])
    expect(at(7)).toEqual([`${path}:7: type: unknown event type (got "ParticipantMoved")`])
    expect(at(8)).toHaveLength(1)
    expect(at(8)[0]).toMatch(/^.*:8: data\.coveredThrough: .* \(got "2020-05-31"\)$/)
    expect(at(9)).toHaveLength(1)
    expect(at(9)[0]).toMatch(/:9: data\.coveredFrom: .*overlap.* \(got "2020-06-01"\)$/)
    expect(at(10)).toHaveLength(1)
    expect(at(10)[0]).toMatch(/:10: data\.lapsedOn: .* \(got "2020-03-01"\)$/)
    expect(at(12)).toHaveLength(1)
    expect(at(12)[0]).toMatch(/:12: data\.amount: .* \(got 6000000\)$/)
    expect(at(14)).toEqual([`${path}:14: id: duplicate id with other content than line 13 (got "${dupId}")`])
    // every other line is clean, and there is one line per problem
    const badLines = new Set(r.err.map((l) => Number(l.slice(path.length + 1).split(':')[0])))
    expect([...badLines].sort((a, b) => a - b)).toEqual([4, 5, 6, 7, 8, 9, 10, 12, 14])
  })

  it('passes a clean history of thousands of events', async () => {
    const lines = cleanHistory(2_000)
    expect(lines.length).toBeGreaterThan(5_000)
    const r = await run(['check', file('clean.ndjson', lines)])
    expect(r.err).toEqual([])
    expect(r.code).toBe(0)
    expect(r.out).toContain(`${lines.length} events`)
  })

  it('exits 2 naming the file when it cannot be read, 1 on a wrong command line', async () => {
    const missing = join(dir, 'missing.ndjson')
    const r = await run(['check', missing])
    expect(r.code).toBe(2)
    expect(r.err[0]).toMatch(new RegExp(`^${missing}: cannot read: .*ENOENT`))
    const usage = await run(['check'])
    expect(usage.code).toBe(1)
    expect(usage.err[0]).toBe('ansinh: check needs a FILE')
  })
})
