/**
 * Decider specs in the Emmett style: `given(events).when(command).then(events | errorTag)` — the
 * project's one given/when/then (core's own decider tests use it too). The right decider is picked
 * by the command's type; its state is the given events of the command's
 * stream, folded with `evolve`; the unit registry is the given UnitEstablished (known as soon as
 * one is given, as in `checkHistory`). `spec(decider).given(events).when(command, context)` is the
 * same spec for one decider, every given event folded by it and the context the one passed. A failed expectation throws {@link DeciderSpecFailure},
 * whose message shows the state, the command and the difference; vitest also renders its
 * `expected` / `actual` as a diff.
 *
 * @module decider-spec
 */
import * as E from 'fp-ts/lib/Either.js'
import {
  type BodyOf,
  type Command,
  type DecideContext,
  type Decider,
  type DomainError,
  type DomainErrorTag,
  type EventBody,
  type EventType,
  type NewEvent,
  collectionDecider,
  decideChangeUnit,
  decideDissolveUnit,
  decideIdentify,
  employerDecider,
  participantDecider,
  revenuePlanDecider,
  populationDecider,
  quotaDecider,
  replay,
  streamOf,
  UnitCalendar,
  unitDecider,
  unitRegistryOf,
} from '@ansinh/core'
import { EVENT_OF_COMMAND } from './arbitraries.js'
import { differences, show } from './diff.js'

// -------------------------------------------------------------------------------------------------
// deciding
// -------------------------------------------------------------------------------------------------

/** What deciding a command against given events gave, and what it was decided against. */
export interface Decision {
  readonly stream: string
  /** The state of the command's stream after the given events. */
  readonly state: unknown
  readonly context: DecideContext
  readonly result: E.Either<DomainError, ReadonlyArray<NewEvent>>
}

/** The stream a command writes to, e.g. `participant-0123456789`. */
export const streamOfCommand = (command: Command): string =>
  streamOf({ type: EVENT_OF_COMMAND[command.type], data: command.data } as EventBody)

/**
 * Decides `command` against `events` (any events: those of other streams are skipped, except
 * UnitEstablished, which make the unit registry), with the decider of the command's stream.
 */
export const decideAgainst = (events: ReadonlyArray<EventBody>, command: Command, given?: DecideContext): Decision => {
  const stream = streamOfCommand(command)
  const mine = events.filter((e) => streamOf(e) === stream)
  const unitEvents = events.filter(
    (e): e is Extract<EventBody, { type: 'UnitEstablished' }> => e.type === 'UnitEstablished',
  )
  const units = unitRegistryOf(unitEvents)
  // Units are always decided against the registry (empty when none is given); the others only once it is known.
  // version 2: the unit calendar (dissolutions refuse dated records) once units are known
  const context: DecideContext =
    given ?? (command.type === 'EstablishUnit' || unitEvents.length > 0 ? { units, calendar: calendarOf(events) } : {})
  switch (command.type) {
    case 'EnrolParticipant':
    case 'LapseParticipant': {
      const state = replay(participantDecider, mine as never)
      return { stream, state, context, result: participantDecider.decide(command, state, context) }
    }
    case 'AssignQuota': {
      const state = replay(quotaDecider, mine as never)
      return { stream, state, context, result: quotaDecider.decide(command, state, context) }
    }
    case 'RecordDebt':
    case 'SettleDebt': {
      const state = replay(employerDecider, mine as never)
      return { stream, state, context, result: employerDecider.decide(command, state, context) }
    }
    case 'EstablishUnit': {
      const state = replay(unitDecider, mine as never)
      return { stream, state, context, result: unitDecider.decide(command, state, context) }
    }
    case 'EstimatePopulation': {
      const state = replay(populationDecider, mine as never)
      return { stream, state, context, result: populationDecider.decide(command, state, context) }
    }
    case 'CollectContribution': {
      const state = replay(collectionDecider, mine as never)
      return { stream, state, context, result: collectionDecider.decide(command, state, context) }
    }
    case 'AssignRevenuePlan': {
      const state = replay(revenuePlanDecider, mine as never)
      return { stream, state, context, result: revenuePlanDecider.decide(command, state, context) }
    }
    case 'ChangeUnit':
    case 'DissolveUnit': {
      const calendar = given?.calendar ?? calendarOf(events)
      const ctx: DecideContext = { ...context, calendar }
      const result = command.type === 'ChangeUnit' ? decideChangeUnit(command, ctx) : decideDissolveUnit(command, ctx)
      return { stream, state: mine, context: ctx, result }
    }
    case 'IdentifyParticipant': {
      const links = new Map<string, string>(given?.links ?? [])
      if (given?.links === undefined) {
        for (const e of events) {
          if (e.type !== 'ParticipantIdentified' || links.has(e.data.participantId) || links.has(e.data.personalId))
            continue
          links.set(e.data.participantId, e.data.personalId)
          links.set(e.data.personalId, e.data.participantId)
        }
      }
      const ctx: DecideContext = { ...context, links }
      return { stream, state: mine, context: ctx, result: decideIdentify(command, ctx) }
    }
  }
}

/** The unit calendar of the geography events among `events`. */
const calendarOf = (events: ReadonlyArray<EventBody>): UnitCalendar => {
  const calendar = new UnitCalendar()
  for (const e of events) {
    if (e.type === 'UnitEstablished') calendar.establish(e.data)
    else if (e.type === 'UnitChanged') calendar.change(e.data)
    else if (e.type === 'UnitDissolved') calendar.dissolve(e.data)
  }
  return calendar
}

