/**
 * Checking a whole history against the write rules: every event is decided again, in history order,
 * against the state its stream had just before it (and the unit registry), as if it were appended
 * now. A refused event is reported and left out of the state, so one bad line does not make every
 * later line of its stream look bad too.
 *
 * @module history-check
 */
import * as E from 'fp-ts/lib/Either.js'
import { canonicalJson } from './decode.js'
import type { DomainEvent } from './events.js'
import type { LineEvent } from './ndjson.js'
import { type DecideContext, type RegisteredUnit, type UnitRegistry, registeredUnitOf } from './deciders/decider.js'
import { type DomainError, domainError } from './deciders/domain-error.js'
import { type EmployerState, employerDecider } from './deciders/employer.js'
import { type ParticipantState, participantDecider } from './deciders/participant.js'
import { type PopulationState, populationDecider } from './deciders/population.js'
import { type QuotaState, quotaDecider } from './deciders/quota.js'
import { unitDecider } from './deciders/unit.js'
import { type CollectionState, type RevenuePlanState, collectionDecider, revenuePlanDecider } from './deciders/money.js'
import { UnitCalendar } from './deciders/unit-calendar.js'
import { decideChangeUnit, decideDissolveUnit, decideIdentify, refuseDissolved } from './deciders/geography.js'

/** An event of a history that breaks a write rule: where it is, the event, and the refusal. */
export interface RuleViolation {
  /** 1-based line number in the file. */
  readonly line: number
  /** 1-based position in the history. */
  readonly position: number
  readonly event: DomainEvent
  readonly error: DomainError
}

/**
 * Incremental checking: `check(event)` decides an event against everything accepted so far without
 * changing anything; `accept(event)` folds an event in unchecked (e.g. what a store already holds);
 * `offer(event)` does both, accepting the event only when it passes.
 *
 * The unit registry counts as known from the first accepted UnitEstablished on: before it,
 * enrolments and quotas are not checked against units; after it, their unit must be established.
 * An event whose id was accepted before is the same event again when its content is identical
 * (check passes, accept ignores it) and a {@link DomainError} `DuplicateEventId` otherwise.
 *
 * Memory: one small state per stream, the registry, and a reference to each accepted event by id.
 *
 * @example
 * const checker = new HistoryChecker()
 * for (const e of stored) checker.accept(e)
 * const error = checker.check(incoming) // null when `incoming` may be appended
 */
export class HistoryChecker {
  private readonly participants = new Map<string, ParticipantState>()
  private readonly quotas = new Map<string, QuotaState>()
  private readonly employers = new Map<string, EmployerState>()
  private readonly populations = new Map<string, PopulationState>()
  private readonly units = new Map<string, RegisteredUnit>()
  private readonly collections = new Map<string, CollectionState>()
  private readonly revenuePlans = new Map<string, RevenuePlanState>()
  private readonly byId = new Map<string, DomainEvent>()
  private unitsKnown = false
  /** The units' lives through time (version 2), and the id links both ways. */
  private readonly calendar = new UnitCalendar()
  private readonly links = new Map<string, string>()

  /** How many distinct events have been accepted. */
  get accepted(): number {
    return this.byId.size
  }

  /** The established units, or undefined while the registry is not known (no unit accepted yet). */
  get registry(): UnitRegistry | undefined {
    return this.unitsKnown ? this.units : undefined
  }

