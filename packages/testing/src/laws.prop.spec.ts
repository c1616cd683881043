import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { SCHEMES, type BusinessDate, type Scheme } from '@ansinh/core'
import { type GeneratedHistory, asOfDate, roughHistory } from './history/index.js'
import type { PositionedEvent } from '@ansinh/core'
import { LawViolation, type Projection, projectionLaws } from './laws.js'
import { countedParticipants, knownEvents, subtreeOf } from './oracle.js'
import { childQueries, unitOrNational } from './report-laws.js'
import { describeProjectionLaws } from './vitest.js'

// The laws are checked against a projection of the kit's own, so the kit depends on no report
// package (each report package holds its instance in its `*.laws.prop.spec.ts`): participants of
// a unit's subtree, read off the oracle, with the unit's children as parts.
interface Query {
  readonly asOf: BusinessDate
  readonly scheme: Scheme
  readonly unit: string | null
}
interface Answer {
  readonly participants: number
  readonly children: ReadonlyArray<{ readonly unit: string }>
}

const answer = (events: readonly PositionedEvent[], q: Query, knownAt: number | null): Answer => {
  const known = knownEvents(events, knownAt)
  const inUnit = subtreeOf(known, q.unit)
  const counted = [...countedParticipants(events, q.scheme, q.asOf, knownAt).values()].filter((e) => inUnit(e.unit))
  const children = known.flatMap(({ event }) =>
    event.type === 'UnitEstablished' && (event.data.parent ?? null) === q.unit ? [{ unit: event.data.code }] : [],
  )
  return { participants: counted.length, children }
}

const participants: Projection<PositionedEvent[], Query, Answer> = {
  name: 'participants (oracle)',
  build: (events) => [...events],
  append: (model, e) => [...model, e],
  answer,
  additivity: { measure: (a) => a.participants, parts: (q, a) => childQueries(q, a.children) },
  counting: {
    scheme: (q) => q.scheme,
    asOf: (q) => q.asOf,
    selects: (e, q, inUnit) => inUnit(e.unit, q.unit),
    count: (a) => a.participants,
  },
}
const queries = (h: GeneratedHistory): fc.Arbitrary<Query> =>
  fc.record({ asOf: asOfDate(h), scheme: fc.constantFrom(...SCHEMES), unit: unitOrNational(h) })

// The kit's own projection obeys every law, so a failure below is the broken variant's alone.
describeProjectionLaws(participants, { queries, numRuns: 60 })
describe('on rough histories (well-formed, rule-breaking)', () => {
  describeProjectionLaws(participants, { queries, histories: roughHistory(), skip: ['additivity'], numRuns: 60 })
})

const fails = (property: fc.IProperty<[unknown]> | undefined): boolean => {
  const result = fc.check(property!, { numRuns: 200, seed: 5, endOnFailure: true })
  return result.failed && result.errorInstance instanceof LawViolation
}

describe('projectionLaws', () => {
  it('offers the laws a projection supports, and skips the ones asked', () => {
    expect(Object.keys(projectionLaws(participants, { queries })).sort()).toEqual([
      'additivity',
      'counting',
      'determinism',
      'incremental',
      'knownAt',
    ])
    const { counting: _, ...uncounted } = participants
    expect(Object.keys(projectionLaws(uncounted, { queries, skip: ['additivity'] })).sort()).toEqual([
      'determinism',
      'incremental',
      'knownAt',
    ])
  })

  it('catches a projection that ignores the known-at cut', () => {
    const forgetful = {
      ...participants,
      name: 'forgetful',
      answer: (m: PositionedEvent[], q: Query) => answer(m, q, null),
    }
    const result = fc.check(projectionLaws(forgetful, { queries }).knownAt!, {
      numRuns: 200,
      seed: 11,
      endOnFailure: true,
    })
    expect(result.failed).toBe(true)
    expect(result.errorInstance).toBeInstanceOf(LawViolation)
  })

  it('every law has teeth: a projection broken its way fails it', () => {
    let calls = 0
    const moody = {
      ...participants,
      answer: (m: PositionedEvent[], q: Query, k: number | null) => ({ ...answer(m, q, k), calls: calls++ }),
    }
    expect(fails(projectionLaws(moody, { queries }).determinism)).toBe(true)
    const deaf = { ...participants, append: (m: PositionedEvent[]) => m }
    expect(fails(projectionLaws(deaf, { queries }).incremental)).toBe(true)
    // A snapshot that forgets the last event of the prefix.
    const lossy = {
      ...participants,
      snapshot: (m: PositionedEvent[]) => m.slice(0, -1),
      restore: (s: unknown) => s as PositionedEvent[],
    }
    expect(fails(projectionLaws(lossy, { queries }).snapshot)).toBe(true)
    const inflated = {
      ...participants,
      additivity: { ...participants.additivity!, measure: (a: Answer) => a.participants + 1 },
    }
    expect(fails(projectionLaws(inflated, { queries }).additivity)).toBe(true)
    const blind = { ...participants, counting: { ...participants.counting!, selects: () => false } }
    expect(fails(projectionLaws(blind, { queries }).counting)).toBe(true)
  })
})
