import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { coverageProjection, coverageQueries, debtProjection, debtQueries, planProjection, planQueries } from './builtins.js'
import { LawViolation, projectionLaws } from './laws.js'
import { describeProjectionLaws } from './vitest.js'

// The built-in reports must obey every law that applies to them.
describeProjectionLaws(coverageProjection, { queries: coverageQueries, numRuns: 100 })
describeProjectionLaws(planProjection, { queries: planQueries, numRuns: 60 })
describeProjectionLaws(debtProjection, { queries: debtQueries, numRuns: 100 })

describe('projectionLaws', () => {
  it('offers the laws a projection supports, and skips the ones asked', () => {
    expect(Object.keys(projectionLaws(coverageProjection, { queries: coverageQueries })).sort()).toEqual(['additivity', 'counting', 'determinism', 'incremental', 'knownAt'])
    expect(Object.keys(projectionLaws(debtProjection, { queries: debtQueries, skip: ['additivity'] })).sort()).toEqual(['determinism', 'incremental', 'knownAt'])
  })

  it('catches a projection that ignores the known-at cut', () => {
    const forgetful = { ...coverageProjection, name: 'forgetful', answer: coverageProjection.answer.bind(null) }
    forgetful.answer = (m, q) => coverageProjection.answer(m, q, null)
    const result = fc.check(projectionLaws(forgetful, { queries: coverageQueries }).knownAt!, { numRuns: 200, seed: 11 })
    expect(result.failed).toBe(true)
    expect(result.errorInstance).toBeInstanceOf(LawViolation)
  })
})
