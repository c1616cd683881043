import { describe, expect, it } from 'vitest'
import { AT, nextId } from '@ansinh/testing'
import type { DomainEvent, EventDataMap, EventType } from '../events.js'
import { HistoryChecker } from '../history-check.js'
import { dayNumber } from '../values.js'
import { UnitCalendar } from './unit-calendar.js'

const event = <T extends EventType>(type: T, data: Record<string, unknown>): DomainEvent =>
  ({ id: nextId(), type, recordedAt: AT, data: data as unknown as EventDataMap[T] }) as DomainEvent
const unit = (code: string, parent?: string, establishedOn = '2000-01-01') =>
  event('UnitEstablished', {
    code,
    name: `Đơn vị ${code}`,
    level: code.length === 2 ? 'province' : code.length === 3 ? 'district' : 'commune',
    ...(parent === undefined ? {} : { parent }),
    establishedOn,
  })
const enrol = (participantId: string, u: string, coveredFrom: string, coveredThrough: string) =>
  event('ParticipantEnrolled', { participantId, scheme: 'voluntary', unit: u, coveredFrom, coveredThrough })

/** A checker holding Hải Dương (30), Hải Phòng (31), a district and a commune of each. */
const checker = (): HistoryChecker => {
  const c = new HistoryChecker()
  for (const e of [
    unit('30'),
    unit('31'),
    unit('300', '30'),
    unit('310', '31'),
    unit('30001', '300'),
    unit('31001', '310'),
  ])
    expect(c.offer(e)).toBeNull()
  return c
}

