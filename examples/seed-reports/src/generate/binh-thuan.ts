/**
 * Seed 000 — Bình Thuận province, voluntary social insurance as of 30/9/2020 (published 5/10/2020,
 * article of 23/10/2020): 7,215 participants, 59.9% of a 12,045 plan, +4,431 (+159.2%) on 30/9/2019,
 * and "5,836 more to recruit by year end" because 1,006 of them are paid up only to a date before
 * 31/12/2020.
 *
 * Checkpoints: 30/9/2019, 30/9/2020 and 31/12/2020 (as known on 5/10/2020: a renewal recorded later
 * does not count, so these 1,006 are the published "expiring before year end").
 *
 * @module generate/binh-thuan
 */
import { endOfDayMillis, CATALOGUE_LOADED, CODES_ISSUED, day, monthIndex } from './calendar.js'
import { agentsFor, slug } from './agents.js'
import { type AgentCounts, assignAgents, delayRenewals, windowKinds } from './agent-results.js'
import { Rng } from '@ansinh/testing/prng'
import { officeInstant } from './voluntary.js'
import { BINH_THUAN } from './geography.js'
import { cardIn, coveredAcrossYear, generateHealth } from './health.js'
import { generateVoluntary } from './voluntary-population.js'
import { VoluntaryPlanner } from './voluntary.js'
import { type SeedOptions, SeedWriter, apportion } from './writer.js'

/** The day the province published its September report: the figures are as known then. */
export const BINH_THUAN_KNOWN_AT = '2020-10-05'

/** Participants by pattern over (30/9/2019, 30/9/2020, 31/12/2020): 2,784 / 7,215 / 1,006 expiring. */
export const BINH_THUAN_PATTERNS = {
  TTT: 1560,
  TTF: 330,
  TFF: 864,
  TFT: 30,
  FTT: 4649,
  FTF: 676,
  FFT: 150,
  FFF: 500,
} as const

/** Relative weight of each district (roughly its working-age population). */
const DISTRICT_WEIGHTS: Readonly<Record<string, number>> = {
  '593': 25,
  '594': 8,
  '595': 12,
  '596': 10,
  '597': 14,
  '598': 8,
  '599': 8,
  '600': 9,
  '601': 5,
  '602': 1,
}

/** Generates the Bình Thuận history into a writer of its own. */
export const binhThuan = (options: SeedOptions): SeedWriter => {
  const w = new SeedWriter(options, '000-binh-thuan', '60')
  w.units(BINH_THUAN, CATALOGUE_LOADED, CODES_ISSUED)

  const districts = BINH_THUAN.filter((u) => u.level === 'district').map((u) => u.code)
  const weights = districts.map((d) => DISTRICT_WEIGHTS[d]!)
  const weighted = districts.map((d, k) => [d, weights[k]!] as const)

  // Plans: BHXH Việt Nam's target for the province, raised mid-year; the province splits it by district.
  w.quota('60', 'voluntary', 2019, 4_200, day('2019-01-21'), 'BHXH Việt Nam', '98/QĐ-BHXH')
  w.quota('60', 'voluntary', 2020, 10_980, day('2020-01-20'), 'BHXH Việt Nam', '156/QĐ-BHXH')
  w.quota('60', 'voluntary', 2020, 12_045, day('2020-07-15'), 'BHXH Việt Nam', '1005/QĐ-BHXH')
  apportion(weights, 12_045).forEach((target, k) =>
    w.quota(districts[k]!, 'voluntary', 2020, target, day('2020-07-24'), 'BHXH tỉnh Bình Thuận', '412/QĐ-BHXH'),
  )
  w.population('60', 2019, 1_156_300, 690_900, 'Cục Thống kê tỉnh Bình Thuận', day('2019-04-10'))
  w.population('60', 2020, 1_158_000, 692_700, 'Cục Thống kê tỉnh Bình Thuận', day('2020-04-08'))

  const knownAt = endOfDayMillis(day(BINH_THUAN_KNOWN_AT))
  const planner = new VoluntaryPlanner({
    checkpoints: [day('2019-09-30'), day('2020-09-30'), day('2020-12-31')],
    knownAt,
    earliestStart: monthIndex(2016, 6),
    lastKnownStart: monthIndex(2020, 10),
    futureUntil: monthIndex(2021, 6),
    lookBack: 30,
    modes: [
      [1, 20],
      [3, 15],
      [6, 25],
      [12, 40],
    ],
    lapseRate: 0.05,
    lateRate: 0.04,
    renewRate: 0.6,
    returnRate: 0.08,
    agentOf: agentsFor(BINH_THUAN, 0.7),
  })
  const unitOf = (_k: number, r: typeof w.rng): string => r.weighted(weighted)
  generateVoluntary(w, planner, {
    groups: Object.entries(BINH_THUAN_PATTERNS).map(([pattern, count]) => ({ pattern, count, unitOf })),
    moves: { rate: 0.03, from: districts },
    late: {
      checkpoint: 1,
      // The Đức Linh post office handed in September's new enrolments after the report went out.
      enrolments: 41,
      enrolmentUnit: () => '600',
      lapses: 7,
      lapseReasons: ['deceased', 'lump-sum-withdrawal', 'moved-to-compulsory'],
      days: [7, 30],
    },
  })
  recruitedByAgents(w, options, knownAt, weighted)
  if (options.includeHealth) {
    w.quota('60', 'health', 2020, 1_046_500, day('2020-01-20'), 'BHXH Việt Nam', '156/QĐ-BHXH')
    // 961,390 card holders on 30/9/2019 and 1,000,519 on 30/9/2020 (+39,129, +4.1%).
    const sep2019 = monthIndex(2019, 9)
    generateHealth(
      w,
      [
        { count: BINH_THUAN_HEALTH.both, cards: (r) => coveredAcrossYear(r, sep2019, monthIndex(2015, 1), 0.6) },
        { count: BINH_THUAN_HEALTH.lastYearOnly, cards: (r) => [cardIn(r, [sep2019 - 11, sep2019], 12)] },
        { count: BINH_THUAN_HEALTH.thisYearOnly, cards: (r) => [cardIn(r, [sep2019 + 1, sep2019 + 12], 12)] },
      ],
      (r) => r.weighted(weighted),
      agentsFor(BINH_THUAN, 0.3),
    )
    healthByAgents(w, options, knownAt)
  }
  return w
}

