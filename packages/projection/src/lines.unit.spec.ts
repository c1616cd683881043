import * as E from 'fp-ts/lib/Either.js'
import { dayNumber, encodeLine } from '@ansinh/core'
import { describe, expect, it } from 'vitest'
import { enrolled, established, lapsed, owed, positioned, recruited } from '@ansinh/testing/fixtures'
import { History } from './history.js'
import { historyDecoder } from './lines.js'
import { SCHEME_INDEX } from './participation.js'
import { OPEN_END } from './segments.js'
import { encodeHistorySnapshot } from './snapshot.js'

const T = (h: number): string => `2020-0${1 + (h % 9)}-0${1 + (h % 7)}T0${h % 10}:00:00+07:00`

// enrolments and lapses (the fast path: no event object), with and without an agent, open-ended
// and not, and events the fast path hands to the full one (a unit, a debt)
const events = [
  established('22816', 'Xã A', undefined, T(0)),
  enrolled('0000000001', 'health', '22816', '2020-01-01', '2020-12-31', T(1)),
  recruited('0000000002', 'voluntary', '22816', '2020-02-01', null, 'AG-1', T(2)),
  owed('0100000001', '22816', 'compulsory', '2020-01', 1000, '2020-02-15', T(3)),
  enrolled('0000000003', 'compulsory', '22816', '2020-01-15', null, T(4)),
  lapsed('0000000003', 'compulsory', '2020-06-01', T(5)),
  recruited('0000000001', 'voluntary', '22816', '2020-03-01', '2020-09-30', 'AG-2', T(6)),
  lapsed('0000000002', 'voluntary', '2020-05-01', T(7)),
]

describe('historyDecoder', () => {
  it('folds lines into the same history as the events themselves, read model for read model', () => {
    const folded = History.of(positioned(events))
    const read = new History()
    const decoder = historyDecoder(read)
    for (const e of events) decoder.push(encodeLine(e))
    expect(decoder.errors).toEqual([])
    // enrolments and lapses took the fast path, the unit and the debt the full one
    expect(decoder.fast).toBe(6)
    expect([read.size, read.lastPosition]).toEqual([8, 8])
    expect(encodeHistorySnapshot(read)).toEqual(encodeHistorySnapshot(folded))
  })

  it('places the lines after an offset, and refuses lines that would not come after the last position', () => {
    const start = History.of(positioned(events.slice(0, 3)))
    const decoder = historyDecoder(start, 3)
    for (const e of events.slice(3)) decoder.push(encodeLine(e))
    expect(encodeHistorySnapshot(start)).toEqual(encodeHistorySnapshot(History.of(positioned(events))))
    // an offset of 2 gives the next line position 3, before the history's last position (8)
    const late = historyDecoder(start, 2)
    const refused = (p: number): RangeError =>
      new RangeError(`position ${p} is not after the history's last position 8`)
    expect(() => late.push(encodeLine(enrolled('0000000009', 'health', '22816', '2020-01-01', '2020-12-31')))).toThrow(
      refused(3),
    )
    expect(() => late.push(encodeLine(lapsed('0000000009', 'health', '2020-06-01')))).toThrow(refused(4))
    expect(() => late.push(encodeLine(established('22817', 'Xã B')))).toThrow(refused(5))
  })
})

describe('History.appendEnrolment and appendLapse', () => {
  const day = (s: string): number => dayNumber(s as never)

  it('refuse a position that is not after the last one, as a value, and change nothing', () => {
    const history = History.of(positioned(events.slice(0, 2)))
    const before = encodeHistorySnapshot(history)
    const refused = { _tag: 'PositionNotIncreasing', position: 2, lastPosition: 2 }
    expect(
      history.appendEnrolment(2, 0, '0000000009', SCHEME_INDEX.health, '22816', day('2020-01-01'), OPEN_END),
    ).toEqual(E.left(refused))
    expect(history.appendLapse(2, 0, '0000000001', SCHEME_INDEX.health, day('2020-06-01'))).toEqual(E.left(refused))
    expect(encodeHistorySnapshot(history)).toEqual(before)
    // the first row of an empty history may have any position
    expect(E.isRight(new History().appendLapse(-5, 0, '0000000001', SCHEME_INDEX.health, day('2020-06-01')))).toBe(true)
    expect(
      E.isRight(
        new History().appendEnrolment(0, 0, '0000000001', SCHEME_INDEX.health, '22816', day('2020-01-01'), OPEN_END),
      ),
    ).toBe(true)
  })

  it('drop the known-at views cut before them, and count in the basis', () => {
    const history = History.of(positioned(events.slice(0, 2)))
    // a cut that knows the first event only: its view is not the full one
    const early = Date.parse(T(0))
    const enrolledView = history.view(early)
    expect(history.basis(early)).toEqual({ events: 1, lastPosition: 1 })
    expect(
      history.appendEnrolment(
        5,
        early,
        '0000000009',
        SCHEME_INDEX.health,
        '22816',
        day('2020-01-01'),
        OPEN_END,
        'AG-9',
      ),
    ).toEqual(E.right(undefined))
    expect(history.view(early)).not.toBe(enrolledView)
    expect(history.basis(early)).toEqual({ events: 2, lastPosition: 5 })
    const lapsedView = history.view(early)
    expect(history.appendLapse(9, early, '0000000009', SCHEME_INDEX.health, day('2020-06-01'))).toEqual(
      E.right(undefined),
    )
    expect(history.view(early)).not.toBe(lapsedView)
    expect(history.basis(early)).toEqual({ events: 3, lastPosition: 9 })
    expect(history.basis(null)).toEqual({ events: 4, lastPosition: 9 })
    expect([history.size, history.positionAt(2), history.positionAt(3)]).toEqual([4, 5, 9])
  })
})
