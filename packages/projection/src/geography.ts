/**
 * Geography: the units of the known UnitEstablished, UnitChanged and UnitDissolved events, and
 * **the map of a day** G (version 2): which units exist on G, their name, parent and level on G,
 * where a code is counted on G (`resolve`, through successors), and subtrees and children on G.
 *
 * Indexing: the map only changes on the days some record takes effect (an `establishedOn`, an
 * `effectiveOn`, a `dissolvedOn`), so a day G is normalised to the last such day ≤ G and one
 * {@link DayMap} is built per normalised day (lazily, kept in a small LRU). A question on a map is
 * then a lookup: the resolved code of every known code is computed once per map, and the codes a
 * unit's figures add up (`counted(U)`: every code whose resolve lies in subtree_G(U)) once per
 * (map, unit). Nothing walks all units per question.
 *
 * The version-1 accessors (`all`, `unit`, `nameOf`, `children`, `subtree`) keep their static
 * meaning (the latest UnitEstablished of each code, dates ignored) for callers that want the
 * registry; the reports read {@link Geography.on}.
 *
 * @module geography
 */
import { type UnitChanged, type UnitDissolved, type UnitEstablished, dayNumber } from '@ansinh/core'

/** One established unit as the registry keeps it: the record with the latest position. */
export interface EstablishedUnit {
  readonly code: string
  readonly name: string
  readonly parent: string | null
  readonly position: number
}

/**
 * One geography record as folded: what a known-at cut or a snapshot re-adds. `kind` absent: a
 * UnitEstablished (`on`: its establishedOn as a day number; absent in records of snapshots of
 * version 1, read as "always"); `changed`: a UnitChanged (`on`: effectiveOn; each field present
 * only when the event gives it); `dissolved`: a UnitDissolved (`on`: dissolvedOn).
 */
export interface UnitRecord {
  readonly kind?: 'changed' | 'dissolved'
  readonly code: string
  readonly name: string
  readonly parent: string | null
  readonly position: number
  /** The event's 0-based index in the history. */
  readonly ordinal: number
  readonly on?: number
  readonly level?: string
  /** For a UnitChanged: whether it gives `name` / `parent` (absent fields keep their value). */
  readonly setsName?: boolean
  readonly setsParent?: boolean
  /** For a UnitDissolved: the successor. */
  readonly successor?: string
}

/** How many maps of a day are kept. */
const MAPS_CACHED = 16

const dayOfDate = dayNumber

/** The unit registry and hierarchy built from the geography events, and the map of each day. */
export class Geography {
  /** Every record in fold order. */
  private readonly log: UnitRecord[] = []
  private readonly units = new Map<string, EstablishedUnit>()
  private childrenOf: Map<string | null, string[]> | null = null
  private readonly subtrees = new Map<string, readonly string[]>()
  /** The latest UnitEstablished, the changes and the dissolutions of each code (by position). */
  private readonly established = new Map<string, UnitRecord>()
  private readonly changes = new Map<string, UnitRecord[]>()
  private readonly dissolutions = new Map<string, UnitRecord[]>()
  /** Sorted distinct days on which some record takes effect (null: to be rebuilt). */
  private days: number[] | null = null
  private readonly maps = new Map<number, DayMap>()

  /** Takes a UnitEstablished at `position`; positions arrive increasing, so the later record wins. */
  add(data: UnitEstablished, position: number, ordinal = this.log.length): void {
    this.addRecord({
      code: data.code,
      name: data.name,
      parent: data.parent ?? null,
      position,
      ordinal,
      on: dayOfDate(data.establishedOn),
      level: data.level,
    })
  }

  /** Takes a UnitChanged. */
  addChange(data: UnitChanged, position: number, ordinal = this.log.length): void {
    this.addRecord({
      kind: 'changed',
      code: data.code,
      name: data.name ?? '',
      parent: data.parent ?? null,
      position,
      ordinal,
      on: dayOfDate(data.effectiveOn),
      ...(data.level === undefined ? {} : { level: data.level }),
      setsName: data.name !== undefined,
      setsParent: data.parent !== undefined,
    })
  }

