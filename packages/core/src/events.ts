/**
 * The domain events: their data codecs (version 1 of the interchange format), the envelope
 * (`id`, `type`, `recordedAt`, `data`) and the stream each event belongs to.
 *
 * @module events
 */
import * as t from 'io-ts'
import { nullable, optional, strict } from './strict.js'
import {
  BusinessDate,
  Count,
  DebtScheme,
  type EventId,
  type Instant,
  Month,
  ParticipantId,
  PlanYear,
  PositiveCount,
  Reference,
  Scheme,
  UnitCode,
  UnitLevel,
  UnitName,
  Vnd,
} from './values.js'
import type { ContributionCollected, RevenuePlanAssigned } from './money-events.js'
import type { ParticipantIdentified, UnitChanged, UnitDissolved } from './events-v2.js'

// -------------------------------------------------------------------------------------------------
// data codecs (version 1)
// -------------------------------------------------------------------------------------------------

/** Why coverage ended early. */
export const LapseReason = t.keyof(
  {
    'stopped-paying': null,
    'moved-to-compulsory': null,
    'lump-sum-withdrawal': null,
    retired: null,
    deceased: null,
    other: null,
  },
  'LapseReason',
)
/** Why coverage ended early. */
export type LapseReason = t.TypeOf<typeof LapseReason>

/** A participant is covered under a scheme for a period (`coveredThrough` null: open-ended). */
export const ParticipantEnrolledV1 = strict('ParticipantEnrolled', {
  participantId: ParticipantId,
  scheme: Scheme,
  unit: UnitCode,
  coveredFrom: BusinessDate,
  coveredThrough: nullable(BusinessDate),
  agent: optional(Reference),
  employer: optional(Reference),
})
/** Data of a ParticipantEnrolled event. */
export type ParticipantEnrolled = t.TypeOf<typeof ParticipantEnrolledV1>

/** Coverage ends before its paid-through date; `lapsedOn` is the first day without coverage. */
export const ParticipantLapsedV1 = strict('ParticipantLapsed', {
  participantId: ParticipantId,
  scheme: Scheme,
  lapsedOn: BusinessDate,
  reason: LapseReason,
})
/** Data of a ParticipantLapsed event. */
export type ParticipantLapsed = t.TypeOf<typeof ParticipantLapsedV1>

/** A plan target for a unit, scheme and year; a later assignment revises it. */
export const QuotaAssignedV1 = strict('QuotaAssigned', {
  unit: UnitCode,
  scheme: Scheme,
  year: PlanYear,
  target: Count,
  assignedOn: BusinessDate,
  assignedBy: optional(Reference),
  decision: optional(Reference),
})
/** Data of a QuotaAssigned event. */
export type QuotaAssigned = t.TypeOf<typeof QuotaAssignedV1>

/** An employer owes contributions for a month. */
export const DebtRecordedV1 = strict('DebtRecorded', {
  employer: Reference,
  unit: UnitCode,
  scheme: DebtScheme,
  period: Month,
  amount: Vnd,
  recordedOn: BusinessDate,
})
/** Data of a DebtRecorded event. */
export type DebtRecorded = t.TypeOf<typeof DebtRecordedV1>

/** An employer pays off debt. */
export const DebtSettledV1 = strict('DebtSettled', {
  employer: Reference,
  scheme: DebtScheme,
  amount: Vnd,
  settledOn: BusinessDate,
})
/** Data of a DebtSettled event. */
export type DebtSettled = t.TypeOf<typeof DebtSettledV1>

/** An administrative unit and its place in the hierarchy. */
export const UnitEstablishedV1 = strict('UnitEstablished', {
  code: UnitCode,
  name: UnitName,
  level: UnitLevel,
  parent: optional(UnitCode),
  establishedOn: BusinessDate,
})
/** Data of a UnitEstablished event. */
export type UnitEstablished = t.TypeOf<typeof UnitEstablishedV1>

/** A published denominator: population and working-age labour force of a unit in a year. */
export const PopulationEstimatedV1 = strict('PopulationEstimated', {
  unit: UnitCode,
  year: PlanYear,
  population: PositiveCount,
  labourForce: optional(PositiveCount),
  source: optional(Reference),
})
/** Data of a PopulationEstimated event. */
export type PopulationEstimated = t.TypeOf<typeof PopulationEstimatedV1>

