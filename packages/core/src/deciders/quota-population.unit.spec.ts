import { describe, expect, it } from 'vitest'
import { type RegisteredUnit } from './decider.js'
import { populationDecider } from './population.js'
import { quotaDecider } from './quota.js'
import { assignQuota, estimatePopulation, eventOf, populationEstimated, quotaAssigned, spec } from '@ansinh/testing'

const quota = spec(quotaDecider)
const population = spec(populationDecider)
const units = new Map<string, RegisteredUnit>([['22816', { code: '22816' as never, level: 'commune', parent: null }]])

describe('quota decider', () => {
  it('accepts a target of 0 and a revision of an earlier assignment', () => {
    const zero = assignQuota({ target: 0 })
    quota
      .given([])
      .when(zero)
      .then([eventOf('QuotaAssigned', zero)])
    const revision = assignQuota({ target: 120, assignedOn: '2020-07-01' })
    quota
      .given([quotaAssigned()])
      .when(revision)
      .then([eventOf('QuotaAssigned', revision)])
  })

  it('refuses a negative target (a command built in code, past the codec)', () => {
    const e = quota
      .given([])
      .when(assignQuota({ target: -1 }))
      .thenFails('NegativeTarget', 'data.target')
    expect(e.rule).toBe('quota.target-non-negative')
    expect(e.value).toBe(-1)
  })

  it('refuses a unit outside a known registry only', () => {
    const e = quota
      .given([])
      .when(assignQuota({ unit: '22817' }), { units })
      .thenFails('UnitNotEstablished', 'data.unit')
    expect(e.rule).toBe('quota.unit-established')
    const c = assignQuota({ unit: '22817' })
    quota
      .given([])
      .when(c)
      .then([eventOf('QuotaAssigned', c)])
  })

  it('keeps the latest assignment in its state', () => {
    const state = [quotaAssigned({ target: 5 }), quotaAssigned({ target: 7, assignedOn: '2020-03-01' })].reduce(
      quotaDecider.evolve,
      quotaDecider.initialState,
    )
    expect(state).toEqual({ assignments: 2, latest: { target: 7, assignedOn: '2020-03-01' } })
  })
})

describe('population decider', () => {
  it('accepts a labour force equal to the population, or none', () => {
    const equal = estimatePopulation({ population: 1000, labourForce: 1000 })
    population
      .given([])
      .when(equal)
      .then([eventOf('PopulationEstimated', equal)])
    const without = estimatePopulation({ labourForce: undefined })
    population
      .given([populationEstimated()])
      .when(without)
      .then([eventOf('PopulationEstimated', without)])
  })

  it('refuses a labour force above the population', () => {
    const e = population
      .given([])
      .when(estimatePopulation({ population: 1000, labourForce: 1001 }))
      .thenFails('LabourForceExceedsPopulation', 'data.labourForce')
    expect(e.message).toBe('exceeds the population 1000')
    expect(e.value).toBe(1001)
  })

  it('counts estimates per year in its state', () => {
    const state = [populationEstimated(), populationEstimated(), populationEstimated({ year: 2021 })].reduce(
      populationDecider.evolve,
      populationDecider.initialState,
    )
    expect([...state.estimatesByYear]).toEqual([
      [2020, 2],
      [2021, 1],
    ])
  })
})
