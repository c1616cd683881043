import { describe, expect, it } from 'vitest'
import type { DomainEvent } from '../events.js'
import type { EventId } from '../values.js'
import { commandOfEvent } from './commands.js'
import { emit, replay, unitRegistryOf } from './decider.js'
import { domainError, isDomainError } from './domain-error.js'
import { participantDecider } from './participant.js'
import { AT, enrolled, lapsed, nextId, unitEstablished } from '@ansinh/testing'

describe('decider helpers', () => {
  it('emit copies the id and data, and recordedAt only when the command has one', () => {
    const id = nextId()
    const data = enrolled().data
    expect(emit('ParticipantEnrolled', { type: 'EnrolParticipant', id, data })).toEqual({
      id,
      type: 'ParticipantEnrolled',
      data,
    })
    expect('recordedAt' in emit('ParticipantEnrolled', { type: 'EnrolParticipant', id, data })).toBe(false)
    expect(emit('ParticipantEnrolled', { type: 'EnrolParticipant', id, recordedAt: AT, data })).toEqual({
      id,
      type: 'ParticipantEnrolled',
      recordedAt: AT,
      data,
    })
  })

  it('replay folds events from the initial state', () => {
    const state = replay(participantDecider, [enrolled(), lapsed({ lapsedOn: '2020-04-01' })])
    expect(state.voluntary?.enrolments).toHaveLength(1)
    expect(state.voluntary?.lapses).toHaveLength(1)
    expect(replay(participantDecider, [])).toBe(participantDecider.initialState)
  })

  it('unitRegistryOf keeps each unit with its level and parent (null for none)', () => {
    const units = unitRegistryOf([unitEstablished(), unitEstablished({ code: '593', level: 'district', parent: '22' })])
    expect([...units.values()]).toEqual([
      { code: '22', level: 'province', parent: null },
      { code: '593', level: 'district', parent: '22' },
    ])
  })

  it('commandOfEvent names the command that produces each event, keeping id, recordedAt and data', () => {
    const event = {
      id: 'e' as EventId,
      type: 'DebtSettled',
      recordedAt: AT,
      data: { employer: 'A' },
    } as unknown as DomainEvent
    expect(commandOfEvent(event)).toEqual({ type: 'SettleDebt', id: 'e', recordedAt: AT, data: { employer: 'A' } })
    expect(commandOfEvent({ ...event, type: 'UnitEstablished' } as DomainEvent).type).toBe('EstablishUnit')
  })

  it('isDomainError tells domain errors from problems and other values', () => {
    expect(
      isDomainError(domainError('NegativeTarget', 'quota.target-non-negative', 'data.target', 'is below 0', -1)),
    ).toBe(true)
    expect(isDomainError({ path: 'data.target', message: 'x', value: 1 })).toBe(false)
    expect(isDomainError({ _tag: 'X', rule: 'no.such-rule', path: '', message: '' })).toBe(false)
    expect(isDomainError(null)).toBe(false)
  })
})
