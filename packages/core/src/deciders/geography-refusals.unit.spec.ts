/**
 * Every refusal of the version-2 geography rules in full (tag, rule, field, message, value), and
 * what each accepted command emits, decided against a hand-made unit calendar. (Mutation testing:
 * the rules were reached only through the history checker, which looked at tags, so rule ids,
 * fields, messages and several whole branches could change unseen.)
 */
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import type { UnitLevel } from '../values.js'
import type { DecideContext } from './decider.js'
import type { DomainError } from './domain-error.js'
import {
  type ChangeUnit,
  type DissolveUnit,
  type IdentifyParticipant,
  decideChangeUnit,
  decideDissolveUnit,
  decideIdentify,
} from './geography.js'
import { UnitCalendar } from './unit-calendar.js'

const ID = '00000000-0000-4000-8000-000000000001'

/** Hải Dương (30) › district 300 › commune 30001; Hải Phòng (31) › district 310; 32 from 2025-07-01. */
const context = (): DecideContext => {
  const c = new UnitCalendar()
  const establish = (code: string, level: UnitLevel, parent: string | null, establishedOn = '2000-01-01') =>
    c.establish({ code, name: `Đơn vị ${code}`, level, ...(parent === null ? {} : { parent }), establishedOn } as never)
  establish('30', 'province', null)
  establish('31', 'province', null)
  establish('32', 'province', null, '2025-07-01')
  establish('300', 'district', '30')
  establish('310', 'district', '31')
  establish('30001', 'commune', '300')
  c.dissolve({ code: '31', dissolvedOn: '2026-01-01', successor: '30' } as never)
  return { calendar: c }
}

const changeUnit = (data: Record<string, unknown>): ChangeUnit =>
  ({ type: 'ChangeUnit', id: ID, data: { code: '30001', effectiveOn: '2025-07-01', ...data } }) as never
const dissolveUnit = (data: Record<string, unknown>): DissolveUnit =>
  ({
    type: 'DissolveUnit',
    id: ID,
    data: { code: '300', dissolvedOn: '2025-07-01', successor: '30', ...data },
  }) as never
const identify = (data: Record<string, unknown>): IdentifyParticipant =>
  ({
    type: 'IdentifyParticipant',
    id: ID,
    data: { participantId: '0123456789', personalId: '001203000123', ...data },
  }) as never

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

describe('ChangeUnit', () => {
  it('emits the UnitChanged of the command: a rename, a move one level up, a province made a province', () => {
    for (const data of [
      { name: 'Tân Hưng' },
      { parent: '310' },
      { parent: '30', level: 'commune' },
      { code: '30', parent: null },
      { code: '300', parent: '31' },
    ]) {
      const c = changeUnit(data)
      expect(decideChangeUnit(c, context())).toEqual(E.right([{ id: ID, type: 'UnitChanged', data: c.data }]))
    }
  })

  it('without a calendar no unit is known', () => {
    expect(refusal(decideChangeUnit(changeUnit({ name: 'X' })))).toEqual(
      refused('UnitNotEstablished', 'unit.exists-on-day', 'data.code', 'is not an established unit', '30001'),
    )
    expect(refusal(decideChangeUnit(changeUnit({ name: 'X' }), {}))).toEqual(
      refused('UnitNotEstablished', 'unit.exists-on-day', 'data.code', 'is not an established unit', '30001'),
    )
  })

  it('the unit must be established before the day it changes, and not dissolved', () => {
    expect(refusal(decideChangeUnit(changeUnit({ code: '39', name: 'X' }), context()))).toEqual(
      refused('UnitNotEstablished', 'unit.exists-on-day', 'data.code', 'is not an established unit', '39'),
    )
    expect(refusal(decideChangeUnit(changeUnit({ code: '32', name: 'X' }), context()))).toEqual(
      refused(
        'UnitNotEstablished',
        'unit.exists-on-day',
        'data.code',
        'is established only from its establishedOn, not before the day it changes',
        '32',
      ),
    )
    expect(
      E.isRight(decideChangeUnit(changeUnit({ code: '32', effectiveOn: '2025-07-02', name: 'X' }), context())),
    ).toBe(true)
    expect(
      refusal(decideChangeUnit(changeUnit({ code: '31', effectiveOn: '2026-01-01', name: 'X' }), context())),
    ).toEqual(
      refused('UnitDissolved', 'unit.dissolved', 'data.code', 'unit 31 was dissolved on 2026-01-01 into 30', '31'),
    )
  })

  it('a level that does not match the code', () => {
    expect(refusal(decideChangeUnit(changeUnit({ level: 'district' }), context()))).toEqual(
      refused(
        'LevelMismatch',
        'unit.level-matches-code',
        'data.level',
        'does not match code 30001: 5 digits make a commune',
        'district',
      ),
    )
  })

  it('a null parent only for a province; a province takes no parent', () => {
    expect(refusal(decideChangeUnit(changeUnit({ parent: null }), context()))).toEqual(
      refused('ParentRequired', 'unit.parent', 'data.parent', 'is required for a commune', null),
    )
    expect(refusal(decideChangeUnit(changeUnit({ code: '30', parent: '31' }), context()))).toEqual(
      refused('ProvinceWithParent', 'unit.parent', 'data.parent', 'must be null: a province has no parent', '31'),
    )
  })

  it('a parent that does not exist on the day, or was dissolved by it', () => {
    expect(refusal(decideChangeUnit(changeUnit({ parent: '39' }), context()))).toEqual(
      refused('ParentNotEstablished', 'unit.parent', 'data.parent', 'is not a unit that exists on 2025-07-01', '39'),
    )
    expect(refusal(decideChangeUnit(changeUnit({ effectiveOn: '2026-01-01', parent: '31' }), context()))).toEqual(
      refused('UnitDissolved', 'unit.dissolved', 'data.parent', 'unit 31 was dissolved on 2026-01-01 into 30', '31'),
    )
  })

  it('a parent that is not one level up', () => {
    expect(refusal(decideChangeUnit(changeUnit({ code: '300', parent: '310' }), context()))).toEqual(
      refused('ParentLevel', 'unit.parent', 'data.parent', 'is a district; a district sits under a province', '310'),
    )
    const commune = context()
    commune.calendar!.establish({
      code: '31001',
      name: 'X',
      level: 'commune',
      parent: '310',
      establishedOn: '2000-01-01',
    } as never)
    expect(refusal(decideChangeUnit(changeUnit({ parent: '31001' }), commune))).toEqual(
      refused(
        'ParentLevel',
        'unit.parent',
        'data.parent',
        'is a commune; a commune sits under a district or province',
        '31001',
      ),
    )
  })

  it('a parent that would make the unit its own ancestor (a calendar folded from unchecked events)', () => {
    const loop = context()
    loop.calendar!.change({ code: '30', effectiveOn: '2025-01-01', parent: '30001' } as never)
    expect(refusal(decideChangeUnit(changeUnit({ code: '300', parent: '30' }), loop))).toEqual(
      refused(
        'UnitCycle',
        'unit.no-cycle',
        'data.parent',
        'would make 300 its own ancestor on 2025-07-01 or a later day',
        '30',
      ),
    )
  })
})