/** The data type of each event type, at its current version. */
export interface EventDataMap {
  readonly ParticipantEnrolled: ParticipantEnrolled
  readonly ParticipantLapsed: ParticipantLapsed
  readonly QuotaAssigned: QuotaAssigned
  readonly DebtRecorded: DebtRecorded
  readonly DebtSettled: DebtSettled
  readonly UnitEstablished: UnitEstablished
  readonly PopulationEstimated: PopulationEstimated
  // version 2 (agents-revenue): money-events.ts
  readonly ContributionCollected: ContributionCollected
  readonly RevenuePlanAssigned: RevenuePlanAssigned
  // version 2 (geography): events-v2.ts
  readonly UnitChanged: UnitChanged
  readonly UnitDissolved: UnitDissolved
  readonly ParticipantIdentified: ParticipantIdentified
}

/** The name of an event type. */
export type EventType = keyof EventDataMap

/** Every event type, in catalogue order. */
export const EVENT_TYPES: readonly EventType[] = [
  'ParticipantEnrolled',
  'ParticipantLapsed',
  'QuotaAssigned',
  'DebtRecorded',
  'DebtSettled',
  'UnitEstablished',
  'PopulationEstimated',
  'ContributionCollected',
  'RevenuePlanAssigned',
  'UnitChanged',
  'UnitDissolved',
  'ParticipantIdentified',
]

/** Whether `s` names an event type. */
export const isEventType = (s: unknown): s is EventType =>
  typeof s === 'string' && (EVENT_TYPES as readonly string[]).includes(s)

// -------------------------------------------------------------------------------------------------
// envelope
// -------------------------------------------------------------------------------------------------

/** An event of one type: its envelope and its data. */
export interface EventOf<T extends EventType> {
  /** A UUID, unique in the history. */
  readonly id: EventId
  readonly type: T
  /** When the agency recorded the fact (knowledge time). */
  readonly recordedAt: Instant
  readonly data: EventDataMap[T]
}

/** Any domain event. */
export type DomainEvent = { [T in EventType]: EventOf<T> }[EventType]

/** An event and its position in the history (the store's global order), as projections take them. */
export interface PositionedEvent {
  readonly event: DomainEvent
  readonly position: number
}

/** An event as appended through the API: `recordedAt` may be left to the store's clock. */
export type NewEvent = {
  [T in EventType]: Omit<EventOf<T>, 'recordedAt'> & { readonly recordedAt?: Instant }
}[EventType]

/** Narrows an event to one type. */
export const isEventOf =
  <T extends EventType>(type: T) =>
  (e: DomainEvent): e is Extract<DomainEvent, { type: T }> =>
    e.type === type

/** Builds an event, e.g. `makeEvent('ParticipantLapsed', id, at, { ... })`. */
export const makeEvent = <T extends EventType>(
  type: T,
  id: EventId,
  recordedAt: Instant,
  data: EventDataMap[T],
): EventOf<T> => ({
  id,
  type,
  recordedAt,
  data,
})

// -------------------------------------------------------------------------------------------------
// streams
// -------------------------------------------------------------------------------------------------

/** The kinds of stream, each a consistency boundary with its own decider. */
export type StreamKind = 'participant' | 'quota' | 'employer' | 'unit' | 'population' | 'collection' | 'revenue-plan'

/** The type and data of an event, without its envelope. */
export type EventBody = { [T in EventType]: Pick<EventOf<T>, 'type' | 'data'> }[EventType]

/** The stream an event belongs to, e.g. `participant-0123456789`, `quota-22816-voluntary-2020`. */
export const streamOf = (e: EventBody): string => {
  switch (e.type) {
    case 'ParticipantEnrolled':
    case 'ParticipantLapsed':
    case 'ParticipantIdentified':
      return `participant-${e.data.participantId}`
    case 'QuotaAssigned':
      return `quota-${e.data.unit}-${e.data.scheme}-${e.data.year}`
    case 'DebtRecorded':
    case 'DebtSettled':
      return `employer-${e.data.employer}`
    case 'UnitEstablished':
    case 'UnitChanged':
    case 'UnitDissolved':
      return `unit-${e.data.code}`
    case 'PopulationEstimated':
      return `population-${e.data.unit}`
    case 'ContributionCollected':
      return `collection-${e.data.unit}`
    case 'RevenuePlanAssigned':
      return `revenue-plan-${e.data.unit}-${e.data.year}`
  }
}

/** The kind of stream an event type belongs to. */
export const streamKindOf = (type: EventType): StreamKind => {
  switch (type) {
    case 'ParticipantEnrolled':
    case 'ParticipantLapsed':
    case 'ParticipantIdentified':
      return 'participant'
    case 'QuotaAssigned':
      return 'quota'
    case 'DebtRecorded':
    case 'DebtSettled':
      return 'employer'
    case 'UnitEstablished':
    case 'UnitChanged':
    case 'UnitDissolved':
      return 'unit'
    case 'PopulationEstimated':
      return 'population'
    case 'ContributionCollected':
      return 'collection'
    case 'RevenuePlanAssigned':
      return 'revenue-plan'
  }
}