  /** Takes a UnitDissolved. */
  addDissolution(data: UnitDissolved, position: number, ordinal = this.log.length): void {
    this.addRecord({
      kind: 'dissolved',
      code: data.code,
      name: '',
      parent: null,
      position,
      ordinal,
      on: dayOfDate(data.dissolvedOn),
      successor: data.successor,
    })
  }

  /** Takes a record as {@link records} gives it. */
  addRecord(r: UnitRecord): void {
    this.log.push(r)
    this.days = null
    this.maps.clear()
    if (r.kind === 'changed') return pushSorted(this.changes, r)
    if (r.kind === 'dissolved') return pushSorted(this.dissolutions, r)
    const earlier = this.units.get(r.code)
    if (earlier !== undefined && earlier.position > r.position) return
    this.units.set(r.code, { code: r.code, name: r.name, parent: r.parent, position: r.position })
    this.established.set(r.code, r)
    this.childrenOf = null
    this.subtrees.clear()
  }

  /** Every record folded, in fold order. */
  records(): readonly UnitRecord[] {
    return this.log
  }

  /** Whether any record changes the map over time (a UnitChanged or a UnitDissolved is known). */
  get changesOverTime(): boolean {
    return this.changes.size > 0 || this.dissolutions.size > 0
  }

  /** The registry of the records whose event was recorded by `knownAt` (`recordedAt[ordinal]`). */
  knownAt(recordedAt: Float64Array, knownAt: number): Geography {
    const cut = new Geography()
    for (const r of this.log) if (recordedAt[r.ordinal]! <= knownAt) cut.addRecord(r)
    return cut
  }

  /** Every established unit (the latest record of each code), in first-established order. */
  all(): IterableIterator<EstablishedUnit> {
    return this.units.values()
  }

  /** The registered unit of a code, or undefined when no known UnitEstablished names it. */
  unit(code: string): EstablishedUnit | undefined {
    return this.units.get(code)
  }

  /** The name of a unit, or null when the code is not established. */
  nameOf(code: string): string | null {
    return this.units.get(code)?.name ?? null
  }

  /** The children of a unit sorted by code; `null` asks for the units without a parent (national). */
  children(code: string | null): readonly string[] {
    if (this.childrenOf === null) {
      const map = new Map<string | null, string[]>()
      for (const u of this.units.values()) {
        const list = map.get(u.parent)
        if (list === undefined) map.set(u.parent, [u.code])
        else list.push(u.code)
      }
      for (const list of map.values()) list.sort(compareCodes)
      this.childrenOf = map
    }
    return this.childrenOf.get(code) ?? []
  }

  /** `subtree(U)` of version 1: U and all its descendants through parent links (each once, even in a cycle). */
  subtree(code: string): readonly string[] {
    const cached = this.subtrees.get(code)
    if (cached !== undefined) return cached
    const seen = new Set<string>([code])
    const out = [code]
    for (let i = 0; i < out.length; i++) {
      for (const c of this.children(out[i]!)) {
        if (!seen.has(c)) {
          seen.add(c)
          out.push(c)
        }
      }
    }
    this.subtrees.set(code, out)
    return out
  }

  /** The map of day `day` (a day number), shared by every day with the same records in effect. */
  on(day: number): DayMap {
    const key = this.normalise(day)
    let map = this.maps.get(key)
    if (map !== undefined) {
      if (this.maps.size > 1) {
        this.maps.delete(key)
        this.maps.set(key, map)
      }
      return map
    }
    map = new DayMap(key, this.established, this.changes, this.dissolutions)
    this.maps.set(key, map)
    if (this.maps.size > MAPS_CACHED) this.maps.delete(this.maps.keys().next().value!)
    return map
  }

