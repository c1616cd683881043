/**
 * Arbitraries of every value type, every event type and every command, each derived from the codec
 * that decodes it. Values are well-formed (they decode) but not necessarily allowed by the write
 * rules: for whole valid histories use {@link history}, for refused commands {@link invalidCommand}.
 *
 * @module arbitraries
 */
import fc from 'fast-check'
import type * as t from 'io-ts'
import {
  BusinessDate,
  COMMAND_OF_EVENT,
  type Command,
  type CommandType,
  Count,
  DebtScheme,
  type DomainEvent,
  EVENT_TYPES,
  type EventDataMap,
  type EventOf,
  type EventType,
  EventId,
  Instant,
  LapseReason,
  Month,
  ParticipantId,
  PlanYear,
  PositiveCount,
  Reference,
  SCHEMAS,
  Scheme,
  UnitCode,
  UnitLevel,
  UnitName,
  Vnd,
  InsuranceNumber,
  PersonalId,
} from '@ansinh/core'
import { type ArbitraryOfOptions, arbitraryOf } from './codec.js'

// -------------------------------------------------------------------------------------------------
// catalogue
// -------------------------------------------------------------------------------------------------

/** The codec of every value type, by name. */
export const VALUE_CODECS = {
  BusinessDate,
  Month,
  Instant,
  ParticipantId,
  UnitCode,
  UnitLevel,
  Scheme,
  DebtScheme,
  Vnd,
  Reference,
  UnitName,
  PlanYear,
  Count,
  PositiveCount,
  EventId,
  LapseReason,
  InsuranceNumber,
  PersonalId,
} as const

/** The name of a value type, e.g. `BusinessDate`. */
export type ValueName = keyof typeof VALUE_CODECS

/** The decoded type of a value type. */
export type ValueOf<N extends ValueName> = t.TypeOf<(typeof VALUE_CODECS)[N]>

/** Every value type name. */
export const VALUE_NAMES = Object.keys(VALUE_CODECS) as ValueName[]

/** The event type each command type produces (the inverse of core's `COMMAND_OF_EVENT`). */
export const EVENT_OF_COMMAND = Object.fromEntries(
  Object.entries(COMMAND_OF_EVENT).map(([event, command]) => [command, event]),
) as {
  readonly [C in CommandType]: Extract<Command, { type: C }> extends { data: EventDataMap[infer T extends EventType] }
    ? T
    : never
}

/** Every command type. */
export const COMMAND_TYPES = Object.values(COMMAND_OF_EVENT) as CommandType[]

/** A command of one type. */
export type CommandOfType<C extends CommandType> = Extract<Command, { readonly type: C }>

// -------------------------------------------------------------------------------------------------
// arbitraries
// -------------------------------------------------------------------------------------------------

/** Generators of well-formed values, event data, events and commands, all from the codecs. */
export interface Arbitraries {
  /** A value of a named type, e.g. `arbitraries.value('BusinessDate')`. */
  value<N extends ValueName>(name: N): fc.Arbitrary<ValueOf<N>>
  /** The data of an event type, e.g. `arbitraries.eventData('DebtSettled')`. */
  eventData<T extends EventType>(type: T): fc.Arbitrary<EventDataMap[T]>
  /** A whole event (id, type, recordedAt, data) of a type, e.g. `arbitraries.event('ParticipantEnrolled')`. */
  event<T extends EventType>(type: T): fc.Arbitrary<EventOf<T>>
  /** An event of any type. */
  anyEvent(): fc.Arbitrary<DomainEvent>
  /** A command of a type, with or without `recordedAt`, e.g. `arbitraries.command('SettleDebt')`. */
  command<C extends CommandType>(type: C): fc.Arbitrary<CommandOfType<C>>
  /** A command of any type. */
  anyCommand(): fc.Arbitrary<Command>
}

/**
 * Builds the arbitraries, optionally with other generators for some brands (e.g. dates of one
 * year only: `makeArbitraries({ brands: { BusinessDate: () => businessDate({ from: 2020, to: 2020 }) } })`).
 */
export const makeArbitraries = (options: ArbitraryOfOptions = {}): Arbitraries => {
  const value = <N extends ValueName>(name: N): fc.Arbitrary<ValueOf<N>> =>
    arbitraryOf(VALUE_CODECS[name] as unknown as t.Type<ValueOf<N>, unknown, unknown>, options)
  const eventData = <T extends EventType>(type: T): fc.Arbitrary<EventDataMap[T]> =>
    arbitraryOf(SCHEMAS[type].codec, options)
  const event = <T extends EventType>(type: T): fc.Arbitrary<EventOf<T>> =>
    fc
      .record({ id: value('EventId'), recordedAt: value('Instant'), data: eventData(type) })
      .map(({ id, recordedAt, data }) => ({ id, type, recordedAt, data }))
  const command = <C extends CommandType>(type: C): fc.Arbitrary<CommandOfType<C>> =>
    fc
      .record(
        { id: value('EventId'), recordedAt: value('Instant'), data: eventData(EVENT_OF_COMMAND[type] as EventType) },
        { requiredKeys: ['id', 'data'] },
      )
      .map((c) => ({ type, ...c }) as unknown as CommandOfType<C>)
  return {
    value,
    eventData,
    event,
    anyEvent: () => fc.oneof(...EVENT_TYPES.map((type) => event(type))) as fc.Arbitrary<DomainEvent>,
    command,
    anyCommand: () => fc.oneof(...COMMAND_TYPES.map((type) => command(type))) as fc.Arbitrary<Command>,
  }
}

/** The arbitraries with the built-in brand generators, e.g. `arbitraries.event('ParticipantEnrolled')`. */
export const arbitraries: Arbitraries = makeArbitraries()