/**
 * What the agents recruited for household health insurance from 1/1 to 30/9/2020, as known on
 * 5/10/2020: 258,315 people, 40,929 of them new and 217,386 "tham gia lại" — returning (covered
 * before, back after a gap: the glossary's reading). The People's Committees lead for health.
 */
export const BINH_THUAN_HEALTH_AGENTS: AgentCounts = { new: 40_929, continuing: 0, returning: 217_386 }

const healthByAgents = (w: SeedWriter, options: SeedOptions, knownAt: number): void => {
  const rng = new Rng(options.seed, '000-binh-thuan/health-agents')
  const from = '2020-01-01',
    to = '2020-09-30'
  // household cards renewed a few days late: a gap before the new card (never near 30/9)
  delayRenewals(
    w.log,
    windowKinds(w.log, 'health', from, to, knownAt),
    BINH_THUAN_HEALTH_AGENTS.returning,
    '2020-09-15',
    rng,
  )
  const agentOf = (unit: string, r: Rng): string =>
    r.chance(0.3) ? BINH_THUAN_POST_OFFICE : `UBND-${slug(BINH_THUAN.find((u) => u.code === unit)?.name ?? unit)}`
  assignAgents(w.log, windowKinds(w.log, 'health', from, to, knownAt), BINH_THUAN_HEALTH_AGENTS, agentOf, rng)
}

/** Health card holders covered on 30/9/2019 and 30/9/2020, only then, only now. */
export const BINH_THUAN_HEALTH = { both: 916_390, lastYearOnly: 45_000, thisYearOnly: 84_129 } as const

/**
 * What the agents recruited for voluntary insurance from 1/1 to 30/9/2020, as known on 5/10/2020:
 * 6,974 people, 3,421 of them new and 3,553 continuing; the post office ("Đại lý Bưu điện",
 * `BD-BINHTHUAN`) ranks first.
 */
export const BINH_THUAN_AGENTS: AgentCounts = { new: 3_421, continuing: 3_553, returning: 0 }

/** The provincial post office, the agent the article ranks first for voluntary insurance. */
export const BINH_THUAN_POST_OFFICE = 'BD-BINHTHUAN'

const recruitedByAgents = (
  w: SeedWriter,
  options: SeedOptions,
  knownAt: number,
  weighted: readonly (readonly [string, number])[],
): void => {
  // its own stream, so the choices here never shift the draws of the generators after it
  const rng = new Rng(options.seed, '000-binh-thuan/agents')
  const from = '2020-01-01',
    to = '2020-09-30'
  const count = (kind: string): number =>
    [...windowKinds(w.log, 'voluntary', from, to, knownAt).kinds.values()].filter((k) => k === kind).length
  // The planner's renewals fall short of the continuing people the agents signed up: add people who
  // paid October–December 2019 and renewed for January–June 2020 (covered on no checkpoint of the
  // plan report, so its figures stay as they are); new ones likewise if the planner gave too few.
  const extra = (kind: 'new' | 'continuing', n: number): void => {
    for (let k = 0; k < n; k++) {
      const id = w.participantIds.next()
      const unit = rng.weighted(weighted)
      if (kind === 'continuing')
        w.enrol(
          id,
          'voluntary',
          unit,
          day('2019-10-01'),
          day('2019-12-31'),
          officeInstant(day('2019-10-01') + rng.int(0, 20), rng),
          {},
        )
      const start = kind === 'continuing' ? day('2020-01-01') : day('2020-02-01') + rng.int(0, 60)
      w.enrol(
        id,
        'voluntary',
        unit,
        start,
        kind === 'continuing' ? day('2020-06-30') : start + 89,
        officeInstant(start + rng.int(0, 10), rng),
        {},
      )
    }
  }
  extra('continuing', Math.max(0, BINH_THUAN_AGENTS.continuing - count('continuing')))
  extra('new', Math.max(0, BINH_THUAN_AGENTS.new - count('new')))
  const agentOf = (unit: string, r: Rng): string =>
    r.chance(0.65) ? BINH_THUAN_POST_OFFICE : `UBND-${slug(BINH_THUAN.find((u) => u.code === unit)?.name ?? unit)}`
  assignAgents(w.log, windowKinds(w.log, 'voluntary', from, to, knownAt), BINH_THUAN_AGENTS, agentOf, rng)
}
