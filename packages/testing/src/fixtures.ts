/**
 * `@ansinh/testing/fixtures`: small builders of whole events for the report tests, e.g.
 * `positioned([established('60', 'Bình Thuận'), enrolled('P1', 'health', '60', '2020-01-01', null)])`.
 * Every builder gives a well-formed event recorded at a default instant unless told.
 *
 * @module fixtures
 */
import type {
  BusinessDate,
  DomainEvent,
  EventDataMap,
  EventId,
  EventType,
  Instant,
  PositionedEvent,
  Scheme,
} from '@ansinh/core'

let counter = 0
const nextId = (): EventId => `00000000-0000-4000-8000-${(++counter).toString(16).padStart(12, '0')}` as EventId

/** The instant events are recorded at unless a test says otherwise. */
export const DEFAULT_RECORDED_AT = '2020-01-01T08:00:00+07:00'

/** An event of `type` with `data`, recorded at `recordedAt`. */
export const event = <T extends EventType>(
  type: T,
  data: EventDataMap[T],
  recordedAt: string = DEFAULT_RECORDED_AT,
): DomainEvent => ({ id: nextId(), type, recordedAt: recordedAt as Instant, data }) as DomainEvent

const d = (s: string): BusinessDate => s as BusinessDate

/** ParticipantEnrolled. */
export const enrolled = (
  participantId: string,
  scheme: Scheme,
  unit: string,
  from: string,
  through: string | null,
  recordedAt?: string,
): DomainEvent =>
  event(
    'ParticipantEnrolled',
    {
      participantId,
      scheme,
      unit,
      coveredFrom: d(from),
      coveredThrough: through === null ? null : d(through),
    } as EventDataMap['ParticipantEnrolled'],
    recordedAt,
  )

/** ParticipantLapsed. */
export const lapsed = (participantId: string, scheme: Scheme, lapsedOn: string, recordedAt?: string): DomainEvent =>
  event(
    'ParticipantLapsed',
    { participantId, scheme, lapsedOn: d(lapsedOn), reason: 'stopped-paying' } as EventDataMap['ParticipantLapsed'],
    recordedAt,
  )

/** UnitEstablished (level from the code's length). */
export const established = (code: string, name: string, parent?: string, recordedAt?: string): DomainEvent =>
  event(
    'UnitEstablished',
    {
      code,
      name,
      level: code.length === 2 ? 'province' : code.length === 3 ? 'district' : 'commune',
      ...(parent === undefined ? {} : { parent }),
      establishedOn: d('2000-01-01'),
    } as EventDataMap['UnitEstablished'],
    recordedAt,
  )

/** PopulationEstimated. */
export const estimated = (
  unit: string,
  year: number,
  population: number,
  labourForce?: number,
  recordedAt?: string,
): DomainEvent =>
  event(
    'PopulationEstimated',
    {
      unit,
      year,
      population,
      ...(labourForce === undefined ? {} : { labourForce }),
    } as EventDataMap['PopulationEstimated'],
    recordedAt,
  )

/** QuotaAssigned. */
export const assigned = (
  unit: string,
  scheme: Scheme,
  year: number,
  target: number,
  assignedOn: string,
  recordedAt?: string,
): DomainEvent =>
  event(
    'QuotaAssigned',
    { unit, scheme, year, target, assignedOn: d(assignedOn) } as EventDataMap['QuotaAssigned'],
    recordedAt,
  )

/** DebtRecorded. */
export const owed = (
  employer: string,
  unit: string,
  scheme: 'compulsory' | 'health' | 'unemployment',
  period: string,
  amount: number,
  recordedOn: string,
  recordedAt?: string,
): DomainEvent =>
  event(
    'DebtRecorded',
    { employer, unit, scheme, period, amount, recordedOn: d(recordedOn) } as EventDataMap['DebtRecorded'],
    recordedAt,
  )

/** DebtSettled. */
export const settled = (
  employer: string,
  scheme: 'compulsory' | 'health' | 'unemployment',
  amount: number,
  settledOn: string,
  recordedAt?: string,
): DomainEvent =>
  event('DebtSettled', { employer, scheme, amount, settledOn: d(settledOn) } as EventDataMap['DebtSettled'], recordedAt)

/** UnitEstablished on a given day (level from the code's length). */
export const establishedOn = (
  code: string,
  name: string,
  on: string,
  parent?: string,
  recordedAt?: string,
): DomainEvent =>
  event(
    'UnitEstablished',
    {
      code,
      name,
      level: code.length === 2 ? 'province' : code.length === 3 ? 'district' : 'commune',
      ...(parent === undefined ? {} : { parent }),
      establishedOn: d(on),
    } as EventDataMap['UnitEstablished'],
    recordedAt,
  )

/** UnitChanged (version 2): from `effectiveOn`, the fields given (`parent: null`: no parent). */
export const changed = (
  code: string,
  effectiveOn: string,
  fields: { name?: string; parent?: string | null; level?: 'province' | 'district' | 'commune' },
  recordedAt?: string,
): DomainEvent =>
  event('UnitChanged', { code, effectiveOn: d(effectiveOn), ...fields } as EventDataMap['UnitChanged'], recordedAt)

/** UnitDissolved (version 2): from `dissolvedOn`, everything of `code` belongs to `successor`. */
export const dissolved = (code: string, dissolvedOn: string, successor: string, recordedAt?: string): DomainEvent =>
  event('UnitDissolved', { code, dissolvedOn: d(dissolvedOn), successor } as EventDataMap['UnitDissolved'], recordedAt)

/** ParticipantIdentified (version 2): a 10-digit number and a 12-digit personal id name one person. */
export const identified = (
  participantId: string,
  personalId: string,
  identifiedOn: string,
  recordedAt?: string,
): DomainEvent =>
  event(
    'ParticipantIdentified',
    { participantId, personalId, identifiedOn: d(identifiedOn) } as EventDataMap['ParticipantIdentified'],
    recordedAt,
  )

/** Events with positions 1, 2, 3, … in the order given. */
export const positioned = (events: readonly DomainEvent[]): PositionedEvent[] =>
  events.map((event, i) => ({ event, position: i + 1 }))

/** A business date from a string literal. */
export const day = d

/** ContributionCollected (`extra`: participantId, employer, agent). */
export const collected = (
  unit: string,
  scheme: Scheme,
  amount: number,
  collectedOn: string,
  extra: { readonly participantId?: string; readonly employer?: string; readonly agent?: string } = {},
  recordedAt?: string,
): DomainEvent =>
  event(
    'ContributionCollected',
    { unit, scheme, amount, collectedOn: d(collectedOn), ...extra } as EventDataMap['ContributionCollected'],
    recordedAt,
  )

/** RevenuePlanAssigned. */
export const planned = (
  unit: string,
  year: number,
  amount: number,
  assignedOn: string,
  recordedAt?: string,
): DomainEvent =>
  event(
    'RevenuePlanAssigned',
    { unit, year, amount, assignedOn: d(assignedOn) } as EventDataMap['RevenuePlanAssigned'],
    recordedAt,
  )

/** ParticipantEnrolled through a collection agent. */
export const recruited = (
  participantId: string,
  scheme: Scheme,
  unit: string,
  from: string,
  through: string | null,
  agent: string,
  recordedAt?: string,
): DomainEvent =>
  event(
    'ParticipantEnrolled',
    {
      participantId,
      scheme,
      unit,
      coveredFrom: d(from),
      coveredThrough: through === null ? null : d(through),
      agent,
    } as EventDataMap['ParticipantEnrolled'],
    recordedAt,
  )
