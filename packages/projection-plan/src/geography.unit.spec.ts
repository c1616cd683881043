import type { DomainEvent } from '@ansinh/core'
import { History } from '@ansinh/projection'
import {
  changed,
  day,
  dissolved,
  enrolled,
  established,
  establishedOn,
  identified,
  positioned,
} from '@ansinh/testing/fixtures'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { referencePlanReport } from './reference.js'
import { checkedPlanReport, planReport } from './index.js'

// geography.md, one example per rule of "the map on a day" and "which map a report uses";
// each indexed report is also checked against the naive reference.
const report = (events: DomainEvent[], query: Parameters<typeof planReport>[1]) => {
  const indexed = planReport(History.of(positioned(events)), query)
  expect(indexed).toEqual(referencePlanReport(positioned(events), query))
  return indexed
}
const voluntary = (id: number, unit: string, from: string, through: string | null) =>
  enrolled(String(id).padStart(10, '0'), 'voluntary', unit, from, through)

/** Hải Dương (30) and Hải Phòng (31) before the reform, each with a district and communes. */
const before: DomainEvent[] = [
  established('30', 'Hải Dương'),
  established('31', 'Hải Phòng'),
  established('300', 'TP Hải Dương', '30'),
  established('310', 'Thủy Nguyên', '31'),
  established('30001', 'Phường Trần Phú', '300'),
  established('31001', 'Xã Lập Lễ', '310'),
]
const people: DomainEvent[] = [
  voluntary(1, '30001', '2024-01-01', '2025-12-31'),
  voluntary(2, '30001', '2024-03-01', '2025-12-31'),
  voluntary(3, '31001', '2024-01-01', '2025-12-31'),
]
/** The reform: 30 merged into the existing 31, districts abolished, communes moved up under 31. */
const reform: DomainEvent[] = [
  dissolved('30', '2025-07-01', '31'),
  dissolved('300', '2025-07-01', '31'),
  dissolved('310', '2025-07-01', '31'),
  changed('30001', '2025-07-01', { parent: '31' }),
  changed('31001', '2025-07-01', { parent: '31' }),
]

