/**
 * The units a figure adds up, seen from one row: is a unit in subtree(U), and under which of U's
 * children does it count. A unit a known UnitEstablished does not name is its own subtree and
 * counts only nationally.
 *
 * @module audit/scope
 */
import type { Geography } from '../geography.js'

/** subtree(U) and U's children, as membership tests. */
export interface Scope {
  readonly unit: string | null
  /** U's children (national: the units without a parent), sorted by code. */
  readonly children: readonly string[]
  /** Whether a unit counts in U's figures. */
  readonly inUnit: (code: string) => boolean
  /** The children whose subtree holds a unit (one, unless parent links loop). */
  readonly childrenOf: (code: string) => readonly string[]
}

const NONE: readonly string[] = []

/** The scope of `unit`'s figures in a geography (null: national). */
export const scopeOf = (geography: Geography, unit: string | null): Scope => {
  const inside = unit === null ? null : new Set(geography.subtree(unit))
  const children = geography.children(unit)
  const under = new Map<string, string[]>()
  for (const c of children) {
    for (const u of geography.subtree(c)) {
      const list = under.get(u)
      if (list === undefined) under.set(u, [c])
      else list.push(c)
    }
  }
  return {
    unit,
    children,
    inUnit: inside === null ? () => true : (code) => inside.has(code),
    childrenOf: (code) => under.get(code) ?? NONE,
  }
}
