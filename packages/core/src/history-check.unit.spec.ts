import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { AT, nextId } from '@ansinh/testing'
import type { DomainEvent, EventDataMap, EventType } from './events.js'
import { HistoryChecker, checkHistory } from './history-check.js'
import { decodeHistory } from './ndjson.js'

const line = (type: EventType, data: Record<string, unknown>): string =>
  JSON.stringify({ id: nextId(), type, recordedAt: AT, data })
const event = <T extends EventType>(type: T, data: Record<string, unknown>): DomainEvent =>
  ({ id: nextId(), type, recordedAt: AT, data: data as unknown as EventDataMap[T] }) as DomainEvent

const enrolment = (
  participantId: string,
  unit: string,
  coveredFrom: string,
  coveredThrough: string | null,
  scheme = 'voluntary',
) => ({ participantId, scheme, unit, coveredFrom, coveredThrough })

describe('checkHistory', () => {
  it('reports exactly the lines that break a rule, each left out of the state the later lines meet', () => {
    const lines: Array<[string, boolean]> = [
      [
        line('UnitEstablished', { code: '22', name: 'Bình Thuận', level: 'province', establishedOn: '2000-01-01' }),
        true,
      ],
      [
        line('UnitEstablished', {
          code: '593',
          name: 'Hàm Thuận Bắc',
          level: 'district',
          parent: '22',
          establishedOn: '2000-01-01',
        }),
        true,
      ],
      [
        line('UnitEstablished', {
          code: '22816',
          name: 'Hàm Trí',
          level: 'commune',
          parent: '593',
          establishedOn: '2000-01-01',
        }),
        true,
      ],
      [
        line('UnitEstablished', {
          code: '22817',
          name: 'Hàm Phú',
          level: 'commune',
          parent: '999',
          establishedOn: '2000-01-01',
        }),
        false,
      ],
      [
        line('UnitEstablished', {
          code: '594',
          name: 'Bắc Bình',
          level: 'commune',
          parent: '22',
          establishedOn: '2000-01-01',
        }),
        false,
      ],
      ['', true],
      [line('ParticipantEnrolled', enrolment('0000000001', '22816', '2020-01-01', '2020-06-30')), true],
      [line('ParticipantEnrolled', enrolment('0000000001', '22816', '2020-06-01', '2020-12-31')), false],
      // Accepted only because the refused line above was not folded into the participant's state.
      [line('ParticipantEnrolled', enrolment('0000000001', '22816', '2020-07-01', '2020-12-31')), true],
      // 22817 was refused, so it is not established.
      [line('ParticipantEnrolled', enrolment('0000000002', '22817', '2020-01-01', '2020-12-31', 'health')), false],
      // The first day of a renewal is covered only by an enrolment that starts on it: nothing to cut.
      [
        line('ParticipantLapsed', {
          participantId: '0000000001',
          scheme: 'voluntary',
          lapsedOn: '2020-07-01',
          reason: 'stopped-paying',
        }),
        false,
      ],
      [
        line('ParticipantLapsed', {
          participantId: '0000000001',
          scheme: 'voluntary',
          lapsedOn: '2020-09-01',
          reason: 'stopped-paying',
        }),
        true,
      ],
      [
        line('ParticipantLapsed', {
          participantId: '0000000001',
          scheme: 'voluntary',
          lapsedOn: '2020-10-01',
          reason: 'other',
        }),
        false,
      ],
      [line('ParticipantEnrolled', enrolment('0000000003', '22816', '2020-01-01', null, 'voluntary')), false],
      [
        line('QuotaAssigned', { unit: '22816', scheme: 'voluntary', year: 2020, target: 10, assignedOn: '2020-01-15' }),
        true,
      ],
      [
        line('QuotaAssigned', { unit: '99999', scheme: 'voluntary', year: 2020, target: 10, assignedOn: '2020-01-15' }),
        false,
      ],
      [
        line('DebtRecorded', {
          employer: 'CTY-A',
          unit: '22816',
          scheme: 'compulsory',
          period: '2020-01',
          amount: 1000,
          recordedOn: '2019-12-31',
        }),
        false,
      ],
      [
        line('DebtRecorded', {
          employer: 'CTY-A',
          unit: '22816',
          scheme: 'compulsory',
          period: '2020-01',
          amount: 1000,
          recordedOn: '2020-02-01',
        }),
        true,
      ],
      [line('DebtSettled', { employer: 'CTY-A', scheme: 'compulsory', amount: 1500, settledOn: '2020-03-01' }), false],
      [line('DebtSettled', { employer: 'CTY-A', scheme: 'compulsory', amount: 1000, settledOn: '2020-03-01' }), true],
      [line('DebtSettled', { employer: 'CTY-A', scheme: 'compulsory', amount: 1, settledOn: '2020-03-02' }), false],
      [line('PopulationEstimated', { unit: '22', year: 2020, population: 100, labourForce: 101 }), false],
      [line('PopulationEstimated', { unit: '22', year: 2020, population: 100, labourForce: 100 }), true],
      [
        line('UnitEstablished', { code: '22', name: 'Bình Thuận', level: 'province', establishedOn: '2001-01-01' }),
        false,
      ],
    ]
    const decoded = decodeHistory(lines.map(([l]) => l).join('\n') + '\n')
    if (E.isLeft(decoded)) throw new Error(JSON.stringify(decoded.left))
    const violations = checkHistory(decoded.right)
    const badLines = lines.flatMap(([, good], i) => (good ? [] : [i + 1]))
    expect(violations.map((v) => v.line)).toEqual(badLines)
    expect(violations.map((v) => v.error._tag)).toEqual([
      'ParentNotEstablished',
      'LevelMismatch',
      'CoverageOverlap',
      'UnitNotEstablished',
      'NoCoverageToCut',
      'NoCoverageToCut',
      'CoveredThroughRequired',
      'UnitNotEstablished',
      'DebtRecordedBeforePeriod',
      'SettlementExceedsOutstanding',
      'SettlementExceedsOutstanding',
      'LabourForceExceedsPopulation',
      'UnitAlreadyEstablished',
    ])
    // Positions skip the blank line; the violation carries its event.
    const first = violations[0]!
    expect(first.position).toBe(4)
    expect(first.event.type).toBe('UnitEstablished')
  })

  it('finds nothing wrong in a clean history and an empty one', () => {
    expect(checkHistory([])).toEqual([])
    const events = [event('ParticipantEnrolled', enrolment('0000000001', '22816', '2020-01-01', '2020-06-30'))]
    expect(checkHistory(events.map((e, i) => ({ event: e, position: i + 1, line: i + 1 })))).toEqual([])
  })
})

