/**
 * The fixed part of a generated province: its administrative units (one province, its districts
 * and communes, a few communes directly under the province), how big each commune is, and the
 * yearly plan and population events derived from those sizes.
 *
 * @module province
 */
import type { DomainEvent, EventId, Instant } from '@ansinh/core'
import type { Rng } from '@ansinh/testing/prng'

/** A commune of the generated province and its share of the people. */
export interface Commune {
  readonly code: string
  readonly parent: string
  /** Relative size (log-normal): communes differ a lot in population. */
  readonly weight: number
}

/** The units of one generated province. */
export interface ProvinceLayout {
  readonly code: string
  readonly districts: readonly { readonly code: string; readonly communes: readonly number[] }[]
  readonly communes: readonly Commune[]
  /** Cumulative commune weights, for drawing a commune in proportion to its size. */
  readonly cumulative: Float64Array
}

/**
 * Lays out a province: codes are unique across provinces (district `PPd`, commune `PPccc` for
 * province `PP`), as the statistics office's codes are.
 */
export const layoutProvince = (
  province: string,
  districtCount: number,
  communeCount: number,
  rng: Rng,
): ProvinceLayout => {
  const n = +province
  const districts = Array.from({ length: districtCount }, (_, i) => ({
    code: String(n * 10 + i).padStart(3, '0'),
    communes: [] as number[],
  }))
  const communes: Commune[] = []
  for (let j = 0; j < communeCount; j++) {
    // Every 40th commune sits directly under the province (allowed by the unit rules).
    const direct = j % 40 === 39
    const district = districts[j % districtCount]!
    if (!direct) district.communes.push(j)
    communes.push({
      code: String(n * 1000 + j).padStart(5, '0'),
      parent: direct ? province : district.code,
      weight: rng.logNormal(0.6),
    })
  }
  const cumulative = new Float64Array(communeCount)
  let sum = 0
  for (let j = 0; j < communeCount; j++) cumulative[j] = sum += communes[j]!.weight
  return { code: province, districts, communes, cumulative }
}

/** Draws a commune index in proportion to the communes' weights. */
export const drawCommune = (layout: ProvinceLayout, rng: Rng): number => {
  const c = layout.cumulative
  const x = rng.next() * c[c.length - 1]!
  let lo = 0,
    hi = c.length - 1
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (c[mid]! <= x) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** The reference of employer `e` of a province, e.g. `DN-60-000123`. */
export const employerReference = (province: string, e: number): string => `DN-${province}-${String(e).padStart(6, '0')}`

/** Makes an event id and an instant for a planned event. */
export type Stamp = () => { id: EventId; recordedAt: Instant }

/** The UnitEstablished events of a province, parents first. */
export function* unitEvents(layout: ProvinceLayout, establishedOn: string, stamp: Stamp): Generator<DomainEvent> {
  const at = establishedOn as never
  yield {
    ...stamp(),
    type: 'UnitEstablished',
    data: { code: layout.code as never, name: `Tỉnh ${layout.code}` as never, level: 'province', establishedOn: at },
  }
  for (const d of layout.districts) {
    yield {
      ...stamp(),
      type: 'UnitEstablished',
      data: {
        code: d.code as never,
        name: `Huyện ${d.code}` as never,
        level: 'district',
        parent: layout.code as never,
        establishedOn: at,
      },
    }
  }
  for (const c of layout.communes) {
    yield {
      ...stamp(),
      type: 'UnitEstablished',
      data: {
        code: c.code as never,
        name: `Xã ${c.code}` as never,
        level: 'commune',
        parent: c.parent as never,
        establishedOn: at,
      },
    }
  }
}

/** Expected share of the participants under each scheme (from the generator's mix of kinds). */
const SCHEME_SHARE = { voluntary: 0.08, compulsory: 0.26, health: 0.8, unemployment: 0.26 } as const

/** The units of a province with the commune indices each adds up (a province: all communes). */
const unitsWithCommunes = (layout: ProvinceLayout): { code: string; communes: number[] }[] => [
  { code: layout.code, communes: layout.communes.map((_, j) => j) },
  ...layout.districts.map((d) => ({ code: d.code, communes: [...d.communes] })),
  ...layout.communes.map((c, j) => ({ code: c.code, communes: [j] })),
]

/**
 * The QuotaAssigned events of a plan year: one per unit and scheme, targets a little above the
 * expected participants; `revision` scales them (a mid-year revision).
 */
export function* quotaEvents(
  layout: ProvinceLayout,
  participants: number,
  year: number,
  assignedOn: string,
  revision: number,
  rng: Rng,
  stamp: Stamp,
): Generator<DomainEvent> {
  const total = layout.cumulative[layout.cumulative.length - 1]!
  for (const u of unitsWithCommunes(layout)) {
    let weight = 0
    for (const j of u.communes) weight += layout.communes[j]!.weight
    for (const scheme of ['voluntary', 'compulsory', 'health', 'unemployment'] as const) {
      const target = Math.round(
        (participants * SCHEME_SHARE[scheme] * weight * revision * (1 + 0.15 * rng.next())) / total,
      )
      yield {
        ...stamp(),
        type: 'QuotaAssigned',
        data: {
          unit: u.code as never,
          scheme,
          year: year as never,
          target: target as never,
          assignedOn: assignedOn as never,
          decision: `${u.code}-${year}/QĐ-UBND` as never,
        },
      }
    }
  }
}

/** The PopulationEstimated events of a year: communes by weight, districts and the province as sums. */
export function* populationEvents(
  layout: ProvinceLayout,
  participants: number,
  year: number,
  growth: number,
  stamp: Stamp,
): Generator<DomainEvent> {
  const total = layout.cumulative[layout.cumulative.length - 1]!
  const own = layout.communes.map((c) => Math.max(100, Math.round(((participants / 0.85) * c.weight * growth) / total)))
  for (const u of unitsWithCommunes(layout)) {
    let population = 0
    for (const j of u.communes) population += own[j]!
    yield {
      ...stamp(),
      type: 'PopulationEstimated',
      data: {
        unit: u.code as never,
        year: year as never,
        population: population as never,
        labourForce: Math.round(population * 0.58) as never,
        source: `GSO ${year}` as never,
      },
    }
  }
}
