/**
 * The versioning seam: each event type has a current schema version, a data codec per version,
 * and an upcaster from each version to the next. Decoding goes through the chain, so adding
 * version 2 of one event is a local change here: a codec and one upcaster.
 *
 * @module schema
 */
import type * as t from 'io-ts'
import {
  DebtRecordedV1,
  DebtSettledV1,
  type EventDataMap,
  type EventType,
  ParticipantEnrolledV1,
  ParticipantLapsedV1,
  PopulationEstimatedV1,
  QuotaAssignedV1,
  UnitEstablishedV1,
} from './events.js'
import { ContributionCollectedV1, RevenuePlanAssignedV1 } from './money-events.js'
import {
  ParticipantEnrolledV2,
  ParticipantIdentifiedV2,
  ParticipantLapsedV2,
  UnitChangedV2,
  UnitDissolvedV2,
} from './events-v2.js'

/** The schema of one event type: its data codec for each version and the upcasters between them. */
export interface EventSchema<T extends EventType> {
  readonly type: T
  /** The version new events are written in. */
  readonly current: number
  /** The data codec of each version, from the type's first version (1, or 2 for types new in version 2) to `current`. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each version decodes to its own type; `unknown` would refuse them (codecs are invariant)
  readonly codecs: Readonly<Record<number, t.Type<any, unknown, unknown>>>
  /** `upcasters[v]` turns decoded data of version v into version v + 1. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- an upcaster takes its own version's data; `unknown` would refuse it
  readonly upcasters: Readonly<Record<number, (data: any) => unknown>>
  /** The codec of the current version (for encoding). */
  readonly codec: t.Type<EventDataMap[T], unknown, unknown>
}

const v1 = <T extends EventType>(type: T, codec: t.Type<EventDataMap[T], unknown, unknown>): EventSchema<T> => ({
  type,
  current: 1,
  codecs: { 1: codec },
  upcasters: {},
  codec,
})

/**
 * A type that changed in version 2: its version-1 codec, its version-2 codec and the upcaster
 * from 1 to 2.
 */
const v2 = <T extends EventType>(
  type: T,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- version 1 decodes to its own type
  first: t.Type<any, unknown, unknown>,
  codec: t.Type<EventDataMap[T], unknown, unknown>,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- an upcaster takes its own version's data
  up: (data: any) => EventDataMap[T],
): EventSchema<T> => ({ type, current: 2, codecs: { 1: first, 2: codec }, upcasters: { 1: up }, codec })

/** A type new in version 2: no version-1 codec, so a version-1 reader refuses it. */
const since2 = <T extends EventType>(type: T, codec: t.Type<EventDataMap[T], unknown, unknown>): EventSchema<T> => ({
  type,
  current: 2,
  codecs: { 2: codec },
  upcasters: {},
  codec,
})

/**
 * Version 1 → 2 of ParticipantEnrolled / ParticipantLapsed: version 2 only widens `participantId`
 * (10 or 12 digits), so a version-1 value is a version-2 value as it stands.
 */
const widenedParticipantId = <A>(data: A): A => data

/** The schema registry: every event type's versions. */
export const SCHEMAS: { readonly [T in EventType]: EventSchema<T> } = {
  ParticipantEnrolled: v2('ParticipantEnrolled', ParticipantEnrolledV1, ParticipantEnrolledV2, widenedParticipantId),
  ParticipantLapsed: v2('ParticipantLapsed', ParticipantLapsedV1, ParticipantLapsedV2, widenedParticipantId),
  QuotaAssigned: v1('QuotaAssigned', QuotaAssignedV1),
  DebtRecorded: v1('DebtRecorded', DebtRecordedV1),
  DebtSettled: v1('DebtSettled', DebtSettledV1),
  UnitEstablished: v1('UnitEstablished', UnitEstablishedV1),
  PopulationEstimated: v1('PopulationEstimated', PopulationEstimatedV1),
  // new in version 2: no version-1 codec, so a version-1 reader refuses them
  ContributionCollected: since2('ContributionCollected', ContributionCollectedV1),
  RevenuePlanAssigned: since2('RevenuePlanAssigned', RevenuePlanAssignedV1),
  UnitChanged: since2('UnitChanged', UnitChangedV2),
  UnitDissolved: since2('UnitDissolved', UnitDissolvedV2),
  ParticipantIdentified: since2('ParticipantIdentified', ParticipantIdentifiedV2),
}

/** The current schema version of an event type. */
export const currentVersion = (type: EventType): number => SCHEMAS[type].current

/**
 * The version an event is written in: the first version whose codec takes its data as it stands
 * (a ParticipantEnrolled with a 10-digit id is written in version 1, one with a 12-digit id in
 * version 2). Stores record it and the hash chain covers it, so a history without version-2
 * content keeps the hashes it had before version 2 existed.
 */
export const writtenVersion = (e: { readonly type: EventType; readonly data: unknown }): number => {
  const schema = SCHEMAS[e.type]
  if (schema.current === 1) return 1
  const encoded = schema.codec.encode(e.data as never)
  for (let v = 1; v < schema.current; v++) {
    const codec = schema.codecs[v]
    if (codec !== undefined && codec.is(encoded)) return v
  }
  return schema.current
}

/**
 * Brings data decoded at `version` up to the current version through the upcaster chain.
 * Throws only on a programming error (a missing upcaster): the registry is checked by its tests.
 */
export const upcast = <T extends EventType>(type: T, version: number, data: unknown): EventDataMap[T] => {
  const schema = SCHEMAS[type]
  let d = data
  for (let v = version; v < schema.current; v++) {
    const up = schema.upcasters[v]
    if (up === undefined) throw new Error(`no upcaster for ${type} from version ${v}`)
    d = up(d)
  }
  return d as EventDataMap[T]
}
