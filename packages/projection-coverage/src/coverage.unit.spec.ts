import { parseKnownAt } from '@ansinh/core'
import { referenceCoverageReport } from './reference.js'
import { History } from '@ansinh/projection'
import { describe, expect, it } from 'vitest'
import { day, enrolled, established, estimated, lapsed, positioned } from '@ansinh/testing/fixtures'
import type { DomainEvent } from '@ansinh/core'
import { coverageReport } from './index.js'

const geography: DomainEvent[] = [
  established('60', 'Bình Thuận'),
  established('593', 'Phan Thiết', '60'),
  established('594', 'La Gi', '60'),
  established('22816', 'Phú Thủy', '593'),
  established('22819', 'Phú Trinh', '593'),
]

/** The indexed report, checked against the reference on the way. */
const report = (events: DomainEvent[], query: Parameters<typeof coverageReport>[1]) => {
  const indexed = coverageReport(History.of(positioned(events)), query)
  expect(indexed).toEqual(referenceCoverageReport(positioned(events), query))
  return indexed
}

describe('coverageReport', () => {
  it('counts participants of the subtree and lists children by code with names', () => {
    const events = [
      ...geography,
      enrolled('0000000001', 'voluntary', '22816', '2020-01-01', '2020-12-31'),
      enrolled('0000000002', 'voluntary', '22819', '2020-03-01', '2020-09-30'),
      enrolled('0000000003', 'voluntary', '594', '2020-01-01', null),
      enrolled('0000000004', 'health', '594', '2020-01-01', '2020-12-31'),
      estimated('60', 2019, 1_200_000, 700_000),
      estimated('593', 2020, 200_000, 100_000),
      estimated('594', 2020, 150_000, 80_000),
    ]
    const r = report(events, { asOf: day('2020-09-30'), scheme: 'voluntary', unit: '60' })
    expect(r).toEqual({
      report: 'coverage',
      asOf: '2020-09-30',
      geography: '2020-09-30',
      knownAt: null,
      unit: '60',
      scheme: 'voluntary',
      basis: { events: 12, lastPosition: 12 },
      participants: 3,
      denominator: 700_000,
      denominatorYear: 2019,
      rate: 3 / 700_000,
      children: [
        { unit: '593', name: 'Phan Thiết', participants: 2, denominator: 100_000, rate: 2 / 100_000 },
        { unit: '594', name: 'La Gi', participants: 1, denominator: 80_000, rate: 1 / 80_000 },
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
      'participants',
      'denominator',
      'denominatorYear',
      'rate',
      'children',
    ])
    expect(report(events, { asOf: day('2020-10-01'), scheme: 'voluntary', unit: '593' }).participants).toBe(1)
  })

  it('does not let a lapse on the first day of an enrolment cut it, but cuts from the lapse day on', () => {
    const events = [
      ...geography,
      enrolled('0000000001', 'voluntary', '22816', '2020-01-01', '2020-12-31'),
      lapsed('0000000001', 'voluntary', '2020-01-01'),
      enrolled('0000000002', 'voluntary', '22816', '2020-01-01', '2020-12-31'),
      lapsed('0000000002', 'voluntary', '2020-06-01'),
    ]
    expect(report(events, { asOf: day('2020-05-31'), scheme: 'voluntary' }).participants).toBe(2)
    expect(report(events, { asOf: day('2020-06-01'), scheme: 'voluntary' }).participants).toBe(1)
    expect(report(events, { asOf: day('2020-12-31'), scheme: 'voluntary' }).participants).toBe(1)
    expect(report(events, { asOf: day('2021-01-01'), scheme: 'voluntary' }).participants).toBe(0)
  })

  it('lets a renewal after a lapse count again, since the lapse only cuts enrolments that began before it', () => {
    const events = [
      ...geography,
      enrolled('0000000001', 'voluntary', '22816', '2020-01-01', '2020-12-31'),
      lapsed('0000000001', 'voluntary', '2020-04-01'),
      enrolled('0000000001', 'voluntary', '22816', '2020-07-01', '2020-12-31'),
    ]
    expect(report(events, { asOf: day('2020-05-15'), scheme: 'voluntary' }).participants).toBe(0)
    expect(report(events, { asOf: day('2020-07-01'), scheme: 'voluntary' }).participants).toBe(1)
  })

  it('counts a participant once on overlapping periods, in the unit of the latest coveredFrom (a move)', () => {
    const events = [
      ...geography,
      enrolled('0000000001', 'voluntary', '22816', '2020-01-01', '2020-12-31'),
      enrolled('0000000001', 'voluntary', '594', '2020-06-01', '2020-08-31'),
    ]
    const before = report(events, { asOf: day('2020-05-31'), scheme: 'voluntary', unit: '60' })
    expect(before.children.map((c) => c.participants)).toEqual([1, 0])
    const during = report(events, { asOf: day('2020-06-01'), scheme: 'voluntary', unit: '60' })
    expect(during.participants).toBe(1)
    expect(during.children.map((c) => c.participants)).toEqual([0, 1])
    // after the later enrolment ends, the earlier (still running) one counts again
    const after = report(events, { asOf: day('2020-09-01'), scheme: 'voluntary', unit: '60' })
    expect(after.children.map((c) => c.participants)).toEqual([1, 0])
  })

  it('breaks a tie of coveredFrom by the later position, and handles touching periods', () => {
    const events = [
      ...geography,
      enrolled('0000000001', 'voluntary', '22816', '2020-01-01', '2020-06-30'),
      enrolled('0000000001', 'voluntary', '22819', '2020-01-01', '2020-03-31'),
      enrolled('0000000001', 'voluntary', '22819', '2020-07-01', '2020-12-31'),
    ]
    const q = (asOf: string, unit: string) =>
      report(events, { asOf: day(asOf), scheme: 'voluntary', unit }).participants
    expect(q('2020-02-01', '22819')).toBe(1)
    expect(q('2020-02-01', '22816')).toBe(0)
    expect(q('2020-04-01', '22816')).toBe(1)
    expect(q('2020-06-30', '22816')).toBe(1)
    expect(q('2020-07-01', '22819')).toBe(1)
    expect(q('2020-07-01', '593')).toBe(1)
  })

  it('counts units never established in the national total only, and answers for an unknown unit', () => {
    const events = [
      ...geography,
      enrolled('0000000001', 'health', '99999', '2020-01-01', '2020-12-31'),
      enrolled('0000000002', 'health', '22816', '2020-01-01', '2020-12-31'),
    ]
    const national = report(events, { asOf: day('2020-06-01'), scheme: 'health' })
    expect(national.participants).toBe(2)
    expect(national.children.map((c) => [c.unit, c.participants])).toEqual([['60', 1]])
    const unknown = report(events, { asOf: day('2020-06-01'), scheme: 'health', unit: '99999' })
    expect(unknown.participants).toBe(1)
    expect(unknown.children).toEqual([])
  })

  it('sums the national denominator over the units without a parent, null when one lacks it', () => {
    const roots = [
      established('60', 'Bình Thuận'),
      established('31', 'Hải Phòng'),
      estimated('60', 2020, 1_000, 600),
      estimated('31', 2019, 2_000),
    ]
    const health = report(roots, { asOf: day('2020-06-01'), scheme: 'health' })
    expect([health.denominator, health.denominatorYear, health.rate]).toEqual([3_000, null, 0])
    expect(report(roots, { asOf: day('2020-06-01'), scheme: 'compulsory' }).denominator).toBeNull()
    expect(report([], { asOf: day('2020-06-01'), scheme: 'health' }).denominator).toBeNull()
    // the chosen estimate lacks the labour force: no fall-back to an older one
    const unit = report([...roots, estimated('31', 2018, 2_000, 1_500)], {
      asOf: day('2020-06-01'),
      scheme: 'voluntary',
      unit: '31',
    })
    expect([unit.denominator, unit.denominatorYear]).toEqual([null, null])
  })

  it('uses the later estimate of the same year, and no estimate from a later year', () => {
    const events = [
      established('60', 'Bình Thuận'),
      estimated('60', 2020, 1_000),
      estimated('60', 2020, 1_100),
      estimated('60', 2021, 5_000),
    ]
    const r = report(events, { asOf: day('2020-12-31'), scheme: 'health', unit: '60' })
    expect([r.denominator, r.denominatorYear]).toEqual([1_100, 2020])
  })

  it('as known at an instant, leaves out a late enrolment and a late lapse', () => {
    const events = [
      ...geography,
      enrolled('0000000001', 'voluntary', '22816', '2020-01-01', '2020-12-31', '2020-01-02T10:00:00+07:00'),
      lapsed('0000000001', 'voluntary', '2020-06-01', '2020-10-10T09:00:00+07:00'),
      enrolled('0000000002', 'voluntary', '22819', '2020-09-01', '2020-12-31', '2020-10-06T00:00:00+07:00'),
    ]
    const knownAt = parseKnownAt('2020-10-05')!
    const then = report(events, { asOf: day('2020-09-30'), scheme: 'voluntary', unit: '593', knownAt })
    // what the agency knew on 5 October: the first person still covered, the second not yet recorded
    expect(then.children.map((c) => [c.unit, c.participants])).toEqual([
      ['22816', 1],
      ['22819', 0],
    ])
    expect(then.knownAt).toBe('2020-10-05T23:59:59.999+07:00')
    expect(then.basis).toEqual({ events: 6, lastPosition: 6 })
    const now = report(events, { asOf: day('2020-09-30'), scheme: 'voluntary', unit: '593' })
    expect(now.children.map((c) => [c.unit, c.participants])).toEqual([
      ['22816', 0],
      ['22819', 1],
    ])
    expect(now.basis).toEqual({ events: 8, lastPosition: 8 })
    expect(
      report(events, { asOf: day('2020-09-30'), scheme: 'voluntary', knownAt: parseKnownAt('2019-01-01') }).basis,
    ).toEqual({ events: 0, lastPosition: null })
  })

  it('takes a unit established twice from its later record, and survives a cycle', () => {
    const events = [
      established('60', 'Bình Thuận'),
      established('593', 'Old name', '60'),
      established('594', 'La Gi', '593'),
      established('593', 'Phan Thiết', '594'),
      enrolled('0000000001', 'health', '594', '2020-01-01', '2020-12-31'),
    ]
    const national = report(events, { asOf: day('2020-06-01'), scheme: 'health' })
    expect(national.children.map((c) => [c.unit, c.participants])).toEqual([['60', 0]])
    const cycle = report(events, { asOf: day('2020-06-01'), scheme: 'health', unit: '593' })
    expect(cycle.participants).toBe(1)
    expect(cycle.children).toEqual([{ unit: '594', name: 'La Gi', participants: 1, denominator: null, rate: null }])
  })
})