  /** The refusal `event` would meet if appended now, or null when it obeys every write rule. */
  check(event: DomainEvent): DomainError | null {
    const earlier = this.byId.get(event.id)
    if (earlier !== undefined) {
      return canonicalJson(earlier) === canonicalJson(event)
        ? null
        : domainError(
            'DuplicateEventId',
            'history.unique-id',
            'id',
            'was used before by an event with other content',
            event.id,
          )
    }
    const context: DecideContext = this.unitsKnown
      ? { units: this.units, calendar: this.calendar, links: this.links }
      : { links: this.links }
    const refusal = (r: E.Either<DomainError, unknown>): DomainError | null => (E.isLeft(r) ? r.left : null)
    const { id, recordedAt } = event
    // a dissolved unit takes nothing dated on or after its dissolution (the rule names the successor)
    const dissolved = this.dissolvedRefusal(event, context)
    if (dissolved !== null) return dissolved
    switch (event.type) {
      case 'UnitChanged':
        return refusal(
          decideChangeUnit(
            { type: 'ChangeUnit', id, recordedAt, data: event.data },
            { units: this.units, calendar: this.calendar },
          ),
        )
      case 'UnitDissolved':
        return refusal(
          decideDissolveUnit(
            { type: 'DissolveUnit', id, recordedAt, data: event.data },
            { units: this.units, calendar: this.calendar },
          ),
        )
      case 'ParticipantIdentified':
        return refusal(decideIdentify({ type: 'IdentifyParticipant', id, recordedAt, data: event.data }, context))
      case 'ParticipantEnrolled':
        return refusal(
          participantDecider.decide(
            { type: 'EnrolParticipant', id, recordedAt, data: event.data },
            this.personOf(event.data.participantId),
            context,
          ),
        )
      case 'ParticipantLapsed':
        return refusal(
          participantDecider.decide(
            { type: 'LapseParticipant', id, recordedAt, data: event.data },
            this.personOf(event.data.participantId),
            context,
          ),
        )
      case 'QuotaAssigned':
        return refusal(
          quotaDecider.decide(
            { type: 'AssignQuota', id, recordedAt, data: event.data },
            this.quotas.get(quotaKey(event)) ?? quotaDecider.initialState,
            context,
          ),
        )
      case 'DebtRecorded':
        return refusal(
          employerDecider.decide(
            { type: 'RecordDebt', id, recordedAt, data: event.data },
            this.employerOf(event.data.employer),
            context,
          ),
        )
      case 'DebtSettled':
        return refusal(
          employerDecider.decide(
            { type: 'SettleDebt', id, recordedAt, data: event.data },
            this.employerOf(event.data.employer),
            context,
          ),
        )
      case 'UnitEstablished': {
        // Units are always decided against the registry of accepted units, even an empty one.
        const established = this.units.get(event.data.code) ?? null
        return refusal(
          unitDecider.decide(
            { type: 'EstablishUnit', id, recordedAt, data: event.data },
            { established },
            { units: this.units },
          ),
        )
      }
      case 'PopulationEstimated':
        return refusal(
          populationDecider.decide(
            { type: 'EstimatePopulation', id, recordedAt, data: event.data },
            this.populations.get(event.data.unit) ?? populationDecider.initialState,
            context,
          ),
        )
      case 'ContributionCollected':
        return refusal(
          collectionDecider.decide(
            { type: 'CollectContribution', id, recordedAt, data: event.data },
            this.collections.get(event.data.unit) ?? collectionDecider.initialState,
            context,
          ),
        )
      case 'RevenuePlanAssigned':
        return refusal(
          revenuePlanDecider.decide(
            { type: 'AssignRevenuePlan', id, recordedAt, data: event.data },
            this.revenuePlans.get(revenuePlanKey(event)) ?? revenuePlanDecider.initialState,
            context,
          ),
        )
    }
  }

  /** Folds `event` into the state without checking it; an id seen before is ignored. */
  accept(event: DomainEvent): void {
    if (this.byId.has(event.id)) return
    this.byId.set(event.id, event)
    switch (event.type) {
      case 'ParticipantEnrolled':
      case 'ParticipantLapsed': {
        const key = this.personKey(event.data.participantId)
        this.participants.set(key, participantDecider.evolve(this.participantOf(key), event))
        return
      }
      case 'QuotaAssigned': {
        const key = quotaKey(event)
        this.quotas.set(key, quotaDecider.evolve(this.quotas.get(key) ?? quotaDecider.initialState, event))
        return
      }
      case 'DebtRecorded':
      case 'DebtSettled': {
        const key = event.data.employer
        this.employers.set(key, employerDecider.evolve(this.employerOf(key), event))
        return
      }
      case 'UnitEstablished':
        this.units.set(event.data.code, registeredUnitOf(event))
        this.calendar.establish(event.data)
        this.unitsKnown = true
        return
      case 'UnitChanged':
        this.calendar.change(event.data)
        return
      case 'UnitDissolved':
        this.calendar.dissolve(event.data)
        return
      case 'ParticipantIdentified': {
        const { participantId, personalId } = event.data
        if (this.links.has(participantId) || this.links.has(personalId)) return
        this.links.set(participantId, personalId)
        this.links.set(personalId, participantId)
        // one person from now on: the two ids' coverage is one stream's state
        const merged = mergeStates(this.participantOf(participantId), this.participantOf(personalId))
        this.participants.set(participantId, merged)
        this.participants.delete(personalId)
        return
      }
      case 'PopulationEstimated': {
        const key = event.data.unit
        this.populations.set(
          key,
          populationDecider.evolve(this.populations.get(key) ?? populationDecider.initialState, event),
        )
        return
      }
      case 'ContributionCollected': {
        const key = event.data.unit
        this.collections.set(
          key,
          collectionDecider.evolve(this.collections.get(key) ?? collectionDecider.initialState, event),
        )
        return
      }
      case 'RevenuePlanAssigned': {
        const key = revenuePlanKey(event)
        this.revenuePlans.set(
          key,
          revenuePlanDecider.evolve(this.revenuePlans.get(key) ?? revenuePlanDecider.initialState, event),
        )
        return
      }
    }
  }

