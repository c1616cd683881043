import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { History } from '@ansinh/projection'
import type { CoverageQuery, CoverageReport } from '@ansinh/projection-coverage'
import { coverageProjection, coverageQueries, debtProjection, debtQueries, planProjection, planQueries } from './builtins.js'
import { roughHistory } from './history/index.js'
import { LawViolation, type PositionedEvent, projectionLaws } from './laws.js'

type CoverageQ = Omit<CoverageQuery, 'knownAt'>
import { describeProjectionLaws } from './vitest.js'

// The built-in reports must obey every law that applies to them.
describeProjectionLaws(coverageProjection, { queries: coverageQueries, numRuns: 100 })
describeProjectionLaws(planProjection, { queries: planQueries, numRuns: 60 })
describeProjectionLaws(debtProjection, { queries: debtQueries, numRuns: 100 })

// Read models are defined for every well-formed history, including ones that break the write rules;
// additivity does not hold there (participants in units nobody established count only nationally).
describe('on rough histories (well-formed, rule-breaking)', () => {
  describeProjectionLaws(coverageProjection, { queries: coverageQueries, histories: roughHistory(), skip: ['additivity'], numRuns: 100 })
  describeProjectionLaws(planProjection, { queries: planQueries, histories: roughHistory(), skip: ['additivity'], numRuns: 60 })
  describeProjectionLaws(debtProjection, { queries: debtQueries, histories: roughHistory(), skip: ['additivity'], numRuns: 100 })
})

const fails = (property: fc.IProperty<[unknown]> | undefined): boolean => {
  const result = fc.check(property!, { numRuns: 200, seed: 5, endOnFailure: true })
  return result.failed && result.errorInstance instanceof LawViolation
}

describe('projectionLaws', () => {
  it('offers the laws a projection supports, and skips the ones asked', () => {
    expect(Object.keys(projectionLaws(coverageProjection, { queries: coverageQueries })).sort()).toEqual(['additivity', 'counting', 'determinism', 'incremental', 'knownAt'])
    expect(Object.keys(projectionLaws(debtProjection, { queries: debtQueries, skip: ['additivity'] })).sort()).toEqual(['determinism', 'incremental', 'knownAt'])
  })

  it('catches a projection that ignores the known-at cut', () => {
    const forgetful = { ...coverageProjection, name: 'forgetful', answer: coverageProjection.answer.bind(null) }
    forgetful.answer = (m, q) => coverageProjection.answer(m, q, null)
    const result = fc.check(projectionLaws(forgetful, { queries: coverageQueries }).knownAt!, { numRuns: 200, seed: 11, endOnFailure: true })
    expect(result.failed).toBe(true)
    expect(result.errorInstance).toBeInstanceOf(LawViolation)
  })

  it('every law has teeth: a projection broken its way fails it', () => {
    const queries = coverageQueries
    let calls = 0
    const moody = { ...coverageProjection, answer: (m: History, q: CoverageQ, k: number | null) => ({ ...coverageProjection.answer(m, q, k), calls: calls++ }) }
    expect(fails(projectionLaws(moody, { queries }).determinism)).toBe(true)
    const deaf = { ...coverageProjection, append: (m: History) => m }
    expect(fails(projectionLaws(deaf, { queries }).incremental)).toBe(true)
    // A snapshot that forgets the last event of the prefix.
    const lossy = {
      ...coverageProjection,
      build: (events: readonly PositionedEvent[]) => Object.assign(History.of(events), { taken: [...events] }),
      snapshot: (m: History) => (m as History & { taken?: PositionedEvent[] }).taken?.slice(0, -1) ?? [],
      restore: (s: unknown) => History.of(s as PositionedEvent[]),
    }
    expect(fails(projectionLaws(lossy, { queries }).snapshot)).toBe(true)
    const inflated = { ...coverageProjection, additivity: { ...coverageProjection.additivity!, measure: (a: CoverageReport) => a.participants + 1 } }
    expect(fails(projectionLaws(inflated, { queries }).additivity)).toBe(true)
    const blind = { ...coverageProjection, counting: { ...coverageProjection.counting!, selects: () => false } }
    expect(fails(projectionLaws(blind, { queries }).counting)).toBe(true)
  })
})
