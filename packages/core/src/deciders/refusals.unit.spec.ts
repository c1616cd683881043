/**
 * Every refusal of the unit, quota, population, money and employer deciders in full (tag, rule,
 * field, message, value), decided with and without a context, and what their state keeps.
 * (Mutation testing: the decider specs looked at tags and paths, so rule ids and messages could be
 * blanked, a missing context could crash, and a dissolved unit could take a quota, all unseen.)
 */
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import {
  assignQuota,
  assignRevenuePlan,
  collectContribution,
  debtRecorded,
  establishUnit,
  estimatePopulation,
  recordDebt,
  settleDebt,
  unitEstablished,
} from '@ansinh/testing'
import { dayNumber } from '../values.js'
import { type DecideContext, type RegisteredUnit, replay } from './decider.js'
import { type DomainError, domainError, isDomainError } from './domain-error.js'
import { employerDecider } from './employer.js'
import { collectionDecider, revenuePlanDecider } from './money.js'
import { populationDecider } from './population.js'
import { quotaDecider } from './quota.js'
import { UnitCalendar } from './unit-calendar.js'
import { unitDecider } from './unit.js'

const refusal = (result: E.Either<DomainError, unknown>) => {
  if (E.isRight(result)) throw new Error('the command was accepted')
  const { _tag, rule, path, message, value } = result.left
  return { _tag, rule, path, message, value }
}
const refused = (_tag: string, rule: string, path: string, message: string, value: unknown) => ({
  _tag,
  rule,
  path,
  message,
  value,
})
const registry = (...units: RegisteredUnit[]): DecideContext => ({ units: new Map(units.map((u) => [u.code, u])) })
const unit = (code: string, level: RegisteredUnit['level'], parent: string | null): RegisteredUnit => ({
  code: code as never,
  level,
  parent: parent as never,
})

describe('unit decider', () => {
  const geography = registry(
    unit('22', 'province', null),
    unit('593', 'district', '22'),
    unit('59301', 'commune', '593'),
  )
  const decide = (data: Record<string, unknown>, context: DecideContext = geography) =>
    unitDecider.decide(establishUnit(data), unitDecider.initialState, context)

  it('without a registry, a province can be established', () => {
    expect(E.isRight(unitDecider.decide(establishUnit({ code: '22' }), unitDecider.initialState))).toBe(true)
  })

  it('refuses a code in use, a level the code does not imply, a province with a parent and a unit without one', () => {
    expect(refusal(decide({ code: '22' }))).toEqual(
      refused(
        'UnitAlreadyEstablished',
        'unit.new-code',
        'data.code',
        'is already established (codes are never reused)',
        '22',
      ),
    )
    expect(refusal(decide({ code: '594', level: 'commune', parent: '22' }))).toEqual(
      refused(
        'LevelMismatch',
        'unit.level-matches-code',
        'data.level',
        'does not match code 594: 3 digits make a district',
        'commune',
      ),
    )
    expect(refusal(decide({ code: '23', parent: '22' }))).toEqual(
      refused('ProvinceWithParent', 'unit.parent', 'data.parent', 'must be absent: a province has no parent', '22'),
    )
    expect(refusal(decide({ code: '594', level: 'district' }))).toEqual(
      refused('ParentRequired', 'unit.parent', 'data.parent', 'is required for a district', null),
    )
  })

  it('refuses a parent not established or not one level up, naming the levels a unit may sit under', () => {
    expect(refusal(decide({ code: '594', level: 'district', parent: '23' }))).toEqual(
      refused('ParentNotEstablished', 'unit.parent', 'data.parent', 'is not an established unit', '23'),
    )
    expect(refusal(decide({ code: '59302', level: 'commune', parent: '59301' }))).toEqual(
      refused(
        'ParentLevel',
        'unit.parent',
        'data.parent',
        'is a commune; a commune sits under a district or province',
        '59301',
      ),
    )
  })

  it('refuses a parent whose chain runs in a loop (a registry built from unchecked events); a chain ending in an unknown code is fine', () => {
    const loop = registry(unit('22', 'province', '593'), unit('593', 'district', '22'))
    expect(refusal(decide({ code: '59301', level: 'commune', parent: '593' }, loop))).toEqual(
      refused('UnitCycle', 'unit.no-cycle', 'data.parent', 'would make 59301 its own ancestor', '593'),
    )
    const open = registry(unit('593', 'district', '23'))
    expect(E.isRight(decide({ code: '59301', level: 'commune', parent: '593' }, open))).toBe(true)
  })

  it('keeps the unit it established in its state', () => {
    expect(replay(unitDecider, [unitEstablished({ code: '593', level: 'district', parent: '22' })])).toEqual({
      established: { code: '593', level: 'district', parent: '22' },
    })
  })
})

