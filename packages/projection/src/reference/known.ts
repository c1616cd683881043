/**
 * The known events of a history under a known-at cut, and the definitions of read-models.md read
 * literally over them: no index, no day numbers, every question a scan of the events.
 *
 * @module reference/known
 */
import {
  type BusinessDate,
  type DomainEvent,
  type EventOf,
  type EventType,
  type PositionedEvent,
  type Scheme,
  instantMillis,
  instantOfMillis,
} from '@ansinh/core'
import type { Basis } from '../history.js'
import type { ReportHeader } from '../report-header.js'

/** An event of one type with its position. */
export interface At<T extends EventType> {
  readonly e: EventOf<T>['data']
  readonly position: number
}

/** The known events, by type, in position order. */
export class Known {
  private readonly events: PositionedEvent[]

  constructor(events: Iterable<PositionedEvent>, knownAt: number | null) {
    this.events = [...events]
      .filter(({ event }) => knownAt === null || instantMillis(event.recordedAt) <= knownAt)
      .sort((a, b) => a.position - b.position)
  }

  private readonly byType = new Map<EventType, At<EventType>[]>()

  /** The known events of one type (collected once: the reference is slow, not wasteful). */
  of<T extends EventType>(type: T): At<T>[] {
    const cached = this.byType.get(type)
    if (cached !== undefined) return cached as At<T>[]
    const found = this.events
      .filter(({ event }) => event.type === type)
      .map(({ event, position }) => ({ e: (event as DomainEvent & { type: T }).data as EventOf<T>['data'], position }))
    this.byType.set(type, found as At<EventType>[])
    return found
  }

  /** The header every report carries. */
  header<K extends string>(
    report: K,
    asOf: BusinessDate,
    unit: string | null,
    scheme: Scheme | null,
    knownAt: number | null,
  ): ReportHeader<K> {
    const basis: Basis = {
      events: this.events.length,
      lastPosition: this.events.length === 0 ? null : this.events[this.events.length - 1]!.position,
    }
    return { report, asOf, knownAt: knownAt === null ? null : instantOfMillis(knownAt), unit, scheme, basis }
  }

  // --- geography ---------------------------------------------------------------------------------

  /** The UnitEstablished that counts for a code: the one with the later position. */
  private established(code: string): At<'UnitEstablished'> | undefined {
    return this.of('UnitEstablished').filter((u) => u.e.code === code).pop()
  }

  /** The name of an established unit, or null. */
  nameOf(code: string): string | null {
    return this.established(code)?.e.name ?? null
  }

  /** Whether `code` is `unit` or lies below it (walking up the parent links, cycle-safe). */
  inSubtree(code: string, unit: string | null): boolean {
    if (unit === null) return true
    const seen = new Set<string>()
    let current: string | undefined = code
    while (current !== undefined && !seen.has(current)) {
      if (current === unit) return true
      seen.add(current)
      current = this.established(current)?.e.parent ?? undefined
    }
    return false
  }

  /** The established units whose parent is `unit` (null: units without a parent), sorted by code. */
  children(unit: string | null): string[] {
    const codes = new Set(this.of('UnitEstablished').map((u) => u.e.code))
    return [...codes].filter((c) => (this.established(c)!.e.parent ?? null) === unit).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
  }

  // --- participation -----------------------------------------------------------------------------

  /** Whether enrolment `en` covers `day`: within its period and not cut by a lapse of its pair. */
  private covers(en: At<'ParticipantEnrolled'>['e'], day: string): boolean {
    if (en.coveredFrom > day) return false
    if (en.coveredThrough != null && day > en.coveredThrough) return false
    return !this.of('ParticipantLapsed').some(
      (l) => l.e.participantId === en.participantId && l.e.scheme === en.scheme && en.coveredFrom < l.e.lapsedOn && l.e.lapsedOn <= day,
    )
  }

  /** Whether p is covered under s on `day`. */
  covered(participant: string, scheme: Scheme, day: string): boolean {
    return this.of('ParticipantEnrolled').some((en) => en.e.participantId === participant && en.e.scheme === scheme && this.covers(en.e, day))
  }

  /** The unit p is counted in on `day`, or null when not covered. */
  countedUnit(participant: string, scheme: Scheme, day: string): string | null {
    let best: At<'ParticipantEnrolled'> | null = null
    for (const en of this.of('ParticipantEnrolled')) {
      if (en.e.participantId !== participant || en.e.scheme !== scheme || !this.covers(en.e, day)) continue
      if (best === null || en.e.coveredFrom > best.e.coveredFrom || (en.e.coveredFrom === best.e.coveredFrom && en.position > best.position)) best = en
    }
    return best === null ? null : best.e.unit
  }

  /** The distinct participants covered under s on `day` and counted in subtree(unit). */
  countedOn(unit: string | null, scheme: Scheme, day: string): string[] {
    const people = new Set(this.of('ParticipantEnrolled').filter((en) => en.e.scheme === scheme).map((en) => en.e.participantId))
    return [...people].filter((p) => {
      const u = this.countedUnit(p, scheme, day)
      return u !== null && this.inSubtree(u, unit)
    })
  }

  /** participants(U, s, d). */
  participants(unit: string | null, scheme: Scheme, day: string): number {
    return this.countedOn(unit, scheme, day).length
  }

  /** People whose first enrolment under s starts in [from, to] with its unit in subtree(unit). */
  newBetween(unit: string | null, scheme: Scheme, from: string, to: string): number {
    const first = new Map<string, At<'ParticipantEnrolled'>>()
    for (const en of this.of('ParticipantEnrolled')) {
      if (en.e.scheme !== scheme) continue
      const earlier = first.get(en.e.participantId)
      if (earlier === undefined || en.e.coveredFrom < earlier.e.coveredFrom) first.set(en.e.participantId, en)
    }
    return [...first.values()].filter((en) => from <= en.e.coveredFrom && en.e.coveredFrom <= to && this.inSubtree(en.e.unit, unit)).length
  }

  // --- registers ---------------------------------------------------------------------------------

  /** The unit's denominator from its latest estimate of a year ≤ `year` (ties: later position). */
  denominator(unit: string, scheme: Scheme, year: number): { value: number | null; year: number | null } {
    let best: At<'PopulationEstimated'> | null = null
    for (const p of this.of('PopulationEstimated')) {
      if (p.e.unit !== unit || p.e.year > year) continue
      if (best === null || p.e.year >= best.e.year) best = p
    }
    if (best === null) return { value: null, year: null }
    const value = scheme === 'health' ? best.e.population : best.e.labourForce ?? null
    return { value, year: best.e.year }
  }

  /** The target in force on `asOf` for (unit, scheme, year), or null. */
  target(unit: string, scheme: Scheme, year: number, asOf: string): number | null {
    let best: At<'QuotaAssigned'> | null = null
    for (const q of this.of('QuotaAssigned')) {
      if (q.e.unit !== unit || q.e.scheme !== scheme || q.e.year !== year || q.e.assignedOn > asOf) continue
      if (best === null || q.e.assignedOn >= best.e.assignedOn) best = q
    }
    return best === null ? null : best.e.target
  }
}
