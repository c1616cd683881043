/**
 * The money events of version 2 of the interchange format (agents-revenue): a contribution
 * received (`ContributionCollected`, stream `collection-{unit}`) and a unit's collection target for
 * a year, all schemes together (`RevenuePlanAssigned`, stream `revenue-plan-{unit}-{year}`). Their
 * data codecs are the first version of each type; version-1 files never hold them, so they read
 * unchanged.
 *
 * @module money-events
 */
import type * as t from 'io-ts'
import { optional, strict } from './strict.js'
import { BusinessDate, Count, ParticipantId, PlanYear, Reference, Scheme, UnitCode, Vnd } from './values.js'

/**
 * A payment received: `amount` VND under `scheme`, counted in `unit`, on `collectedOn`; optionally
 * whose contribution it is, the employer who paid it and the collection agent who took it.
 */
export const ContributionCollectedV1 = strict('ContributionCollected', {
  unit: UnitCode,
  scheme: Scheme,
  amount: Vnd,
  collectedOn: BusinessDate,
  participantId: optional(ParticipantId),
  employer: optional(Reference),
  agent: optional(Reference),
})
/** Data of a ContributionCollected event. */
export type ContributionCollected = t.TypeOf<typeof ContributionCollectedV1>

/** A unit's collection target (VND, all schemes) for a year; a later assignment revises it. */
export const RevenuePlanAssignedV1 = strict('RevenuePlanAssigned', {
  unit: UnitCode,
  year: PlanYear,
  amount: Count,
  assignedOn: BusinessDate,
  decision: optional(Reference),
})
/** Data of a RevenuePlanAssigned event. */
export type RevenuePlanAssigned = t.TypeOf<typeof RevenuePlanAssignedV1>
