/**
 * Agent enrolments (agents-revenue, version 2): the `agent` of each ParticipantEnrolled that names
 * one, kept as two columns (the event's ordinal, the interned agent) beside the participation rows
 * it belongs to. Everything else of an enrolment (pair, unit, days) is read from the participation
 * columns, matched by ordinal, so no enrolment is stored twice.
 *
 * Answering is two cached builds, never a pass over the history per question:
 *
 * 1. per set of known rows, the **kind** of every agent enrolment: `new` when it is its pair's first
 *    enrolment (least coveredFrom, ties: earlier position), `continuing` when the pair is covered on
 *    the day before its coveredFrom (some earlier-starting enrolment, cut by its lapses, reaches that
 *    day), `returning` otherwise;
 * 2. per window start F (a report asks for few: 1 January of its years), the first enrolment of each
 *    pair on or after F — any enrolment, any agent enrolment, and per agent — as sorted day columns
 *    per (scheme, unit) and nationally, so the figures of a window [F, to] are binary searches over
 *    `to`. A pair whose enrolments from F on lie in more than one unit cannot be counted once by
 *    adding units up; those few pairs are kept aside and read one by one for a unit's question.
 *
 * @module agents
 */
import { IntColumn } from './columns.js'
import type { Participation } from './participation.js'
import { groupBy, sortByFrom, sortDays } from './segments.js'

/** The kinds of an agent enrolment, in the order of {@link AgentCounts}. */
export const AGENT_KINDS = ['new', 'continuing', 'returning'] as const
/** The kind of an agent enrolment. */
export type AgentKind = (typeof AGENT_KINDS)[number]

/** Distinct participants by the kind of their first agent enrolment in a window. */
export interface AgentCounts {
  readonly participants: number
  readonly new: number
  readonly continuing: number
  readonly returning: number
}

/** What an agent report reads from the engine: totals, the people enrolled without an agent, and each agent. */
export interface AgentFigures extends AgentCounts {
  readonly withoutAgent: number
  /** Each agent with at least one participant, in no particular order. */
  readonly agents: ReadonlyArray<AgentCounts & { readonly agent: string }>
}

/** The agent names, interned; shared by a view and its known-at cuts. */
export interface AgentNames {
  readonly names: string[]
  readonly ids: Map<string, number>
}

/** The columns of agent enrolments (what a snapshot keeps). */
export interface AgentColumns {
  readonly event: Int32Array
  readonly agent: Int32Array
}

const WINDOWS_CACHED = 12
const ANY = 3

/** The agent of each enrolment that names one, and the indexes of agent reports. */
export class AgentEnrolments {
  private readonly names: AgentNames
  /** The ordinal of the enrolment's event (increasing: rows arrive in history order). */
  private readonly event = new IntColumn()
  private readonly agent = new IntColumn()
  private cache: { key: string; base: Base; windows: Map<number, Window> } | null = null

  constructor(names?: AgentNames) {
    this.names = names ?? { names: [], ids: new Map() }
  }

  /** The interned names (shared with known-at copies). */
  get interned(): AgentNames {
    return this.names
  }

  /** How many agent enrolments are folded. */
  get size(): number {
    return this.event.length
  }

  /** Folds the agent of the enrolment whose event has `ordinal`. */
  add(ordinal: number, agent: string): void {
    let id = this.names.ids.get(agent)
    if (id === undefined) {
      id = this.names.names.length
      this.names.names.push(agent)
      this.names.ids.set(agent, id)
    }
    this.event.push(ordinal)
    this.agent.push(id)
  }

  /** The filled columns (views). */
  columns(): AgentColumns {
    return { event: this.event.view(), agent: this.agent.view() }
  }

  /** Agent enrolments restored from a snapshot. */
  static restore(names: readonly string[], c: AgentColumns): AgentEnrolments {
    const a = new AgentEnrolments({ names: [...names], ids: new Map(names.map((n, i) => [n, i])) })
    a.event.adopt(c.event)
    a.agent.adopt(c.agent)
    return a
  }