describe('the map of a day', () => {
  it('merges into an existing unit: on 30/9/2025 Hải Phòng counts old Hải Dương, and its comparison with 30/9/2024 is like for like', () => {
    const r = report([...before, ...people, ...reform], { asOf: day('2025-09-30'), scheme: 'voluntary', unit: '31' })
    expect(r.geography).toBe('2025-09-30')
    expect([r.participants, r.sameDateLastYear, r.changeVsSameDate, r.endOfPreviousYear]).toEqual([3, 3, 0, 3])
    // the naive comparison: old Hải Phòng alone on the map of 30/9/2024
    expect(
      report([...before, ...people, ...reform], { asOf: day('2024-09-30'), scheme: 'voluntary', unit: '31' })
        .participants,
    ).toBe(1)
    // the 2024 figure on today's map
    const rebased = report([...before, ...people, ...reform], {
      asOf: day('2024-09-30'),
      scheme: 'voluntary',
      unit: '31',
      geography: day('2025-09-30'),
    })
    expect([rebased.participants, rebased.geography]).toEqual([3, '2025-09-30'])
  })

  it('abolishes a district and moves its communes up: children on each side of the day', () => {
    const events = [...before, ...people, ...reform]
    expect(
      report(events, { asOf: day('2025-06-30'), scheme: 'voluntary', unit: '31' }).children.map((c) => c.unit),
    ).toEqual(['310'])
    expect(
      report(events, { asOf: day('2025-07-01'), scheme: 'voluntary', unit: '31' }).children.map((c) => [
        c.unit,
        c.participants,
      ]),
    ).toEqual([
      ['30001', 2],
      ['31001', 1],
    ])
    expect(
      report(events, { asOf: day('2025-07-01'), scheme: 'voluntary', unit: null }).children.map((c) => c.unit),
    ).toEqual(['31'])
  })

  it('merges into a new unit established on the day of the merge', () => {
    // the provinces go into the new one; their districts are placed under it (a dissolved parent moves nobody)
    const events = [
      ...before,
      ...people,
      establishedOn('32', 'Tỉnh mới', '2025-07-01'),
      dissolved('30', '2025-07-01', '32'),
      dissolved('31', '2025-07-01', '32'),
      changed('300', '2025-07-01', { parent: '32' }),
      changed('310', '2025-07-01', { parent: '32' }),
    ]
    expect(report(events, { asOf: day('2025-09-30'), scheme: 'voluntary', unit: '32' }).participants).toBe(3)
    expect(report(events, { asOf: day('2025-09-30'), scheme: 'voluntary', unit: '32' }).sameDateLastYear).toBe(3)
    // before its establishedOn the new unit is not on the map
    expect(
      E.isLeft(
        checkedPlanReport(History.of(positioned(events)), { asOf: day('2025-06-30'), scheme: 'voluntary', unit: '32' }),
      ),
    ).toBe(true)
  })

  it('follows a chain of successors, and stops a cycle at the last code before the repeat', () => {
    const chain = [
      ...before,
      ...people,
      dissolved('30001', '2025-07-01', '31001'),
      dissolved('31001', '2026-01-01', '31'),
    ]
    expect(report(chain, { asOf: day('2025-09-30'), scheme: 'voluntary', unit: '31001' }).participants).toBe(3)
    expect(report(chain, { asOf: day('2026-01-31'), scheme: 'voluntary', unit: '31' }).sameDateLastYear).toBe(3)
    // records against the districts themselves: 300 → 310 → (300 seen) resolves to 310, and 310 to 300
    const cycle = [
      ...before,
      voluntary(7, '300', '2024-01-01', '2025-12-31'),
      dissolved('300', '2025-07-01', '310'),
      dissolved('310', '2025-07-01', '300'),
    ]
    expect(report(cycle, { asOf: day('2025-09-30'), scheme: 'voluntary', unit: '310' }).participants).toBe(1)
    expect(report(cycle, { asOf: day('2025-09-30'), scheme: 'voluntary', unit: '300' }).participants).toBe(0)
  })

  it('renames a unit from its effective day on, field by field', () => {
    const events = [...before, changed('31', '2025-07-01', { name: 'Thành phố Hải Phòng' })]
    expect(
      report(events, { asOf: day('2025-06-30'), scheme: 'voluntary', unit: null }).children.find((c) => c.unit === '31')
        ?.name,
    ).toBe('Hải Phòng')
    expect(
      report(events, { asOf: day('2025-07-01'), scheme: 'voluntary', unit: null }).children.find((c) => c.unit === '31')
        ?.name,
    ).toBe('Thành phố Hải Phòng')
  })

  it('refuses a dissolved unit with the message of the spec, and a map before the as-of date', () => {
    const history = History.of(positioned([...before, ...people, ...reform]))
    expect(checkedPlanReport(history, { asOf: day('2025-09-30'), scheme: 'voluntary', unit: '30' })).toEqual(
      E.left({
        _tag: 'UnitNotOnMap',
        unit: '30',
        geography: '2025-09-30',
        message: 'unit 30 does not exist on 2025-09-30: dissolved on 2025-07-01 into 31',
      }),
    )
    const before_ = checkedPlanReport(history, {
      asOf: day('2025-09-30'),
      scheme: 'voluntary',
      unit: '31',
      geography: day('2024-09-30'),
    })
    expect(E.isLeft(before_) && before_.left._tag).toBe('GeographyBeforeAsOf')
    // old Hải Dương on the old map is fine
    expect(E.isRight(checkedPlanReport(history, { asOf: day('2024-09-30'), scheme: 'voluntary', unit: '30' }))).toBe(
      true,
    )
  })

  it('counts a person named by both ids once, for every day, from when the link is known', () => {
    const events = [
      ...before,
      voluntary(1, '31001', '2025-01-01', '2025-07-31'),
      enrolled('001234567890', 'voluntary', '31001', '2025-08-01', '2025-12-31'), // the renewal under the 12-digit id
      identified('0000000001', '001234567890', '2025-08-01', '2025-10-05T09:00:00+07:00'),
    ]
    const q = { asOf: day('2025-09-30'), scheme: 'voluntary' as const, unit: '31' }
    expect([report(events, q).participants, report(events, q).newInYear]).toEqual([1, 1])
    // as known on 1/10/2025, before the link was recorded: the renewal looks like a new person
    const cut = report(events, { ...q, knownAt: Date.parse('2025-10-01T00:00:00+07:00') })
    expect([cut.participants, cut.newInYear]).toEqual([1, 2])
    // a person covered under both ids on one day is still one
    const both = [...events, enrolled('001234567890', 'voluntary', '31001', '2025-07-01', '2025-07-31')]
    expect(report(both, { ...q, asOf: day('2025-07-15') }).participants).toBe(1)
  })

  it('counts a participant named only by a 12-digit personal id', () => {
    const events = [...before, enrolled('079123456789', 'voluntary', '31001', '2025-08-01', '2025-12-31')]
    expect(report(events, { asOf: day('2025-09-30'), scheme: 'voluntary', unit: '31' }).participants).toBe(1)
  })

  it('gives version-1 figures on a history without reform events', () => {
    const events = [...before, ...people]
    for (const asOf of ['2024-09-30', '2025-09-30']) {
      const r = report(events, { asOf: day(asOf), scheme: 'voluntary', unit: '30' })
      expect([r.participants, r.geography]).toEqual([2, asOf])
    }
  })
})