  /** The last day ≤ `day` on which some record takes effect (−Infinity: before every one). */
  private normalise(day: number): number {
    let days = this.days
    if (days === null) {
      const set = new Set<number>()
      for (const r of this.log) set.add(r.on ?? -Infinity)
      days = [...set].sort((a, b) => a - b)
      this.days = days
    }
    let lo = 0,
      hi = days.length
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (days[mid]! <= day) lo = mid + 1
      else hi = mid
    }
    return lo === 0 ? -Infinity : days[lo - 1]!
  }
}

/** Inserts a record keeping each code's list in order of (`on`, position). */
const pushSorted = (map: Map<string, UnitRecord[]>, r: UnitRecord): void => {
  let list = map.get(r.code)
  if (list === undefined) map.set(r.code, (list = []))
  let i = list.length
  while (i > 0 && (list[i - 1]!.on! > r.on! || (list[i - 1]!.on === r.on && list[i - 1]!.position > r.position))) i--
  list.splice(i, 0, r)
}

/** Why a unit does not exist on a day: never established by then, or dissolved into a successor. */
export type Absence =
  | { readonly reason: 'not-yet'; readonly establishedOn: number }
  | { readonly reason: 'dissolved'; readonly dissolvedOn: number; readonly successor: string }

/** A unit on the map of a day: its name, parent and level then. */
interface UnitOnDay {
  readonly code: string
  readonly name: string
  readonly parent: string | null
  readonly level: string | null
  readonly exists: boolean
}

/**
 * The map of one day G: every definition of "the map on a day G" answered from per-map tables
 * built once (units on G, the resolved code of each known code, the children on G) and per-unit
 * caches (subtree, counted codes).
 */
export class DayMap {
  /** The day (number) this map is normalised to (−Infinity: before every record). */
  readonly day: number
  private readonly onDay = new Map<string, UnitOnDay>()
  private readonly dissolvedBy = new Map<string, UnitRecord>()
  private readonly resolved = new Map<string, string>()
  /** Resolved code → the known codes that resolve to it (itself included when it is known). */
  private readonly preimage = new Map<string, string[]>()
  /** Parent on G → the units that exist on G under it; `allBelow`: every established unit under it. */
  private readonly childrenOf = new Map<string | null, string[]>()
  private readonly allBelow = new Map<string, string[]>()
  private readonly subtrees = new Map<string, readonly string[]>()
  private readonly counted = new Map<string, readonly string[]>()
  private readonly establishedOn = new Map<string, number>()

  constructor(
    day: number,
    established: ReadonlyMap<string, UnitRecord>,
    changes: ReadonlyMap<string, UnitRecord[]>,
    dissolutions: ReadonlyMap<string, UnitRecord[]>,
  ) {
    this.day = day
    for (const [code, list] of dissolutions) {
      // the dissolution in force on G: the last in (dissolvedOn, position) with dissolvedOn ≤ G
      let inForce: UnitRecord | undefined
      for (const r of list) if (r.on! <= day) inForce = r
      if (inForce !== undefined) this.dissolvedBy.set(code, inForce)
    }
    for (const [code, e] of established) {
      let name = e.name,
        parent = e.parent,
        level = e.level ?? null
      for (const c of changes.get(code) ?? []) {
        if (c.on! > day) break
        if (c.setsName === true) name = c.name
        if (c.setsParent === true) parent = c.parent
        if (c.level !== undefined) level = c.level
      }
      const from = e.on ?? -Infinity
      this.establishedOn.set(code, from)
      const exists = from <= day && !this.dissolvedBy.has(code)
      this.onDay.set(code, { code, name, parent, level, exists })
      if (parent !== null) {
        const below = this.allBelow.get(parent)
        if (below === undefined) this.allBelow.set(parent, [code])
        else below.push(code)
      }
      if (exists) {
        const list = this.childrenOf.get(parent)
        if (list === undefined) this.childrenOf.set(parent, [code])
        else list.push(code)
      }
    }
    for (const list of this.childrenOf.values()) list.sort(compareCodes)
    for (const code of new Set([...established.keys(), ...this.dissolvedBy.keys()])) {
      const target = this.resolve(code)
      const list = this.preimage.get(target)
      if (list === undefined) this.preimage.set(target, [code])
      else list.push(code)
    }
  }