  /** The rows whose event was recorded by the cut-off. */
  knownAt(recordedAt: Float64Array, knownAt: number): AgentEnrolments {
    const cut = new AgentEnrolments(this.names)
    const event = this.event.view()
    for (let i = 0; i < event.length; i++) {
      if (recordedAt[event[i]!]! <= knownAt) {
        cut.event.push(event[i]!)
        cut.agent.push(this.agent.at(i))
      }
    }
    return cut
  }

  /**
   * The agent figures of scheme index `scheme` over the enrolments with coveredFrom in
   * [fromDay, toDay] whose unit is one of `units` (null: anywhere), read from `participation`
   * (the participation of the same view).
   */
  figures(
    participation: Participation,
    units: readonly string[] | null,
    scheme: number,
    fromDay: number,
    toDay: number,
  ): AgentFigures {
    if (toDay < fromDay) return { participants: 0, new: 0, continuing: 0, returning: 0, withoutAgent: 0, agents: [] }
    const w = this.window(participation, fromDay)
    const ids = participation.interned
    if (units === null) return w.everywhere(scheme, toDay, this.names.names)
    const set = new Set<number>()
    for (const code of units) {
      const u = ids.units.get(code)
      if (u !== undefined) set.add(u)
    }
    return w.inUnits(scheme, set, toDay, this.names.names)
  }

  private window(participation: Participation, fromDay: number): Window {
    const c = participation.columns()
    const key = `${c.enrPair.length}|${c.lapPair.length}|${this.event.length}|${participation.interned.pairScheme.length}`
    if (this.cache === null || this.cache.key !== key)
      this.cache = { key, base: buildBase(participation, this.event.view(), this.agent.view()), windows: new Map() }
    const windows = this.cache.windows
    let w = windows.get(fromDay)
    if (w !== undefined) {
      windows.delete(fromDay)
      windows.set(fromDay, w)
      return w
    }
    w = new Window(this.cache.base, fromDay)
    if (windows.size >= WINDOWS_CACHED) windows.delete(windows.keys().next().value!)
    windows.set(fromDay, w)
    return w
  }
}

/** The enrolment rows grouped by pair and sorted, with each row's agent (-1: none) and kind. */
interface Base {
  readonly pairs: number
  readonly pairScheme: Int32Array
  readonly order: Int32Array
  readonly offsets: Int32Array
  readonly from: Int32Array
  readonly unit: Int32Array
  readonly agent: Int32Array
  /** 0 new, 1 continuing, 2 returning (agent rows only). */
  readonly kind: Int8Array
}

const buildBase = (participation: Participation, agentEvent: Int32Array, agentOf: Int32Array): Base => {
  const c = participation.columns()
  const pairScheme = participation.interned.pairScheme.view()
  const pairs = pairScheme.length
  const n = c.enrPair.length
  // the agent of each row, by ordinal: both columns are in history order
  const agent = new Int32Array(n).fill(-1)
  for (let i = 0, k = 0; i < n && k < agentEvent.length; i++) {
    while (k < agentEvent.length && agentEvent[k]! < c.enrEvent[i]!) k++
    if (k < agentEvent.length && agentEvent[k] === c.enrEvent[i]) agent[i] = agentOf[k]!
  }
  const { order, offsets } = groupBy(c.enrPair, n, pairs)
  const lap = groupBy(c.lapPair, c.lapPair.length, pairs)
  const laps = new Int32Array(lap.order.length)
  for (let k = 0; k < laps.length; k++) laps[k] = c.lapDay[lap.order[k]!]!
  const kind = new Int8Array(n)
  for (let p = 0; p < pairs; p++) {
    const lo = offsets[p]!,
      hi = offsets[p + 1]!
    if (hi - lo > 1) sortByFrom(order, lo, hi, c.enrFrom)
    const llo = lap.offsets[p]!,
      lhi = lap.offsets[p + 1]!
    if (lhi - llo > 1) sortDays(laps, llo, lhi)
    // the greatest effective end among the rows that start before the current row's day
    let before = -Infinity
    let j = lo
    let cut = llo
    for (let k = lo; k < hi; k++) {
      const row = order[k]!
      const day = c.enrFrom[row]!
      while (j < k && c.enrFrom[order[j]!]! < day) {
        const r = order[j]!
        const a = c.enrFrom[r]!
        while (cut < lhi && laps[cut]! <= a) cut++
        const end = cut < lhi ? Math.min(c.enrThrough[r]!, laps[cut]! - 1) : c.enrThrough[r]!
        if (end > before) before = end
        j++
      }
      kind[row] = k === lo ? 0 : before >= day - 1 ? 1 : 2
    }
  }
  return { pairs, pairScheme, order, offsets, from: c.enrFrom, unit: c.enrUnit, agent, kind }
}

