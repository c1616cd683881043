/**
 * Geography (version 1: static): the parent links of the known UnitEstablished events. A code
 * established twice keeps its later record (by position). Subtrees follow parent links downwards
 * and are cycle-safe, since a history recorded elsewhere may break the no-cycle rule.
 *
 * @module geography
 */
import type { UnitEstablished } from '@ansinh/core'

/** One established unit as the registry keeps it: the record with the latest position. */
export interface EstablishedUnit {
  readonly code: string
  readonly name: string
  readonly parent: string | null
  readonly position: number
}

/** One UnitEstablished as folded: what a known-at cut or a snapshot re-adds. */
export interface UnitRecord {
  readonly code: string
  readonly name: string
  readonly parent: string | null
  readonly position: number
  /** The event's 0-based index in the history. */
  readonly ordinal: number
}

/** The unit registry and hierarchy built from UnitEstablished events. */
export class Geography {
  /** Every record in fold order (a later record of a code replaces the earlier in `units`). */
  private readonly log: UnitRecord[] = []
  private readonly units = new Map<string, EstablishedUnit>()
  private childrenOf: Map<string | null, string[]> | null = null
  private readonly subtrees = new Map<string, readonly string[]>()

  /** Takes a UnitEstablished at `position`; positions arrive increasing, so the later record wins. */
  add(data: UnitEstablished, position: number, ordinal = this.log.length): void {
    this.addRecord({ code: data.code, name: data.name, parent: data.parent ?? null, position, ordinal })
  }

  /** Takes a record as {@link records} gives it. */
  addRecord(r: UnitRecord): void {
    this.log.push(r)
    const earlier = this.units.get(r.code)
    if (earlier !== undefined && earlier.position > r.position) return
    this.units.set(r.code, { code: r.code, name: r.name, parent: r.parent, position: r.position })
    this.childrenOf = null
    this.subtrees.clear()
  }

  /** Every record folded, in fold order. */
  records(): readonly UnitRecord[] {
    return this.log
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

  /** `subtree(U)`: U and all its descendants through parent links (each once, even in a cycle). */
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
}

/** Orders unit codes as plain strings (the order reports list children in). */
export const compareCodes = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)
