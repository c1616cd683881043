import { type Scheme, fromDayNumber, instantMillis } from '@ansinh/core'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { enrolled, lapsed, positioned } from '@ansinh/testing/fixtures'
import { History } from './index.js'
import type { Participation } from './participation.js'
import { type CutSource, scopedIndex } from './scoped-cut.js'

const SCHEMES: readonly Scheme[] = ['voluntary', 'compulsory', 'health', 'unemployment']
const UNITS = ['22816', '22819', '22822', '22825', '22828', '22831']
const FIRST_DAY = 18_262 // 2020-01-01
const recorded = (hour: number): string =>
  `2020-${String(1 + Math.floor(hour / 672)).padStart(2, '0')}-${String(1 + Math.floor((hour % 672) / 24)).padStart(2, '0')}T${String(hour % 24).padStart(2, '0')}:00:00.000+07:00`

/** Histories of a few people recorded out of order over a year, so that cut-offs split them. */
const lateHistory = fc
  .array(
    fc.record({
      lapse: fc.integer({ min: 0, max: 4 }).map((n) => n === 0),
      person: fc.integer({ min: 1, max: 8 }),
      scheme: fc.constantFrom(...SCHEMES),
      unit: fc.constantFrom(...UNITS),
      from: fc.integer({ min: 0, max: 700 }),
      length: fc.option(fc.integer({ min: -5, max: 400 }), { freq: 5 }),
      hour: fc.integer({ min: 0, max: 12 * 672 - 1 }),
    }),
    { minLength: 40, maxLength: 200 },
  )
  .map((rows) =>
    positioned(
      rows.map(({ lapse, person, scheme, unit, from, length, hour }) => {
        const id = String(person).padStart(10, '0')
        const start = fromDayNumber(FIRST_DAY + from)
        return lapse
          ? lapsed(id, scheme, start, recorded(hour))
          : enrolled(
              id,
              scheme,
              unit,
              start,
              length === null ? null : fromDayNumber(FIRST_DAY + from + length),
              recorded(hour),
            )
      }),
    ),
  )

/** Every participation figure about `units` at a few days, for every scheme. */
const figures = (p: Participation, units: readonly string[]): number[] => {
  const out: number[] = []
  for (const scheme of SCHEMES)
    for (const day of [FIRST_DAY + 50, FIRST_DAY + 365, FIRST_DAY + 700])
      out.push(
        p.participants(units, scheme, day),
        p.newInRange(units, scheme, FIRST_DAY, day),
        p.notCoveredLater(units, scheme, day, FIRST_DAY + 730),
        p.notCoveredLater(units, scheme, day, FIRST_DAY + 1_000),
      )
  return out
}

const unitSets = fc.array(fc.subarray(UNITS, { minLength: 1 }), { minLength: 1, maxLength: 4 })

describe('a known-at view asked about units', () => {
  it('answers as a history of only the events known then, whichever units come first', () => {
    fc.assert(
      fc.property(lateHistory, fc.integer({ min: 0, max: 12 * 672 }), unitSets, (events, hour, sets) => {
        const knownAt = instantMillis(recorded(Math.min(hour, 12 * 672 - 1)))
        const history = History.of(events)
        const known = History.of(
          events
            .filter((e) => instantMillis(e.event.recordedAt) <= knownAt)
            .map((e, i) => ({ event: e.event, position: i + 1 })),
        )
        const view = history.view(knownAt).participation
        for (const units of sets) expect(figures(view, units)).toEqual(figures(known.view().participation, units))
        // the copy made once its rows are read (a national question) answers the same
        expect(view.participants(null, 'health', FIRST_DAY + 365)).toBe(
          known.view().participation.participants(null, 'health', FIRST_DAY + 365),
        )
        for (const units of sets) expect(figures(view, units)).toEqual(figures(known.view().participation, units))
      }),
      { numRuns: 150 },
    )
  })
})

describe('a scoped cut', () => {
  it('is the same index whether it is cut straight from the rows or from their layout', () => {
    fc.assert(
      fc.property(lateHistory, fc.integer({ min: 0, max: 12 * 672 }), unitSets, (events, hour, sets) => {
        const knownAt = instantMillis(recorded(Math.min(hour, 12 * 672 - 1)))
        const history = History.of(events)
        // a known-at view is cut from the full build (made by a first question about the present);
        // its source is private to the participation
        history.view().participation.participants(null, 'voluntary', FIRST_DAY)
        const participation = history.view(knownAt).participation
        const { source, ids } = participation as unknown as {
          source: CutSource
          ids: { units: Map<string, number> }
        }
        // at or after the last record the view is the full one, which is not cut
        if (participation === history.view().participation) return
        expect(source).not.toBeNull()
        for (const units of sets) {
          const numbers = units.flatMap((u) => ids.units.get(u) ?? [])
          // duplicates and a number past the build's units, as a caller may pass them
          const asked = [...numbers, ...numbers.slice(0, 1), 99]
          expect(scopedIndex(source, asked, 'direct')).toEqual(scopedIndex(source, asked, 'layout'))
        }
      }),
      { numRuns: 150 },
    )
  })
})
