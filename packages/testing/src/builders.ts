/**
 * Builders of event bodies and commands with defaults, for decider specs: override only the fields
 * a test is about, e.g. `given([enrolled()]).when(lapse({ lapsedOn: '2020-07-01' })).then('NoCoverageToCut')`.
 * (Whole positioned events for report tests are in `@ansinh/testing/fixtures`.)
 *
 * @module builders
 */
import type {
  AssignQuota,
  AssignRevenuePlan,
  CollectContribution,
  ContributionCollected,
  RevenuePlanAssigned,
  BodyOf,
  CommandOf,
  DebtRecorded,
  DebtSettled,
  EmployerCommand,
  EstablishUnit,
  EstimatePopulation,
  EventDataMap,
  EventId,
  EventType,
  Instant,
  NewEventOf,
  ParticipantCommand,
  ParticipantEnrolled,
  ParticipantLapsed,
  PopulationEstimated,
  QuotaAssigned,
  UnitEstablished,
} from '@ansinh/core'

let counter = 0
/** A fresh UUID for a test event (distinct within a test run). */
export const nextId = (): EventId => `00000000-0000-4000-8000-${String(++counter).padStart(12, '0')}` as EventId

/** A fixed `recordedAt` for test events. */
export const AT = '2020-10-01T09:00:00+07:00' as Instant

type Loose<D> = { readonly [K in keyof D]?: unknown }

const body = <T extends EventType>(type: T, defaults: object, data: object): BodyOf<T> =>
  ({ type, data: { ...defaults, ...data } as EventDataMap[T] }) as BodyOf<T>

const command = <C extends string, T extends EventType>(type: C, event: BodyOf<T>): CommandOf<C, T> =>
  ({ type, id: nextId(), recordedAt: AT, data: event.data }) as CommandOf<C, T>

const ENROLLED = {
  participantId: '0123456789',
  scheme: 'voluntary',
  unit: '22816',
  coveredFrom: '2020-01-01',
  coveredThrough: '2020-06-30',
}
const LAPSED = { participantId: '0123456789', scheme: 'voluntary', lapsedOn: '2020-04-01', reason: 'stopped-paying' }
const QUOTA = { unit: '22816', scheme: 'voluntary', year: 2020, target: 100, assignedOn: '2020-01-15' }
const DEBT = {
  employer: 'CTY-A',
  unit: '22816',
  scheme: 'compulsory',
  period: '2020-01',
  amount: 1000,
  recordedOn: '2020-02-01',
}
const SETTLED = { employer: 'CTY-A', scheme: 'compulsory', amount: 1000, settledOn: '2020-03-01' }
const UNIT = { code: '22', name: 'Bình Thuận', level: 'province', establishedOn: '2000-01-01' }
const COLLECTED = { unit: '22816', scheme: 'voluntary', amount: 660_000, collectedOn: '2020-03-02' }
const REVENUE_PLAN = { unit: '22', year: 2020, amount: 5_000_000_000, assignedOn: '2020-01-15' }
const POPULATION = { unit: '22', year: 2020, population: 1_200_000, labourForce: 700_000 }

/** A ParticipantEnrolled body: voluntary, 2020-01-01..2020-06-30 in 22816 unless overridden. */
export const enrolled = (data: Loose<ParticipantEnrolled> = {}) => body('ParticipantEnrolled', ENROLLED, data)
/** A ParticipantLapsed body: voluntary, on 2020-04-01 unless overridden. */
export const lapsed = (data: Loose<ParticipantLapsed> = {}) => body('ParticipantLapsed', LAPSED, data)
/** A QuotaAssigned body. */
export const quotaAssigned = (data: Loose<QuotaAssigned> = {}) => body('QuotaAssigned', QUOTA, data)
/** A DebtRecorded body: 1000 VND of compulsory for 2020-01, recorded 2020-02-01 unless overridden. */
export const debtRecorded = (data: Loose<DebtRecorded> = {}) => body('DebtRecorded', DEBT, data)
/** A DebtSettled body: 1000 VND of compulsory on 2020-03-01 unless overridden. */
export const debtSettled = (data: Loose<DebtSettled> = {}) => body('DebtSettled', SETTLED, data)
/** A UnitEstablished body: province 22 unless overridden. */
export const unitEstablished = (data: Loose<UnitEstablished> = {}) => body('UnitEstablished', UNIT, data)
/** A PopulationEstimated body. */
export const populationEstimated = (data: Loose<PopulationEstimated> = {}) =>
  body('PopulationEstimated', POPULATION, data)
/** A ContributionCollected body: 660,000 VND of voluntary in 22816 on 2020-03-02 unless overridden. */
export const contributionCollected = (data: Loose<ContributionCollected> = {}) =>
  body('ContributionCollected', COLLECTED, data)
/** A RevenuePlanAssigned body: 5 billion VND for province 22 in 2020 unless overridden. */
export const revenuePlanAssigned = (data: Loose<RevenuePlanAssigned> = {}) =>
  body('RevenuePlanAssigned', REVENUE_PLAN, data)

/** An EnrolParticipant command with the data of {@link enrolled}. */
export const enrol = (data: Loose<ParticipantEnrolled> = {}): ParticipantCommand =>
  command('EnrolParticipant', enrolled(data))
/** A LapseParticipant command with the data of {@link lapsed}. */
export const lapse = (data: Loose<ParticipantLapsed> = {}): ParticipantCommand =>
  command('LapseParticipant', lapsed(data))
/** An AssignQuota command. */
export const assignQuota = (data: Loose<QuotaAssigned> = {}): AssignQuota => command('AssignQuota', quotaAssigned(data))
/** A RecordDebt command. */
export const recordDebt = (data: Loose<DebtRecorded> = {}): EmployerCommand => command('RecordDebt', debtRecorded(data))
/** A SettleDebt command. */
export const settleDebt = (data: Loose<DebtSettled> = {}): EmployerCommand => command('SettleDebt', debtSettled(data))
/** An EstablishUnit command. */
export const establishUnit = (data: Loose<UnitEstablished> = {}): EstablishUnit =>
  command('EstablishUnit', unitEstablished(data))
/** An EstimatePopulation command. */
export const estimatePopulation = (data: Loose<PopulationEstimated> = {}): EstimatePopulation =>
  command('EstimatePopulation', populationEstimated(data))
/** A CollectContribution command. */
export const collectContribution = (data: Loose<ContributionCollected> = {}): CollectContribution =>
  command('CollectContribution', contributionCollected(data))
/** An AssignRevenuePlan command. */
export const assignRevenuePlan = (data: Loose<RevenuePlanAssigned> = {}): AssignRevenuePlan =>
  command('AssignRevenuePlan', revenuePlanAssigned(data))

/** The event a command is expected to produce (its id, `recordedAt`, type and data). */
export const eventOf = <T extends EventType>(
  type: T,
  c: { readonly id: EventId; readonly recordedAt?: Instant; readonly data: unknown },
): NewEventOf<T> => ({ id: c.id, type, recordedAt: c.recordedAt, data: c.data }) as NewEventOf<T>
