/**
 * Seed 002 — Thường Tín district, Hà Nội, voluntary social insurance as of 31/8/2023 (reported with
 * the district's letter 1263/UBND-BHXH of 21/9/2023): 2,955 participants, +17.73% on 31/8/2022,
 * 2.28% of the working-age labour force, 74% of the city's plan. Dũng Tiến, Vạn Điểm, Hiền Giang and
 * Thắng Lợi are ahead; Khánh Hà, Chương Dương, Lê Lợi and Ninh Sở are behind.
 *
 * @module generate/thuong-tin
 */
import { agentsFor } from './agents.js'
import { CATALOGUE_LOADED, CODES_ISSUED, day, endOfDayMillis, monthIndex } from './calendar.js'
import { THUONG_TIN, THUONG_TIN_COMMUNE_NAMES, codeOf } from './geography.js'
import { VoluntaryPlanner } from './voluntary.js'
import { generateVoluntary } from './voluntary-population.js'
import { type SeedOptions, SeedWriter, apportion } from './writer.js'

/** The day of the district's letter that reported the figures. */
export const THUONG_TIN_KNOWN_AT = '2023-09-21'

/** Participants covered on 31/8/2022 and 31/8/2023 (TT), only then (TF), only now (FT), neither (FF). */
export const THUONG_TIN_PATTERNS = { TT: 1980, TF: 530, FT: 975, FF: 150 } as const

/** Commune targets of decision 417/QĐ-UBND of 9/2/2023, in the order of the commune list. */
export const THUONG_TIN_TARGETS: readonly number[] = [
  260, 150, 145, 120, 160, 135, 130, 140, 125, 150, 145, 150, 155, 130, 150, 125, 150, 165, 140, 120, 135, 140, 130,
  145, 130, 140, 115, 150, 120,
]

/** How far each commune is along its plan, relative to the district (named in the article or not). */
const PACE: Readonly<Record<string, number>> = {
  'Xã Dũng Tiến': 1.45,
  'Xã Vạn Điểm': 1.4,
  'Xã Hiền Giang': 1.38,
  'Xã Thắng Lợi': 1.36,
  'Xã Khánh Hà': 0.55,
  'Xã Chương Dương': 0.58,
  'Xã Lê Lợi': 0.6,
  'Xã Ninh Sở': 0.62,
}

/** Generates the Thường Tín history into a writer of its own. */
export const thuongTin = (options: SeedOptions): SeedWriter => {
  const w = new SeedWriter(options, '002-thuong-tin', '01')
  w.units(THUONG_TIN, CATALOGUE_LOADED, CODES_ISSUED)
  const communes = THUONG_TIN_COMMUNE_NAMES.map((n) => codeOf(THUONG_TIN, n))

  w.quota('279', 'voluntary', 2022, 3_400, day('2022-01-17'), 'BHXH thành phố Hà Nội', '61/QĐ-BHXH')
  w.quota('279', 'voluntary', 2023, 3_870, day('2023-01-13'), 'BHXH thành phố Hà Nội', '52/QĐ-BHXH')
  w.quota('279', 'voluntary', 2023, 3_993, day('2023-06-26'), 'BHXH thành phố Hà Nội', '1846/QĐ-BHXH')
  communes.forEach((c, k) =>
    w.quota(c, 'voluntary', 2023, THUONG_TIN_TARGETS[k]!, day('2023-02-09'), 'UBND huyện Thường Tín', '417/QĐ-UBND'),
  )
  w.population('279', 2022, 266_900, 127_800, 'Chi cục Thống kê huyện Thường Tín', day('2022-04-12'))
  w.population('279', 2023, 269_300, 129_600, 'Chi cục Thống kê huyện Thường Tín', day('2023-04-14'))

  const paces = THUONG_TIN_COMMUNE_NAMES.map((n, k) => THUONG_TIN_TARGETS[k]! * (PACE[n] ?? 1))
  const now = apportion(paces, THUONG_TIN_PATTERNS.TT + THUONG_TIN_PATTERNS.FT)
  const stayers = apportion(now, THUONG_TIN_PATTERNS.TT)
  const leavers = apportion(THUONG_TIN_TARGETS, THUONG_TIN_PATTERNS.TF)
  const expand = (perCommune: readonly number[]): string[] =>
    perCommune.flatMap((n, k) => Array<string>(n).fill(communes[k]!))
  const tt = expand(stayers)
  const ft = expand(now.map((n, k) => n - stayers[k]!))
  const tf = expand(leavers)

  const planner = new VoluntaryPlanner({
    checkpoints: [day('2022-08-31'), day('2023-08-31')],
    knownAt: endOfDayMillis(day(THUONG_TIN_KNOWN_AT)),
    earliestStart: monthIndex(2020, 6),
    lastKnownStart: monthIndex(2023, 9),
    futureUntil: monthIndex(2024, 3),
    lookBack: 24,
    modes: [
      [1, 15],
      [3, 20],
      [6, 25],
      [12, 40],
    ],
    lapseRate: 0.05,
    lateRate: 0.04,
    renewRate: 0.7,
    returnRate: 0.06,
    agentOf: agentsFor(THUONG_TIN, 0.6),
  })
  generateVoluntary(w, planner, {
    groups: [
      { pattern: 'TT', count: tt.length, unitOf: (k) => tt[k]! },
      { pattern: 'TF', count: tf.length, unitOf: (k) => tf[k]! },
      { pattern: 'FT', count: ft.length, unitOf: (k) => ft[k]! },
      { pattern: 'FF', count: THUONG_TIN_PATTERNS.FF, unitOf: (_k, r) => r.pick(communes) },
    ],
    unitChecks: [1],
    moves: { rate: 0.03, from: communes },
    late: {
      checkpoint: 1,
      enrolments: 12,
      enrolmentUnit: () => codeOf(THUONG_TIN, 'Xã Dũng Tiến'),
      lapses: 2,
      lapseReasons: ['lump-sum-withdrawal', 'deceased'],
      days: [4, 25],
    },
  })
  return w
}
