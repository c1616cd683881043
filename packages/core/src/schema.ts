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

/** The schema of one event type: its data codec for each version and the upcasters between them. */
export interface EventSchema<T extends EventType> {
  readonly type: T
  /** The version new events are written in. */
  readonly current: number
  /** The data codec of each version, from 1 to `current`. */
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

/** The schema registry: every event type's versions. */
export const SCHEMAS: { readonly [T in EventType]: EventSchema<T> } = {
  ParticipantEnrolled: v1('ParticipantEnrolled', ParticipantEnrolledV1),
  ParticipantLapsed: v1('ParticipantLapsed', ParticipantLapsedV1),
  QuotaAssigned: v1('QuotaAssigned', QuotaAssignedV1),
  DebtRecorded: v1('DebtRecorded', DebtRecordedV1),
  DebtSettled: v1('DebtSettled', DebtSettledV1),
  UnitEstablished: v1('UnitEstablished', UnitEstablishedV1),
  PopulationEstimated: v1('PopulationEstimated', PopulationEstimatedV1),
  // added in version 2 of the interchange format: their first data version, so no upcaster
  ContributionCollected: v1('ContributionCollected', ContributionCollectedV1),
  RevenuePlanAssigned: v1('RevenuePlanAssigned', RevenuePlanAssignedV1),
}

/** The current schema version of an event type. */
export const currentVersion = (type: EventType): number => SCHEMAS[type].current

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
