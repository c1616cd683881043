import { type DomainEvent, civilToDays, fromDayNumber } from '@ansinh/core'
import { describe, expect, it } from 'vitest'
import { enrolled, lapsed, positioned } from '@ansinh/testing/fixtures'
import { History } from './index.js'

// The year-end masks (year-ends.ts) answer "counted on d, not covered on 31 December of year Y" for
// the 16 year ends from the year of the earliest coveredFrom. These examples hold enrolments that
// start and end on, just before and just after those year ends, more than 64 segments to a
// partition (the rank blocks), and compare every answer with a count made here from the events.

const A = '22816'
const B = '22819'
const C = '22822'
const FIRST_YEAR = 2000
const yearEnd = (y: number): number => civilToDays(y, 12, 31)

interface Row {
  readonly person: number
  readonly unit: string
  readonly from: number
  readonly through: number | null
}
interface Lapse {
  readonly person: number
  readonly day: number
}

const idOf = (person: number): string => String(person).padStart(10, '0')

/** The voluntary enrolments of `rows`, then the lapses. */
const eventsOf = (rows: readonly Row[], lapses: readonly Lapse[]): DomainEvent[] => [
  ...rows.map((r) =>
    enrolled(
      idOf(r.person),
      'voluntary',
      r.unit,
      fromDayNumber(r.from),
      r.through === null ? null : fromDayNumber(r.through),
    ),
  ),
  ...lapses.map((l) => lapsed(idOf(l.person), 'voluntary', fromDayNumber(l.day))),
]

/** Counted in `units` (null: anywhere) on `day` under voluntary and not covered on `later`, from the rows themselves. */
const expected = (
  rows: readonly Row[],
  lapses: readonly Lapse[],
  units: readonly string[] | null,
  day: number,
  later: number,
): number => {
  // each enrolment is cut at its person's first lapse after its coveredFrom
  const effective = rows.map((r, position) => {
    const cuts = lapses.filter((l) => l.person === r.person && l.day > r.from).map((l) => l.day - 1)
    return { ...r, position, end: Math.min(r.through ?? Infinity, ...cuts) }
  })
  const covering = (person: number, d: number) =>
    effective
      .filter((r) => r.person === person && r.from <= d && d <= r.end)
      .sort((x, y) => x.from - y.from || x.position - y.position)
  let n = 0
  for (const person of new Set(rows.map((r) => r.person))) {
    const on = covering(person, day)
    if (on.length === 0 || covering(person, later).length > 0) continue
    if (units === null || units.includes(on[on.length - 1]!.unit)) n++
  }
  return n
}

/** A small deterministic generator (mulberry32). */
const random = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}

/** Days on, just before and just after the year ends 2000–2016 (2016 is past the 16 the masks hold), and mid-year. */
const DAYS = [2000, 2001, 2002, 2007, 2014, 2015, 2016].flatMap((y) => [
  yearEnd(y) - 1,
  yearEnd(y),
  yearEnd(y) + 1,
  civilToDays(y, 6, 30),
])
/** The year ends asked about: the first, one inside, the last of the 16, and one past them. */
const LATER = [yearEnd(2000), yearEnd(2001), yearEnd(2007), yearEnd(2015), yearEnd(2016)]
/** Days that are not year ends, for the questions that must not read a mask. */
const NOT_YEAR_ENDS = [yearEnd(2001) - 1, yearEnd(2001) + 1, civilToDays(2007, 6, 30)]

/**
 * `people` people of one enrolment each, every one starting and ending on one of DAYS (or open),
 * starting no later than `lastStart`.
 */
const oneEach = (people: number, seed: number, lastStart = Infinity): Row[] => {
  const next = random(seed)
  const pick = (days: readonly number[]) => days[Math.floor(next() * days.length)]!
  const starts = DAYS.filter((d) => d <= lastStart)
  const rows: Row[] = [{ person: 1, unit: A, from: civilToDays(FIRST_YEAR, 1, 1), through: yearEnd(FIRST_YEAR) }]
  for (let person = 2; person <= people; person++) {
    const from = pick(starts)
    const unit = [A, B, C][Math.floor(next() * 3)]!
    rows.push({ person, unit, from, through: next() < 0.15 ? null : pick(DAYS.filter((d) => d >= from)) })
  }
  return rows
}

/** Every figure the masks answer (and the few days they do not), from the history and from the rows. */
const figures = (h: History, rows: readonly Row[], lapses: readonly Lapse[]) => {
  const p = h.view().participation
  const got: number[] = [],
    want: number[] = []
  for (const units of [null, [A], [B, C], [C, '99999']]) {
    for (const later of [...LATER, ...NOT_YEAR_ENDS]) {
      for (const day of DAYS) {
        if (day > later) continue
        got.push(p.notCoveredLater(units, 'voluntary', day, later))
        want.push(expected(rows, lapses, units, day, later))
      }
    }
  }
  return { got, want }
}

const check = (rows: readonly Row[], lapses: readonly Lapse[] = []) => {
  const h = History.of(positioned(eventsOf(rows, lapses)))
  const { got, want } = figures(h, rows, lapses)
  expect(got).toEqual(want)
  return { h, got }
}

