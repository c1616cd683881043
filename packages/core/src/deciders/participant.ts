/**
 * The participant decider (stream `participant-{participantId}`): enrolments and lapses.
 *
 * Coverage follows the read models: an enrolment e covers day d when e.coveredFrom ≤ d ≤
 * e.coveredThrough (or open-ended) and no known lapse l of the same scheme has
 * e.coveredFrom < l.lapsedOn ≤ d. So a lapse on L cuts, from L on, every enrolment that started
 * before L, and each enrolment's known coverage is one interval: from its start to the day before
 * the first such lapse (or its own end).
 *
 * @module deciders/participant
 */
import * as E from 'fp-ts/lib/Either.js'
import { dayNumber, fromDayNumber, type Scheme } from '../values.js'
import { type BodyOf, type CommandOf, type DecideContext, type Decider, type NewEventOf, emit } from './decider.js'
import { type DomainError, domainError } from './domain-error.js'
import { refuseDissolved } from './geography.js'

// -------------------------------------------------------------------------------------------------
// commands and state
// -------------------------------------------------------------------------------------------------

/** Enrol a participant under a scheme for a period; produces ParticipantEnrolled. */
export type EnrolParticipant = CommandOf<'EnrolParticipant', 'ParticipantEnrolled'>
/** End a participant's coverage early; produces ParticipantLapsed. */
export type LapseParticipant = CommandOf<'LapseParticipant', 'ParticipantLapsed'>
/** The commands of a participant stream. */
export type ParticipantCommand = EnrolParticipant | LapseParticipant
/** The events of a participant stream. */
export type ParticipantEventType = 'ParticipantEnrolled' | 'ParticipantLapsed'

/** An enrolled period as day numbers; `through` is `Infinity` when open-ended. */
export interface EnrolledPeriod {
  readonly from: number
  readonly through: number
}

/** What one participant's stream says about one scheme. */
export interface SchemeCoverage {
  /** Enrolled periods, in history order. */
  readonly enrolments: ReadonlyArray<EnrolledPeriod>
  /** Day numbers of `lapsedOn`, in history order. */
  readonly lapses: ReadonlyArray<number>
}

/** The state of a participant stream: per scheme, its enrolments and lapses. */
export type ParticipantState = Readonly<Partial<Record<Scheme, SchemeCoverage>>>

const EMPTY: SchemeCoverage = { enrolments: [], lapses: [] }

// -------------------------------------------------------------------------------------------------
// coverage
// -------------------------------------------------------------------------------------------------

/** The last day an enrolment is known to cover given the lapses (`from − 1` would mean none; never happens). */
export const knownCoverageEnd = (period: EnrolledPeriod, lapses: ReadonlyArray<number>): number => {
  let end = period.through
  for (const l of lapses) {
    if (l <= period.from) continue
    // Stryker disable next-line EqualityOperator: `<=` is equivalent, when l − 1 is the end already the assignment leaves it
    if (l - 1 < end) end = l - 1
  }
  return end
}

const showPeriod = (from: number, through: number): string =>
  through === Infinity ? `${fromDayNumber(from)}..(open-ended)` : `${fromDayNumber(from)}..${fromDayNumber(through)}`

// -------------------------------------------------------------------------------------------------
// rules
// -------------------------------------------------------------------------------------------------

const decideEnrol = (
  c: EnrolParticipant,
  state: ParticipantState,
  context?: DecideContext,
): E.Either<DomainError, ReadonlyArray<NewEventOf<'ParticipantEnrolled'>>> => {
  const d = c.data
  const from = dayNumber(d.coveredFrom)
  const through = d.coveredThrough === null ? Infinity : dayNumber(d.coveredThrough)
  if (through < from) {
    return E.left(
      domainError(
        'CoveredThroughBeforeCoveredFrom',
        'enrol.period-order',
        'data.coveredThrough',
        `is before coveredFrom ${d.coveredFrom}`,
        d.coveredThrough,
      ),
    )
  }
  if (d.coveredThrough === null && (d.scheme === 'voluntary' || d.scheme === 'health')) {
    return E.left(
      domainError(
        'CoveredThroughRequired',
        'enrol.end-required',
        'data.coveredThrough',
        `is required for ${d.scheme}: coverage runs to a paid-through date`,
        d.coveredThrough,
      ),
    )
  }
  if (context?.units !== undefined && !context.units.has(d.unit)) {
    return E.left(
      domainError('UnitNotEstablished', 'enrol.unit-established', 'data.unit', 'is not an established unit', d.unit),
    )
  }
  const dissolved = refuseDissolved(context, 'data.unit', d.unit, d.coveredFrom)
  if (dissolved !== null) return E.left(dissolved)
  const known = state[d.scheme] ?? EMPTY
  for (const e of known.enrolments) {
    const end = knownCoverageEnd(e, known.lapses)
    if (e.from <= through && end >= from) {
      // Name the field that reaches into the coverage: the start when it lies inside it, else the end.
      const startsInside = from >= e.from
      return E.left(
        domainError(
          'CoverageOverlap',
          'enrol.no-overlap',
          startsInside ? 'data.coveredFrom' : 'data.coveredThrough',
          `overlaps ${d.scheme} coverage ${showPeriod(e.from, end)} recorded earlier`,
          startsInside ? d.coveredFrom : d.coveredThrough,
        ),
      )
    }
  }
  return E.right([emit('ParticipantEnrolled', c)])
}

const decideLapse = (
  c: LapseParticipant,
  state: ParticipantState,
): E.Either<DomainError, ReadonlyArray<NewEventOf<'ParticipantLapsed'>>> => {
  const d = c.data
  const lapsedOn = dayNumber(d.lapsedOn)
  const known = state[d.scheme] ?? EMPTY
  const cuts = known.enrolments.some((e) => e.from < lapsedOn && knownCoverageEnd(e, known.lapses) >= lapsedOn)
  if (!cuts) {
    return E.left(
      domainError(
        'NoCoverageToCut',
        'lapse.cuts-coverage',
        'data.lapsedOn',
        `cuts no known ${d.scheme} coverage: no enrolment that started before it still covers it`,
        d.lapsedOn,
      ),
    )
  }
  return E.right([emit('ParticipantLapsed', c)])
}

// -------------------------------------------------------------------------------------------------
// decider
// -------------------------------------------------------------------------------------------------

const evolve = (state: ParticipantState, event: BodyOf<ParticipantEventType>): ParticipantState => {
  const scheme = event.data.scheme
  const known = state[scheme] ?? EMPTY
  if (event.type === 'ParticipantEnrolled') {
    const period: EnrolledPeriod = {
      from: dayNumber(event.data.coveredFrom),
      through: event.data.coveredThrough === null ? Infinity : dayNumber(event.data.coveredThrough),
    }
    return { ...state, [scheme]: { enrolments: [...known.enrolments, period], lapses: known.lapses } }
  }
  return {
    ...state,
    [scheme]: { enrolments: known.enrolments, lapses: [...known.lapses, dayNumber(event.data.lapsedOn)] },
  }
}

/**
 * Decides enrolments and lapses of one participant.
 *
 * @example participantDecider.decide({ type: 'LapseParticipant', id, data }, state) // Right([ParticipantLapsed]) or Left(NoCoverageToCut)
 */
export const participantDecider: Decider<ParticipantCommand, ParticipantEventType, ParticipantState> = {
  initialState: {},
  evolve,
  decide: (command, state, context) =>
    command.type === 'EnrolParticipant' ? decideEnrol(command, state, context) : decideLapse(command, state),
}