describe('quota, population and money deciders', () => {
  const known = registry(unit('22816', 'commune', null), unit('22', 'province', null))

  it('quota: a negative target, a unit outside the registry, a unit dissolved by assignedOn; no context is fine', () => {
    expect(refusal(quotaDecider.decide(assignQuota({ target: -1 }), quotaDecider.initialState))).toEqual(
      refused('NegativeTarget', 'quota.target-non-negative', 'data.target', 'is below 0', -1),
    )
    expect(refusal(quotaDecider.decide(assignQuota({ unit: '22817' }), quotaDecider.initialState, known))).toEqual(
      refused('UnitNotEstablished', 'quota.unit-established', 'data.unit', 'is not an established unit', '22817'),
    )
    const calendar = new UnitCalendar()
    calendar.establish({ code: '22816', name: 'X', level: 'commune', establishedOn: '2000-01-01' } as never)
    calendar.dissolve({ code: '22816', dissolvedOn: '2020-01-15', successor: '22817' } as never)
    expect(
      refusal(quotaDecider.decide(assignQuota({ assignedOn: '2020-01-15' }), quotaDecider.initialState, { calendar })),
    ).toEqual(
      refused(
        'UnitDissolved',
        'unit.dissolved',
        'data.unit',
        'unit 22816 was dissolved on 2020-01-15 into 22817',
        '22816',
      ),
    )
    expect(
      E.isRight(
        quotaDecider.decide(assignQuota({ assignedOn: '2020-01-14' }), quotaDecider.initialState, { calendar }),
      ),
    ).toBe(true)
    expect(E.isRight(quotaDecider.decide(assignQuota(), quotaDecider.initialState))).toBe(true)
  })

  it('population: a labour force above the population', () => {
    expect(
      refusal(
        populationDecider.decide(
          estimatePopulation({ population: 10, labourForce: 11 }),
          populationDecider.initialState,
        ),
      ),
    ).toEqual(
      refused(
        'LabourForceExceedsPopulation',
        'population.labour-force-within-population',
        'data.labourForce',
        'exceeds the population 10',
        11,
      ),
    )
  })

  it('collection and revenue plan: an amount out of range, a unit outside the registry; no context is fine', () => {
    expect(
      refusal(collectionDecider.decide(collectContribution({ amount: 0 }), collectionDecider.initialState)),
    ).toEqual(refused('NonPositiveAmount', 'collection.amount-positive', 'data.amount', 'is not above 0', 0))
    expect(
      refusal(collectionDecider.decide(collectContribution({ unit: '22817' }), collectionDecider.initialState, known)),
    ).toEqual(
      refused('UnitNotEstablished', 'collection.unit-established', 'data.unit', 'is not an established unit', '22817'),
    )
    expect(E.isRight(collectionDecider.decide(collectContribution(), collectionDecider.initialState))).toBe(true)
    expect(
      refusal(revenuePlanDecider.decide(assignRevenuePlan({ amount: -1 }), revenuePlanDecider.initialState)),
    ).toEqual(refused('NegativePlan', 'revenue-plan.amount-non-negative', 'data.amount', 'is below 0', -1))
    expect(
      refusal(revenuePlanDecider.decide(assignRevenuePlan({ unit: '23' }), revenuePlanDecider.initialState, known)),
    ).toEqual(
      refused('UnitNotEstablished', 'revenue-plan.unit-established', 'data.unit', 'is not an established unit', '23'),
    )
    expect(E.isRight(revenuePlanDecider.decide(assignRevenuePlan(), revenuePlanDecider.initialState))).toBe(true)
  })
})

describe('employer decider', () => {
  it('a debt recorded before its period, a settlement above what is owed', () => {
    expect(
      refusal(
        employerDecider.decide(
          recordDebt({ period: '2020-02', recordedOn: '2020-01-31' }),
          employerDecider.initialState,
        ),
      ),
    ).toEqual(
      refused(
        'DebtRecordedBeforePeriod',
        'debt.not-before-period',
        'data.recordedOn',
        'is before the first day of period 2020-02',
        '2020-01-31',
      ),
    )
    expect(refusal(employerDecider.decide(settleDebt({ amount: 1 }), employerDecider.initialState))).toEqual(
      refused(
        'SettlementExceedsOutstanding',
        'settlement.within-outstanding',
        'data.amount',
        'exceeds the outstanding compulsory debt of 0 VND on 2020-03-01',
        1,
      ),
    )
  })

  it('keeps same-day debts in history order in its state', () => {
    const state = replay(employerDecider, [
      debtRecorded({ amount: 1, recordedOn: '2020-03-01' }),
      debtRecorded({ amount: 2, recordedOn: '2020-02-01' }),
      debtRecorded({ amount: 3, recordedOn: '2020-02-01' }),
    ])
    expect(state.compulsory?.debts).toEqual([
      { day: dayNumber('2020-02-01'), amount: 2 },
      { day: dayNumber('2020-02-01'), amount: 3 },
      { day: dayNumber('2020-03-01'), amount: 1 },
    ])
  })
})

describe('isDomainError', () => {
  const error = domainError('NegativeTarget', 'quota.target-non-negative', 'data.target', 'is below 0', -1)

  it('wants an object whose tag, path and message are strings', () => {
    expect(isDomainError(error)).toBe(true)
    expect(isDomainError(Object.assign(() => undefined, error))).toBe(false)
    for (const field of ['_tag', 'path', 'message'] as const)
      expect(isDomainError({ ...error, [field]: 1 })).toBe(false)
  })
})
