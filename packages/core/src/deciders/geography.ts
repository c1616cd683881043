/**
 * The version-2 write rules of geography (stream `unit-{code}`: UnitChanged, UnitDissolved), of
 * the id link (stream `participant-{participantId}`: ParticipantIdentified), and the rule every
 * dated record obeys: a dissolved unit takes nothing dated on or after its dissolution, refused
 * with an error naming the successor.
 *
 * @module deciders/geography
 */
import * as E from 'fp-ts/lib/Either.js'
import { type UnitLevel, dayNumber, levelOfCode } from '../values.js'
import { type CommandOf, type DecideContext, type NewEventOf, emit } from './decider.js'
import { type DomainError, domainError } from './domain-error.js'
import type { UnitCalendar } from './unit-calendar.js'

/** Change a unit's name, parent or level from a day on; produces UnitChanged. */
export type ChangeUnit = CommandOf<'ChangeUnit', 'UnitChanged'>
/** Dissolve a unit into a successor; produces UnitDissolved. */
export type DissolveUnit = CommandOf<'DissolveUnit', 'UnitDissolved'>
/** Link a 10-digit social-insurance number and a 12-digit personal id; produces ParticipantIdentified. */
export type IdentifyParticipant = CommandOf<'IdentifyParticipant', 'ParticipantIdentified'>

/** The levels a parent of each level may have (a commune may sit directly under a province). */
const PARENT_LEVELS: Readonly<Record<UnitLevel, readonly UnitLevel[]>> = {
  province: [],
  district: ['province'],
  commune: ['district', 'province'],
}

const EMPTY_CALENDAR_REFUSAL = (code: string): DomainError =>
  domainError('UnitNotEstablished', 'unit.exists-on-day', 'data.code', 'is not an established unit', code)

/** "unit 30 was dissolved on 2025-07-01 into 31": the refusal of anything dated on or after a dissolution. */
export const dissolvedRefusal = (path: string, code: string, dissolvedOn: string, successor: string): DomainError =>
  domainError(
    'UnitDissolved',
    'unit.dissolved',
    path,
    `unit ${code} was dissolved on ${dissolvedOn} into ${successor}`,
    code,
  )

/**
 * The refusal a record of `unit` dated `date` meets when the unit was dissolved on or before that
 * date (null: none, or the calendar is not known). `path` names the unit's field, e.g. `data.unit`.
 */
export const refuseDissolved = (
  context: DecideContext | undefined,
  path: string,
  unit: string,
  date: string,
): DomainError | null => {
  const calendar = context?.calendar
  if (calendar === undefined) return null
  const d = calendar.dissolvedBy(unit, dayNumber(date))
  return d === null ? null : dissolvedRefusal(path, unit, d.dissolvedOn, d.successor)
}

/** The unit must be established before `day` and not dissolved by it. */
const livingBefore = (calendar: UnitCalendar, code: string, day: number, what: string): DomainError | null => {
  const established = calendar.establishedDay(code)
  if (established === null) return EMPTY_CALENDAR_REFUSAL(code)
  if (established >= day)
    return domainError(
      'UnitNotEstablished',
      'unit.exists-on-day',
      'data.code',
      `is established only from its establishedOn, not before ${what}`,
      code,
    )
  const d = calendar.dissolvedBy(code, day)
  return d === null ? null : dissolvedRefusal('data.code', code, d.dissolvedOn, d.successor)
}

/**
 * Decides a UnitChanged against the unit calendar (`context.calendar`; absent: no unit is known,
 * so the change is refused): the unit established before `effectiveOn` and not dissolved; a level
 * that matches the code; a parent that exists on that day, one level up, without a cycle.
 */
