import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { day, endOfDayMillis, monthIndex } from './generate/calendar.js'
import { Rng } from '@ansinh/testing/prng'
import { VoluntaryPlanner, fitsPlan, unitOn } from './generate/voluntary.js'

const planner = new VoluntaryPlanner({
  checkpoints: [day('2019-09-30'), day('2020-06-30'), day('2020-09-30'), day('2020-12-31')],
  knownAt: endOfDayMillis(day('2020-10-05')),
  earliestStart: monthIndex(2016, 6),
  lastKnownStart: monthIndex(2020, 10),
  futureUntil: monthIndex(2021, 6),
  lookBack: 30,
  modes: [
    [1, 20],
    [3, 15],
    [6, 25],
    [12, 40],
  ],
  lapseRate: 0.1,
  lateRate: 0.1,
  renewRate: 0.6,
  returnRate: 0.2,
  agentOf: (unit) => `BD-${unit}`,
})

describe('VoluntaryPlanner', () => {
  it('plans a timeline with the asked pattern (as known at publication) whose periods never overlap', () => {
    fc.assert(
      fc.property(
        fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
        fc.integer(),
        fc.boolean(),
        (pattern, seed, moves) => {
          const plan = { pattern, unit: '593', unitChecks: [2], ...(moves ? { movedFrom: '594' } : {}) }
          const tl = planner.plan(plan, new Rng(seed))
          expect(fitsPlan(tl, plan, planner.setting)).toBe(true)
          const periods = [...tl.periods].sort((a, b) => a.from - b.from)
          for (let i = 1; i < periods.length; i++) expect(periods[i]!.from).toBeGreaterThan(periods[i - 1]!.through)
          if (pattern[2]) expect(unitOn(tl, planner.setting.checkpoints[2]!, planner.setting.knownAt)).toBe('593')
        },
      ),
      { numRuns: 300 },
    )
  })
})
