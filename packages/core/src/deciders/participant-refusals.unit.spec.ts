/**
 * Every refusal of the participant decider in full: tag, rule, field, message and value, as an
 * operator reads them. (Mutation testing found rule ids and messages no test looked at, and an
 * overlap starting on the same day as known coverage named the wrong field unnoticed.)
 */
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import type { EventId, Instant } from '../values.js'
import { type BodyOf, type DecideContext, replay } from './decider.js'
import { type ParticipantCommand, type ParticipantEventType, participantDecider } from './participant.js'
import { UnitCalendar } from './unit-calendar.js'

const PERIOD = {
  participantId: '0123456789',
  scheme: 'voluntary',
  unit: '22816',
  coveredFrom: '2020-01-01',
  coveredThrough: '2020-06-30',
}

const enrolledBody = (data: Partial<Record<keyof typeof PERIOD, string | null>> = {}): BodyOf<ParticipantEventType> =>
  ({ type: 'ParticipantEnrolled', data: { ...PERIOD, ...data } }) as BodyOf<ParticipantEventType>
const lapsedBody = (lapsedOn: string): BodyOf<ParticipantEventType> =>
  ({
    type: 'ParticipantLapsed',
    data: { participantId: '0123456789', scheme: 'voluntary', lapsedOn, reason: 'stopped-paying' },
  }) as BodyOf<ParticipantEventType>
const asCommand = (type: ParticipantCommand['type'], body: BodyOf<ParticipantEventType>): ParticipantCommand =>
  ({
    type,
    id: '00000000-0000-4000-8000-000000000001' as EventId,
    recordedAt: '2020-10-01T09:00:00+07:00' as Instant,
    data: body.data,
  }) as ParticipantCommand

/** The refusal of `command` after `given` (fails the test when it is accepted). */
const refusal = (
  given: ReadonlyArray<BodyOf<ParticipantEventType>>,
  command: ParticipantCommand,
  context?: DecideContext,
) => {
  const result = participantDecider.decide(command, replay(participantDecider, given), context)
  if (E.isRight(result)) throw new Error(`${command.type} was accepted`)
  const { _tag, rule, path, message, value } = result.left
  return { _tag, rule, path, message, value }
}

describe('participant decider: what each refusal says', () => {
  it('a period that ends before it starts', () => {
    expect(
      refusal(
        [],
        asCommand('EnrolParticipant', enrolledBody({ coveredFrom: '2020-05-01', coveredThrough: '2020-04-30' })),
      ),
    ).toEqual({
      _tag: 'CoveredThroughBeforeCoveredFrom',
      rule: 'enrol.period-order',
      path: 'data.coveredThrough',
      message: 'is before coveredFrom 2020-05-01',
      value: '2020-04-30',
    })
  })

  it.each(['voluntary', 'health'])('an open-ended %s period', (scheme) => {
    expect(refusal([], asCommand('EnrolParticipant', enrolledBody({ scheme, coveredThrough: null })))).toEqual({
      _tag: 'CoveredThroughRequired',
      rule: 'enrol.end-required',
      path: 'data.coveredThrough',
      message: `is required for ${scheme}: coverage runs to a paid-through date`,
      value: null,
    })
  })

  it('a unit the registry does not know', () => {
    const units: DecideContext['units'] = new Map([
      ['22816', { code: '22816' as never, level: 'commune', parent: null }],
    ])
    expect(refusal([], asCommand('EnrolParticipant', enrolledBody({ unit: '22817' })), { units })).toEqual({
      _tag: 'UnitNotEstablished',
      rule: 'enrol.unit-established',
      path: 'data.unit',
      message: 'is not an established unit',
      value: '22817',
    })
  })

  it('an overlap that starts on the same day as known coverage names coveredFrom', () => {
    expect(
      refusal([enrolledBody()], asCommand('EnrolParticipant', enrolledBody({ coveredThrough: '2020-03-31' }))),
    ).toEqual({
      _tag: 'CoverageOverlap',
      rule: 'enrol.no-overlap',
      path: 'data.coveredFrom',
      message: 'overlaps voluntary coverage 2020-01-01..2020-06-30 recorded earlier',
      value: '2020-01-01',
    })
  })

  it('an overlap that starts a day before known coverage names coveredThrough', () => {
    expect(
      refusal(
        [enrolledBody()],
        asCommand('EnrolParticipant', enrolledBody({ coveredFrom: '2019-12-31', coveredThrough: '2020-01-01' })),
      ),
    ).toEqual({
      _tag: 'CoverageOverlap',
      rule: 'enrol.no-overlap',
      path: 'data.coveredThrough',
      message: 'overlaps voluntary coverage 2020-01-01..2020-06-30 recorded earlier',
      value: '2020-01-01',
    })
  })

  it('a lapse that cuts nothing', () => {
    expect(
      refusal([enrolledBody(), lapsedBody('2020-04-01')], asCommand('LapseParticipant', lapsedBody('2020-04-01'))),
    ).toEqual({
      _tag: 'NoCoverageToCut',
      rule: 'lapse.cuts-coverage',
      path: 'data.lapsedOn',
      message: 'cuts no known voluntary coverage: no enrolment that started before it still covers it',
      value: '2020-04-01',
    })
  })

  it('an enrolment in a unit dissolved by its coveredFrom names data.unit and the successor; one starting the day before passes', () => {
    const calendar = new UnitCalendar()
    for (const code of ['30', '31'])
      calendar.establish({ code, name: `Tỉnh ${code}`, level: 'province', establishedOn: '2000-01-01' } as never)
    calendar.dissolve({ code: '30', dissolvedOn: '2025-07-01', successor: '31' } as never)
    const into30 = (coveredFrom: string) =>
      asCommand('EnrolParticipant', enrolledBody({ unit: '30', coveredFrom, coveredThrough: '2025-12-31' }))
    expect(refusal([], into30('2025-07-01'), { calendar })).toEqual({
      _tag: 'UnitDissolved',
      rule: 'unit.dissolved',
      path: 'data.unit',
      message: 'unit 30 was dissolved on 2025-07-01 into 31',
      value: '30',
    })
    expect(
      E.isRight(participantDecider.decide(into30('2025-06-30'), participantDecider.initialState, { calendar })),
    ).toBe(true)
  })
})
