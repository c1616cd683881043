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

  /** The header every report carries (`geography`: the date of the map, by default the as-of date). */
  header<K extends string>(
    report: K,
    asOf: BusinessDate,
    unit: string | null,
    scheme: Scheme | null,
    knownAt: number | null,
    geography: BusinessDate = asOf,
  ): ReportHeader<K> {
    const basis: Basis = {
      events: this.events.length,
      lastPosition: this.events.length === 0 ? null : this.events[this.events.length - 1]!.position,
    }
    return { report, asOf, geography, knownAt: knownAt === null ? null : instantOfMillis(knownAt), unit, scheme, basis }
  }

  // --- geography (geography.md: the map on a day G) -----------------------------------------------

  /** The day G of the map every geography question below reads; null: version 1 (dates ignored). */
  private map: string | null = null

  /** Reads every later question on the map of day `g` (null: the static map of version 1). */
  onMap(g: string | null): this {
    this.map = g
    return this
  }

  /** The UnitEstablished that counts for a code: the one with the later position. */
  private established(code: string): At<'UnitEstablished'> | undefined {
    return this.of('UnitEstablished')
      .filter((u) => u.e.code === code)
      .pop()
  }

  /** The dissolution of a code in force on G: the last by (dissolvedOn, position) with dissolvedOn ≤ G. */
  private dissolution(code: string): At<'UnitDissolved'> | undefined {
    const g = this.map
    if (g === null) return undefined
    return this.of('UnitDissolved')
      .filter((d) => d.e.code === code && d.e.dissolvedOn <= g)
      .sort((a, b) =>
        a.e.dissolvedOn < b.e.dissolvedOn ? -1 : a.e.dissolvedOn > b.e.dissolvedOn ? 1 : a.position - b.position,
      )
      .pop()
  }

  /** Whether the unit exists on G (version 1: whether it is established). */
  exists(code: string): boolean {
    const u = this.established(code)
    if (u === undefined) return false
    return this.map === null || (u.e.establishedOn <= this.map && this.dissolution(code) === undefined)
  }

  /** The unit's name, parent and level on G: its UnitEstablished overridden by its changes effective by G. */
  private onDay(code: string): { name: string; parent: string | null; level: string } | undefined {
    const u = this.established(code)
    if (u === undefined) return undefined
    let name: string = u.e.name,
      parent: string | null = u.e.parent ?? null,
      level: string = u.e.level
    const g = this.map
    if (g !== null) {
      const changes = this.of('UnitChanged')
        .filter((c) => c.e.code === code && c.e.effectiveOn <= g)
        .sort((a, b) =>
          a.e.effectiveOn < b.e.effectiveOn ? -1 : a.e.effectiveOn > b.e.effectiveOn ? 1 : a.position - b.position,
        )
      for (const c of changes) {
        if (c.e.name !== undefined) name = c.e.name
        if (c.e.parent !== undefined) parent = c.e.parent
        if (c.e.level !== undefined) level = c.e.level
      }
    }
    return { name, parent, level }
  }

  /** resolve_G(c): through successors of dissolutions in force on G; a cycle stops before its repeat. */
  resolve(code: string): string {
    const seen = new Set<string>([code])
    let current = code
    for (;;) {
      const d = this.dissolution(current)
      if (d === undefined || seen.has(d.e.successor)) return current
      current = d.e.successor
      seen.add(current)
    }
  }

  /** The name of a unit on G, or null. */
  nameOf(code: string): string | null {
    return this.onDay(code)?.name ?? null
  }

  /**
   * Whether figures recorded against `code` count in `unit` on G: resolve_G(code) is U, or exists
   * on G and its chain of parents on G reaches U (cycle-safe).
   */
  inSubtree(code: string, unit: string | null): boolean {
    if (unit === null) return true
    const r = this.resolve(code)
    if (r === unit) return true
    if (!this.exists(r)) return false
    const seen = new Set<string>()
    let current: string | null = r
    while (current !== null && !seen.has(current)) {
      if (current === unit) return true
      seen.add(current)
      current = this.onDay(current)?.parent ?? null
    }
    return false
  }

  /** The units that exist on G whose parent on G is `unit` (null: with no parent), sorted by code. */
  children(unit: string | null): string[] {
    const codes = new Set(this.of('UnitEstablished').map((u) => u.e.code))
    return [...codes]
      .filter((c) => this.exists(c) && (this.onDay(c)!.parent ?? null) === unit)
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
  }

  // --- persons (ParticipantIdentified) -----------------------------------------------------------

  private persons: Map<string, string> | null = null

  /** The person an id names: ids joined by known links are one, named by the first-linked (10-digit) id. */
  person(id: string): string {
    if (this.persons === null) {
      const parent = new Map<string, string>()
      const find = (x: string): string => {
        let r = x
        while (parent.has(r) && parent.get(r) !== r) r = parent.get(r)!
        return r
      }
      for (const l of this.of('ParticipantIdentified')) {
        const a = find(l.e.participantId),
          b = find(l.e.personalId)
        if (!parent.has(a)) parent.set(a, a)
        if (a !== b) parent.set(b, a)
      }
      this.persons = new Map([...parent.keys()].map((k) => [k, find(k)]))
    }
    return this.persons.get(id) ?? id
  }

  // --- participation -----------------------------------------------------------------------------

  /** Whether enrolment `en` covers `day`: within its period and not cut by a lapse of its pair. */
  private covers(en: At<'ParticipantEnrolled'>['e'], day: string): boolean {
    if (en.coveredFrom > day) return false
    if (en.coveredThrough != null && day > en.coveredThrough) return false
    const p = this.person(en.participantId)
    return !this.of('ParticipantLapsed').some(
      (l) =>
        this.person(l.e.participantId) === p &&
        l.e.scheme === en.scheme &&
        en.coveredFrom < l.e.lapsedOn &&
        l.e.lapsedOn <= day,
    )
  }

  /** Whether p is covered under s on `day`. */
  covered(participant: string, scheme: Scheme, day: string): boolean {
    return this.of('ParticipantEnrolled').some(
      (en) =>
        this.person(en.e.participantId) === this.person(participant) &&
        en.e.scheme === scheme &&
        this.covers(en.e, day),
    )
  }

  /** The unit p is counted in on `day`, or null when not covered. */
  countedUnit(participant: string, scheme: Scheme, day: string): string | null {
    let best: At<'ParticipantEnrolled'> | null = null
    for (const en of this.of('ParticipantEnrolled')) {
      if (
        this.person(en.e.participantId) !== this.person(participant) ||
        en.e.scheme !== scheme ||
        !this.covers(en.e, day)
      )
        continue
      if (
        best === null ||
        en.e.coveredFrom > best.e.coveredFrom ||
        (en.e.coveredFrom === best.e.coveredFrom && en.position > best.position)
      )
        best = en
    }
    return best === null ? null : best.e.unit
  }

  /** The distinct participants covered under s on `day` and counted in subtree(unit). */
  countedOn(unit: string | null, scheme: Scheme, day: string): string[] {
    const people = new Set(
      this.of('ParticipantEnrolled')
        .filter((en) => en.e.scheme === scheme)
        .map((en) => this.person(en.e.participantId)),
    )
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
      const p = this.person(en.e.participantId)
      const earlier = first.get(p)
      if (earlier === undefined || en.e.coveredFrom < earlier.e.coveredFrom) first.set(p, en)
    }
    return [...first.values()].filter(
      (en) => from <= en.e.coveredFrom && en.e.coveredFrom <= to && this.inSubtree(en.e.unit, unit),
    ).length
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
    const value = scheme === 'health' ? best.e.population : (best.e.labourForce ?? null)
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
