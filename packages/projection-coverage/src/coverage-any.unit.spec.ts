import { History } from '@ansinh/projection'
import { day, enrolled, established, estimated, lapsed, positioned } from '@ansinh/testing/fixtures'
import type { DomainEvent } from '@ansinh/core'
import { describe, expect, it } from 'vitest'
import { coverageReport } from './index.js'
import { referenceCoverageReport } from './reference.js'

const geography: DomainEvent[] = [
  established('04', 'Tỉnh Bốn'),
  established('041', 'Huyện Một', '04'),
  established('042', 'Huyện Hai', '04'),
]

const report = (events: DomainEvent[], query: Parameters<typeof coverageReport>[1]) => {
  const indexed = coverageReport(History.of(positioned(events)), query)
  expect(indexed).toEqual(referenceCoverageReport(positioned(events), query))
  return indexed
}

describe('coverageReport with scheme any', () => {
  it('counts each person once however many schemes cover them, against the population', () => {
    const events = [
      ...geography,
      estimated('04', 2020, 1_000, 600),
      estimated('041', 2020, 400, 200),
      // p1: compulsory, health and unemployment through the employer, all in 041
      enrolled('0000000001', 'compulsory', '041', '2020-01-01', null),
      enrolled('0000000001', 'health', '041', '2020-01-01', '2020-12-31'),
      enrolled('0000000001', 'unemployment', '041', '2020-01-01', null),
      // p2: health only, in 042
      enrolled('0000000002', 'health', '042', '2020-01-01', '2020-12-31'),
      // p3: voluntary, lapsed before the day
      enrolled('0000000003', 'voluntary', '042', '2020-01-01', '2020-12-31'),
      lapsed('0000000003', 'voluntary', '2020-06-01'),
    ]
    const r = report(events, { asOf: day('2020-09-30'), scheme: 'any', unit: '04' })
    expect(r).toMatchObject({
      report: 'coverage',
      scheme: 'any',
      participants: 2,
      denominator: 1_000,
      denominatorYear: 2020,
      rate: 0.002,
    })
    expect(r.children.map((c) => [c.unit, c.participants, c.denominator])).toEqual([
      ['041', 1, 400],
      ['042', 1, null],
    ])
    expect(report(events, { asOf: day('2020-05-31'), scheme: 'any', unit: '04' }).participants).toBe(3)
    expect(report(events, { asOf: day('2020-09-30'), scheme: 'any' }).participants).toBe(2)
  })

  it('counts a person in the unit of the covering enrolment with the greatest coveredFrom over all schemes', () => {
    const events = [
      ...geography,
      enrolled('0000000001', 'health', '041', '2020-01-01', '2020-12-31'),
      enrolled('0000000001', 'voluntary', '042', '2020-03-01', '2020-05-31'),
      // the same day in another scheme: the later position wins
      enrolled('0000000002', 'health', '041', '2020-01-01', '2020-12-31'),
      enrolled('0000000002', 'compulsory', '042', '2020-01-01', null),
    ]
    const at = (asOf: string) =>
      report(events, { asOf: day(asOf), scheme: 'any', unit: '04' }).children.map((c) => c.participants)
    expect(at('2020-02-01')).toEqual([1, 1])
    expect(at('2020-04-01')).toEqual([0, 2])
    // after the voluntary period ends, p1 goes back to the health enrolment's unit
    expect(at('2020-06-01')).toEqual([1, 1])
  })

  it('lets a lapse of one scheme cut only that scheme', () => {
    const events = [
      ...geography,
      enrolled('0000000001', 'health', '041', '2020-01-01', '2020-12-31'),
      enrolled('0000000001', 'voluntary', '042', '2020-03-01', '2020-12-31'),
      lapsed('0000000001', 'voluntary', '2020-04-01'),
    ]
    const r = report(events, { asOf: day('2020-04-01'), scheme: 'any', unit: '04' })
    expect([r.participants, ...r.children.map((c) => c.participants)]).toEqual([1, 1, 0])
  })
})
