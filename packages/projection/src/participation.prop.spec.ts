import { type Scheme, fromDayNumber } from '@ansinh/core'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { enrolled, lapsed, positioned } from '@ansinh/testing/fixtures'
import { History } from './index.js'

const SCHEMES: readonly Scheme[] = ['voluntary', 'compulsory', 'health', 'unemployment']
const UNITS = ['22816', '22819', '22822', '22825', '22828', '22831']
const FIRST_DAY = 18_262 // 2020-01-01

/** Long histories of a few people: enough rows after the first query to pass the overlay limit. */
const longHistory = fc
  .array(
    fc.record({
      lapse: fc.integer({ min: 0, max: 5 }).map((n) => n === 0),
      person: fc.integer({ min: 1, max: 60 }),
      scheme: fc.constantFrom(...SCHEMES),
      unit: fc.constantFrom(...UNITS),
      from: fc.integer({ min: 0, max: 1_000 }),
      length: fc.option(fc.integer({ min: -5, max: 400 }), { freq: 6 }),
    }),
    { minLength: 2_500, maxLength: 3_500 },
  )
  .map((rows) =>
    positioned(
      rows.map(({ lapse, person, scheme, unit, from, length }) => {
        const id = String(person).padStart(10, '0')
        const start = fromDayNumber(FIRST_DAY + from)
        return lapse
          ? lapsed(id, scheme, start)
          : enrolled(id, scheme, unit, start, length === null ? null : fromDayNumber(FIRST_DAY + from + length))
      }),
    ),
  )

/** Participation figures at a few days, per unit and nationally, for every scheme. */
const figures = (history: History): number[] => {
  const p = history.view().participation
  const out: number[] = []
  for (const scheme of SCHEMES) {
    for (const day of [FIRST_DAY + 100, FIRST_DAY + 500, FIRST_DAY + 900]) {
      out.push(
        p.participants(null, scheme, day),
        p.participants(UNITS.slice(0, 3), scheme, day),
        p.newInRange(UNITS.slice(2), scheme, FIRST_DAY, day),
      )
      out.push(
        p.notCoveredLater(null, scheme, day, FIRST_DAY + 1_000),
        p.notCoveredLater([UNITS[4]!], scheme, day, FIRST_DAY + 1_000),
      )
    }
  }
  return out
}

describe('participation index fed one event at a time', () => {
  it('equals a rebuild while appends pass through overlays and full rebuilds', () => {
    fc.assert(
      fc.property(longHistory, fc.integer({ min: 1, max: 400 }), (events, head) => {
        const history = History.of(events.slice(0, head))
        figures(history)
        for (let i = head; i < events.length; i++) {
          history.append(events[i]!)
          if (i % 11 === 0) figures(history)
          if (i % 613 === 0 || i === events.length - 1)
            expect(figures(history)).toEqual(figures(History.of(events.slice(0, i + 1))))
        }
      }),
      // a counterexample of thousands of events does not shrink in reasonable time: report it as found
      { numRuns: 6, endOnFailure: true },
    )
  })
})
