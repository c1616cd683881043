import { parseKnownAt } from '@ansinh/core'
import type { DomainEvent } from '@ansinh/core'
import { History } from '@ansinh/projection'
import { collected, day, established, planned, positioned } from '@ansinh/testing/fixtures'
import { describe, expect, it } from 'vitest'
import { revenueReport } from './index.js'
import { referenceRevenueReport } from './reference.js'

const geography: DomainEvent[] = [
  established('04', 'Tỉnh Bốn'),
  established('041', 'Huyện Một', '04'),
  established('042', 'Huyện Hai', '04'),
  established('04101', 'Xã Một', '041'),
]

/** The indexed report, checked against the reference on the way. */
const report = (events: DomainEvent[], query: Parameters<typeof revenueReport>[1]) => {
  const indexed = revenueReport(History.of(positioned(events)), query)
  expect(indexed).toEqual(referenceRevenueReport(positioned(events), query))
  return indexed
}

describe('revenueReport', () => {
  it('sums the year to date per scheme over the subtree, against the plan and the same period of last year', () => {
    const events = [
      ...geography,
      planned('04', 2020, 1_000, '2020-01-15'),
      planned('041', 2020, 600, '2020-01-15'),
      collected('04101', 'health', 300, '2020-03-01', { agent: 'Bưu điện' }),
      collected('041', 'compulsory', 100, '2020-09-30', { employer: 'CTY-A' }),
      collected('042', 'voluntary', 50, '2020-01-01', { participantId: '0000000001' }),
      collected('042', 'unemployment', 10, '2020-10-01'),
      collected('042', 'voluntary', 7, '2019-12-31'),
      collected('04101', 'health', 200, '2019-09-30'),
      collected('04101', 'health', 5, '2019-10-01'),
    ]
    const r = report(events, { asOf: day('2020-09-30'), unit: '04' })
    expect(r).toEqual({
      report: 'revenue',
      asOf: '2020-09-30',
      geography: '2020-09-30',
      knownAt: null,
      unit: '04',
      scheme: null,
      basis: { events: 13, lastPosition: 13 },
      year: 2020,
      collected: 450,
      byScheme: { voluntary: 50, compulsory: 100, health: 300, unemployment: 0 },
      target: 1_000,
      achievement: 0.45,
      samePeriodLastYear: 200,
      changeVsSamePeriodPct: 1.25,
      children: [
        { unit: '041', name: 'Huyện Một', collected: 400, target: 600, achievement: 400 / 600 },
        { unit: '042', name: 'Huyện Hai', collected: 50, target: null, achievement: null },
      ],
    })
    expect(Object.keys(r)).toEqual([
      'report',
      'asOf',
      'geography',
      'knownAt',
      'unit',
      'scheme',
      'basis',
      'year',
      'collected',
      'byScheme',
      'target',
      'achievement',
      'samePeriodLastYear',
      'changeVsSamePeriodPct',
      'children',
    ])
  })

  it('reads one scheme when asked, and then has no target (plans are for all schemes)', () => {
    const events = [
      ...geography,
      planned('04', 2020, 1_000, '2020-01-15'),
      collected('04101', 'health', 300, '2020-03-01'),
      collected('041', 'compulsory', 100, '2020-03-01'),
    ]
    const r = report(events, { asOf: day('2020-09-30'), unit: '04', scheme: 'health' })
    expect([r.scheme, r.collected, r.target, r.achievement]).toEqual(['health', 300, null, null])
    expect(r.byScheme).toEqual({ voluntary: 0, compulsory: 100, health: 300, unemployment: 0 })
    expect(r.children.map((c) => [c.unit, c.collected, c.target])).toEqual([
      ['041', 300, null],
      ['042', 0, null],
    ])
  })

  it('takes the plan revised mid-year from its assignment day on, the later position on a tie', () => {
    const events = [
      ...geography,
      planned('04', 2020, 1_000, '2020-01-15'),
      planned('04', 2020, 800, '2020-07-01'),
      planned('04', 2020, 900, '2020-07-01'),
      planned('04', 2021, 5, '2020-06-01'),
      collected('04101', 'health', 450, '2020-03-01'),
    ]
    expect(report(events, { asOf: day('2020-01-14'), unit: '04' }).target).toBeNull()
    expect(report(events, { asOf: day('2020-06-30'), unit: '04' }).target).toBe(1_000)
    const revised = report(events, { asOf: day('2020-07-01'), unit: '04' })
    expect([revised.target, revised.achievement]).toEqual([900, 0.5])
    expect(report(events, { asOf: day('2020-12-31'), unit: '04', year: 2021 }).target).toBe(5)
    // a plan of 0: no achievement
    expect(
      report([...events, planned('04', 2020, 0, '2020-08-01')], { asOf: day('2020-09-30'), unit: '04' }).achievement,
    ).toBeNull()
  })

  it('counts a collection on 29 February, and compares a 29 February with 28 February of the year before', () => {
    const events = [
      ...geography,
      collected('04101', 'voluntary', 100, '2020-02-29'),
      collected('04101', 'voluntary', 40, '2019-02-28'),
      collected('04101', 'voluntary', 1, '2019-03-01'),
    ]
    const leap = report(events, { asOf: day('2020-02-29'), unit: '04' })
    expect([leap.collected, leap.samePeriodLastYear, leap.changeVsSamePeriodPct]).toEqual([100, 40, 1.5])
    expect(report(events, { asOf: day('2020-02-28'), unit: '04' }).collected).toBe(0)
    // the year after, 28 February looks back to 28 February: the leap day falls after that period
    const after = report([...events, collected('04101', 'voluntary', 10, '2021-02-28')], {
      asOf: day('2021-02-28'),
      unit: '04',
    })
    expect([after.collected, after.samePeriodLastYear, after.changeVsSamePeriodPct]).toEqual([10, 0, null])
    expect(report(events, { asOf: day('2021-03-01'), unit: '04' }).samePeriodLastYear).toBe(100)
  })

  it('has no change when last year collected nothing, and counts units nobody established only nationally', () => {
    const events = [
      ...geography,
      collected('99999', 'health', 70, '2020-05-01'),
      collected('04101', 'health', 30, '2020-05-01'),
    ]
    const national = report(events, { asOf: day('2020-09-30'), unit: null })
    expect([national.collected, national.target, national.changeVsSamePeriodPct]).toEqual([100, null, null])
    expect(national.children.map((c) => [c.unit, c.collected])).toEqual([['04', 30]])
    expect(report(events, { asOf: day('2020-09-30'), unit: '99999' }).collected).toBe(70)
  })

  it('as known at an instant, leaves out a late collection and a late revision', () => {
    const events = [
      ...geography,
      planned('04', 2020, 1_000, '2020-01-15', '2020-01-15T09:00:00+07:00'),
      planned('04', 2020, 500, '2020-07-01', '2020-10-07T09:00:00+07:00'),
      collected('04101', 'health', 300, '2020-09-30', undefined, '2020-10-01T09:00:00+07:00'),
      collected('04101', 'health', 200, '2020-09-30', undefined, '2020-10-06T09:00:00+07:00'),
    ]
    const then = report(events, { asOf: day('2020-09-30'), unit: '04', knownAt: parseKnownAt('2020-10-05') })
    expect([then.collected, then.target, then.basis.events]).toEqual([300, 1_000, 6])
    const now = report(events, { asOf: day('2020-09-30'), unit: '04' })
    expect([now.collected, now.target]).toEqual([500, 500])
  })
})
