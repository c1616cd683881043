/**
 * The deciders: one per kind of stream, each enforcing the write rules of its events.
 *
 * @module deciders
 */
export {
  domainError,
  type DomainError,
  type DomainErrorTag,
  isDomainError,
  WRITE_RULES,
  type WriteRule,
} from './domain-error.js'
export {
  type BodyOf,
  type CommandOf,
  type DecideContext,
  type Decider,
  emit,
  type NewEventOf,
  type RegisteredUnit,
  registeredUnitOf,
  replay,
  type UnitRegistry,
  unitRegistryOf,
} from './decider.js'
export {
  type EnrolledPeriod,
  type EnrolParticipant,
  knownCoverageEnd,
  type LapseParticipant,
  type ParticipantCommand,
  participantDecider,
  type ParticipantEventType,
  type ParticipantState,
  type SchemeCoverage,
} from './participant.js'
export { type AssignQuota, quotaDecider, type QuotaState } from './quota.js'
export {
  type DatedAmount,
  type DebtLedger,
  type EmployerCommand,
  employerDecider,
  type EmployerEventType,
  type EmployerState,
  outstandingOn,
  type RecordDebt,
  type SettleDebt,
} from './employer.js'
export { type EstablishUnit, unitDecider, type UnitState } from './unit.js'
export { type EstimatePopulation, populationDecider, type PopulationState } from './population.js'
export {
  type ChangeUnit,
  decideChangeUnit,
  decideDissolveUnit,
  decideIdentify,
  type DissolveUnit,
  dissolvedRefusal,
  type IdentifyParticipant,
  refuseDissolved,
} from './geography.js'
export { type Dissolution, UnitCalendar } from './unit-calendar.js'
export { type Command, COMMAND_OF_EVENT, commandOfEvent, type CommandType } from './commands.js'
export {
  type AssignRevenuePlan,
  type CollectContribution,
  collectionDecider,
  type CollectionState,
  revenuePlanDecider,
  type RevenuePlanState,
} from './money.js'
