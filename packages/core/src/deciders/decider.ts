/**
 * The shape every decider shares (Emmett style: three plain functions), the command envelope, and
 * the unit registry some rules consult.
 *
 * A command carries the id of the event it will produce and, optionally, its `recordedAt` (left out,
 * the store's clock sets it). `decide` returns those events ready to append ({@link NewEvent}s);
 * `evolve` needs only an event's `type` and `data`, so it folds stored events and new ones alike.
 *
 * @module deciders/decider
 */
import type * as E from 'fp-ts/lib/Either.js'
import type { EventDataMap, EventOf, EventType, NewEvent } from '../events.js'
import type { EventId, Instant, UnitCode, UnitLevel } from '../values.js'
import type { DomainError } from './domain-error.js'
import type { UnitCalendar } from './unit-calendar.js'

// -------------------------------------------------------------------------------------------------
// events as deciders see them
// -------------------------------------------------------------------------------------------------

/** The part of an event of type `T` that `evolve` reads: its `type` and `data` (a union for a union of types). */
export type BodyOf<T extends EventType> = T extends EventType ? Pick<EventOf<T>, 'type' | 'data'> : never

/** An event of type `T` as appended through the API (`recordedAt` optional). */
export type NewEventOf<T extends EventType> = Extract<NewEvent, { readonly type: T }>

// -------------------------------------------------------------------------------------------------
// commands
// -------------------------------------------------------------------------------------------------

/**
 * A command: its type, the id of the event it produces, optionally the `recordedAt` to give that
 * event, and the event's data (already well-formed: commands are built from decoded values).
 */
export interface CommandOf<C extends string, T extends EventType> {
  readonly type: C
  readonly id: EventId
  readonly recordedAt?: Instant
  readonly data: EventDataMap[T]
}

// -------------------------------------------------------------------------------------------------
// unit registry
// -------------------------------------------------------------------------------------------------

/** What the rules need to know of an established unit. */
export interface RegisteredUnit {
  readonly code: UnitCode
  readonly level: UnitLevel
  /** Null for a province. */
  readonly parent: UnitCode | null
}

/** The established units by code. */
export type UnitRegistry = ReadonlyMap<string, RegisteredUnit>

/** What a decider may consult beyond its own stream. */
export interface DecideContext {
  /**
   * The established units. Absent: the registry is not known, so enrolments and quotas are not
   * checked against it; establishing a unit then treats the registry as empty.
   */
  readonly units?: UnitRegistry
  /**
   * The units' lives through time (version 2: establishment, changes, dissolutions). Absent: no
   * geography is known, so nothing is refused for a dissolved unit.
   */
  readonly calendar?: UnitCalendar
  /** The known id links: each linked id → the id it is linked to (both directions). */
  readonly links?: ReadonlyMap<string, string>
}

/** Builds a unit registry from UnitEstablished events (a later event for a code replaces an earlier one). */
export const unitRegistryOf = (events: Iterable<BodyOf<'UnitEstablished'>>): Map<string, RegisteredUnit> => {
  const units = new Map<string, RegisteredUnit>()
  for (const e of events) units.set(e.data.code, registeredUnitOf(e))
  return units
}

/** The registry entry of a UnitEstablished event. */
export const registeredUnitOf = (e: BodyOf<'UnitEstablished'>): RegisteredUnit => ({
  code: e.data.code,
  level: e.data.level,
  parent: e.data.parent ?? null,
})

// -------------------------------------------------------------------------------------------------
// decider
// -------------------------------------------------------------------------------------------------

/**
 * A decider of one kind of stream: `decide` refuses a command with a {@link DomainError} or returns
 * the events to append; `evolve` folds one event into the state; `initialState` is the empty stream.
 */
export interface Decider<C extends { readonly type: string }, T extends EventType, S> {
  readonly initialState: S
  readonly evolve: (state: S, event: BodyOf<T>) => S
  readonly decide: (
    command: C,
    state: S,
    context?: DecideContext,
  ) => E.Either<DomainError, ReadonlyArray<NewEventOf<T>>>
}

/** The state of a stream after its events, e.g. `replay(participantDecider, stored)`. */
export const replay = <C extends { readonly type: string }, T extends EventType, S>(
  decider: Decider<C, T, S>,
  events: Iterable<BodyOf<T>>,
): S => {
  let state = decider.initialState
  for (const e of events) state = decider.evolve(state, e)
  return state
}

/** The event a command produces: its id, its `recordedAt` when given, the type and the data. */
export const emit = <T extends EventType>(type: T, command: CommandOf<string, T>): NewEventOf<T> =>
  (command.recordedAt === undefined
    ? { id: command.id, type, data: command.data }
    : { id: command.id, type, recordedAt: command.recordedAt, data: command.data }) as NewEventOf<T>
