import { type DomainEvent, instantMillis } from '@ansinh/core'
import { describe, expect, it } from 'vitest'
import { enrolled, positioned, recruited } from '@ansinh/testing/fixtures'
import { dayOf } from './columns.js'
import { AgentEnrolments, History } from './index.js'
import { SCHEME_INDEX } from './participation.js'

// The agent enrolments (agents.ts) on their own, without a map: what a fresh or restored register
// holds, a known-at cut at the very instant an enrolment was recorded, and a cut asked about a unit
// whose enrolments all came after it (the unit has a number, but none of the cut's rows is in it).

const POST = 'Đại lý Bưu điện'
const UBND = 'UBND xã Phú Thủy'
const YEAR = [dayOf('2020-01-01'), dayOf('2020-12-31')] as const

const figuresOf = (
  events: DomainEvent[],
  knownAt: number | null,
  units: readonly string[] | null,
  scheme = 'voluntary',
) => {
  const view = History.of(positioned(events)).view(knownAt)
  return view.agents.figures(view.participation, units, SCHEME_INDEX[scheme as 'voluntary'], ...YEAR)
}

describe('AgentEnrolments', () => {
  it('starts with no names and no rows; a restored register knows its names, so an agent met again keeps its number', () => {
    const fresh = new AgentEnrolments()
    expect(fresh.interned.names).toEqual([])
    expect(fresh.size).toBe(0)
    fresh.add(3, POST)
    fresh.add(5, UBND)
    fresh.add(8, POST)
    expect(fresh.size).toBe(3)
    expect(fresh.interned.names).toEqual([POST, UBND])
    const restored = AgentEnrolments.restore(fresh.interned.names, fresh.columns())
    restored.add(9, UBND)
    expect(restored.interned.names).toEqual([POST, UBND])
    expect([...restored.columns().agent]).toEqual([0, 1, 0, 1])
  })

  it('keeps, in a known-at cut, the enrolments recorded at the cut-off itself and none after', () => {
    const at = '2020-03-02T09:00:00+07:00'
    const events = [
      recruited('0000000001', 'voluntary', '22816', '2020-02-01', '2020-07-31', POST, at),
      recruited('0000000002', 'voluntary', '22816', '2020-02-01', '2020-07-31', UBND, '2020-03-02T09:00:01+07:00'),
    ]
    const cut = History.of(positioned(events)).view(instantMillis(at))
    expect(cut.agents.size).toBe(1)
    expect(figuresOf(events, instantMillis(at), null)).toEqual({
      participants: 1,
      new: 1,
      continuing: 0,
      returning: 0,
      withoutAgent: 0,
      agents: [{ agent: POST, participants: 1, new: 1, continuing: 0, returning: 0 }],
    })
  })

  it('gives a known-at cut nothing in a unit whose enrolments all came after it, whatever other schemes hold', () => {
    const events = [
      // unit 22816 (number 0): compulsory enrolments through an agent, known early
      recruited('0000000001', 'compulsory', '22816', '2020-02-01', '2020-07-31', POST, '2020-02-03T09:00:00+07:00'),
      enrolled('0000000002', 'voluntary', '22816', '2020-02-01', '2020-07-31', '2020-02-03T09:00:00+07:00'),
      // unit 22819 (number 1): its only enrolment is recorded in May
      recruited('0000000003', 'voluntary', '22819', '2020-02-01', '2020-07-31', UBND, '2020-05-04T09:00:00+07:00'),
    ]
    const march = instantMillis('2020-03-02T09:00:00+07:00')
    const none = { participants: 0, new: 0, continuing: 0, returning: 0, withoutAgent: 0, agents: [] }
    expect(figuresOf(events, march, ['22819'])).toEqual(none)
    expect(figuresOf(events, march, ['22819'], 'compulsory')).toEqual(none)
    expect(figuresOf(events, march, ['22816'], 'compulsory')).toMatchObject({ participants: 1, new: 1 })
    expect(figuresOf(events, null, ['22819'])).toMatchObject({ participants: 1, new: 1 })
  })
})
