/**
 * Voluntary participants per collection agent: a read model written as a user of ansinh would.
 * Agents (the post office, commune committees, cooperatives) recruit and collect voluntary
 * contributions, and their results are ranked; a participant counts for the agent named on the
 * enrolment that counts them on the day (the covering one with the latest `coveredFrom`).
 *
 * The model keeps each participant's voluntary enrolments and lapses with their recording time,
 * so it can answer for any date and any known-at cut, take events one by one, and be snapshotted.
 *
 * @module agents
 */
import { type BusinessDate, type PositionedEvent, dayNumber, instantMillis } from '@ansinh/core'

interface Enrolment {
  readonly from: number
  /** Null: open-ended (never for voluntary coverage, which has a paid-through date). */
  readonly through: number | null
  readonly agent: string | null
  readonly position: number
  readonly recordedAt: number
}

interface Lapse {
  readonly on: number
  readonly recordedAt: number
}

/** The read model: each participant's voluntary enrolments and lapses. */
export interface AgentModel {
  readonly participants: Map<string, { enrolments: Enrolment[]; lapses: Lapse[] }>
}

/** A question: who counted on `asOf` for `agent` (null: enrolments without an agent; absent: everyone). */
export interface AgentQuery {
  readonly asOf: BusinessDate
  readonly agent?: string | null
}

/** One row of the ranking. */
export interface AgentRow {
  readonly agent: string | null
  readonly participants: number
}

/** The answer: the count asked for and the ranking of the agents asked about. */
export interface AgentAnswer {
  readonly asOf: BusinessDate
  readonly participants: number
  /** Most participants first, then by agent name (no agent last). */
  readonly ranking: readonly AgentRow[]
}

/** An empty model. */
export const emptyModel = (): AgentModel => ({ participants: new Map() })

/** Folds one event into the model (only voluntary enrolments and lapses matter). */
export const appendEvent = (model: AgentModel, { event, position }: PositionedEvent): AgentModel => {
  if (event.type !== 'ParticipantEnrolled' && event.type !== 'ParticipantLapsed') return model
  if (event.data.scheme !== 'voluntary') return model
  const p = model.participants.get(event.data.participantId) ?? { enrolments: [], lapses: [] }
  model.participants.set(event.data.participantId, p)
  const recordedAt = instantMillis(event.recordedAt)
  if (event.type === 'ParticipantEnrolled') {
    const d = event.data
    p.enrolments.push({
      from: dayNumber(d.coveredFrom),
      through: d.coveredThrough === null ? null : dayNumber(d.coveredThrough),
      agent: d.agent ?? null,
      position,
      recordedAt,
    })
  } else {
    p.lapses.push({ on: dayNumber(event.data.lapsedOn), recordedAt })
  }
  return model
}

/** Builds the model from a history. */
export const buildModel = (events: Iterable<PositionedEvent>): AgentModel => {
  let model = emptyModel()
  for (const e of events) model = appendEvent(model, e)
  return model
}

/** Whether an enrolment covers day `d` given the known lapses; `grace` extends the paid-through date (0 is right). */
export const covers = (e: Enrolment, lapses: readonly Lapse[], d: number, grace = 0): boolean =>
  e.from <= d && (e.through === null || d <= e.through + grace) && !lapses.some((l) => e.from < l.on && l.on <= d)

/** The agent a participant counts for on day `d`, or undefined when not covered. */
const agentOn = (
  p: { enrolments: Enrolment[]; lapses: Lapse[] },
  d: number,
  knownAt: number | null,
  grace: number,
): string | null | undefined => {
  const known = (x: { recordedAt: number }): boolean => knownAt === null || x.recordedAt <= knownAt
  const lapses = p.lapses.filter(known)
  let counting: Enrolment | undefined
  for (const e of p.enrolments) {
    if (!known(e) || !covers(e, lapses, d, grace)) continue
    if (
      counting === undefined ||
      e.from > counting.from ||
      (e.from === counting.from && e.position > counting.position)
    )
      counting = e
  }
  return counting === undefined ? undefined : counting.agent
}

/** Answers a query as known at `knownAt` (epoch ms; null: every event counts). */
export const answerQuery = (model: AgentModel, query: AgentQuery, knownAt: number | null, grace = 0): AgentAnswer => {
  const d = dayNumber(query.asOf)
  const tally = new Map<string | null, number>()
  for (const p of model.participants.values()) {
    const agent = agentOn(p, d, knownAt, grace)
    if (agent === undefined || (query.agent !== undefined && agent !== query.agent)) continue
    tally.set(agent, (tally.get(agent) ?? 0) + 1)
  }
  const ranking = [...tally].map(([agent, participants]) => ({ agent, participants })).sort(byResult)
  return { asOf: query.asOf, participants: ranking.reduce((n, r) => n + r.participants, 0), ranking }
}

const byResult = (a: AgentRow, b: AgentRow): number =>
  b.participants - a.participants ||
  (a.agent === null ? 1 : b.agent === null ? -1 : a.agent < b.agent ? -1 : a.agent > b.agent ? 1 : 0)

/** A JSON-ready snapshot of the model. */
export const snapshotModel = (model: AgentModel): unknown => [...model.participants]

/** The model of a snapshot. */
export const restoreModel = (snapshot: unknown): AgentModel => ({
  participants: new Map(snapshot as Array<[string, { enrolments: Enrolment[]; lapses: Lapse[] }]>),
})
