/**
 * The unit calendar the version-2 write rules consult: when each unit was established, how its
 * name, parent and level changed, and when it was dissolved into which successor. It answers
 * "does unit c exist on day d", "what is its parent / level on d" and "was c dissolved by d".
 * Deciders look up a handful of units per command, so each answer walks one unit's few records.
 *
 * @module deciders/unit-calendar
 */
import type { UnitChanged, UnitDissolved } from '../events-v2.js'
import type { UnitEstablished } from '../events.js'
import { type UnitLevel, dayNumber } from '../values.js'

interface Change {
  readonly day: number
  readonly parent?: string | null
  readonly level?: UnitLevel
}

interface Entry {
  established: number
  level: UnitLevel
  parent: string | null
  readonly changes: Change[]
  dissolution: { readonly day: number; readonly dissolvedOn: string; readonly successor: string } | null
}

/** A dissolution: the first day the unit no longer exists and its successor. */
export interface Dissolution {
  readonly dissolvedOn: string
  readonly successor: string
}

/** The units' lives through time, folded from UnitEstablished, UnitChanged and UnitDissolved. */
export class UnitCalendar {
  private readonly units = new Map<string, Entry>()

  /** Folds a UnitEstablished (a later one of a code replaces the earlier, as in version 1). */
  establish(d: UnitEstablished): void {
    const earlier = this.units.get(d.code)
    this.units.set(d.code, {
      established: dayNumber(d.establishedOn),
      level: d.level,
      parent: d.parent ?? null,
      changes: earlier?.changes ?? [],
      dissolution: earlier?.dissolution ?? null,
    })
  }

  /** Folds a UnitChanged. */
  change(d: UnitChanged): void {
    const e = this.units.get(d.code)
    if (e === undefined) return
    const c: { day: number; parent?: string | null; level?: UnitLevel } = { day: dayNumber(d.effectiveOn) }
    if (d.parent !== undefined) c.parent = d.parent
    if (d.level !== undefined) c.level = d.level
    // kept in order of (effectiveOn, position): a stable insert after every change of the same day
    let i = e.changes.length
    while (i > 0 && e.changes[i - 1]!.day > c.day) i--
    e.changes.splice(i, 0, c)
  }

  /** Folds a UnitDissolved (the earliest dissolution of a code stands). */
  dissolve(d: UnitDissolved): void {
    const e = this.units.get(d.code)
    if (e === undefined) return
    const day = dayNumber(d.dissolvedOn)
    if (e.dissolution === null || day < e.dissolution.day)
      e.dissolution = { day, dissolvedOn: d.dissolvedOn, successor: d.successor }
  }

  /** Whether a UnitEstablished names the code. */
  has(code: string): boolean {
    return this.units.has(code)
  }

  /** The day number the unit was established on, or null when no UnitEstablished names it. */
  establishedDay(code: string): number | null {
    return this.units.get(code)?.established ?? null
  }

  /** The unit's dissolution, or null when it was never dissolved. */
  dissolution(code: string): Dissolution | null {
    const d = this.units.get(code)?.dissolution ?? null
    return d === null ? null : { dissolvedOn: d.dissolvedOn, successor: d.successor }
  }

  /** The dissolution in force on `day` (dissolvedOn ≤ day), or null. */
  dissolvedBy(code: string, day: number): Dissolution | null {
    const d = this.units.get(code)?.dissolution ?? null
    return d !== null && d.day <= day ? { dissolvedOn: d.dissolvedOn, successor: d.successor } : null
  }

  /** Whether the unit exists on `day`: established on or before it and not dissolved by it. */
  existsOn(code: string, day: number): boolean {
    const e = this.units.get(code)
    return e !== undefined && e.established <= day && (e.dissolution === null || e.dissolution.day > day)
  }

  /** The unit's parent on `day` (its UnitEstablished, overridden by changes effective by then). */
  parentOn(code: string, day: number): string | null {
    const e = this.units.get(code)
    if (e === undefined) return null
    let parent = e.parent
    for (const c of e.changes) if (c.day <= day && c.parent !== undefined) parent = c.parent
    return parent
  }

  /** The unit's level on `day`, or null when no UnitEstablished names it. */
  levelOn(code: string, day: number): UnitLevel | null {
    const e = this.units.get(code)
    if (e === undefined) return null
    let level = e.level
    for (const c of e.changes) if (c.day <= day && c.level !== undefined) level = c.level
    return level
  }

  /**
   * Whether giving `code` the parent `parent` from `day` on would make it its own ancestor on some
   * day: on `day` itself and on every later day some parent change takes effect (until a later
   * change of `code`'s own parent replaces this one).
   */
  closesLoopFrom(code: string, parent: string, day: number): boolean {
    const days = new Set<number>([day])
    for (const e of this.units.values())
      for (const c of e.changes) if (c.day > day && c.parent !== undefined) days.add(c.day)
    const own = this.units.get(code)?.changes ?? []
    for (const d of [...days].sort((a, b) => a - b)) {
      // a later change of the unit's own parent takes over from this one
      if (own.some((c) => c.parent !== undefined && c.day > day && c.day <= d)) break
      let current: string | null = parent
      for (let steps = 0; current !== null; steps++) {
        if (current === code || steps > this.units.size) return true
        current = this.parentOn(current, d)
      }
    }
    return false
  }

  /** Whether making `parent` the parent of `code` on `day` would make `code` its own ancestor on that day. */
  closesLoopOn(code: string, parent: string, day: number): boolean {
    let current: string | null = parent
    for (let steps = 0; current !== null; steps++) {
      if (current === code || steps > this.units.size) return true
      current = this.parentOn(current, day)
    }
    return false
  }
}
