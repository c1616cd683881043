import { describe, expect, it } from 'vitest'
import { type Scheme, parseKnownAt } from '@ansinh/core'
import { figuresFor } from './figures.js'
import { seedHistory } from './history.js'
import { checkFigures, projectionSource } from './reports.js'
import { Tally } from './tally.js'
import { digestOf, tallyMismatches, violationsOf } from './testing.js'

// The three smaller seeds (tens of thousands of events); Hải Phòng has its own end-to-end test.
const SMALL = ['binh-thuan', 'a-luoi', 'thuong-tin'] as const

describe.each(SMALL)('seed %s', (seed) => {
  const events = seedHistory({ seeds: [seed] })
  const figures = figuresFor({ seeds: [seed] })

  it('obeys every write rule', () => {
    expect(violationsOf(events)).toEqual([])
  })

  it('reproduces every published figure through the projection packages', () => {
    const failed = checkFigures(projectionSource(events), figures).filter((c) => !c.ok)
    expect(failed.map((c) => ({ id: c.figure.id, actual: c.actual }))).toEqual([])
  })

  it('reproduces them in an independent naive count too', () => {
    expect(tallyMismatches(new Tally(events), figures)).toEqual([])
  })

  it('has late records: as known today differs from as known at publication', () => {
    const f = figures.find((x) => x.field === 'participants' && x.report === 'plan')!
    const scheme = f.scheme as Scheme
    const tally = new Tally(events)
    const atPublication = tally.participants(f.unit, scheme, f.asOf, parseKnownAt(f.knownAt))
    expect(atPublication).toBe(f.value)
    expect(tally.participants(f.unit, scheme, f.asOf, null)).not.toBe(atPublication)
  })

  it('is a pure function of its options', () => {
    expect(digestOf(seedHistory({ seeds: [seed] }))).toBe(digestOf(events))
  })
})

describe('another seed', () => {
  it('gives another history with the same published figures', () => {
    const events = seedHistory({ seed: 7, seeds: ['binh-thuan', 'a-luoi'] })
    expect(digestOf(events)).not.toBe(digestOf(seedHistory({ seeds: ['binh-thuan', 'a-luoi'] })))
    expect(violationsOf(events)).toEqual([])
    const failed = checkFigures(projectionSource(events), figuresFor({ seeds: ['binh-thuan', 'a-luoi'] })).filter(
      (c) => !c.ok,
    )
    expect(failed).toEqual([])
  })
})

describe('realism', () => {
  const events = seedHistory({ seeds: ['binh-thuan'] })
  const enrolments = events.flatMap((e) => (e.type === 'ParticipantEnrolled' ? [e.data] : []))

  it('pays by month, quarter, half year and year, with renewals that follow the paid period', () => {
    const months = new Set(
      enrolments.map((d) =>
        Math.round((Date.parse(d.coveredThrough!) - Date.parse(d.coveredFrom)) / (30.44 * 86_400_000)),
      ),
    )
    for (const m of [1, 3, 6, 12]) expect(months).toContain(m)
    const byPerson = new Map<string, typeof enrolments>()
    for (const d of enrolments) byPerson.set(d.participantId, [...(byPerson.get(d.participantId) ?? []), d])
    const renewals = [...byPerson.values()].filter((list) => {
      const sorted = [...list].sort((a, b) => a.coveredFrom.localeCompare(b.coveredFrom))
      return sorted.some(
        (d, i) => i > 0 && Date.parse(d.coveredFrom) - Date.parse(sorted[i - 1]!.coveredThrough!) === 86_400_000,
      )
    })
    expect(renewals.length).toBeGreaterThan(1000)
  })

  it('has moves between districts, lapses with reasons, a revised plan and late records', () => {
    const units = new Map<string, Set<string>>()
    for (const d of enrolments) units.set(d.participantId, (units.get(d.participantId) ?? new Set()).add(d.unit))
    expect([...units.values()].filter((s) => s.size > 1).length).toBeGreaterThan(50)
    const reasons = new Set(events.flatMap((e) => (e.type === 'ParticipantLapsed' ? [e.data.reason] : [])))
    expect(reasons.size).toBeGreaterThanOrEqual(4)
    const quotas = events.flatMap((e) =>
      e.type === 'QuotaAssigned' && e.data.unit === '60' && e.data.scheme === 'voluntary' && e.data.year === 2020
        ? [e.data]
        : [],
    )
    expect(quotas.map((q) => q.decision)).toEqual(['156/QĐ-BHXH', '1005/QĐ-BHXH'])
    const late = events.filter(
      (e) =>
        e.type === 'ParticipantEnrolled' && Date.parse(e.recordedAt) - Date.parse(e.data.coveredFrom) > 14 * 86_400_000,
    )
    expect(late.length).toBeGreaterThan(100)
  })
})

describe('seed province-004 (money)', () => {
  const events = seedHistory({ seeds: ['province-004'] })
  const figures = figuresFor({ seeds: ['province-004'] })

  it('obeys every write rule, reproduces every published figure, and is a pure function of its options', () => {
    expect(violationsOf(events)).toEqual([])
    expect(figures.map((f) => f.field)).toEqual(['collected', 'achievement', 'changeVsSamePeriodPct'])
    const failed = checkFigures(projectionSource(events), figures).filter((c) => !c.ok)
    expect(failed.map((c) => ({ id: c.figure.id, actual: c.actual }))).toEqual([])
    expect(digestOf(seedHistory({ seeds: ['province-004'] }))).toBe(digestOf(events))
  })

  it('collects exactly the published sums, revises the plan in July, pays on 29 February, and has a late payment', () => {
    const money = events.flatMap((e) => (e.type === 'ContributionCollected' ? [e] : []))
    const sum = (from: string, to: string, knownAt: string | null) =>
      money
        .filter(
          (e) =>
            from <= e.data.collectedOn &&
            e.data.collectedOn <= to &&
            (knownAt === null || Date.parse(e.recordedAt) <= Date.parse(knownAt)),
        )
        .reduce((a, e) => a + e.data.amount, 0)
    expect(sum('2020-01-01', '2020-09-30', '2020-10-08T23:59:59.999+07:00')).toBe(3_620_400_000_000)
    expect(sum('2019-01-01', '2019-09-30', null)).toBe(3_312_654_400_000)
    expect(sum('2020-01-01', '2020-09-30', null)).toBeGreaterThan(3_620_400_000_000)
    expect(money.some((e) => e.data.collectedOn === '2020-02-29')).toBe(true)
    const plans = events.flatMap((e) =>
      e.type === 'RevenuePlanAssigned' && e.data.unit === '98' && e.data.year === 2020 ? [e.data.decision] : [],
    )
    expect(plans).toEqual(['120/QĐ-BHXH', '980/QĐ-BHXH'])
  })
})

describe('seed binh-thuan agents', () => {
  it('gives the post office and the People’s Committees the agent enrolments, only in the window’s chosen people', () => {
    const events = seedHistory({ seeds: ['binh-thuan'] })
    const agents = new Set<string>(
      events.flatMap((e) =>
        e.type === 'ParticipantEnrolled' &&
        e.data.coveredFrom >= '2020-01-01' &&
        e.data.coveredFrom <= '2020-09-30' &&
        e.data.agent !== undefined
          ? [e.data.agent]
          : [],
      ),
    )
    expect(agents.has('BD-BINHTHUAN')).toBe(true)
    expect([...agents].filter((a) => a.startsWith('UBND-')).length).toBeGreaterThanOrEqual(5)
  })
})