describe('write rules of geography (version 2)', () => {
  it('dissolves into an existing unit, then refuses records dated on or after the day, naming the successor', () => {
    const c = checker()
    expect(c.offer(event('UnitDissolved', { code: '30', dissolvedOn: '2025-07-01', successor: '31' }))).toBeNull()
    expect(
      c.offer(
        event('QuotaAssigned', { unit: '30', scheme: 'voluntary', year: 2025, target: 10, assignedOn: '2025-07-15' }),
      ),
    ).toMatchObject({
      _tag: 'UnitDissolved',
      rule: 'unit.dissolved',
      path: 'data.unit',
      message: 'unit 30 was dissolved on 2025-07-01 into 31',
    })
    // dated before the dissolution: still fine
    expect(
      c.offer(
        event('QuotaAssigned', { unit: '30', scheme: 'voluntary', year: 2025, target: 10, assignedOn: '2025-01-15' }),
      ),
    ).toBeNull()
    expect(
      c.offer(
        event('DebtRecorded', {
          employer: 'A',
          unit: '30',
          scheme: 'compulsory',
          period: '2025-07',
          amount: 5,
          recordedOn: '2025-07-02',
        }),
      )?._tag,
    ).toBe('UnitDissolved')
    expect(c.offer(event('PopulationEstimated', { unit: '30', year: 2026, population: 5 }))?._tag).toBe('UnitDissolved')
    expect(c.offer(enrol('0000000001', '30', '2025-08-01', '2025-12-31'))?.message).toBe(
      'unit 30 was dissolved on 2025-07-01 into 31',
    )
    // a second dissolution, or a change, of a dissolved unit
    expect(c.offer(event('UnitDissolved', { code: '30', dissolvedOn: '2026-01-01', successor: '31' }))?._tag).toBe(
      'UnitDissolved',
    )
    expect(c.offer(event('UnitChanged', { code: '30', effectiveOn: '2025-08-01', name: 'X' }))?._tag).toBe(
      'UnitDissolved',
    )
  })

  it('refuses a successor that is the unit itself or does not exist on the day', () => {
    const c = checker()
    expect(c.offer(event('UnitDissolved', { code: '30', dissolvedOn: '2025-07-01', successor: '30' }))?._tag).toBe(
      'SuccessorIsUnit',
    )
    expect(c.offer(event('UnitDissolved', { code: '30', dissolvedOn: '2025-07-01', successor: '32' }))?._tag).toBe(
      'SuccessorNotExisting',
    )
    expect(c.offer(unit('32', undefined, '2025-07-01'))).toBeNull()
    // established on the day of the merge: a new unit may take it
    expect(c.offer(event('UnitDissolved', { code: '30', dissolvedOn: '2025-07-01', successor: '32' }))).toBeNull()
    expect(c.offer(event('UnitDissolved', { code: '31', dissolvedOn: '2025-07-01', successor: '30' }))).toMatchObject({
      _tag: 'UnitDissolved',
      path: 'data.successor',
      message: 'unit 30 was dissolved on 2025-07-01 into 32',
    })
  })

  it('moves a commune under its province when the district goes, and refuses a parent that is not one level up, not there, or a cycle', () => {
    const c = checker()
    expect(c.offer(event('UnitChanged', { code: '30001', effectiveOn: '2025-07-01', parent: '31' }))).toBeNull()
    expect(c.offer(event('UnitChanged', { code: '300', effectiveOn: '2025-07-01', parent: '310' }))?._tag).toBe(
      'ParentLevel',
    )
    expect(c.offer(event('UnitChanged', { code: '30001', effectiveOn: '2025-07-01', parent: '39' }))?._tag).toBe(
      'ParentNotEstablished',
    )
    expect(c.offer(event('UnitChanged', { code: '30001', effectiveOn: '2025-07-01', level: 'district' }))?._tag).toBe(
      'LevelMismatch',
    )
    expect(c.offer(event('UnitChanged', { code: '30001', effectiveOn: '2025-07-01', parent: null }))?._tag).toBe(
      'ParentRequired',
    )
    expect(c.offer(event('UnitChanged', { code: '39', effectiveOn: '2025-07-01', name: 'X' }))?._tag).toBe(
      'UnitNotEstablished',
    )
    expect(c.offer(event('UnitChanged', { code: '30', effectiveOn: '1999-01-01', name: 'X' }))?.rule).toBe(
      'unit.exists-on-day',
    )
    expect(c.offer(event('UnitDissolved', { code: '300', dissolvedOn: '2025-07-01', successor: '30' }))).toBeNull()
    expect(c.offer(event('UnitChanged', { code: '30001', effectiveOn: '2025-08-01', parent: '300' }))).toMatchObject({
      _tag: 'UnitDissolved',
      path: 'data.parent',
    })
  })

  it('refuses a parent that would close a loop on a later day, when another change takes effect', () => {
    // A district under a district is refused by the level rule first, so the loop is shown on the
    // calendar directly: 301 goes under 300 from 2026; putting 300 under 301 from 2025 closes a loop then.
    const calendar = new UnitCalendar()
    calendar.establish({
      code: '300',
      name: 'A',
      level: 'district',
      parent: '30',
      establishedOn: '2000-01-01',
    } as never)
    calendar.establish({
      code: '301',
      name: 'B',
      level: 'district',
      parent: '30',
      establishedOn: '2000-01-01',
    } as never)
    calendar.change({ code: '301', effectiveOn: '2026-01-01', parent: '300' } as never)
    expect(calendar.closesLoopFrom('300', '301', dayNumber('2025-07-01'))).toBe(true)
    expect(calendar.closesLoopOn('300', '301', dayNumber('2025-07-01'))).toBe(false)
    calendar.change({ code: '300', effectiveOn: '2025-12-01', parent: '30' } as never)
    expect(calendar.closesLoopFrom('300', '301', dayNumber('2025-07-01'))).toBe(false)
  })

  it('links ids once and applies the coverage rules to the person, not to each id', () => {
    const c = checker()
    expect(c.offer(enrol('0000000001', '31001', '2025-01-01', '2025-12-31'))).toBeNull()
    expect(
      c.offer(
        event('ParticipantIdentified', {
          participantId: '0000000001',
          personalId: '001234567890',
          identifiedOn: '2025-08-01',
        }),
      ),
    ).toBeNull()
    // the same link again passes; another id for either side is refused
    expect(
      c.offer(
        event('ParticipantIdentified', {
          participantId: '0000000001',
          personalId: '001234567890',
          identifiedOn: '2025-08-01',
        }),
      ),
    ).toBeNull()
    expect(
      c.offer(
        event('ParticipantIdentified', {
          participantId: '0000000001',
          personalId: '009999999999',
          identifiedOn: '2025-08-01',
        }),
      ),
    ).toMatchObject({ _tag: 'AlreadyLinked', path: 'data.participantId' })
    expect(
      c.offer(
        event('ParticipantIdentified', {
          participantId: '0000000002',
          personalId: '001234567890',
          identifiedOn: '2025-08-01',
        }),
      ),
    ).toMatchObject({ _tag: 'AlreadyLinked', path: 'data.personalId' })
    // coverage known under the 10-digit id overlaps an enrolment under the 12-digit id
    expect(c.offer(enrol('001234567890', '31001', '2025-09-01', '2025-12-31'))?._tag).toBe('CoverageOverlap')
    expect(c.offer(enrol('001234567890', '31001', '2026-01-01', '2026-12-31'))).toBeNull()
    expect(c.offer(enrol('0000000001', '31001', '2026-06-01', '2026-12-31'))?._tag).toBe('CoverageOverlap')
  })
})