  /** Checks `event` and accepts it when it passes; returns the refusal or null. */
  offer(event: DomainEvent): DomainError | null {
    const error = this.check(event)
    if (error === null) this.accept(event)
    return error
  }

  private participantOf(participantId: string): ParticipantState {
    return this.participants.get(participantId) ?? participantDecider.initialState
  }

  /** The key of a person's state: the 10-digit id of a linked pair, else the id itself. */
  private personKey(id: string): string {
    const other = this.links.get(id)
    return other !== undefined && id.length === 12 ? other : id
  }

  /** The state of the person an id names (linked ids share one). */
  private personOf(id: string): ParticipantState {
    return this.participantOf(this.personKey(id))
  }

  /** The refusal of a record dated on or after its unit's dissolution, or null. */
  private dissolvedRefusal(event: DomainEvent, context: DecideContext): DomainError | null {
    switch (event.type) {
      case 'ParticipantEnrolled':
        return refuseDissolved(context, 'data.unit', event.data.unit, event.data.coveredFrom)
      case 'QuotaAssigned':
        return refuseDissolved(context, 'data.unit', event.data.unit, event.data.assignedOn)
      case 'DebtRecorded':
        return refuseDissolved(context, 'data.unit', event.data.unit, event.data.recordedOn)
      case 'PopulationEstimated':
        return refuseDissolved(context, 'data.unit', event.data.unit, `${event.data.year}-01-01`)
      default:
        return null
    }
  }

  private employerOf(employer: string): EmployerState {
    return this.employers.get(employer) ?? employerDecider.initialState
  }
}

const revenuePlanKey = (e: Extract<DomainEvent, { type: 'RevenuePlanAssigned' }>): string =>
  `${e.data.unit}-${e.data.year}`
/** One person's coverage from two ids' states: per scheme, both lists in order. */
const mergeStates = (a: ParticipantState, b: ParticipantState): ParticipantState => {
  const out: Record<string, { enrolments: unknown[]; lapses: number[] }> = {}
  for (const s of new Set([...Object.keys(a), ...Object.keys(b)]) as Set<keyof ParticipantState>) {
    const x = a[s],
      y = b[s]
    out[s] = {
      enrolments: [...(x?.enrolments ?? []), ...(y?.enrolments ?? [])],
      lapses: [...(x?.lapses ?? []), ...(y?.lapses ?? [])],
    }
  }
  return out as ParticipantState
}

const quotaKey = (e: Extract<DomainEvent, { type: 'QuotaAssigned' }>): string =>
  `${e.data.unit}-${e.data.scheme}-${e.data.year}`

/**
 * Applies every write rule to a history in order and returns the events that break one (each left
 * out of the state the later events are checked against), in history order.
 *
 * @example checkHistory(E.getOrElse(() => [])(decodeHistory(text))) // [] for a clean history
 */
export const checkHistory = (events: Iterable<LineEvent>): RuleViolation[] => {
  const checker = new HistoryChecker()
  const violations: RuleViolation[] = []
  for (const { event, position, line } of events) {
    const error = checker.offer(event)
    if (error !== null) violations.push({ line, position, event, error })
  }
  return violations
}