/** Day columns of one bucket: agent enrolments by kind, or any enrolment (`ANY`). */
type Bucket = [number[], number[], number[], number[]]
const bucket = (): Bucket => [[], [], [], []]
const sortBucket = (b: Bucket): Int32Array[] => b.map((days) => Int32Array.from(days).sort())

/** How many sorted values are ≤ x. */
const atMost = (a: Int32Array, x: number): number => {
  let lo = 0,
    hi = a.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (a[mid]! <= x) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** The first enrolments of each pair on or after a window start, bucketed for windows [start, to]. */
class Window {
  /** `scheme` → national bucket; `scheme|agent` → national bucket of an agent. */
  private readonly national = new Map<number, Int32Array[]>()
  private readonly nationalAgents = new Map<number, Map<number, Int32Array[]>>()
  /** `scheme · units + unit` → bucket of the pairs whose rows from the start on lie in that one unit. */
  private readonly byUnit = new Map<number, Int32Array[]>()
  /** `scheme · units + unit` → agent → bucket (same pairs). */
  private readonly agentsByUnit = new Map<number, Map<number, Int32Array[]>>()
  /** Per scheme, the pairs whose rows from the start on lie in more than one unit. */
  private readonly multi = new Map<number, number[]>()
  private readonly first: Int32Array
  private readonly unitCount: number

  constructor(
    private readonly base: Base,
    start: number,
  ) {
    const { pairs, pairScheme, order, offsets, from, unit, agent, kind } = base
    let units = 0
    for (let i = 0; i < unit.length; i++) if (unit[i]! >= units) units = unit[i]! + 1
    this.unitCount = units
    // each pair's first sorted row on or after the start
    this.first = new Int32Array(pairs)
    const national = new Map<number, Bucket>(),
      byUnit = new Map<number, Bucket>()
    const nationalAgents = new Map<number, Map<number, Bucket>>(),
      agentsByUnit = new Map<number, Map<number, Bucket>>()
    const put = (m: Map<number, Bucket>, key: number): Bucket => {
      let b = m.get(key)
      if (b === undefined) m.set(key, (b = bucket()))
      return b
    }
    const putAgent = (m: Map<number, Map<number, Bucket>>, key: number, a: number): Bucket => {
      let inner = m.get(key)
      if (inner === undefined) m.set(key, (inner = new Map<number, Bucket>()))
      return put(inner, a)
    }
    const seenAgent = new Set<number>()
    for (let p = 0; p < pairs; p++) {
      const s = pairScheme[p]!
      let lo = offsets[p]!
      const hi = offsets[p + 1]!
      while (lo < hi && from[order[lo]!]! < start) lo++
      this.first[p] = lo
      if (lo === hi) continue
      const u0 = unit[order[lo]!]!
      let single = true
      for (let k = lo + 1; k < hi && single; k++) if (unit[order[k]!]! !== u0) single = false
      const unitKey = s * units + u0
      if (!single) {
        let list = this.multi.get(s)
        if (list === undefined) this.multi.set(s, (list = []))
        list.push(p)
      }
      put(national, s)[ANY].push(from[order[lo]!]!)
      if (single) put(byUnit, unitKey)[ANY].push(from[order[lo]!]!)
      let firstAgent = true
      seenAgent.clear()
      for (let k = lo; k < hi; k++) {
        const row = order[k]!
        const a = agent[row]!
        if (a < 0) continue
        const day = from[row]!,
          kd = kind[row]!
        if (firstAgent) {
          firstAgent = false
          put(national, s)[kd]!.push(day)
          if (single) put(byUnit, unitKey)[kd]!.push(day)
        }
        if (!seenAgent.has(a)) {
          seenAgent.add(a)
          putAgent(nationalAgents, s, a)[kd]!.push(day)
          if (single) putAgent(agentsByUnit, unitKey, a)[kd]!.push(day)
        }
      }
    }
    for (const [k, b] of national) this.national.set(k, sortBucket(b))
    for (const [k, b] of byUnit) this.byUnit.set(k, sortBucket(b))
    for (const [target, source] of [
      [this.nationalAgents, nationalAgents],
      [this.agentsByUnit, agentsByUnit],
    ] as const) {
      for (const [k, inner] of source) {
        const sorted = new Map<number, Int32Array[]>()
        for (const [a, b] of inner) sorted.set(a, sortBucket(b))
        target.set(k, sorted)
      }
    }
  }

  everywhere(scheme: number, to: number, names: readonly string[]): AgentFigures {
    const totals = [0, 0, 0, 0]
    add(totals, this.national.get(scheme), to)
    const agents = new Map<number, number[]>()
    for (const [a, b] of this.nationalAgents.get(scheme) ?? []) add(counter(agents, a), b, to)
    return figuresOf(totals, agents, names)
  }

  inUnits(scheme: number, units: ReadonlySet<number>, to: number, names: readonly string[]): AgentFigures {
    const totals = [0, 0, 0, 0]
    const agents = new Map<number, number[]>()
    for (const u of units) {
      if (u >= this.unitCount) continue
      const key = scheme * this.unitCount + u
      add(totals, this.byUnit.get(key), to)
      for (const [a, b] of this.agentsByUnit.get(key) ?? []) add(counter(agents, a), b, to)
    }
    // the pairs spread over several units: their first rows within the units, one by one
    const { order, offsets, from, unit, agent, kind } = this.base
    const seen = new Set<number>()
    for (const p of this.multi.get(scheme) ?? []) {
      let any = false,
        firstAgent = true
      seen.clear()
      for (let k = this.first[p]!, hi = offsets[p + 1]!; k < hi; k++) {
        const row = order[k]!
        if (from[row]! > to) break
        if (!units.has(unit[row]!)) continue
        if (!any) {
          any = true
          totals[ANY]!++
        }
        const a = agent[row]!
        if (a < 0) continue
        if (firstAgent) {
          firstAgent = false
          totals[kind[row]!]!++
        }
        if (!seen.has(a)) {
          seen.add(a)
          counter(agents, a)[kind[row]!]!++
        }
      }
    }
    return figuresOf(totals, agents, names)
  }
}

const counter = (m: Map<number, number[]>, a: number): number[] => {
  let c = m.get(a)
  if (c === undefined) m.set(a, (c = [0, 0, 0, 0]))
  return c
}

const add = (into: number[], b: Int32Array[] | undefined, to: number): void => {
  if (b === undefined) return
  for (let k = 0; k < 4; k++) into[k]! += atMost(b[k]!, to)
}

const figuresOf = (
  totals: readonly number[],
  agents: ReadonlyMap<number, readonly number[]>,
  names: readonly string[],
): AgentFigures => {
  const participants = totals[0]! + totals[1]! + totals[2]!
  const list: Array<AgentCounts & { agent: string }> = []
  for (const [a, c] of agents) {
    const n = c[0]! + c[1]! + c[2]!
    if (n > 0) list.push({ agent: names[a]!, participants: n, new: c[0]!, continuing: c[1]!, returning: c[2]! })
  }
  return {
    participants,
    new: totals[0]!,
    continuing: totals[1]!,
    returning: totals[2]!,
    withoutAgent: totals[ANY]! - participants,
    agents: list,
  }
}
