import { describe, expect, it } from 'vitest'
import type { BusinessDate, DomainEvent } from '@ansinh/core'
import { answerQuery, buildModel } from './agents.js'
import { answerQueryOffByOne } from './broken.js'

const at = (n: number) => `2020-0${n}-02T09:00:00+07:00`
const events = [
  {
    id: '00000000-0000-4000-8000-000000000001',
    type: 'ParticipantEnrolled',
    recordedAt: at(1),
    data: {
      participantId: '0000000001',
      scheme: 'voluntary',
      unit: '22816',
      coveredFrom: '2020-01-01',
      coveredThrough: '2020-03-31',
      agent: 'BD-PHANTHIET',
    },
  },
  {
    id: '00000000-0000-4000-8000-000000000002',
    type: 'ParticipantEnrolled',
    recordedAt: at(2),
    data: {
      participantId: '0000000002',
      scheme: 'voluntary',
      unit: '22816',
      coveredFrom: '2020-02-01',
      coveredThrough: '2020-12-31',
      agent: 'HTX-TANLAP',
    },
  },
  {
    id: '00000000-0000-4000-8000-000000000003',
    type: 'ParticipantEnrolled',
    recordedAt: at(3),
    data: {
      participantId: '0000000003',
      scheme: 'voluntary',
      unit: '22816',
      coveredFrom: '2020-02-01',
      coveredThrough: '2020-12-31',
      agent: 'HTX-TANLAP',
    },
  },
  {
    id: '00000000-0000-4000-8000-000000000004',
    type: 'ParticipantLapsed',
    recordedAt: at(6),
    data: { participantId: '0000000003', scheme: 'voluntary', lapsedOn: '2020-06-01', reason: 'stopped-paying' },
  },
] as unknown as DomainEvent[]
const model = () => buildModel(events.map((event, i) => ({ event, position: i + 1 })))
const on = (d: string) => d as BusinessDate

describe('voluntary participants per agent', () => {
  it('ranks agents by the participants they count on a date', () => {
    expect(answerQuery(model(), { asOf: on('2020-03-31') }, null).ranking).toEqual([
      { agent: 'HTX-TANLAP', participants: 2 },
      { agent: 'BD-PHANTHIET', participants: 1 },
    ])
    expect(answerQuery(model(), { asOf: on('2020-03-31'), agent: 'HTX-TANLAP' }, null).participants).toBe(2)
  })

  it('drops a participant after the paid-through date and from the lapse on', () => {
    expect(answerQuery(model(), { asOf: on('2020-06-01') }, null).ranking).toEqual([
      { agent: 'HTX-TANLAP', participants: 1 },
    ])
  })

  it('answers as known at a cut-off: the lapse recorded in June is not yet known in May', () => {
    expect(answerQuery(model(), { asOf: on('2020-06-01') }, Date.parse('2020-05-31T00:00:00Z')).participants).toBe(2)
  })

  it('the broken variant counts one day past the paid-through date', () => {
    expect(answerQueryOffByOne(model(), { asOf: on('2020-04-01'), agent: 'BD-PHANTHIET' }, null).participants).toBe(1)
    expect(answerQuery(model(), { asOf: on('2020-04-01'), agent: 'BD-PHANTHIET' }, null).participants).toBe(0)
  })
})
