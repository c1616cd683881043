/**
 * A fast-check suite in a project of its own, on node's test runner (no vitest): every generated
 * history keeps the write rules, and the projection laws of `@ansinh/testing` hold for the plan
 * report on generated histories.
 */
import { test } from 'node:test'
import fc from 'fast-check'
import { type BusinessDate, checkHistory, type Scheme, SCHEMES, type UnitCode } from '@ansinh/core'
import { History } from '@ansinh/projection'
import { planReport } from '@ansinh/projection-plan'
import { asOfDate, checkProjectionLaws, history, participantReport, unitOrNational } from '@ansinh/testing'

interface Query {
  readonly asOf: BusinessDate
  readonly scheme: Scheme
  readonly unit: UnitCode | null
}

test('generated histories keep the write rules', () => {
  fc.assert(
    fc.property(history({ participants: { min: 0, max: 8 } }), (h) => checkHistory(h.positioned).length === 0),
    { numRuns: 30 },
  )
})

test('the plan report keeps the projection laws', () => {
  const projection = participantReport(
    'planReport',
    { build: (events) => History.of(events), append: (h: History, e) => h.append(e) },
    (h, query: Query, knownAt) => planReport(h, { ...query, knownAt }),
  )
  checkProjectionLaws(projection, {
    queries: (h) => fc.record({ asOf: asOfDate(h), scheme: fc.constantFrom(...SCHEMES), unit: unitOrNational(h) }),
    numRuns: 25,
  })
})