describe('DissolveUnit', () => {
  it('emits the UnitDissolved of the command, also into a unit established that day', () => {
    for (const data of [{}, { code: '30', successor: '32' }]) {
      const c = dissolveUnit(data)
      expect(decideDissolveUnit(c, context())).toEqual(E.right([{ id: ID, type: 'UnitDissolved', data: c.data }]))
    }
  })

  it('without a calendar no unit is known', () => {
    expect(refusal(decideDissolveUnit(dissolveUnit({})))).toEqual(
      refused('UnitNotEstablished', 'unit.exists-on-day', 'data.code', 'is not an established unit', '300'),
    )
  })

  it('a unit dissolved already, even later, or not yet established', () => {
    expect(refusal(decideDissolveUnit(dissolveUnit({ code: '31', successor: '30' }), context()))).toEqual(
      refused('UnitDissolved', 'unit.dissolved', 'data.code', 'unit 31 was dissolved on 2026-01-01 into 30', '31'),
    )
    expect(refusal(decideDissolveUnit(dissolveUnit({ code: '32', successor: '30' }), context()))).toEqual(
      refused(
        'UnitNotEstablished',
        'unit.exists-on-day',
        'data.code',
        'is established only from its establishedOn, not before the day it is dissolved',
        '32',
      ),
    )
  })

  it('a successor that is the unit, or does not exist on the day', () => {
    expect(refusal(decideDissolveUnit(dissolveUnit({ successor: '300' }), context()))).toEqual(
      refused('SuccessorIsUnit', 'unit.successor', 'data.successor', 'is the unit itself', '300'),
    )
    expect(refusal(decideDissolveUnit(dissolveUnit({ successor: '39' }), context()))).toEqual(
      refused(
        'SuccessorNotExisting',
        'unit.successor',
        'data.successor',
        'is not a unit that exists on 2025-07-01',
        '39',
      ),
    )
    expect(
      refusal(decideDissolveUnit(dissolveUnit({ dissolvedOn: '2026-02-01', successor: '31' }), context())),
    ).toEqual(
      refused('UnitDissolved', 'unit.dissolved', 'data.successor', 'unit 31 was dissolved on 2026-01-01 into 30', '31'),
    )
  })
})

describe('IdentifyParticipant', () => {
  const links: DecideContext = {
    links: new Map([
      ['0123456789', '001203000123'],
      ['001203000123', '0123456789'],
      ['9999999999', '001203000999'],
      ['001203000999', '9999999999'],
    ]),
  }

  it('emits the ParticipantIdentified of the command: a new link, the same link again, or with no links known', () => {
    for (const [c, ctx] of [
      [identify({ participantId: '1111111111', personalId: '001203000111' }), links],
      [identify({}), links],
      [identify({}), undefined],
    ] as const) {
      expect(decideIdentify(c, ctx)).toEqual(E.right([{ id: ID, type: 'ParticipantIdentified', data: c.data }]))
    }
  })

  it('either id linked to another id already', () => {
    expect(refusal(decideIdentify(identify({ personalId: '001203000999' }), links))).toEqual(
      refused(
        'AlreadyLinked',
        'participant.one-link',
        'data.participantId',
        'is already linked to 001203000123',
        '0123456789',
      ),
    )
    expect(
      refusal(decideIdentify(identify({ participantId: '1111111111', personalId: '001203000999' }), links)),
    ).toEqual(
      refused(
        'AlreadyLinked',
        'participant.one-link',
        'data.personalId',
        'is already linked to 9999999999',
        '001203000999',
      ),
    )
  })
})
