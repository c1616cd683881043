/**
 * The order employers are listed in, as a comparator: outstanding descending, then employer
 * ascending, 0 only for the same row. (Mutation testing: the report specs never had the comparator
 * meet two equal debts in descending name order, so its name branch could be changed unseen.)
 */
import { describe, expect, it } from 'vitest'
import { type EmployerDebt, compareEmployers } from './report.js'

const row = (employer: string, outstanding: number): EmployerDebt => ({
  employer,
  outstanding,
  oldestPeriod: '2019-01',
})

describe('compareEmployers', () => {
  it('puts the larger debt first, whatever the names', () => {
    expect(compareEmployers(row('Beta', 500), row('Alpha', 300))).toBe(-200)
    expect(compareEmployers(row('Alpha', 300), row('Beta', 500))).toBe(200)
  })

  it('breaks an equal debt by name, both ways round, and is 0 for the same employer', () => {
    expect(compareEmployers(row('Alpha', 300), row('Beta', 300))).toBe(-1)
    expect(compareEmployers(row('Beta', 300), row('Alpha', 300))).toBe(1)
    expect(compareEmployers(row('Alpha', 300), row('Alpha', 300))).toBe(0)
  })

  it('sorts equal debts listed in descending name order into ascending order', () => {
    const rows = [row('Gamma', 300), row('Beta', 300), row('Delta', 900), row('Alpha', 300)]
    expect(rows.sort(compareEmployers).map((r) => r.employer)).toEqual(['Delta', 'Alpha', 'Beta', 'Gamma'])
  })
})
