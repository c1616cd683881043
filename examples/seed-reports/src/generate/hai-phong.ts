/**
 * Seed 003 — Hải Phòng city as of 30/9/2024 (VTC News, October 2024): compulsory social insurance
 * 495,856 (93.79% of plan, +8,329 on December 2023, +27,903 on a year before) and voluntary 36,520
 * (72.84%, +1,687, +10,595). "Nearly 33,000" compulsory participants still to find is the plain gap.
 *
 * Checkpoints: 30/9/2023, 31/12/2023, 30/9/2024, as known on 10/10/2024; an employer's late report
 * and a closed firm's late notice change the September figure as known today.
 *
 * @module generate/hai-phong
 */
import { agentsFor } from './agents.js'
import { CATALOGUE_LOADED, CODES_ISSUED, day, endOfDayMillis, monthIndex } from './calendar.js'
import { type Employer, Employers, EmploymentGenerator } from './compulsory.js'
import { HAI_PHONG } from './geography.js'
import { cardIn, coveredAcrossYear, generateHealth } from './health.js'
import { VoluntaryPlanner } from './voluntary.js'
import { generateVoluntary } from './voluntary-population.js'
import { type SeedOptions, SeedWriter } from './writer.js'

/** The day the city's figures are taken to be published. */
export const HAI_PHONG_KNOWN_AT = '2024-10-10'

/** Voluntary participants by pattern over (30/9/2023, 31/12/2023, 30/9/2024): 25,925 / 34,833 / 36,520. */
export const HAI_PHONG_VOLUNTARY_PATTERNS = {
  TTT: 19_800,
  TTF: 3_900,
  TFT: 400,
  TFF: 1_825,
  FTT: 8_700,
  FTF: 2_433,
  FFT: 7_620,
  FFF: 1_200,
} as const

/** Compulsory participants by pattern: 467,953 / 487,527 / 495,856 (job changers and the closed firm's staff are in TTT). */
export const HAI_PHONG_COMPULSORY_PATTERNS = {
  TTT: 456_153,
  TTF: 9_000,
  TFF: 2_500,
  TFT: 300,
  FTT: 20_874,
  FTF: 1_500,
  FFT: 18_529,
  FFF: 400,
} as const

/** Where the city's workers and voluntary participants are (industrial zones weigh most for employers). */
const DISTRICT_WEIGHTS: readonly (readonly [string, number, number])[] = [
  // code, employers' weight, residents' weight
  ['303', 9, 6],
  ['304', 12, 12],
  ['305', 11, 14],
  ['306', 12, 9],
  ['307', 6, 8],
  ['308', 5, 3],
  ['309', 4, 4],
  ['311', 14, 15],
  ['312', 13, 9],
  ['313', 4, 6],
  ['314', 4, 7],
  ['315', 2, 7],
  ['316', 2, 8],
  ['317', 2, 2],
  ['318', 0.05, 0.05],
]

/** Generates the Hải Phòng history into a writer of its own. */
export const haiPhong = (options: SeedOptions): SeedWriter => {
  const w = new SeedWriter(options, '003-hai-phong', '31')
  w.units(HAI_PHONG, CATALOGUE_LOADED, CODES_ISSUED)

  w.quota('31', 'voluntary', 2023, 34_000, day('2023-01-12'), 'BHXH Việt Nam', '36/QĐ-BHXH')
  w.quota('31', 'compulsory', 2023, 495_000, day('2023-01-12'), 'BHXH Việt Nam', '36/QĐ-BHXH')
  w.quota('31', 'voluntary', 2024, 48_500, day('2024-01-10'), 'BHXH Việt Nam', '25/QĐ-BHXH')
  w.quota('31', 'compulsory', 2024, 528_690, day('2024-01-10'), 'BHXH Việt Nam', '25/QĐ-BHXH')
  w.quota('31', 'voluntary', 2024, 50_137, day('2024-07-08'), 'BHXH Việt Nam', '1406/QĐ-BHXH')
  w.population('31', 2023, 2_088_000, 1_161_300, 'Cục Thống kê thành phố Hải Phòng', day('2023-04-20'))
  w.population('31', 2024, 2_100_500, 1_168_400, 'Cục Thống kê thành phố Hải Phòng', day('2024-04-18'))

  const knownAt = endOfDayMillis(day(HAI_PHONG_KNOWN_AT))
  const residents = DISTRICT_WEIGHTS.map(([code, , r]) => [code, r] as const)
  const planner = new VoluntaryPlanner({
    checkpoints: [day('2023-09-30'), day('2023-12-31'), day('2024-09-30')],
    knownAt,
    earliestStart: monthIndex(2021, 1),
    lastKnownStart: monthIndex(2024, 10),
    futureUntil: monthIndex(2025, 3),
    lookBack: 18,
    modes: [
      [1, 10],
      [3, 20],
      [6, 30],
      [12, 40],
    ],
    lapseRate: 0.05,
    lateRate: 0.03,
    renewRate: 0.65,
    returnRate: 0.05,
    agentOf: agentsFor(HAI_PHONG, 0.75),
  })
  generateVoluntary(w, planner, {
    groups: Object.entries(HAI_PHONG_VOLUNTARY_PATTERNS).map(([pattern, count]) => ({
      pattern,
      count,
      unitOf: (_k, r) => r.weighted(residents),
    })),
    moves: { rate: 0.02, from: residents.map(([c]) => c) },
    late: {
      checkpoint: 2,
      // The Kiến An post office's September list, handed in after the city's report.
      enrolments: 63,
      enrolmentUnit: () => '307',
      lapses: 9,
      lapseReasons: ['deceased', 'lump-sum-withdrawal', 'moved-to-compulsory'],
      days: [6, 35],
    },
  })

  compulsory(w, options.seed, day(HAI_PHONG_KNOWN_AT))
  if (options.includeHealth) health(w, residents)
  return w
}

