/**
 * The seed history: every seed article's generator, merged into one history in the order the
 * agencies recorded the events. A pure function of its options.
 *
 * @module history
 */
import type { DomainEvent } from '@ansinh/core'
import { aLuoi } from './generate/a-luoi.js'
import { binhThuan } from './generate/binh-thuan.js'
import { type EventLog, mergeLogs } from './generate/events.js'
import { haiPhong } from './generate/hai-phong.js'
import { thuongTin } from './generate/thuong-tin.js'
import { province004 } from './generate/province-004.js'
import type { SeedOptions, SeedWriter } from './generate/writer.js'

/** The seeds that have a generator, by the article they reproduce. */
export const SEEDS = ['binh-thuan', 'a-luoi', 'thuong-tin', 'hai-phong', 'province-004'] as const
/** The name of a seed. */
export type SeedName = (typeof SEEDS)[number]

const GENERATORS: Readonly<Record<SeedName, (o: SeedOptions) => SeedWriter>> = {
  'binh-thuan': binhThuan,
  'a-luoi': aLuoi,
  'thuong-tin': thuongTin,
  'hai-phong': haiPhong,
  'province-004': province004,
}

/** Options of {@link seedHistory}; every field has a default. */
export interface SeedHistoryOptions {
  /** The seed of every random choice (default 2020). The published figures hold for every seed. */
  readonly seed?: number
  /** Also generate health insurance (about a million participants per province; default false). */
  readonly includeHealth?: boolean
  /** Which seeds to generate (default all). */
  readonly seeds?: readonly SeedName[]
}

/** The default seed. */
export const DEFAULT_SEED = 2020

/**
 * The history of the chosen seeds, ordered by `recordedAt` (ties in generation order); it obeys every
 * write rule and its reports, as known at each publication date, reproduce the published figures.
 *
 * @example seedHistory({ seeds: ['binh-thuan'] }).length // about 32,000 events
 */
export const seedHistory = (options: SeedHistoryOptions = {}): DomainEvent[] =>
  mergeLogs([...seedLogs(options).values()])

/** Each chosen seed's log, unmerged, in seed order (merge any of them with {@link mergeLogs}). */
export const seedLogs = (options: SeedHistoryOptions = {}): Map<SeedName, EventLog> => {
  const o: SeedOptions = { seed: options.seed ?? DEFAULT_SEED, includeHealth: options.includeHealth ?? false }
  const seeds = options.seeds ?? SEEDS
  return new Map(SEEDS.filter((s) => seeds.includes(s)).map((s) => [s, GENERATORS[s](o).log]))
}
