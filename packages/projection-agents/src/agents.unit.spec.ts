import { parseKnownAt } from '@ansinh/core'
import type { DomainEvent } from '@ansinh/core'
import { History } from '@ansinh/projection'
import { day, enrolled, established, lapsed, positioned, recruited } from '@ansinh/testing/fixtures'
import { describe, expect, it } from 'vitest'
import { agentsReport } from './index.js'
import { referenceAgentsReport } from './reference.js'

const geography: DomainEvent[] = [
  established('60', 'Bình Thuận'),
  established('593', 'Phan Thiết', '60'),
  established('594', 'La Gi', '60'),
  established('22816', 'Phú Thủy', '593'),
  established('22819', 'Phú Trinh', '593'),
]

/** The indexed report, checked against the reference on the way. */
const report = (events: DomainEvent[], query: Parameters<typeof agentsReport>[1]) => {
  const indexed = agentsReport(History.of(positioned(events)), query)
  expect(indexed).toEqual(referenceAgentsReport(positioned(events), query))
  return indexed
}

const POST = 'Đại lý Bưu điện'
const UBND = 'UBND xã Phú Thủy'

describe('agentsReport', () => {
  it('splits the window’s agent enrolments into new, continuing (renewed the day after) and returning (after a gap)', () => {
    const events = [
      ...geography,
      // p1: first ever enrolment, through the post office: new
      recruited('0000000001', 'voluntary', '22816', '2020-02-01', '2020-07-31', POST),
      // p2: paid through 31 Dec 2019, renews on 1 Jan 2020 (the day after): continuing
      enrolled('0000000002', 'voluntary', '22816', '2019-01-01', '2019-12-31'),
      recruited('0000000002', 'voluntary', '22816', '2020-01-01', '2020-12-31', POST),
      // p3: paid through 30 Nov 2019, back on 2 Jan 2020 (a gap of a month): returning
      enrolled('0000000003', 'voluntary', '22819', '2019-01-01', '2019-11-30'),
      recruited('0000000003', 'voluntary', '22819', '2020-01-02', '2020-06-30', UBND),
      // p4: enrolled in the window without an agent
      enrolled('0000000004', 'voluntary', '594', '2020-03-01', '2020-08-31'),
      // p5: through an agent, but before the window
      recruited('0000000005', 'voluntary', '594', '2019-12-31', '2020-12-30', POST),
    ]
    const r = report(events, { asOf: day('2020-09-30'), scheme: 'voluntary', unit: '60' })
    expect(r).toEqual({
      report: 'agents',
      asOf: '2020-09-30',
      geography: '2020-09-30',
      knownAt: null,
      unit: '60',
      scheme: 'voluntary',
      basis: { events: 12, lastPosition: 12 },
      from: '2020-01-01',
      to: '2020-09-30',
      participants: 3,
      new: 1,
      continuing: 1,
      returning: 1,
      withoutAgent: 1,
      agents: [
        { agent: POST, participants: 2, new: 1, continuing: 1, returning: 0 },
        { agent: UBND, participants: 1, new: 0, continuing: 0, returning: 1 },
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
      'from',
      'to',
      'participants',
      'new',
      'continuing',
      'returning',
      'withoutAgent',
      'agents',
    ])
    // one unit down: only what sits in its subtree
    const district = report(events, { asOf: day('2020-09-30'), scheme: 'voluntary', unit: '593' })
    expect([district.participants, district.withoutAgent]).toEqual([3, 0])
    const laGi = report(events, { asOf: day('2020-09-30'), scheme: 'voluntary', unit: '594' })
    expect([laGi.participants, laGi.withoutAgent, laGi.agents]).toEqual([0, 1, []])
  })

  it('counts a participant recruited by two agents once in the totals and once for each agent', () => {
    const events = [
      ...geography,
      recruited('0000000001', 'health', '22816', '2020-01-01', '2020-03-31', POST),
      recruited('0000000001', 'health', '22816', '2020-04-01', '2020-12-31', UBND),
      recruited('0000000002', 'health', '22819', '2020-05-01', '2020-12-31', UBND),
    ]
    const r = report(events, { asOf: day('2020-09-30'), scheme: 'health', unit: '60' })
    expect([r.participants, r.new, r.continuing, r.returning]).toEqual([2, 2, 0, 0])
    // for UBND, p1's first enrolment through it is the renewal: continuing
    expect(r.agents).toEqual([
      { agent: UBND, participants: 2, new: 1, continuing: 1, returning: 0 },
      { agent: POST, participants: 1, new: 1, continuing: 0, returning: 0 },
    ])
  })

  it('ranks agents by participants, then by name', () => {
    const events = [
      ...geography,
      recruited('0000000001', 'voluntary', '22816', '2020-01-05', '2020-12-31', 'B'),
      recruited('0000000002', 'voluntary', '22816', '2020-01-05', '2020-12-31', 'A'),
      recruited('0000000003', 'voluntary', '22816', '2020-01-05', '2020-12-31', 'C'),
      recruited('0000000004', 'voluntary', '22816', '2020-01-05', '2020-12-31', 'C'),
    ]
    expect(
      report(events, { asOf: day('2020-09-30'), scheme: 'voluntary' }).agents.map((a) => [a.agent, a.participants]),
    ).toEqual([
      ['C', 2],
      ['A', 1],
      ['B', 1],
    ])
  })

  it('takes a lapse into account: a renewal after a lapse is returning, even when the paid period had not ended', () => {
    const events = [
      ...geography,
      enrolled('0000000001', 'voluntary', '22816', '2019-07-01', '2020-06-30'),
      lapsed('0000000001', 'voluntary', '2020-01-01'),
      recruited('0000000001', 'voluntary', '22816', '2020-03-01', '2020-12-31', POST),
      enrolled('0000000002', 'voluntary', '22816', '2019-07-01', '2020-06-30'),
      // starts inside the paid period (the day before is covered): continuing
      recruited('0000000002', 'voluntary', '22816', '2020-02-01', '2020-12-31', POST),
    ]
    const r = report(events, { asOf: day('2020-09-30'), scheme: 'voluntary' })
    expect([r.new, r.continuing, r.returning]).toEqual([0, 1, 1])
  })

  it('cuts an earlier enrolment at its first lapse after its coveredFrom, by day, whatever order the lapses came in', () => {
    const events = [
      ...geography,
      // p1: a lapse on the day the earlier enrolment starts does not cut it: still covered on 29 Feb
      enrolled('0000000001', 'voluntary', '22816', '2019-06-01', '2020-12-31'),
      lapsed('0000000001', 'voluntary', '2019-06-01'),
      recruited('0000000001', 'voluntary', '22816', '2020-03-01', '2020-12-31', POST),
      // p2: lapsed on 10 Feb (covered through 9 Feb), back on 11 Feb: a day without cover, returning
      enrolled('0000000002', 'voluntary', '22816', '2019-01-01', '2020-12-31'),
      lapsed('0000000002', 'voluntary', '2020-02-10'),
      recruited('0000000002', 'voluntary', '22816', '2020-02-11', '2020-12-31', POST),
      // p3: the lapse of 1 June is recorded before the one of 1 February; the earlier day cuts: returning
      enrolled('0000000003', 'voluntary', '22819', '2019-01-01', '2020-12-31'),
      lapsed('0000000003', 'voluntary', '2020-06-01'),
      lapsed('0000000003', 'voluntary', '2020-02-01'),
      recruited('0000000003', 'voluntary', '22819', '2020-04-01', '2020-12-31', UBND),
    ]
    const r = report(events, { asOf: day('2020-09-30'), scheme: 'voluntary' })
    expect([r.new, r.continuing, r.returning]).toEqual([0, 1, 2])
    expect(r.agents).toEqual([
      { agent: POST, participants: 2, new: 0, continuing: 1, returning: 1 },
      { agent: UBND, participants: 1, new: 0, continuing: 0, returning: 1 },
    ])
  })

  it('calls a tie on the first coveredFrom new only for the earlier position', () => {
    const events = [
      ...geography,
      enrolled('0000000001', 'voluntary', '22816', '2020-03-01', '2020-03-31'),
      recruited('0000000001', 'voluntary', '22816', '2020-03-01', '2020-12-31', POST),
    ]
    const r = report(events, { asOf: day('2020-09-30'), scheme: 'voluntary' })
    // the earlier enrolment of the same day is the first; the day before is not covered
    expect([r.participants, r.new, r.returning, r.withoutAgent]).toEqual([1, 0, 1, 0])
  })

  it('works on 29 February and honours the window and the scheme', () => {
    const events = [
      ...geography,
      recruited('0000000001', 'voluntary', '22816', '2020-02-29', '2020-05-31', POST),
      recruited('0000000002', 'voluntary', '22816', '2020-03-01', '2020-05-31', POST),
      recruited('0000000003', 'health', '22816', '2020-02-29', '2020-05-31', POST),
    ]
    expect(report(events, { asOf: day('2020-02-29'), scheme: 'voluntary' }).participants).toBe(1)
    expect(report(events, { asOf: day('2020-02-28'), scheme: 'voluntary' }).participants).toBe(0)
    expect(report(events, { asOf: day('2020-03-01'), scheme: 'voluntary' }).participants).toBe(2)
    expect(report(events, { asOf: day('2020-03-01'), scheme: 'voluntary', from: day('2020-03-01') }).participants).toBe(
      1,
    )
    expect(report(events, { asOf: day('2020-03-01'), scheme: 'voluntary', from: day('2020-03-02') }).participants).toBe(
      0,
    )
    expect(report(events, { asOf: day('2021-03-01'), scheme: 'voluntary' }).participants).toBe(0)
    expect(report(events, { asOf: day('2020-12-31'), scheme: 'health' }).participants).toBe(1)
  })

  it('counts a participant moving between communes once in their district, and in each commune', () => {
    const events = [
      ...geography,
      recruited('0000000001', 'voluntary', '22816', '2020-01-01', '2020-03-31', POST),
      recruited('0000000001', 'voluntary', '22819', '2020-04-01', '2020-12-31', UBND),
    ]
    const district = report(events, { asOf: day('2020-09-30'), scheme: 'voluntary', unit: '593' })
    expect([district.participants, district.new]).toEqual([1, 1])
    // a tie on participants: by name as plain strings ('U' sorts before 'Đ')
    expect(district.agents.map((a) => [a.agent, a.participants, a.new, a.continuing])).toEqual([
      [UBND, 1, 0, 1],
      [POST, 1, 1, 0],
    ])
    const commune = report(events, { asOf: day('2020-09-30'), scheme: 'voluntary', unit: '22819' })
    expect([commune.participants, commune.continuing]).toEqual([1, 1])
  })

  it('as known at an instant, leaves out an enrolment recorded later, and its effect on kinds', () => {
    const events = [
      ...geography,
      recruited('0000000001', 'voluntary', '22816', '2020-04-01', '2020-12-31', POST, '2020-04-02T10:00:00+07:00'),
      enrolled('0000000001', 'voluntary', '22816', '2020-01-01', '2020-03-31', '2020-10-10T10:00:00+07:00'),
    ]
    const then = report(events, { asOf: day('2020-09-30'), scheme: 'voluntary', knownAt: parseKnownAt('2020-10-05') })
    expect([then.new, then.continuing, then.withoutAgent]).toEqual([1, 0, 0])
    const now = report(events, { asOf: day('2020-09-30'), scheme: 'voluntary' })
    expect([now.new, now.continuing, now.withoutAgent]).toEqual([0, 1, 0])
  })
})