/** Health card holders by pattern over (30/9/2023, 31/12/2023, 30/9/2024): 1,914,558 / 1,946,545 / 1,962,351. */
export const HAI_PHONG_HEALTH_PATTERNS = {
  TTT: 1_882_558,
  TTF: 20_000,
  TFF: 12_000,
  FTT: 38_000,
  FTF: 5_987,
  FFT: 41_793,
} as const

const health = (w: SeedWriter, residents: readonly (readonly [string, number])[]): void => {
  const m = monthIndex
  const p = HAI_PHONG_HEALTH_PATTERNS
  const sep2023 = m(2023, 9)
  w.quota('31', 'health', 2024, 1_983_000, day('2024-01-10'), 'BHXH Việt Nam', '25/QĐ-BHXH')
  generateHealth(
    w,
    [
      { count: p.TTT, cards: (r) => coveredAcrossYear(r, sep2023, m(2015, 1), 0.6) },
      { count: p.TTF, cards: (r) => [cardIn(r, [m(2023, 1), m(2023, 9)], 12)] },
      { count: p.TFF, cards: (r) => [cardIn(r, [m(2022, 10), m(2022, 12)], 12)] },
      { count: p.FTT, cards: (r) => [cardIn(r, [m(2023, 10), m(2023, 12)], 12)] },
      { count: p.FTF, cards: (r) => [cardIn(r, [m(2023, 10), m(2023, 12)], 6)] },
      { count: p.FFT, cards: (r) => [cardIn(r, [m(2024, 1), m(2024, 9)], 12)] },
    ],
    (r) => r.weighted(residents),
    agentsFor(HAI_PHONG, 0.4),
  )
}

const compulsory = (w: SeedWriter, seed: number, knownAtDay: number): void => {
  const rng = w.rng.fork('compulsory')
  const employers = new Employers(
    4_000,
    '02',
    DISTRICT_WEIGHTS.map(([code, e]) => [code, e] as const),
    seed,
    rng,
  )
  const gen = new EmploymentGenerator(w, employers, monthIndex(2023, 9), knownAtDay)
  const ids = (): ReturnType<typeof w.participantIds.next> => w.participantIds.next()
  const m = monthIndex
  const p = HAI_PHONG_COMPULSORY_PATTERNS
  // A garment firm in Lê Chân closed on 1/9/2024 and told the agency only after the report.
  const closed: Employer = { code: '0201458830', unit: '305' }
  // A new electronics plant in An Dương registered its September intake late.
  const opened: Employer = { code: '0202218467', unit: '312' }
  const CLOSED_STAFF = 38
  const JOB_CHANGERS = 3_000
  gen.group({ count: p.TTT - CLOSED_STAFF - JOB_CHANGERS, start: 'tenure' }, ids, rng)
  gen.group({ count: JOB_CHANGERS, start: 'tenure', change: [m(2023, 10), m(2024, 9)] }, ids, rng)
  gen.group(
    {
      count: CLOSED_STAFF,
      start: 'tenure',
      employer: closed,
      leave: [m(2024, 9), m(2024, 9)],
      lateDays: [8, 14],
      reason: 'other',
    },
    ids,
    rng,
  )
  gen.group({ count: p.TTF, start: 'tenure', leave: [m(2024, 1), m(2024, 9)] }, ids, rng)
  gen.group({ count: p.TFF, start: 'tenure', leave: [m(2023, 10), m(2023, 12)] }, ids, rng)
  gen.group(
    { count: p.TFT, start: 'tenure', leave: [m(2023, 10), m(2023, 12)], rejoin: [m(2024, 1), m(2024, 9)] },
    ids,
    rng,
  )
  gen.group({ count: p.FTT, start: [m(2023, 10), m(2023, 12)] }, ids, rng)
  gen.group({ count: p.FTF, start: [m(2023, 10), m(2023, 12)], leave: [m(2024, 1), m(2024, 9)] }, ids, rng)
  gen.group({ count: p.FFT, start: [m(2024, 1), m(2024, 9)] }, ids, rng)
  gen.group({ count: p.FFF, start: [m(2024, 1), m(2024, 8)], leave: [m(2024, 2), m(2024, 9)] }, ids, rng)
  gen.group({ count: 146, start: [m(2024, 9), m(2024, 9)], employer: opened, lateDays: [10, 20] }, ids, rng)
}
