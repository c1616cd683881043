/**
 * What collection agents recruited (agents-revenue): the article counts, per scheme, the people an
 * agent enrolled in a window — new (first time ever), continuing (renewing without a gap) and
 * returning (after a gap) by their first agent enrolment in the window. The generators build
 * timelines first; this step then decides, as known at publication, which participants of the window
 * came through an agent: every enrolment of theirs in the window carries the agent, and the other
 * participants' enrolments in the window carry none, so the counts come out exactly.
 *
 * The kinds are computed here from the generated events directly (a plain scan, sharing no code
 * with the projection packages), the same way the read model defines them.
 *
 * @module generate/agent-results
 */
import type { DomainEvent, EventDataMap, Reference, Scheme } from '@ansinh/core'
import type { Rng } from '@ansinh/testing/prng'
import { dateOf, day } from './calendar.js'
import type { EventLog } from './events.js'

/** The kinds of the agent report. */
export type AgentKind = 'new' | 'continuing' | 'returning'

interface Row {
  readonly index: number
  readonly from: number
  readonly through: number
  readonly unit: string
}

/** A window of one scheme as known at an instant: each participant's first enrolment in it and its kind. */
export interface WindowKinds {
  /** Participant → kind of their first enrolment in the window (least coveredFrom, ties: earlier event). */
  readonly kinds: Map<string, AgentKind>
  /** Participant → the log indexes of their known enrolments in the window. */
  readonly inWindow: Map<string, number[]>
  /** Participant → the unit of their first enrolment in the window. */
  readonly unitOf: Map<string, string>
}

/** The kinds of the participants enrolled under `scheme` in [from, to] (dates), as known at `knownAt` (ms). */
export const windowKinds = (log: EventLog, scheme: Scheme, from: string, to: string, knownAt: number): WindowKinds => {
  const f = day(from),
    t = day(to)
  const enrolments = new Map<string, Row[]>()
  const lapses = new Map<string, number[]>()
  for (let i = 0; i < log.events.length; i++) {
    if (log.recordedMillis[i]! > knownAt) continue
    const e = log.events[i]!
    if (e.type === 'ParticipantEnrolled' && e.data.scheme === scheme) {
      const list = enrolments.get(e.data.participantId) ?? []
      list.push({
        index: i,
        from: day(e.data.coveredFrom),
        through: e.data.coveredThrough == null ? Infinity : day(e.data.coveredThrough),
        unit: e.data.unit,
      })
      enrolments.set(e.data.participantId, list)
    } else if (e.type === 'ParticipantLapsed' && e.data.scheme === scheme) {
      const list = lapses.get(e.data.participantId) ?? []
      list.push(day(e.data.lapsedOn))
      lapses.set(e.data.participantId, list)
    }
  }
  const kinds = new Map<string, AgentKind>(),
    inWindow = new Map<string, number[]>(),
    unitOf = new Map<string, string>()
  for (const [p, rows] of enrolments) {
    // the log is in generation order; the history orders it by recording second, then log order
    const second = (r: Row): number => Math.floor(log.recordedMillis[r.index]! / 1000)
    rows.sort((a, b) => a.from - b.from || second(a) - second(b) || a.index - b.index)
    const laps = lapses.get(p) ?? []
    const end = (r: Row): number => Math.min(r.through, ...laps.filter((l) => l > r.from).map((l) => l - 1))
    const window = rows.filter((r) => f <= r.from && r.from <= t)
    if (window.length === 0) continue
    const first = window[0]!
    const kind: AgentKind =
      rows[0] === first
        ? 'new'
        : rows.some((r) => r.from < first.from && end(r) >= first.from - 1)
          ? 'continuing'
          : 'returning'
    kinds.set(p, kind)
    inWindow.set(
      p,
      window.map((r) => r.index),
    )
    unitOf.set(p, first.unit)
  }
  return { kinds, inWindow, unitOf }
}

/** How many participants of each kind came through an agent. */
export type AgentCounts = Readonly<Record<AgentKind, number>>

/**
 * Marks exactly `counts` participants of the window as recruited by an agent (`agentOf` their
 * first enrolment's unit) and clears the agent of every other enrolment in the window; returns the
 * kinds the window lacks (0 each when the counts could be met).
 */
export const assignAgents = (
  log: EventLog,
  w: WindowKinds,
  counts: AgentCounts,
  agentOf: (unit: string, rng: Rng) => string,
  rng: Rng,
): AgentCounts => {
  const chosen = new Set<string>()
  const missing = { new: 0, continuing: 0, returning: 0 }
  for (const kind of ['new', 'continuing', 'returning'] as const) {
    const pool = [...w.kinds].filter(([, k]) => k === kind).map(([p]) => p)
    rng.shuffle(pool)
    const take = Math.min(counts[kind], pool.length)
    missing[kind] = counts[kind] - take
    for (const p of pool.slice(0, take)) chosen.add(p)
  }
  for (const [p, indexes] of w.inWindow) {
    const agent = chosen.has(p) ? agentOf(w.unitOf.get(p)!, rng) : undefined
    for (const i of indexes) log.events[i] = withAgent(log.events[i]!, agent)
  }
  return missing
}

/** The enrolment with `agent` as its agent (undefined: none); any other event unchanged. */
const withAgent = (e: DomainEvent, agent: string | undefined): DomainEvent => {
  if (e.type !== 'ParticipantEnrolled') return e
  const { agent: _old, ...rest } = e.data
  const data: EventDataMap['ParticipantEnrolled'] = agent === undefined ? rest : { ...rest, agent: agent as Reference }
  return { ...e, data }
}

/**
 * Turns `n` renewals of the window into returns after a short gap: the first enrolment in the
 * window of `n` continuing participants (those starting on or before `latestFrom`) starts 3–9 days
 * later, so the day before it is not covered. Days that fall in a gap are not checkpoints of the
 * caller's other figures when `latestFrom` is at least ten days before them. Returns how many could
 * be turned (at most `n`).
 */
export const delayRenewals = (log: EventLog, w: WindowKinds, n: number, latestFrom: string, rng: Rng): number => {
  const limit = day(latestFrom)
  const pool = [...w.kinds]
    .filter(([p, k]) => k === 'continuing' && day(firstOf(log, w, p).data.coveredFrom) <= limit)
    .map(([p]) => p)
  rng.shuffle(pool)
  const chosen = pool.slice(0, n)
  for (const p of chosen) {
    const i = firstIndex(log, w, p)
    const e = log.events[i] as Extract<DomainEvent, { type: 'ParticipantEnrolled' }>
    const from = day(e.data.coveredFrom) + rng.int(3, 9)
    const through = e.data.coveredThrough == null ? Infinity : day(e.data.coveredThrough)
    if (from > through) continue
    log.events[i] = { ...e, data: { ...e.data, coveredFrom: dateOf(from) } }
  }
  return chosen.length
}

const firstIndex = (log: EventLog, w: WindowKinds, p: string): number => {
  const indexes = w.inWindow.get(p)!
  let best = indexes[0]!
  for (const i of indexes) {
    const a = log.events[i] as Extract<DomainEvent, { type: 'ParticipantEnrolled' }>,
      b = log.events[best] as Extract<DomainEvent, { type: 'ParticipantEnrolled' }>
    if (a.data.coveredFrom < b.data.coveredFrom) best = i
  }
  return best
}

const firstOf = (log: EventLog, w: WindowKinds, p: string): Extract<DomainEvent, { type: 'ParticipantEnrolled' }> =>
  log.events[firstIndex(log, w, p)] as Extract<DomainEvent, { type: 'ParticipantEnrolled' }>
