/**
 * The unit decider (stream `unit-{code}`): administrative units and their place in the hierarchy.
 *
 * @module deciders/unit
 */
import * as E from 'fp-ts/lib/Either.js'
import { type UnitLevel, levelOfCode } from '../values.js'
import {
  type BodyOf,
  type CommandOf,
  type DecideContext,
  type Decider,
  type NewEventOf,
  type RegisteredUnit,
  type UnitRegistry,
  emit,
  registeredUnitOf,
} from './decider.js'
import { type DomainError, domainError } from './domain-error.js'

/** Establish an administrative unit; produces UnitEstablished. */
export type EstablishUnit = CommandOf<'EstablishUnit', 'UnitEstablished'>

/** The state of a unit stream: the unit once established. */
export interface UnitState {
  readonly established: RegisteredUnit | null
}

/** The levels a parent of each level may have (a commune may sit directly under a province). */
const PARENT_LEVELS: Readonly<Record<UnitLevel, readonly UnitLevel[]>> = {
  province: [],
  district: ['province'],
  commune: ['district', 'province'],
}

const EMPTY_REGISTRY: UnitRegistry = new Map()

/**
 * Whether making `parent` the parent of `code` would close a loop: walks up from `parent`.
 *
 * The level rules already make a loop impossible: every parent is strictly higher (province above
 * district above commune) and a province has none, so a chain of parents climbs and ends within two
 * steps. A registry built from events that broke those rules elsewhere may still hold a loop, so the
 * walk is bounded by the registry's size and treats running out of steps as a loop too.
 */
const closesLoop = (code: string, parent: string, units: UnitRegistry): boolean => {
  let current: string | null = parent
  for (let steps = 0; current !== null; steps++) {
    if (current === code || steps > units.size) return true
    current = units.get(current)?.parent ?? null
  }
  return false
}

const decideEstablish = (
  c: EstablishUnit,
  state: UnitState,
  context?: DecideContext,
): E.Either<DomainError, ReadonlyArray<NewEventOf<'UnitEstablished'>>> => {
  const d = c.data
  // Without a known registry nothing is established yet: a province can still be established.
  const units = context?.units ?? EMPTY_REGISTRY
  if (state.established !== null || units.has(d.code)) {
    return E.left(
      domainError(
        'UnitAlreadyEstablished',
        'unit.new-code',
        'data.code',
        'is already established (codes are never reused)',
        d.code,
      ),
    )
  }
  const implied = levelOfCode(d.code)
  if (d.level !== implied) {
    return E.left(
      domainError(
        'LevelMismatch',
        'unit.level-matches-code',
        'data.level',
        `does not match code ${d.code}: ${d.code.length} digits make a ${implied}`,
        d.level,
      ),
    )
  }
  const parent = d.parent ?? null
  if (d.level === 'province') {
    if (parent !== null)
      return E.left(
        domainError(
          'ProvinceWithParent',
          'unit.parent',
          'data.parent',
          'must be absent: a province has no parent',
          parent,
        ),
      )
    return E.right([emit('UnitEstablished', c)])
  }
  if (parent === null) {
    return E.left(
      domainError('ParentRequired', 'unit.parent', 'data.parent', `is required for a ${d.level}`, d.parent ?? null),
    )
  }
  const parentUnit = units.get(parent)
  if (parentUnit === undefined) {
    return E.left(
      domainError('ParentNotEstablished', 'unit.parent', 'data.parent', 'is not an established unit', parent),
    )
  }
  if (!PARENT_LEVELS[d.level].includes(parentUnit.level)) {
    return E.left(
      domainError(
        'ParentLevel',
        'unit.parent',
        'data.parent',
        `is a ${parentUnit.level}; a ${d.level} sits under a ${PARENT_LEVELS[d.level].join(' or ')}`,
        parent,
      ),
    )
  }
  if (closesLoop(d.code, parent, units)) {
    return E.left(
      domainError('UnitCycle', 'unit.no-cycle', 'data.parent', `would make ${d.code} its own ancestor`, parent),
    )
  }
  return E.right([emit('UnitEstablished', c)])
}

/**
 * Decides new units against the registry of established units (`context.units`; absent means none
 * yet): a new code, the level its length implies, and a parent one level up that exists.
 *
 * @example unitDecider.decide({ type: 'EstablishUnit', id, data }, unitDecider.initialState, { units })
 */
export const unitDecider: Decider<EstablishUnit, 'UnitEstablished', UnitState> = {
  initialState: { established: null },
  evolve: (_state, event: BodyOf<'UnitEstablished'>) => ({ established: registeredUnitOf(event) }),
  decide: decideEstablish,
}
