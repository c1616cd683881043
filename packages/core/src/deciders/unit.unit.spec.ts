import { describe, expect, it } from 'vitest'
import { type RegisteredUnit, unitRegistryOf } from './decider.js'
import { unitDecider } from './unit.js'
import { establishUnit, eventOf, spec, unitEstablished } from '@ansinh/testing'

const unit = spec(unitDecider)
const registry = unitRegistryOf([
  unitEstablished({ code: '22', level: 'province' }),
  unitEstablished({ code: '593', level: 'district', parent: '22' }),
  unitEstablished({ code: '22816', level: 'commune', parent: '593' }),
])

describe('unit decider', () => {
  it('accepts a province without a parent, with or without a registry', () => {
    const c = establishUnit({ code: '48', level: 'province' })
    unit
      .given([])
      .when(c)
      .then([eventOf('UnitEstablished', c)])
    unit
      .given([])
      .when(c, { units: registry })
      .then([eventOf('UnitEstablished', c)])
  })

  it('accepts a district under a province and a commune under a district', () => {
    const district = establishUnit({ code: '594', level: 'district', parent: '22' })
    unit
      .given([])
      .when(district, { units: registry })
      .then([eventOf('UnitEstablished', district)])
    const commune = establishUnit({ code: '22817', level: 'commune', parent: '593' })
    unit
      .given([])
      .when(commune, { units: registry })
      .then([eventOf('UnitEstablished', commune)])
  })

  it('accepts a commune directly under a province', () => {
    const c = establishUnit({ code: '22900', level: 'commune', parent: '22' })
    unit
      .given([])
      .when(c, { units: registry })
      .then([eventOf('UnitEstablished', c)])
  })

  it('refuses a code already established, in the stream or in the registry', () => {
    unit
      .given([unitEstablished({ code: '48' })])
      .when(establishUnit({ code: '48' }))
      .thenFails('UnitAlreadyEstablished', 'data.code')
    const e = unit
      .given([])
      .when(establishUnit({ code: '22' }), { units: registry })
      .thenFails('UnitAlreadyEstablished', 'data.code')
    expect(e.rule).toBe('unit.new-code')
  })

  it('refuses a level that does not match the code length', () => {
    const e = unit
      .given([])
      .when(establishUnit({ code: '594', level: 'commune', parent: '22' }), { units: registry })
      .thenFails('LevelMismatch', 'data.level')
    expect(e.value).toBe('commune')
    unit
      .given([])
      .when(establishUnit({ code: '48', level: 'district', parent: '22' }), { units: registry })
      .thenFails('LevelMismatch')
  })

  it('refuses a province with a parent', () => {
    unit
      .given([])
      .when(establishUnit({ code: '48', level: 'province', parent: '22' }), { units: registry })
      .thenFails('ProvinceWithParent', 'data.parent')
  })

  it('refuses a district or commune without a parent', () => {
    unit
      .given([])
      .when(establishUnit({ code: '594', level: 'district' }), { units: registry })
      .thenFails('ParentRequired', 'data.parent')
    unit
      .given([])
      .when(establishUnit({ code: '22817', level: 'commune' }), { units: registry })
      .thenFails('ParentRequired')
  })

  it('refuses a parent that is not established (an absent registry counts as empty)', () => {
    unit
      .given([])
      .when(establishUnit({ code: '594', level: 'district', parent: '48' }), { units: registry })
      .thenFails('ParentNotEstablished', 'data.parent')
    unit
      .given([])
      .when(establishUnit({ code: '594', level: 'district', parent: '22' }))
      .thenFails('ParentNotEstablished')
  })

  it('refuses a parent on the wrong level', () => {
    const e = unit
      .given([])
      .when(establishUnit({ code: '595', level: 'district', parent: '593' }), { units: registry })
      .thenFails('ParentLevel', 'data.parent')
    expect(e.value).toBe('593')
    unit
      .given([])
      .when(establishUnit({ code: '22817', level: 'commune', parent: '22816' }), { units: registry })
      .thenFails('ParentLevel')
  })

  it('guards against loops even in a registry that already holds one', () => {
    // Only a history that broke the level rules elsewhere can hold this loop: 594 → 77 → 594.
    const broken = new Map<string, RegisteredUnit>([
      ['77', { code: '77' as never, level: 'province', parent: '594' as never }],
      ['22', { code: '22' as never, level: 'province', parent: '77' as never }],
    ])
    unit
      .given([])
      .when(establishUnit({ code: '594', level: 'district', parent: '22' }), { units: broken })
      .thenFails('UnitCycle', 'data.parent')
    const loopWithoutNewCode = new Map<string, RegisteredUnit>([
      ['77', { code: '77' as never, level: 'province', parent: '22' as never }],
      ['22', { code: '22' as never, level: 'province', parent: '77' as never }],
    ])
    unit
      .given([])
      .when(establishUnit({ code: '594', level: 'district', parent: '22' }), { units: loopWithoutNewCode })
      .thenFails('UnitCycle')
  })
})