// -------------------------------------------------------------------------------------------------
// expectations
// -------------------------------------------------------------------------------------------------

/** A decider spec did not hold; the message shows the state, the command and the difference. */
export class DeciderSpecFailure extends Error {
  /** What the spec expected (for test runners that render a diff). */
  readonly expected: unknown
  /** What the decider gave. */
  readonly actual: unknown
  readonly decision: Decision
  constructor(
    headline: string,
    decision: Decision,
    command: { readonly type: string },
    expected: unknown,
    actual: unknown,
    given: number,
  ) {
    const lines = [
      headline,
      `state of ${decision.stream} after ${given} given event(s):`,
      indent(show(decision.state)),
      'command:',
      indent(show(command)),
      'difference (- expected, + actual):',
      indent(differences(expected, actual).join('\n')),
    ]
    super(lines.join('\n'))
    this.name = 'DeciderSpecFailure'
    this.expected = expected
    this.actual = actual
    this.decision = decision
  }
}

const indent = (s: string): string =>
  s
    .split('\n')
    .map((l) => '  ' + l)
    .join('\n')

/** The refusal a spec may expect: a tag, or some fields of the error (e.g. `{ rule, path }`). */
export type ExpectedRefusal = DomainErrorTag | Partial<DomainError>

/** What `then` may expect: the events produced (envelope fields left out are not compared), or a refusal. */
export type Expected = ReadonlyArray<NewEvent | EventBody> | ExpectedRefusal

/** The second step of a spec. */
export interface WhenStep<C = Command> {
  /** Decides the command (against `context` when given); `then` states what should come of it. */
  when(command: C, context?: DecideContext): ThenStep
}

/** The last step of a spec. */
export interface ThenStep {
  /** Throws {@link DeciderSpecFailure} unless deciding gave `expected`. */
  then(expected: Expected): void
  /** Throws unless the command was refused with `tag` (and `path`, when given); returns the error, for expectations of its message or value. */
  thenFails(tag: DomainErrorTag, path?: string): DomainError
  /** The decision itself, for expectations of your own. */
  readonly decision: Decision
}

/** Keeps of `actual` only the keys `expected` names (its envelope fields may be left out). */
const projectLike = (expected: object, actual: object): object =>
  Object.fromEntries(Object.keys(expected).map((k) => [k, (actual as Record<string, unknown>)[k]]))

const thenStep = (given: number, command: { readonly type: string }, decision: Decision): ThenStep => {
  const then = (expected: Expected): void => {
    const result = decision.result
    if (Array.isArray(expected)) {
      const wanted = expected as ReadonlyArray<NewEvent | EventBody>
      if (E.isLeft(result)) {
        throw new DeciderSpecFailure(
          `${command.type} was expected to produce ${wanted.length} event(s) but was refused with ${result.left._tag} (${result.left.rule}): ${result.left.path} ${result.left.message}`,
          decision,
          command,
          wanted,
          result.left,
          given,
        )
      }
      const actual = result.right.map((e, i) => (wanted[i] === undefined ? e : projectLike(wanted[i]!, e)))
      if (differences(wanted, actual).length > 0) {
        throw new DeciderSpecFailure(
          `${command.type} produced other events than expected`,
          decision,
          command,
          wanted,
          actual,
          given,
        )
      }
      return
    }
    const refusal: Partial<DomainError> =
      typeof expected === 'string' ? { _tag: expected } : (expected as Partial<DomainError>)
    if (E.isRight(result)) {
      throw new DeciderSpecFailure(
        `${command.type} was expected to be refused with ${refusal._tag ?? show(refusal)} but was accepted`,
        decision,
        command,
        refusal,
        result.right,
        given,
      )
    }
    const actual = projectLike(refusal, result.left)
    if (differences(refusal, actual).length > 0) {
      throw new DeciderSpecFailure(
        `${command.type} was refused otherwise than expected: ${result.left._tag} (${result.left.rule})`,
        decision,
        command,
        refusal,
        actual,
        given,
      )
    }
  }
  return {
    decision,
    then,
    thenFails: (tag, path) => {
      then(path === undefined ? tag : { _tag: tag, path })
      return (decision.result as E.Left<DomainError>).left
    },
  }
}

/**
 * Starts a decider spec, e.g.
 * `given([enrolled]).when({ type: 'LapseParticipant', id, data }).then('NoCoverageToCut')`.
 */
export const given = (events: ReadonlyArray<EventBody>): WhenStep => ({
  when: (command, context) => thenStep(events.length, command, decideAgainst(events, command, context)),
})

/**
 * A spec of one decider: every given event is folded by `decider` (whatever its stream) and the
 * command decided against `context` (none unless passed), e.g.
 * `spec(participantDecider).given([enrolled()]).when(lapse({ lapsedOn: '2020-07-01' })).thenFails('NoCoverageToCut')`.
 */
export const spec = <C extends { readonly type: string }, T extends EventType, S>(decider: Decider<C, T, S>) => ({
  given: (events: ReadonlyArray<BodyOf<T>>): WhenStep<C> => ({
    when: (command, context = {}) => {
      const state = replay(decider, events)
      const stream = streamOf({
        type: EVENT_OF_COMMAND[command.type as Command['type']],
        data: (command as unknown as Command).data,
      } as EventBody)
      const result = decider.decide(command, state, context) as Decision['result']
      return thenStep(events.length, command, { stream, state, context, result })
    },
  }),
})
