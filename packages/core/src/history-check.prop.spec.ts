import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { AT } from './deciders/test-utils.js'
import type { DomainEvent } from './events.js'
import { checkHistory } from './history-check.js'
import type { LineEvent } from './ndjson.js'
import { fromDayNumber } from './values.js'

// Small, dense histories: few participants, employers and units, so rules collide often.
const day = fc.integer({ min: 0, max: 60 }).map((n) => fromDayNumber(18262 + n))
const participantId = fc.constantFrom('0000000001', '0000000002')
const scheme = fc.constantFrom('voluntary', 'compulsory')
const unit = fc.constantFrom('22', '593', '22816', '22817')

const bodies = fc.oneof(
  fc.record({ participantId, scheme, unit, coveredFrom: day, coveredThrough: fc.option(day, { nil: null }) }).map((data) => ({ type: 'ParticipantEnrolled', data })),
  fc.record({ participantId, scheme, lapsedOn: day, reason: fc.constant('other') }).map((data) => ({ type: 'ParticipantLapsed', data })),
  fc.record({ employer: fc.constant('CTY-A'), unit, scheme: fc.constant('health'), period: fc.constant('2020-01'), amount: fc.integer({ min: 1, max: 100 }), recordedOn: day }).map((data) => ({ type: 'DebtRecorded', data })),
  fc.record({ employer: fc.constant('CTY-A'), scheme: fc.constant('health'), amount: fc.integer({ min: 1, max: 150 }), settledOn: day }).map((data) => ({ type: 'DebtSettled', data })),
  fc.constantFrom(
    { code: '22', name: 'Tỉnh', level: 'province' },
    { code: '593', name: 'Huyện', level: 'district', parent: '22' },
    { code: '22816', name: 'Xã', level: 'commune', parent: '593' },
    { code: '22817', name: 'Xã', level: 'commune', parent: '22' },
  ).map((data) => ({ type: 'UnitEstablished', data: { ...data, establishedOn: '2000-01-01' } })),
)

const history = fc.array(bodies, { maxLength: 40 }).map((list): LineEvent[] =>
  list.map((b, i) => ({
    event: { id: `00000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`, recordedAt: AT, ...b } as DomainEvent,
    position: i + 1,
    line: i + 1,
  })),
)

describe('checkHistory laws', () => {
  it('the events it accepts form a history with no violations (refused events left no trace)', () => {
    fc.assert(
      fc.property(history, (events) => {
        const bad = new Set(checkHistory(events).map((v) => v.position))
        const kept = events.filter((e) => !bad.has(e.position))
        expect(checkHistory(kept)).toEqual([])
      }),
      { numRuns: 300 },
    )
  })

  it('a prefix is checked the same way as inside the whole history', () => {
    fc.assert(
      fc.property(history, fc.nat(), (events, cut) => {
        const prefix = events.slice(0, cut % (events.length + 1))
        const inWhole = checkHistory(events).filter((v) => v.position <= prefix.length)
        expect(checkHistory(prefix)).toEqual(inWhole)
      }),
      { numRuns: 200 },
    )
  })
})