describe('HistoryChecker', () => {
  it('check() changes nothing; accept() folds unchecked; offer() accepts only what passes', () => {
    const checker = new HistoryChecker()
    const first = event('ParticipantEnrolled', enrolment('0000000001', '22816', '2020-01-01', '2020-06-30'))
    const overlapping = event('ParticipantEnrolled', enrolment('0000000001', '22816', '2020-03-01', '2020-12-31'))
    expect(checker.check(first)).toBeNull()
    expect(checker.check(overlapping)).toBeNull()
    checker.accept(first)
    expect(checker.check(overlapping)?._tag).toBe('CoverageOverlap')
    expect(checker.offer(overlapping)?._tag).toBe('CoverageOverlap')
    expect(checker.accepted).toBe(1)
    // accept() trusts its caller: a store may hold events recorded elsewhere that break the rules.
    checker.accept(overlapping)
    expect(checker.accepted).toBe(2)
  })

  it('reads the registry as known from the first accepted unit on', () => {
    const checker = new HistoryChecker()
    expect(checker.registry).toBeUndefined()
    expect(
      checker.offer(event('ParticipantEnrolled', enrolment('0000000001', '22816', '2020-01-01', '2020-06-30'))),
    ).toBeNull()
    expect(
      checker.offer(
        event('UnitEstablished', { code: '22', name: 'Bình Thuận', level: 'province', establishedOn: '2000-01-01' }),
      ),
    ).toBeNull()
    expect([...checker.registry!.keys()]).toEqual(['22'])
    expect(
      checker.offer(event('ParticipantEnrolled', enrolment('0000000002', '22816', '2020-01-01', '2020-06-30')))?._tag,
    ).toBe('UnitNotEstablished')
    expect(
      checker.offer(event('ParticipantEnrolled', enrolment('0000000002', '22', '2020-01-01', '2020-06-30'))),
    ).toBeNull()
  })

  it('treats a repeated id as the same event when identical and as an error otherwise', () => {
    const checker = new HistoryChecker()
    const first = event('ParticipantEnrolled', enrolment('0000000001', '22816', '2020-01-01', '2020-06-30'))
    checker.accept(first)
    expect(checker.check({ ...first })).toBeNull()
    checker.accept({ ...first })
    expect(checker.accepted).toBe(1)
    const changed = { ...first, data: { ...first.data, unit: '22817' } } as DomainEvent
    const error = checker.check(changed)
    expect(error).toMatchObject({ _tag: 'DuplicateEventId', rule: 'history.unique-id', path: 'id', value: first.id })
  })
})
