import type { DomainEvent, Scheme } from '@ansinh/core'
import { describe, expect, it } from 'vitest'
import { enrolled, lapsed, positioned } from '@ansinh/testing/fixtures'
import { History } from './index.js'

// The overlay (overlay.ts) answers for the pairs appended to since the last full build. These
// examples append after a query has built the index, and compare with a history built from every
// event at once, on the days around 1 January 1970 (day 0): an entry the overlay wrongly gives a
// first enrolment or a lapse "on day 0" shows only on a question about those days.

const A = '22816' // unit number 0: the first unit the history meets
const B = '22819' // unit number 1
const DAY0 = 0 // 1970-01-01
const YEAR0 = 364 // 1970-12-31

/** Figures that read the first enrolments and the segments, per unit and nationally, around day 0. */
const figures = (h: History, scheme: Scheme): number[] => {
  const p = h.view().participation
  return [
    p.newInRange([A], scheme, DAY0, YEAR0),
    p.newInRange([B], scheme, DAY0, YEAR0),
    p.newInRange(null, scheme, DAY0, YEAR0),
    p.participants([A], scheme, 150),
    p.participants([B], scheme, 150),
    p.participants(null, scheme, 150),
    p.notCoveredLater(null, scheme, 150, 300),
  ]
}

/** Builds the index on `before`, appends `after` one at a time (through the overlay), and checks every figure against a rebuild. */
const appendedEqualsRebuilt = (
  before: readonly DomainEvent[],
  after: readonly DomainEvent[],
  scheme: Scheme,
): number[] => {
  const all = positioned([...before, ...after])
  const h = History.of(all.slice(0, before.length))
  figures(h, scheme) // builds the full index
  for (const e of all.slice(before.length)) h.append(e)
  const rebuilt = figures(History.of(all), scheme)
  expect(figures(h, scheme)).toEqual(rebuilt)
  return rebuilt
}

describe('the overlay of pairs appended after a build', () => {
  it('counts a participant new since the build, in a unit the build knew and in a new one, and nothing on 1 January 1970 for anyone else', () => {
    const before = [
      enrolled('0000000001', 'voluntary', A, '2020-01-01', null),
      enrolled('0000000002', 'voluntary', B, '2020-01-01', null),
    ]
    const after = [enrolled('0000000003', 'voluntary', B, '2021-01-01', null)]
    expect(appendedEqualsRebuilt(before, after, 'voluntary')).toEqual([0, 0, 0, 0, 0, 0, 0])
  })

  it('gives a participant who only lapsed since the build no first enrolment and no segment', () => {
    const before = [
      enrolled('0000000001', 'voluntary', A, '2020-01-01', null),
      enrolled('0000000002', 'voluntary', B, '2020-01-01', null),
    ]
    const after = [lapsed('0000000004', 'voluntary', '2021-03-01')]
    expect(appendedEqualsRebuilt(before, after, 'voluntary')).toEqual([0, 0, 0, 0, 0, 0, 0])
  })

  it('keeps an enrolment of 1969 that the overlay re-paints uncut by any lapse it did not receive', () => {
    const before = [
      enrolled('0000000001', 'voluntary', A, '1969-12-01', null),
      enrolled('0000000002', 'voluntary', B, '2020-01-01', null),
    ]
    // a second enrolment of the same person: the pair is re-painted by the overlay from both rows
    const after = [enrolled('0000000001', 'voluntary', A, '1975-01-01', null)]
    expect(appendedEqualsRebuilt(before, after, 'voluntary')).toEqual([0, 0, 0, 1, 0, 1, 0])
  })

  it('counts a first enrolment in 1970 appended for a new participant, in its own unit only', () => {
    const before = [enrolled('0000000001', 'voluntary', A, '2020-01-01', null)]
    const after = [enrolled('0000000005', 'voluntary', B, '1970-02-01', '1970-03-31')]
    expect(appendedEqualsRebuilt(before, after, 'voluntary')).toEqual([0, 1, 1, 0, 0, 0, 0])
  })

  it('subtracts what the build held of a pair the overlay replaces: a lapse appended in 1970 ends its coverage', () => {
    const before = [
      enrolled('0000000001', 'voluntary', A, '1970-01-01', null),
      enrolled('0000000002', 'voluntary', B, '2020-01-01', null),
    ]
    const after = [lapsed('0000000001', 'voluntary', '1970-04-01')]
    expect(appendedEqualsRebuilt(before, after, 'voluntary')).toEqual([1, 0, 1, 0, 0, 0, 0])
  })

  it('re-paints a pair from the lapses the build held for it alone, not from the slots of the pairs before it', () => {
    // the build holds a lapse of another pair first, so this pair's lapses start at slot 1
    const before = [
      lapsed('0000000009', 'voluntary', '2019-01-01'),
      enrolled('0000000001', 'voluntary', A, '1969-12-01', null),
      lapsed('0000000001', 'voluntary', '2030-01-01'),
    ]
    const after = [enrolled('0000000001', 'voluntary', A, '2031-01-01', null)]
    expect(appendedEqualsRebuilt(before, after, 'voluntary')).toEqual([0, 0, 0, 1, 0, 1, 0])
  })
})