export const decideChangeUnit = (
  c: ChangeUnit,
  context?: DecideContext,
): E.Either<DomainError, ReadonlyArray<NewEventOf<'UnitChanged'>>> => {
  const d = c.data
  const calendar = context?.calendar
  if (calendar === undefined) return E.left(EMPTY_CALENDAR_REFUSAL(d.code))
  const day = dayNumber(d.effectiveOn)
  const living = livingBefore(calendar, d.code, day, 'the day it changes')
  if (living !== null) return E.left(living)
  if (d.level !== undefined && d.level !== levelOfCode(d.code)) {
    return E.left(
      domainError(
        'LevelMismatch',
        'unit.level-matches-code',
        'data.level',
        `does not match code ${d.code}: ${d.code.length} digits make a ${levelOfCode(d.code)}`,
        d.level,
      ),
    )
  }
  if (d.parent === undefined) return E.right([emit('UnitChanged', c)])
  const level = d.level ?? calendar.levelOn(d.code, day) ?? levelOfCode(d.code)
  if (d.parent === null) {
    if (level !== 'province')
      return E.left(domainError('ParentRequired', 'unit.parent', 'data.parent', `is required for a ${level}`, null))
    return E.right([emit('UnitChanged', c)])
  }
  if (level === 'province')
    return E.left(
      domainError(
        'ProvinceWithParent',
        'unit.parent',
        'data.parent',
        'must be null: a province has no parent',
        d.parent,
      ),
    )
  if (!calendar.existsOn(d.parent, day)) {
    const gone = calendar.dissolvedBy(d.parent, day)
    return E.left(
      gone === null
        ? domainError(
            'ParentNotEstablished',
            'unit.parent',
            'data.parent',
            `is not a unit that exists on ${d.effectiveOn}`,
            d.parent,
          )
        : dissolvedRefusal('data.parent', d.parent, gone.dissolvedOn, gone.successor),
    )
  }
  const parentLevel = calendar.levelOn(d.parent, day)!
  if (!PARENT_LEVELS[level].includes(parentLevel)) {
    return E.left(
      domainError(
        'ParentLevel',
        'unit.parent',
        'data.parent',
        `is a ${parentLevel}; a ${level} sits under a ${PARENT_LEVELS[level].join(' or ')}`,
        d.parent,
      ),
    )
  }
  if (calendar.closesLoopFrom(d.code, d.parent, day)) {
    return E.left(
      domainError(
        'UnitCycle',
        'unit.no-cycle',
        'data.parent',
        `would make ${d.code} its own ancestor on ${d.effectiveOn} or a later day`,
        d.parent,
      ),
    )
  }
  return E.right([emit('UnitChanged', c)])
}

/**
 * Decides a UnitDissolved: the unit established before `dissolvedOn` and not dissolved already; a
 * successor other than the unit that exists on `dissolvedOn`.
 */
export const decideDissolveUnit = (
  c: DissolveUnit,
  context?: DecideContext,
): E.Either<DomainError, ReadonlyArray<NewEventOf<'UnitDissolved'>>> => {
  const d = c.data
  const calendar = context?.calendar
  if (calendar === undefined) return E.left(EMPTY_CALENDAR_REFUSAL(d.code))
  const day = dayNumber(d.dissolvedOn)
  const earlier = calendar.dissolution(d.code)
  if (earlier !== null) return E.left(dissolvedRefusal('data.code', d.code, earlier.dissolvedOn, earlier.successor))
  const living = livingBefore(calendar, d.code, day, 'the day it is dissolved')
  if (living !== null) return E.left(living)
  if (d.successor === d.code)
    return E.left(domainError('SuccessorIsUnit', 'unit.successor', 'data.successor', 'is the unit itself', d.successor))
  if (!calendar.existsOn(d.successor, day)) {
    const gone = calendar.dissolvedBy(d.successor, day)
    return E.left(
      gone === null
        ? domainError(
            'SuccessorNotExisting',
            'unit.successor',
            'data.successor',
            `is not a unit that exists on ${d.dissolvedOn}`,
            d.successor,
          )
        : dissolvedRefusal('data.successor', d.successor, gone.dissolvedOn, gone.successor),
    )
  }
  return E.right([emit('UnitDissolved', c)])
}

/**
 * Decides a ParticipantIdentified against the known links (`context.links`: each id → the id it is
 * linked to): refused when either id is already linked to another id. The same link again passes.
 */
export const decideIdentify = (
  c: IdentifyParticipant,
  context?: DecideContext,
): E.Either<DomainError, ReadonlyArray<NewEventOf<'ParticipantIdentified'>>> => {
  const { participantId, personalId } = c.data
  const links = context?.links
  const a = links?.get(participantId)
  if (a !== undefined && a !== personalId) {
    return E.left(
      domainError(
        'AlreadyLinked',
        'participant.one-link',
        'data.participantId',
        `is already linked to ${a}`,
        participantId,
      ),
    )
  }
  const b = links?.get(personalId)
  if (b !== undefined && b !== participantId) {
    return E.left(
      domainError('AlreadyLinked', 'participant.one-link', 'data.personalId', `is already linked to ${b}`, personalId),
    )
  }
  return E.right([emit('ParticipantIdentified', c)])
}
