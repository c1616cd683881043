/**
 * The errors of the write rules: one tagged value per way a command can break a rule, in the same
 * `{ path, message, value }` shape as a decoding {@link Problem}, so every caller prints both alike.
 *
 * @module deciders/domain-error
 */
import type { Problem } from '../problem.js'

// -------------------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------------------

/** Every write rule, by a stable dotted id (`ansinh check` and the docs name rules by it). */
export const WRITE_RULES = [
  'enrol.period-order',
  'enrol.end-required',
  'enrol.no-overlap',
  'enrol.unit-established',
  'lapse.cuts-coverage',
  'quota.target-non-negative',
  'quota.unit-established',
  'debt.not-before-period',
  'settlement.within-outstanding',
  'unit.new-code',
  'unit.level-matches-code',
  'unit.parent',
  'unit.no-cycle',
  'population.labour-force-within-population',
  'collection.amount-positive',
  'collection.unit-established',
  'revenue-plan.amount-non-negative',
  'revenue-plan.unit-established',
  'history.unique-id',
  'unit.exists-on-day',
  'unit.successor',
  'unit.dissolved',
  'participant.one-link',
] as const

/** The id of a write rule, e.g. `enrol.no-overlap`. */
export type WriteRule = (typeof WRITE_RULES)[number]

/** What went wrong, one tag per kind of refusal (tests and callers branch on it). */
export type DomainErrorTag =
  | 'CoveredThroughBeforeCoveredFrom'
  | 'CoveredThroughRequired'
  | 'CoverageOverlap'
  | 'UnitNotEstablished'
  | 'NoCoverageToCut'
  | 'NegativeTarget'
  | 'DebtRecordedBeforePeriod'
  | 'SettlementExceedsOutstanding'
  | 'UnitAlreadyEstablished'
  | 'LevelMismatch'
  | 'ProvinceWithParent'
  | 'ParentRequired'
  | 'ParentNotEstablished'
  | 'ParentLevel'
  | 'UnitCycle'
  | 'LabourForceExceedsPopulation'
  | 'DuplicateEventId'
  | 'NonPositiveAmount'
  | 'NegativePlan'
  | 'UnitDissolved'
  | 'SuccessorIsUnit'
  | 'SuccessorNotExisting'
  | 'AlreadyLinked'

/**
 * A refused command: which rule, which field (its path in the event JSON, e.g. `data.coveredFrom`),
 * what is wrong, and the offending value.
 *
 * @example { _tag: 'CoverageOverlap', rule: 'enrol.no-overlap', path: 'data.coveredFrom',
 *   message: 'overlaps coverage 2020-01-01..2020-06-30 recorded earlier', value: '2020-03-01' }
 */
export interface DomainError extends Problem {
  readonly _tag: DomainErrorTag
  readonly rule: WriteRule
  readonly path: string
  readonly message: string
  readonly value: unknown
}

// -------------------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------------------

/** Builds a domain error, e.g. `domainError('NegativeTarget', 'quota.target-non-negative', 'data.target', 'is below 0', -1)`. */
export const domainError = (
  _tag: DomainErrorTag,
  rule: WriteRule,
  path: string,
  message: string,
  value: unknown,
): DomainError => ({ _tag, rule, path, message, value })

/** Whether a value is a {@link DomainError} (has a known rule id and the problem fields). */
export const isDomainError = (u: unknown): u is DomainError =>
  typeof u === 'object' &&
  u !== null &&
  typeof (u as DomainError)._tag === 'string' &&
  (WRITE_RULES as readonly string[]).includes((u as DomainError).rule) &&
  typeof (u as DomainError).path === 'string' &&
  typeof (u as DomainError).message === 'string'
