import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { main } from '../main.js'
import { cleanHistory, line } from '../test/histories.js'

const dir = mkdtempSync(join(tmpdir(), 'ansinh-money-'))
const run = async (argv: string[]) => {
  const out: string[] = []
  const err: string[] = []
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t) })
  return { code, out: out.join('\n'), err }
}

// 30 participants with quarterly renewals, two of them through agents, collections and a revised plan.
const lines = [
  ...cleanHistory(30),
  line('PopulationEstimated', { unit: '60', year: 2020, population: 1_000 }),
  line('ParticipantEnrolled', {
    participantId: '1900000001',
    scheme: 'voluntary',
    unit: '22816',
    coveredFrom: '2020-02-29',
    coveredThrough: '2020-12-31',
    agent: 'BD-PHANTHIET',
  }),
  line('ParticipantEnrolled', {
    participantId: '1900000002',
    scheme: 'health',
    unit: '22819',
    coveredFrom: '2020-03-01',
    coveredThrough: '2020-12-31',
    agent: 'UBND-PHUTHUY',
  }),
  line('RevenuePlanAssigned', { unit: '60', year: 2020, amount: 1_000_000, assignedOn: '2020-01-15' }),
  line(
    'RevenuePlanAssigned',
    { unit: '60', year: 2020, amount: 800_000, assignedOn: '2020-07-01' },
    '2020-07-02T08:00:00+07:00',
  ),
  line(
    'ContributionCollected',
    {
      unit: '22816',
      scheme: 'voluntary',
      amount: 400_000,
      collectedOn: '2020-02-29',
      participantId: '1900000001',
      agent: 'BD-PHANTHIET',
    },
    '2020-03-01T08:00:00+07:00',
  ),
  line(
    'ContributionCollected',
    { unit: '593', scheme: 'compulsory', amount: 200_000, collectedOn: '2019-05-01', employer: 'CTY-A' },
    '2019-05-02T08:00:00+07:00',
  ),
]
const file = join(dir, 'history.ndjson')
writeFileSync(file, lines.join('\n') + '\n')

describe('ansinh report agents | revenue, coverage --scheme any', () => {
  it('checks a file holding the new events', async () => {
    const r = await run(['check', file])
    expect(r.code).toBe(0)
  })

  it('writes the agent report as json, and ranks it in a table', async () => {
    const r = await run([
      'report',
      'agents',
      '--as-of',
      '2020-09-30',
      '--scheme',
      'voluntary',
      '--unit',
      '60',
      '--events',
      file,
      '--format',
      'json',
    ])
    expect(r.code).toBe(0)
    const j = JSON.parse(r.out) as Record<string, unknown>
    expect(j).toMatchObject({
      report: 'agents',
      from: '2020-01-01',
      to: '2020-09-30',
      participants: 1,
      new: 1,
      continuing: 0,
      returning: 0,
    })
    expect(j.agents).toEqual([{ agent: 'BD-PHANTHIET', participants: 1, new: 1, continuing: 0, returning: 0 }])
    const t = await run([
      'report',
      'agents',
      '-a',
      '2020-09-30',
      '--scheme',
      'voluntary',
      '-u',
      '60',
      '-e',
      file,
      '-f',
      'table',
      '-l',
      'vi',
    ])
    expect(t.out).toContain('Kết quả đại lý thu — BHXH tự nguyện — 60 Bình Thuận')
    expect(t.out).toMatch(/\n1 {2}BD-PHANTHIET/)
  })

  it('writes the revenue report against the plan revised mid-year, and its children as csv', async () => {
    const r = await run([
      'report',
      'revenue',
      '--as-of',
      '2020-09-30',
      '--unit',
      '60',
      '--events',
      file,
      '--format',
      'json',
    ])
    const j = JSON.parse(r.out) as Record<string, unknown>
    expect(j).toMatchObject({
      report: 'revenue',
      year: 2020,
      collected: 400_000,
      target: 800_000,
      achievement: 0.5,
      samePeriodLastYear: 200_000,
      changeVsSamePeriodPct: 1,
    })
    const csv = await run(['report', 'revenue', '-a', '2020-09-30', '-u', '60', '-e', file, '-f', 'csv'])
    expect(csv.out.split('\n')).toEqual(['unit,name,collected,target,achievement', '593,Phan Thiết,400000,,'])
  })

  it('counts everyone covered once with --scheme any, and refuses any elsewhere', async () => {
    const one = JSON.parse(
      (
        await run([
          'report',
          'coverage',
          '-a',
          '2020-09-30',
          '--scheme',
          'voluntary',
          '-u',
          '60',
          '-e',
          file,
          '-f',
          'json',
        ])
      ).out,
    ) as { participants: number }
    const any = JSON.parse(
      (await run(['report', 'coverage', '-a', '2020-09-30', '--scheme', 'any', '-u', '60', '-e', file, '-f', 'json']))
        .out,
    ) as { participants: number; scheme: string; denominator: number }
    expect(any.scheme).toBe('any')
    expect(any.participants).toBe(one.participants + 1)
    expect(any.denominator).toBe(1_000)
    const bad = await run(['report', 'agents', '-a', '2020-09-30', '--scheme', 'any', '-e', file])
    expect(bad.code).toBe(1)
  })
})
