import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { denseHistory, roughHistory } from '@ansinh/testing'
import { checkHistory } from './history-check.js'

// Small, dense histories from the testing kit: few participants, employers and units, days on and
// around a dozen awkward ones, so rules collide often. Units come drawn like any event (twice, in
// cycles, at the wrong level), as a proper tree first (so that enrolments and debts find their
// units; one kind holds only debts and settlements, so settlements meet the debts they pay), or as
// any subset of a small fixed tree.
const history = fc
  .oneof(
    denseHistory(),
    denseHistory({ tree: 'proper' }),
    denseHistory({ tree: 'proper', focus: 'debts' }),
    roughHistory({ events: { min: 0, max: 40 } }),
  )
  .map((h) => h.positioned)

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
