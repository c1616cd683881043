/**
 * Every command, and the command behind each event (what the history checker decides again).
 *
 * @module deciders/commands
 */
import type { DomainEvent } from '../events.js'
import type { EmployerCommand } from './employer.js'
import type { EstimatePopulation } from './population.js'
import type { ParticipantCommand } from './participant.js'
import type { AssignQuota } from './quota.js'
import type { EstablishUnit } from './unit.js'
import type { AssignRevenuePlan, CollectContribution } from './money.js'
import type { ChangeUnit, DissolveUnit, IdentifyParticipant } from './geography.js'

/** Any command. */
export type Command =
  | ParticipantCommand
  | AssignQuota
  | EmployerCommand
  | EstablishUnit
  | EstimatePopulation
  | CollectContribution
  | AssignRevenuePlan
  | ChangeUnit
  | DissolveUnit
  | IdentifyParticipant

/** The type of a command. */
export type CommandType = Command['type']

/** The command type that produces each event type. */
export const COMMAND_OF_EVENT = {
  ParticipantEnrolled: 'EnrolParticipant',
  ParticipantLapsed: 'LapseParticipant',
  QuotaAssigned: 'AssignQuota',
  DebtRecorded: 'RecordDebt',
  DebtSettled: 'SettleDebt',
  UnitEstablished: 'EstablishUnit',
  PopulationEstimated: 'EstimatePopulation',
  ContributionCollected: 'CollectContribution',
  RevenuePlanAssigned: 'AssignRevenuePlan',
  UnitChanged: 'ChangeUnit',
  UnitDissolved: 'DissolveUnit',
  ParticipantIdentified: 'IdentifyParticipant',
} as const satisfies Record<DomainEvent['type'], CommandType>

/**
 * The command that would have produced `event` (same id, `recordedAt` and data), e.g. to decide it
 * again against the history before it.
 */
export const commandOfEvent = (event: DomainEvent): Command =>
  ({ type: COMMAND_OF_EVENT[event.type], id: event.id, recordedAt: event.recordedAt, data: event.data }) as Command