  /** Whether a known UnitEstablished names the code (whatever the day). */
  isKnown(code: string): boolean {
    return this.onDay.has(code) || this.dissolvedBy.has(code)
  }

  /** Whether the unit exists on G: established on or before G and not dissolved by G. */
  exists(code: string): boolean {
    return this.onDay.get(code)?.exists ?? false
  }

  /** Why a known code does not exist on G (null: it exists, or no record names it). */
  absence(code: string): Absence | null {
    const d = this.dissolvedBy.get(code)
    if (d !== undefined) return { reason: 'dissolved', dissolvedOn: d.on!, successor: d.successor! }
    const u = this.onDay.get(code)
    if (u === undefined || u.exists) return null
    return { reason: 'not-yet', establishedOn: this.establishedOn.get(code)! }
  }

  /** The unit's name on G, or null when no UnitEstablished names it. */
  name(code: string): string | null {
    return this.onDay.get(code)?.name ?? null
  }

  /** The unit's parent on G (null: none, or no UnitEstablished names it). */
  parent(code: string): string | null {
    return this.onDay.get(code)?.parent ?? null
  }

  /** The unit's level on G, or null when unknown. */
  level(code: string): string | null {
    return this.onDay.get(code)?.level ?? null
  }

  /**
   * resolve_G(c): a code dissolved on or before G resolves to resolve_G(its successor), chains
   * followed; a cycle of successors resolves to the last code reached before a repeat; any other
   * code (one no record names included) to itself.
   */
  resolve(code: string): string {
    const cached = this.resolved.get(code)
    if (cached !== undefined) return cached
    const seen = new Set<string>()
    let current = code
    for (;;) {
      seen.add(current)
      const d = this.dissolvedBy.get(current)
      if (d === undefined || seen.has(d.successor!)) break
      current = d.successor!
    }
    this.resolved.set(code, current)
    return current
  }

  /** children_G(U): the units that exist on G whose parent on G is U, sorted by code; null: those with no parent. */
  children(code: string | null): readonly string[] {
    return this.childrenOf.get(code) ?? []
  }

  /** subtree_G(U): U and every unit that exists on G whose chain of parents on G reaches U. */
  subtree(code: string): readonly string[] {
    const cached = this.subtrees.get(code)
    if (cached !== undefined) return cached
    const seen = new Set<string>([code])
    const out = [code]
    const queue = [code]
    for (let i = 0; i < queue.length; i++) {
      for (const c of this.allBelow.get(queue[i]!) ?? []) {
        if (seen.has(c)) continue
        seen.add(c)
        queue.push(c)
        if (this.exists(c)) out.push(c)
      }
    }
    this.subtrees.set(code, out)
    return out
  }

  /**
   * The codes whose figures count in U on this map: every code c with resolve_G(c) in
   * subtree_G(U) (U itself when no record names it), e.g. `counted('31')` on 2025-09-30 holds 30.
   */
  countedIn(code: string): readonly string[] {
    const cached = this.counted.get(code)
    if (cached !== undefined) return cached
    const out: string[] = []
    for (const u of this.subtree(code)) {
      // a code no record names resolves to itself but is not among the known codes' preimages
      if (!this.isKnown(u)) out.push(u)
      const pre = this.preimage.get(u)
      if (pre !== undefined) out.push(...pre)
    }
    this.counted.set(code, out)
    return out
  }
}

/** Orders unit codes as plain strings (the order reports list children in). */
export const compareCodes = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)
