import type { ContributionCollected, RevenuePlanAssigned } from '@ansinh/core'
import { collected, planned } from '@ansinh/testing/fixtures'
import { describe, expect, it } from 'vitest'
import { dayOf } from './columns.js'
import { Revenue } from './index.js'

// The collections and plans register (revenue.ts) on its own: what the report's properties reach
// only by chance — a plan revised by a later record with an earlier assignment date, a known-at cut
// asked about a unit that the view it was cut from met after the cut's first question, and what a
// fresh register holds.

const collect = (r: Revenue, unit: string, collectedOn: string, amount: number, ordinal: number): void =>
  r.addCollection(collected(unit, 'voluntary', amount, collectedOn).data as ContributionCollected, ordinal)
const plan = (r: Revenue, amount: number, assignedOn: string, position: number): void =>
  r.addPlan(planned('60', 2020, amount, assignedOn).data as RevenuePlanAssigned, position, position - 1)

describe('Revenue', () => {
  it('starts with no unit codes, no plan records and no collections, and counts what it folds', () => {
    const r = new Revenue()
    expect(r.interned.codes).toEqual([])
    expect(r.planRecords()).toEqual([])
    expect(r.collections).toBe(0)
    collect(r, '22816', '2020-03-02', 500_000, 0)
    collect(r, '22816', '2020-03-03', 250_000, 1)
    expect(r.collections).toBe(2)
    expect(r.interned.codes).toEqual(['22816'])
  })

  it('takes the plan with the latest assignment date on or before the day, whatever order they were recorded in', () => {
    const r = new Revenue()
    // the plan of 1 March is recorded first; a plan dated 1 February, recorded after it, does not
    // replace it (the later date decides), but a plan dated 1 March recorded later does
    plan(r, 900, '2020-03-01', 1)
    plan(r, 700, '2020-02-01', 2)
    expect(r.target('60', 2020, dayOf('2020-01-31'))).toBeNull()
    expect(r.target('60', 2020, dayOf('2020-02-15'))).toBe(700)
    expect(r.target('60', 2020, dayOf('2020-06-30'))).toBe(900)
    plan(r, 950, '2020-03-01', 3)
    expect(r.target('60', 2020, dayOf('2020-06-30'))).toBe(950)
    expect(r.target('60', 2021, dayOf('2020-06-30'))).toBeNull()
  })

  it('gives a known-at cut nothing for a unit its view met after the cut was first asked', () => {
    const r = new Revenue()
    collect(r, '22816', '2020-03-02', 500_000, 0)
    const recordedAt = new Float64Array([10, 20])
    const cut = r.knownAt(recordedAt, 15)
    expect(cut.collected(['22816'], dayOf('2020-01-01'), dayOf('2020-12-31'))).toEqual([500_000, 0, 0, 0])
    // the view interns a new unit; the cut shares its codes but holds no row of that unit
    collect(r, '22819', '2020-03-05', 300_000, 1)
    expect(cut.collected(['22819'], dayOf('2020-01-01'), dayOf('2020-12-31'))).toEqual([0, 0, 0, 0])
    expect(cut.collected(['22816', '22819'], dayOf('2020-01-01'), dayOf('2020-12-31'))).toEqual([500_000, 0, 0, 0])
    expect(r.collected(['22819'], dayOf('2020-01-01'), dayOf('2020-12-31'))).toEqual([300_000, 0, 0, 0])
  })
})
