import { describe, expect, it } from 'vitest'
import {
  assignRevenuePlan,
  collectContribution,
  contributionCollected,
  eventOf,
  revenuePlanAssigned,
  spec,
} from '@ansinh/testing'
import type { DomainEvent } from '../events.js'
import type { EventId, Instant } from '../values.js'
import { decodeEvent, encodeEvent } from '../decode.js'
import { checkHistory } from '../history-check.js'
import { type RegisteredUnit } from './decider.js'
import { collectionDecider, revenuePlanDecider } from './money.js'

const collection = spec(collectionDecider)
const plan = spec(revenuePlanDecider)
const units = new Map<string, RegisteredUnit>([
  ['22816', { code: '22816' as never, level: 'commune', parent: null }],
  ['22', { code: '22' as never, level: 'province', parent: null }],
])

describe('collection decider', () => {
  it('accepts a payment, with or without participant, employer and agent', () => {
    const plain = collectContribution()
    collection
      .given([])
      .when(plain, { units })
      .then([eventOf('ContributionCollected', plain)])
    const full = collectContribution({ participantId: '0123456789', employer: 'CTY-A', agent: 'BUU-DIEN' })
    collection
      .given([contributionCollected()])
      .when(full)
      .then([eventOf('ContributionCollected', full)])
  })

  it('refuses an amount of 0 or below (a command built in code, past the codec)', () => {
    for (const amount of [0, -5]) {
      const e = collection.given([]).when(collectContribution({ amount })).thenFails('NonPositiveAmount', 'data.amount')
      expect([e.rule, e.value]).toEqual(['collection.amount-positive', amount])
    }
  })

  it('refuses a unit outside a known registry only', () => {
    const e = collection
      .given([])
      .when(collectContribution({ unit: '22817' }), { units })
      .thenFails('UnitNotEstablished', 'data.unit')
    expect(e.rule).toBe('collection.unit-established')
    const c = collectContribution({ unit: '22817' })
    collection
      .given([])
      .when(c)
      .then([eventOf('ContributionCollected', c)])
  })

  it('counts payments and money in its state', () => {
    const state = [contributionCollected({ amount: 5 }), contributionCollected({ amount: 7 })].reduce(
      collectionDecider.evolve,
      collectionDecider.initialState,
    )
    expect(state).toEqual({ collections: 2, amount: 12 })
  })
})

describe('revenue-plan decider', () => {
  it('accepts a plan of 0 and a revision', () => {
    const zero = assignRevenuePlan({ amount: 0 })
    plan
      .given([])
      .when(zero, { units })
      .then([eventOf('RevenuePlanAssigned', zero)])
    const revision = assignRevenuePlan({ amount: 6_000_000_000, assignedOn: '2020-07-01' })
    plan
      .given([revenuePlanAssigned()])
      .when(revision)
      .then([eventOf('RevenuePlanAssigned', revision)])
  })

  it('refuses a negative plan and an unknown unit', () => {
    const e = plan
      .given([])
      .when(assignRevenuePlan({ amount: -1 }))
      .thenFails('NegativePlan', 'data.amount')
    expect(e.rule).toBe('revenue-plan.amount-non-negative')
    const u = plan
      .given([])
      .when(assignRevenuePlan({ unit: '23' }), { units })
      .thenFails('UnitNotEstablished', 'data.unit')
    expect(u.rule).toBe('revenue-plan.unit-established')
  })

  it('keeps the latest assignment in its state', () => {
    const state = [
      revenuePlanAssigned({ amount: 5 }),
      revenuePlanAssigned({ amount: 7, assignedOn: '2020-03-01' }),
    ].reduce(revenuePlanDecider.evolve, revenuePlanDecider.initialState)
    expect(state).toEqual({ assignments: 2, latest: { amount: 7, assignedOn: '2020-03-01' } })
  })
})

describe('the money events in files', () => {
  const line = (type: string, data: object, id = '00000000-0000-4000-8000-00000000aa01'): unknown => ({
    id,
    type,
    recordedAt: '2020-03-02T10:00:00+07:00',
    data,
  })

  it('decode from the interchange format and encode back canonically', () => {
    const u = line('ContributionCollected', {
      unit: '22816',
      scheme: 'health',
      amount: 704_025,
      collectedOn: '2020-02-29',
      agent: 'BUU-DIEN',
    })
    const r = decodeEvent(u)
    expect(r._tag).toBe('Right')
    if (r._tag === 'Right') expect(encodeEvent(r.right)).toEqual(u)
  })

  it('refuses an amount of 0, a fraction, a negative plan and an unknown field, naming the field', () => {
    const paths = (u: unknown) => {
      const r = decodeEvent(u)
      return r._tag === 'Left' ? r.left.map((p) => p.path) : []
    }
    expect(
      paths(line('ContributionCollected', { unit: '22816', scheme: 'health', amount: 0, collectedOn: '2020-03-02' })),
    ).toEqual(['data.amount'])
    expect(
      paths(line('ContributionCollected', { unit: '22816', scheme: 'health', amount: 1.5, collectedOn: '2020-03-02' })),
    ).toEqual(['data.amount'])
    expect(
      paths(line('ContributionCollected', { unit: '22816', scheme: 'any', amount: 1, collectedOn: '2020-03-02' })),
    ).toEqual(['data.scheme'])
    expect(
      paths(line('RevenuePlanAssigned', { unit: '22', year: 2020, amount: -1, assignedOn: '2020-01-15' })),
    ).toEqual(['data.amount'])
    expect(
      paths(
        line('RevenuePlanAssigned', { unit: '22', year: 2020, amount: 1, assignedOn: '2020-01-15', scheme: 'health' }),
      ),
    ).toEqual(['data.scheme'])
  })

  it('are checked by the history checker against the unit registry once units are known', () => {
    const at = '2020-03-02T10:00:00+07:00' as Instant
    const ev = (n: number, type: string, data: object): DomainEvent =>
      ({
        id: `00000000-0000-4000-8000-0000000000${String(n).padStart(2, '0')}` as EventId,
        type,
        recordedAt: at,
        data,
      }) as DomainEvent
    const events = [
      ev(1, 'ContributionCollected', { unit: '22817', scheme: 'health', amount: 1, collectedOn: '2020-03-02' }),
      ev(2, 'UnitEstablished', { code: '22', name: 'Bình Thuận', level: 'province', establishedOn: '2000-01-01' }),
      ev(3, 'ContributionCollected', { unit: '22817', scheme: 'health', amount: 1, collectedOn: '2020-03-02' }),
      ev(4, 'RevenuePlanAssigned', { unit: '22', year: 2020, amount: 0, assignedOn: '2020-01-15' }),
      ev(5, 'RevenuePlanAssigned', { unit: '23', year: 2020, amount: 10, assignedOn: '2020-01-15' }),
    ]
    const violations = checkHistory(events.map((event, i) => ({ event, position: i + 1, line: i + 1 })))
    expect(violations.map((v) => [v.position, v.error.rule])).toEqual([
      [3, 'collection.unit-established'],
      [5, 'revenue-plan.unit-established'],
    ])
  })
})
