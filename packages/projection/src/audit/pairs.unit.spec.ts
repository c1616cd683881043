import { describe, expect, it } from 'vitest'
import type { ParticipationColumns } from '../participation.js'
import { OPEN_END } from '../segments.js'
import { countingRow, covers, dateOf, endingLapse, firstRow, lastCoveredDay } from './pairs.js'

// The definitions of read-models.md on one pair's rows, asked directly. The audit properties
// compare only counts with the reports; these pin which row, which lapse and which day, including
// rows handed over in an order other than their own (the functions promise "the later row", not
// "the last one listed").

/** Columns of enrolment rows `[from, through]` and lapse rows (their days); the rest is unread here. */
const columns = (
  enrolments: readonly (readonly [number, number])[],
  lapses: readonly number[],
): ParticipationColumns => {
  const none = new Int32Array(enrolments.length)
  return {
    enrPair: none,
    enrFrom: Int32Array.from(enrolments, ([from]) => from),
    enrThrough: Int32Array.from(enrolments, ([, through]) => through),
    enrUnit: none,
    enrEvent: none,
    lapPair: new Int32Array(lapses.length),
    lapDay: Int32Array.from(lapses),
    lapEvent: new Int32Array(lapses.length),
  }
}

describe('one pair’s rows', () => {
  it('covers a day from coveredFrom through coveredThrough, unless a lapse after coveredFrom came on or before it', () => {
    const c = columns([[10, 20]], [10, 15])
    expect([9, 10, 20, 21].map((d) => covers(c, 0, [], d))).toEqual([false, true, true, false])
    // a lapse on coveredFrom itself ends nothing; one on day 15 ends it from that day
    expect([10, 14, 15].map((d) => covers(c, 0, [0], d))).toEqual([true, true, true])
    expect([10, 14, 15, 20].map((d) => covers(c, 0, [0, 1], d))).toEqual([true, true, false, false])
  })

  it('counts a pair by the covering enrolment with the latest coveredFrom, ties by the later row, however listed', () => {
    const c = columns(
      [
        [10, OPEN_END],
        [12, OPEN_END],
        [12, OPEN_END],
        [5, 8],
      ],
      [],
    )
    expect(countingRow(c, [0, 1, 2, 3], [], 20)).toBe(2)
    expect(countingRow(c, [2, 1, 0], [], 20)).toBe(2)
    expect(countingRow(c, [1, 0], [], 20)).toBe(1)
    expect(countingRow(c, [0, 1, 2], [], 11)).toBe(0)
    expect(countingRow(c, [0, 3], [], 9)).toBe(-1)
    expect(countingRow(c, [], [], 20)).toBe(-1)
  })

  it('finds the first enrolment: the least coveredFrom, ties by the earlier row, however listed; none for no rows', () => {
    const c = columns(
      [
        [12, OPEN_END],
        [10, OPEN_END],
        [10, OPEN_END],
        [20, OPEN_END],
      ],
      [],
    )
    expect(firstRow(c, [])).toBe(-1)
    expect(firstRow(c, [0, 1, 2, 3])).toBe(1)
    expect(firstRow(c, [2, 1])).toBe(1)
    expect(firstRow(c, [3, 0])).toBe(0)
    expect(firstRow(c, [0, 3])).toBe(0)
    // a later coveredFrom is not first, even on an earlier row
    expect(firstRow(c, [2, 0])).toBe(2)
  })

  it('ends an enrolment by its earliest lapse after coveredFrom (ties: the row listed first), and knows its last covered day', () => {
    // enrolments: open from day 10; days 10–30; days 10–12
    const c = columns(
      [
        [10, OPEN_END],
        [10, 30],
        [10, 12],
      ],
      // lapse rows: day 25, day 18, day 10 (coveredFrom: ends nothing), day 18 again, day 5, day 28
      [25, 18, 10, 18, 5, 28],
    )
    expect(endingLapse(c, 0, [])).toBe(-1)
    expect(endingLapse(c, 0, [2, 4])).toBe(-1)
    expect(endingLapse(c, 0, [0])).toBe(0)
    expect(endingLapse(c, 0, [0, 1])).toBe(1)
    expect(endingLapse(c, 0, [1, 0])).toBe(1)
    expect(endingLapse(c, 0, [1, 3])).toBe(1)
    expect(endingLapse(c, 0, [3, 1])).toBe(3)
    expect(endingLapse(c, 0, [2, 0, 4])).toBe(0)
    expect(endingLapse(c, 0, [0, 5])).toBe(0)

    expect(lastCoveredDay(c, 0, [])).toBeNull()
    expect(lastCoveredDay(c, 0, [0, 1])).toBe(17)
    expect(lastCoveredDay(c, 1, [])).toBe(30)
    expect(lastCoveredDay(c, 1, [0])).toBe(24)
    // a lapse after coveredThrough changes nothing
    expect(lastCoveredDay(c, 2, [0])).toBe(12)
    expect(lastCoveredDay(c, 2, [2])).toBe(12)
  })

  it('writes a day as a date, and an open end as null', () => {
    expect(dateOf(0)).toBe('1970-01-01')
    expect(dateOf(18_628)).toBe('2021-01-01')
    expect(dateOf(OPEN_END)).toBeNull()
  })
})
