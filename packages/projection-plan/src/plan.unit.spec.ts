import type { DomainEvent } from '@ansinh/core'
import { referencePlanReport } from './reference.js'
import { History } from '@ansinh/projection'
import { describe, expect, it } from 'vitest'
import { assigned, day, enrolled, established, lapsed, positioned } from '@ansinh/testing/fixtures'
import { planReport } from './index.js'

const geography: DomainEvent[] = [
  established('60', 'Bình Thuận'),
  established('593', 'Phan Thiết', '60'),
  established('594', 'La Gi', '60'),
  established('595', 'Tuy Phong', '60'),
  established('596', 'Bắc Bình', '60'),
]

const report = (events: DomainEvent[], query: Parameters<typeof planReport>[1]) => {
  const indexed = planReport(History.of(positioned(events)), query)
  expect(indexed).toEqual(referencePlanReport(positioned(events), query))
  return indexed
}

const voluntary = (id: number, unit: string, from: string, through: string | null) =>
  enrolled(String(id).padStart(10, '0'), 'voluntary', unit, from, through)

describe('planReport', () => {
  it('reports the target in force, achievement, remaining and the field order of the spec', () => {
    const events = [
      ...geography,
      assigned('60', 'voluntary', 2020, 4, '2020-01-15'),
      assigned('60', 'voluntary', 2020, 5, '2020-06-01'),
      assigned('60', 'voluntary', 2020, 9, '2020-10-01'), // revised after D: not yet in force
      voluntary(1, '593', '2020-01-01', '2020-12-31'),
      voluntary(2, '594', '2020-02-01', '2021-06-30'),
    ]
    const r = report(events, { asOf: day('2020-09-30'), scheme: 'voluntary', unit: '60' })
    expect([r.year, r.target, r.participants, r.achievement, r.remaining]).toEqual([2020, 5, 2, 0.4, 3])
    expect(Object.keys(r)).toEqual([
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
    expect(report(events, { asOf: day('2020-01-14'), scheme: 'voluntary', unit: '60' }).target).toBeNull()
    expect(report(events, { asOf: day('2020-10-01'), scheme: 'voluntary', unit: '60' }).target).toBe(9)
  })

  it('breaks a tie of assignedOn by the later position', () => {
    const events = [
      ...geography,
      assigned('60', 'health', 2020, 10, '2020-01-01'),
      assigned('60', 'health', 2020, 7, '2020-01-01'),
    ]
    expect(report(events, { asOf: day('2020-03-01'), scheme: 'health', unit: '60' }).target).toBe(7)
  })

  it('counts those expiring before year end, net of renewals starting after D, and the recruits needed', () => {
    const events = [
      ...geography,
      assigned('60', 'voluntary', 2020, 10, '2020-01-01'),
      voluntary(1, '593', '2020-01-01', '2020-10-31'), // expires
      voluntary(2, '593', '2020-01-01', '2020-10-31'),
      voluntary(2, '593', '2020-11-01', '2021-10-31'), // renewed after D: not expiring
      voluntary(3, '594', '2020-01-01', null),
      lapsed('0000000003', 'voluntary', '2020-12-01'), // a known lapse before year end: expiring
      voluntary(4, '594', '2020-01-01', '2020-12-31'), // covered on 31 December
    ]
    const r = report(events, { asOf: day('2020-09-30'), scheme: 'voluntary', unit: '60' })
    expect([r.participants, r.expiringBeforeYearEnd, r.remaining, r.recruitsNeeded]).toEqual([4, 2, 6, 8])
    expect(report(events, { asOf: day('2020-09-30'), scheme: 'voluntary', unit: '593' }).expiringBeforeYearEnd).toBe(1)
    expect(report(events, { asOf: day('2020-12-31'), scheme: 'voluntary', unit: '60' }).expiringBeforeYearEnd).toBe(0)
    expect(
      report(events, { asOf: day('2020-09-30'), scheme: 'voluntary', unit: '60', year: 2019 }).expiringBeforeYearEnd,
    ).toBe(0)
    // a later plan year looks at its own 31 December
    expect(
      report(events, { asOf: day('2020-09-30'), scheme: 'voluntary', unit: '60', year: 2021 }).expiringBeforeYearEnd,
    ).toBe(4)
  })

  it('compares with the same date last year (29 February → 28 February) and the end of the previous year', () => {
    const events = [
      ...geography,
      voluntary(1, '593', '2019-02-28', '2019-02-28'),
      voluntary(2, '593', '2019-03-01', '2020-12-31'),
      voluntary(3, '594', '2019-12-31', '2020-12-31'),
      voluntary(4, '594', '2020-01-01', '2020-12-31'),
    ]
    const r = report(events, { asOf: day('2020-02-29'), scheme: 'voluntary', unit: '60' })
    expect([r.participants, r.sameDateLastYear, r.changeVsSameDate, r.changeVsSameDatePct]).toEqual([3, 1, 2, 2])
    expect([r.endOfPreviousYear, r.changeVsEndOfPreviousYear]).toEqual([2, 1])
    expect(report(events, { asOf: day('2019-02-27'), scheme: 'voluntary', unit: '60' }).changeVsSameDatePct).toBeNull()
  })

  it('counts as new in the year only people whose first enrolment ever starts between 1 January and D', () => {
    const events = [
      ...geography,
      voluntary(1, '593', '2019-06-01', '2019-12-31'),
      voluntary(1, '593', '2020-03-01', '2020-12-31'), // returning, not new
      voluntary(2, '593', '2020-02-01', '2020-03-31'), // new, lapsed since: still new in the year
      voluntary(3, '594', '2020-09-30', '2020-12-31'),
      voluntary(4, '594', '2020-10-01', '2020-12-31'), // after D
      voluntary(5, '595', '2020-05-01', '2020-12-31'),
      voluntary(5, '593', '2020-04-01', '2020-04-30'), // first enrolment is this one, in 593
    ]
    expect(report(events, { asOf: day('2020-09-30'), scheme: 'voluntary', unit: '60' }).newInYear).toBe(3)
    expect(report(events, { asOf: day('2020-09-30'), scheme: 'voluntary', unit: '593' }).newInYear).toBe(2)
    expect(report(events, { asOf: day('2020-09-30'), scheme: 'voluntary', unit: '595' }).newInYear).toBe(0)
    // the window is 1 January of Y to D, literally: for an earlier plan year it spans both years
    expect(report(events, { asOf: day('2020-09-30'), scheme: 'voluntary', unit: '60', year: 2019 }).newInYear).toBe(4)
    expect(report(events, { asOf: day('2019-12-31'), scheme: 'voluntary', unit: '60' }).newInYear).toBe(1)
    expect(report(events, { asOf: day('2020-09-30'), scheme: 'voluntary', unit: '60', year: 2021 }).newInYear).toBe(0)
  })

  it('grades children with a target into nested bands', () => {
    const events = [
      ...geography,
      assigned('593', 'voluntary', 2020, 2, '2020-01-01'), // 2/2 met
      assigned('594', 'voluntary', 2020, 4, '2020-01-01'), // 1/4 below 50%
      assigned('595', 'voluntary', 2020, 3, '2020-01-01'), // 0/3 zero
      assigned('596', 'voluntary', 2020, 0, '2020-01-01'), // target 0: not graded
      voluntary(1, '593', '2020-01-01', '2020-12-31'),
      voluntary(2, '593', '2020-01-01', '2020-12-31'),
      voluntary(3, '594', '2020-01-01', '2020-12-31'),
      voluntary(4, '596', '2020-01-01', '2020-12-31'),
    ]
    const r = report(events, { asOf: day('2020-06-30'), scheme: 'voluntary', unit: '60' })
    expect(r.target).toBeNull()
    expect([r.achievement, r.remaining, r.recruitsNeeded]).toEqual([null, null, null])
    expect(r.children).toEqual([
      { unit: '593', name: 'Phan Thiết', target: 2, participants: 2, achievement: 1 },
      { unit: '594', name: 'La Gi', target: 4, participants: 1, achievement: 0.25 },
      { unit: '595', name: 'Tuy Phong', target: 3, participants: 0, achievement: 0 },
      { unit: '596', name: 'Bắc Bình', target: 0, participants: 1, achievement: null },
    ])
    expect(r.bands).toEqual({ withTarget: 3, met: 1, belowTarget: 2, below50: 2, zero: 1 })
  })

  it('grades a child at exactly half its target below target but not below 50 %, and one at or over it as met', () => {
    const events = [
      ...geography,
      assigned('593', 'voluntary', 2020, 2, '2020-01-01'), // 1/2: exactly 50 %, below target only
      assigned('594', 'voluntary', 2020, 1, '2020-01-01'), // 2/1: over target, met
      assigned('595', 'voluntary', 2020, 1, '2020-01-01'), // 1/1: exactly met
      voluntary(1, '593', '2020-01-01', '2020-12-31'),
      voluntary(2, '594', '2020-01-01', '2020-12-31'),
      voluntary(3, '594', '2020-01-01', '2020-12-31'),
      voluntary(4, '595', '2020-01-01', '2020-12-31'),
      voluntary(5, '596', '2020-01-01', '2020-12-31'), // no target: not graded
    ]
    const r = report(events, { asOf: day('2020-06-30'), scheme: 'voluntary', unit: '60' })
    expect(r.children.map((c) => [c.unit, c.target, c.participants, c.achievement])).toEqual([
      ['593', 2, 1, 0.5],
      ['594', 1, 2, 2],
      ['595', 1, 1, 1],
      ['596', null, 1, null],
    ])
    expect(r.bands).toEqual({ withTarget: 3, met: 2, belowTarget: 1, below50: 0, zero: 0 })
  })

  it('answers for a unit never established (no children, name-less) and for no unit at all', () => {
    const events = [
      voluntary(1, '22816', '2020-01-01', '2020-12-31'),
      assigned('22816', 'voluntary', 2020, 2, '2020-01-01'),
    ]
    const r = report(events, { asOf: day('2020-06-30'), scheme: 'voluntary', unit: '22816' })
    expect([r.participants, r.target, r.achievement, r.children]).toEqual([1, 2, 0.5, []])
    const national = report(events, { asOf: day('2020-06-30'), scheme: 'voluntary', unit: null })
    expect([national.unit, national.participants, national.target]).toEqual([null, 1, null])
  })
})