describe('the year-end masks', () => {
  it('count the people not covered on each of the 16 year ends, on and around their boundaries, for 64 and 128 segments', () => {
    // a partition of exactly 64 or 128 entries: the last rank block starts at its end, and every
    // start is before the days of 2015 asked about, so a count reads that block
    for (const [people, seed] of [
      [64, 1],
      [128, 2],
    ] as const) {
      const rows = oneEach(people, seed, yearEnd(2014) + 1)
      const { got } = check(rows)
      expect(got.some((n) => n > 0)).toBe(true)
    }
  })

  it('count them for a partition that ends inside a rank block, with lapses, re-enrolments and other units', () => {
    const rows = oneEach(150, 3)
    const next = random(4)
    // second enrolments of every third person, before, after or over the first, and lapses that cut enrolments short
    for (let person = 2; person <= 150; person += 3) {
      const from = DAYS[Math.floor(next() * DAYS.length)]!
      rows.push({ person, unit: [A, B, C][person % 3]!, from, through: next() < 0.3 ? null : from + 400 })
    }
    const lapses: Lapse[] = []
    for (let person = 5; person <= 150; person += 7)
      lapses.push({ person, day: DAYS[Math.floor(next() * DAYS.length)]! })
    check(rows, lapses)
  })

  it('give exact counts for a few people whose enrolments end on, before and after the first and last year ends', () => {
    const first = yearEnd(2000),
      last = yearEnd(2015)
    const rows: Row[] = [
      { person: 1, unit: A, from: civilToDays(2000, 1, 1), through: first }, // covered on the first year end only
      { person: 2, unit: A, from: civilToDays(2000, 1, 1), through: first - 1 }, // on none
      { person: 3, unit: A, from: first, through: first + 1 }, // starts on the first year end
      { person: 4, unit: B, from: last, through: null }, // starts on the last year end
      { person: 5, unit: B, from: last + 1, through: null }, // starts after the last year end: on none of the 16
      { person: 6, unit: B, from: yearEnd(2001) + 1, through: last - 1 }, // covered 2002–2014
    ]
    const { h } = check(rows)
    const p = h.view().participation
    const d = civilToDays(2000, 6, 30)
    // on 30 June 2000, persons 1 and 2 are counted: 1 is covered on 31 December 2000, 2 is not
    expect(p.notCoveredLater(null, 'voluntary', d, first)).toBe(1)
    expect(p.notCoveredLater(null, 'voluntary', d, yearEnd(2001))).toBe(2)
    // on 31 December 2000, persons 1 and 3
    expect(p.notCoveredLater([A], 'voluntary', first, yearEnd(2001))).toBe(2)
    // on 31 December 2015, persons 4 (covered on it) and none else
    expect(p.notCoveredLater(null, 'voluntary', last, last)).toBe(0)
    // on 1 January 2016, persons 4 and 5: both covered on 31 December 2016, a year end past the 16
    expect(p.notCoveredLater([B], 'voluntary', last + 1, yearEnd(2016))).toBe(0)
    // person 6 on 30 June 2007: covered on 31 December 2007 and 2014, not on 2015
    expect(p.notCoveredLater([B], 'voluntary', civilToDays(2007, 6, 30), yearEnd(2014))).toBe(0)
    expect(p.notCoveredLater([B], 'voluntary', civilToDays(2007, 6, 30), last)).toBe(1)
  })

  it('answer a year end of the 16 without building an index of the people not covered on it', () => {
    // the masks exist so that the first plan question of a year costs no pass over the history
    const rows = oneEach(64, 5)
    const h = History.of(positioned(eventsOf(rows, [])))
    const p = h.view().participation
    const built = () => (p as unknown as { index(): { notCoveredOn: Map<number, unknown> } }).index().notCoveredOn.size
    for (const later of LATER.slice(0, 4)) p.notCoveredLater([A], 'voluntary', civilToDays(2000, 6, 30), later)
    expect(built()).toBe(0)
    p.notCoveredLater([A], 'voluntary', civilToDays(2000, 6, 30), yearEnd(2016)) // past the 16: built
    expect(built()).toBe(1)
  })

  it('answer through the overlay after appends: the masks of the pairs appended since the build', () => {
    const rows = oneEach(100, 6)
    const all = positioned(eventsOf(rows, []))
    const extra: Row[] = [
      { person: 2, unit: B, from: yearEnd(2007), through: yearEnd(2015) },
      { person: 200, unit: C, from: yearEnd(2001) + 1, through: yearEnd(2014) },
      { person: 201, unit: '22825', from: civilToDays(2000, 6, 30), through: yearEnd(2000) }, // a unit the build never met
    ]
    const h = History.of(all)
    h.view().participation.notCoveredLater(null, 'voluntary', DAYS[0]!, LATER[0]!) // builds the index
    for (const e of positioned([...eventsOf(rows, []), ...eventsOf(extra, [])]).slice(all.length)) h.append(e)
    const { got, want } = figures(h, [...rows, ...extra], [])
    expect(got).toEqual(want)
    const p = h.view().participation
    expect(p.notCoveredLater(['22825'], 'voluntary', civilToDays(2000, 6, 30), yearEnd(2001))).toBe(1)
    expect(p.notCoveredLater(['22825'], 'voluntary', civilToDays(2000, 6, 30), yearEnd(2000))).toBe(0)
  })
})
