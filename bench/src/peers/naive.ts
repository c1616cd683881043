/**
 * The naive-replay peer: every question replays the whole history into a fresh projection and
 * reads the answer off it — what an event-sourced system without temporal indexes does to answer
 * "as of D". It is a straight, linear fold (one pass, hash maps), not the deliberately literal
 * `@ansinh/projection-coverage/reference` and its siblings, whose scans are quadratic and would flatter the ratio.
 *
 * @module peers/naive
 */
import { type Scheme, dayNumber, endOfYear, sameDateLastYear, yearOf } from '@ansinh/core'
import type { PositionedEvent } from '@ansinh/core'
import { type Latency, latencies } from '../measure.js'
import type { BenchQuery } from '../queries.js'

interface Pair {
  readonly unit: string[]
  readonly from: number[]
  readonly through: number[]
  readonly lapses: number[]
}

/** One replay: the pairs of a scheme, the parent links and the quotas in force. */
const replay = (events: readonly PositionedEvent[], scheme: Scheme, year: number, asOfDay: number) => {
  const pairs = new Map<string, Pair>()
  const parent = new Map<string, string | null>()
  const quota = new Map<string, { day: number; target: number }>()
  for (const { event } of events) {
    switch (event.type) {
      case 'ParticipantEnrolled': {
        const d = event.data
        if (d.scheme !== scheme) break
        let p = pairs.get(d.participantId)
        if (p === undefined) pairs.set(d.participantId, (p = { unit: [], from: [], through: [], lapses: [] }))
        p.unit.push(d.unit)
        p.from.push(dayNumber(d.coveredFrom))
        p.through.push(d.coveredThrough == null ? Infinity : dayNumber(d.coveredThrough))
        break
      }
      case 'ParticipantLapsed':
        if (event.data.scheme === scheme)
          pairs.get(event.data.participantId)?.lapses.push(dayNumber(event.data.lapsedOn))
        break
      case 'UnitEstablished':
        parent.set(event.data.code, event.data.parent ?? null)
        break
      case 'QuotaAssigned': {
        const d = event.data
        if (d.scheme !== scheme || d.year !== year) break
        const day = dayNumber(d.assignedOn)
        const before = quota.get(d.unit)
        if (day <= asOfDay && (before === undefined || day >= before.day)) quota.set(d.unit, { day, target: d.target })
        break
      }
      default:
    }
  }
  return { pairs, parent, quota }
}

/** The unit a pair is counted in on `day` (the covering enrolment with the greatest start, later wins ties), or null. */
const countedUnit = (p: Pair, day: number): string | null => {
  let best = -1
  for (let i = 0; i < p.from.length; i++) {
    const from = p.from[i]!
    if (from > day || p.through[i]! < day) continue
    if (p.lapses.some((l) => from < l && l <= day)) continue
    if (best < 0 || from >= p.from[best]!) best = i
  }
  return best < 0 ? null : p.unit[best]!
}

/** Answers one question by a full replay: participants of the unit and its children (and the plan's comparisons). */
const answer = (events: readonly PositionedEvent[], q: BenchQuery): Record<string, number> => {
  const day = dayNumber(q.asOf)
  const year = yearOf(q.asOf)
  const { pairs, parent, quota } = replay(events, q.scheme, year, day)
  const children = [...parent.keys()].filter((c) => parent.get(c) === q.unit)
  const inside = (code: string | null, root: string): boolean => {
    for (let c = code, steps = 0; c != null && steps < 4; c = parent.get(c) ?? null, steps++)
      if (c === root) return true
    return false
  }
  const count = (root: string, d: number): number => {
    let n = 0
    for (const p of pairs.values()) if (inside(countedUnit(p, d), root)) n++
    return n
  }
  const out: Record<string, number> = { participants: count(q.unit, day) }
  for (const c of children) out[c] = count(c, day)
  if (q.report === 'plan') {
    const yearEnd = dayNumber(endOfYear(year))
    out['target'] = quota.get(q.unit)?.target ?? -1
    out['sameDateLastYear'] = count(q.unit, dayNumber(sameDateLastYear(q.asOf)))
    out['endOfPreviousYear'] = count(q.unit, dayNumber(endOfYear(year - 1)))
    let expiring = 0,
      fresh = 0
    for (const p of pairs.values()) {
      if (inside(countedUnit(p, day), q.unit) && day < yearEnd && countedUnit(p, yearEnd) === null) expiring++
      let first = 0
      for (let i = 1; i < p.from.length; i++) if (p.from[i]! < p.from[first]!) first = i
      if (p.from[first]! >= dayNumber(`${year}-01-01`) && p.from[first]! <= day && inside(p.unit[first]!, q.unit))
        fresh++
    }
    out['expiringBeforeYearEnd'] = expiring
    out['newInYear'] = fresh
  }
  return out
}

/** Latency of `queries` answered by replaying `events` for each. */
export const naiveReplayLatency = (events: readonly PositionedEvent[], queries: readonly BenchQuery[]): Latency =>
  latencies(queries.length, (i) => answer(events, queries[i]!))

/** One answer of the naive peer, for checking it against ansinh's figures. */
export const naiveAnswer = answer
