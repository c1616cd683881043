/**
 * The query mix every latency figure is measured over: random as-of dates in the history's years,
 * random units (the province, a district or a commune) and schemes, coverage and plan reports
 * alternately. The same seed gives the same questions, so ansinh and its peers answer alike.
 *
 * @module queries
 */
import { type BusinessDate, SCHEMES, type Scheme, civilToDays, fromDayNumber } from '@ansinh/core'
import type { ScaleOptions } from './generator.js'
import { Rng } from '@ansinh/testing/prng'

/** One question of the mix. */
export interface BenchQuery {
  readonly report: 'coverage' | 'plan'
  readonly asOf: BusinessDate
  readonly scheme: Scheme
  readonly unit: string
}

/** The unit codes of a generated province: the province, its districts, its communes. */
export const unitCodes = (scale: ScaleOptions): { province: string; districts: string[]; communes: string[] } => {
  const n = +scale.province
  return {
    province: scale.province,
    districts: Array.from({ length: scale.districts }, (_, i) => String(n * 10 + i).padStart(3, '0')),
    communes: Array.from({ length: scale.communes }, (_, j) => String(n * 1000 + j).padStart(5, '0')),
  }
}

/** `count` questions about `scale`'s province, drawn with `seed`. */
export const queryMix = (scale: ScaleOptions, count: number, seed = 42): BenchQuery[] => {
  const rng = new Rng(seed)
  const units = unitCodes(scale)
  const first = civilToDays(scale.startYear, 1, 1)
  const last = civilToDays(scale.startYear + scale.years - 1, 12, 31)
  const out: BenchQuery[] = []
  for (let i = 0; i < count; i++) {
    const r = rng.next()
    const unit =
      r < 0.1
        ? units.province
        : r < 0.3
          ? units.districts[rng.int(0, units.districts.length - 1)]!
          : units.communes[rng.int(0, units.communes.length - 1)]!
    out.push({
      report: i % 2 === 0 ? 'coverage' : 'plan',
      asOf: fromDayNumber(rng.int(first, last)),
      scheme: SCHEMES[rng.int(0, SCHEMES.length - 1)]!,
      unit,
    })
  }
  return out
}

/** `count` known-at instants (epoch ms) spread over the history's years. */
export const knownAtMix = (scale: ScaleOptions, count: number, seed = 43): number[] => {
  const rng = new Rng(seed)
  const first = Date.UTC(scale.startYear, 0, 1)
  const last = Date.UTC(scale.startYear + scale.years - 1, 11, 31)
  return Array.from({ length: count }, () => first + Math.floor(rng.next() * (last - first)))
}
