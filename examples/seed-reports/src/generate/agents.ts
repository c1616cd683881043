/**
 * Collection agents (đại lý thu): the post office of each district, the People's Committees of
 * communes, and a few cooperatives. References are short ASCII codes such as `BD-PHANTHIET`.
 *
 * @module generate/agents
 */
import type { UnitSpec } from './geography.js'
import type { Rng } from '@ansinh/testing/prng'

/** An ASCII code for a Vietnamese name: `Huyện Đức Linh` → `DUCLINH` (level words dropped). */
export const slug = (name: string): string => {
  let s = slugs.get(name)
  if (s === undefined) slugs.set(name, (s = slugOf(name)))
  return s
}

const slugs = new Map<string, string>()

const slugOf = (name: string): string =>
  name
    .replace(/^(Tỉnh|Thành phố|Thị xã|Thị trấn|Huyện|Quận|Xã|Phường)\s+/u, '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'D')
    .replace(/[^A-Za-z0-9]/g, '')
    .toUpperCase()

/**
 * Agents for participants of a unit: mostly the district post office (`BD-…`), else the commune or
 * district People's Committee (`UBND-…`); `postShare` is the post office's share.
 */
export const agentsFor = (units: readonly UnitSpec[], postShare: number): ((unit: string, rng: Rng) => string) => {
  const byCode = new Map(units.map((u) => [u.code, u]))
  return (unit, rng) => {
    const u = byCode.get(unit)
    if (u === undefined) return 'BD-' + unit
    const district = u.level === 'commune' ? (byCode.get(u.parent!) ?? u) : u
    return rng.chance(postShare) ? `BD-${slug(district.name)}` : `UBND-${slug(u.name)}`
  }
}
