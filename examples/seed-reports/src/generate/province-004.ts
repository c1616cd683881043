/**
 * Seed 004 — a province, first nine months of 2020 (article of 8/10/2020): "nearly 1,076,000"
 * people paying social, health or unemployment insurance; 3,620.4 billion VND collected = 71.5 %
 * of plan, +9.29 % on the same period of 2019; health coverage 91.5 % of the population. The
 * article names no province, so this one is fictional and says so: Tỉnh An Bình (hư cấu), code 98
 * (no real province has it), with six districts.
 *
 * Money: every payment is a ContributionCollected — employers' monthly payments for compulsory,
 * health and unemployment insurance, and the agents' batches of household health cards and
 * voluntary contributions — split from monthly totals that add up exactly to the published sums
 * (2019: 3,312,654.4 million VND to 30/9, so that 2020 is +9.29 %). The plan of 4,900 billion VND is
 * raised in July to 5,063.5 billion (3,620.4 / 5,063.5 = 71.5 %). A payment of September recorded
 * after the publication changes only what is known today.
 *
 * People (only with `includeHealth`, like the other large populations): 1,070,550 health card
 * holders on 30/9/2020 (91.5 % of 1,170,000), 40,000 of them also in compulsory and 30,000 of those
 * in unemployment insurance (counted once), and 5,050 voluntary participants without a card:
 * 1,075,600 covered by any scheme.
 *
 * @module generate/province-004
 */
import type { Reference, Scheme, UnitCode, Vnd } from '@ansinh/core'
import { CATALOGUE_LOADED, CODES_ISSUED, dateOf, day, firstDay, lastDay, monthIndex } from './calendar.js'
import type { UnitSpec } from './geography.js'
import { officeInstant } from './voluntary.js'
import { type SeedOptions, SeedWriter, apportion } from './writer.js'

/** The day the province published its nine-month figures. */
export const PROVINCE_004_KNOWN_AT = '2020-10-08'

/** The fictional province of seed 004 and its districts. */
export const AN_BINH: readonly UnitSpec[] = [
  { code: '98', name: 'Tỉnh An Bình (hư cấu)', level: 'province' },
  { code: '981', name: 'Thành phố An Bình', level: 'district', parent: '98' },
  { code: '982', name: 'Thị xã Bình Minh', level: 'district', parent: '98' },
  { code: '983', name: 'Huyện Tân Phú', level: 'district', parent: '98' },
  { code: '984', name: 'Huyện Phước Long', level: 'district', parent: '98' },
  { code: '985', name: 'Huyện Hòa Bình', level: 'district', parent: '98' },
  { code: '986', name: 'Huyện Sơn Hà', level: 'district', parent: '98' },
]

/** Money collected from 1 January to 30 September, as known on 8/10/2020 (VND). */
export const PROVINCE_004_REVENUE = {
  nineMonths2020: 3_620_400_000_000,
  nineMonths2019: 3_312_654_400_000,
  plan2020: 5_063_500_000_000,
} as const

/** The people covered on 30/9/2020. */
export const PROVINCE_004_PEOPLE = {
  population: 1_170_000,
  health: 1_070_550,
  compulsory: 40_000,
  unemployment: 30_000,
  voluntaryOnly: 5_050,
} as const

const DISTRICT_WEIGHTS = [34, 16, 14, 13, 12, 11]
/** Shares of the money by scheme: compulsory, health, unemployment, voluntary. */
const SCHEME_WEIGHTS: ReadonlyArray<readonly [Scheme, number]> = [
  ['compulsory', 56],
  ['health', 33],
  ['unemployment', 5],
  ['voluntary', 6],
]
/** Weights of the months January … December (more is paid towards the year's end). */
const MONTH_WEIGHTS = [7, 7, 8, 8, 8, 9, 9, 9, 10, 10, 11, 14]
const EMPLOYERS_PER_DISTRICT = 12

/** Generates the seed 004 history. */
export const province004 = (options: SeedOptions): SeedWriter => {
  const w = new SeedWriter(options, '004-province', '98')
  w.units(AN_BINH, CATALOGUE_LOADED, CODES_ISSUED)
  const districts = AN_BINH.filter((u) => u.level === 'district').map((u) => u.code)
  w.population('98', 2019, 1_165_000, 688_000, 'Cục Thống kê tỉnh An Bình', day('2019-04-12'))
  w.population('98', 2020, PROVINCE_004_PEOPLE.population, 690_000, 'Cục Thống kê tỉnh An Bình', day('2020-04-10'))
  revenuePlan(w, '98', 2019, 4_600_000_000_000, day('2019-01-18'), '95/QĐ-BHXH')
  revenuePlan(w, '98', 2020, 4_900_000_000_000, day('2020-01-20'), '120/QĐ-BHXH')
  revenuePlan(w, '98', 2020, PROVINCE_004_REVENUE.plan2020, day('2020-07-15'), '980/QĐ-BHXH')
  apportion(DISTRICT_WEIGHTS, PROVINCE_004_REVENUE.plan2020).forEach((amount, k) =>
    revenuePlan(w, districts[k]!, 2020, amount, day('2020-07-24'), '415/QĐ-BHXH'),
  )

  // Nine months exactly as published, the last quarter on top (about a third of a year's money).
  const year = (nineMonths: number): number[] => {
    const first = apportion(MONTH_WEIGHTS.slice(0, 9), nineMonths)
    const rest = apportion(MONTH_WEIGHTS.slice(9), Math.round((nineMonths / 75) * 35))
    return [...first, ...rest]
  }
  const months = [
    ...year(PROVINCE_004_REVENUE.nineMonths2019).map((m, k) => [monthIndex(2019, k + 1), m] as const),
    ...year(PROVINCE_004_REVENUE.nineMonths2020).map((m, k) => [monthIndex(2020, k + 1), m] as const),
  ]
  for (const [month, total] of months) collectMonth(w, districts, month, total)
  // A district's September batch of household health cards, handed in after the report went out.
  collect(w, '983', 'health', 2_480_000_000, day('2020-09-30'), officeInstant(day('2020-10-14'), w.rng), {
    agent: 'BD-ANBINH',
  })

  if (options.includeHealth) people(w, districts)
  return w
}

/** RevenuePlanAssigned, recorded a few days after it takes effect. */
const revenuePlan = (
  w: SeedWriter,
  unit: string,
  year: number,
  amount: number,
  assignedOn: number,
  decision: string,
): void => {
  w.log.add('RevenuePlanAssigned', officeInstant(assignedOn + w.rng.int(1, 4), w.rng), {
    unit: unit as UnitCode,
    year: year as never,
    amount: amount as never,
    assignedOn: dateOf(assignedOn),
    decision: decision as Reference,
  })
}

/** ContributionCollected. */
const collect = (
  w: SeedWriter,
  unit: string,
  scheme: Scheme,
  amount: number,
  on: number,
  recordedAt: number,
  by: { readonly agent?: string; readonly employer?: string },
): void => {
  w.log.add('ContributionCollected', recordedAt, {
    unit: unit as UnitCode,
    scheme,
    amount: amount as Vnd,
    collectedOn: dateOf(on),
    ...(by.employer === undefined ? {} : { employer: by.employer as Reference }),
    ...(by.agent === undefined ? {} : { agent: by.agent as Reference }),
  })
}

/**
 * One month's money, split over districts and schemes, then over the payers: each district's
 * employers (compulsory, health, unemployment) and two agents (health cards of households,
 * voluntary contributions): the post office and the district People's Committee.
 */
const collectMonth = (w: SeedWriter, districts: readonly string[], month: number, total: number): void => {
  const first = firstDay(month),
    last = lastDay(month)
  apportion(DISTRICT_WEIGHTS, total).forEach((districtTotal, k) => {
    const unit = districts[k]!
    apportion(
      SCHEME_WEIGHTS.map(([, s]) => s),
      districtTotal,
    ).forEach((schemeTotal, j) => {
      const scheme = SCHEME_WEIGHTS[j]![0]
      const payers: { agent?: string; employer?: string }[] = []
      if (scheme !== 'voluntary')
        for (let e = 1; e <= EMPLOYERS_PER_DISTRICT; e++)
          payers.push({ employer: `DN-${unit}-${String(e).padStart(2, '0')}` })
      if (scheme === 'health' || scheme === 'voluntary') payers.push({ agent: 'BD-ANBINH' }, { agent: `UBND-${unit}` })
      const weights = payers.map(() => Math.max(1, Math.round(w.rng.logNormal(0.5) * 100)))
      apportion(weights, schemeTotal).forEach((amount, p) => {
        if (amount <= 0) return
        // employers pay by the 20th; agents hand in their batches through the month (29/2 included)
        const on = p === 0 && scheme === 'health' ? last : first + w.rng.int(0, Math.min(19, last - first))
        collect(w, unit, scheme, amount, on, officeInstant(on + w.rng.int(0, 2), w.rng), payers[p]!)
      })
    })
  })
}

/** The people covered on 30/9/2020 (see the module comment), and some cards that ran out before. */
const people = (w: SeedWriter, districts: readonly string[]): void => {
  const { health, compulsory, unemployment, voluntaryOnly } = PROVINCE_004_PEOPLE
  const weighted = districts.map((d, k) => [d, DISTRICT_WEIGHTS[k]!] as const)
  const sep30 = day('2020-09-30')
  for (let k = 0; k < health; k++) {
    const id = w.participantIds.next()
    const unit = w.rng.weighted(weighted)
    // a yearly card from a month of the last twelve, so every card holder is covered on 30/9/2020
    const start = firstDay(monthIndex(2019, 10) + w.rng.int(0, 11))
    const through = lastDay(monthOfDayNumber(start) + 11)
    w.enrol(id, 'health', unit, start, through, officeInstant(Math.min(start + w.rng.int(0, 5), sep30 + 5), w.rng), {
      agent: k % 4 === 0 ? `UBND-${unit}` : 'BD-ANBINH',
    })
    if (k < compulsory) {
      const employer = `DN-${unit}-${String(1 + (k % EMPLOYERS_PER_DISTRICT)).padStart(2, '0')}`
      const from = day('2015-01-01') + w.rng.int(0, 1800)
      w.enrol(id, 'compulsory', unit, from, null, officeInstant(from + w.rng.int(0, 10), w.rng), { employer })
      if (k < unemployment)
        w.enrol(id, 'unemployment', unit, from, null, officeInstant(from + w.rng.int(0, 10), w.rng), { employer })
    }
  }
  for (let k = 0; k < voluntaryOnly; k++) {
    const id = w.participantIds.next()
    const unit = w.rng.weighted(weighted)
    const start = firstDay(monthIndex(2020, 1) + w.rng.int(0, 8))
    w.enrol(
      id,
      'voluntary',
      unit,
      start,
      lastDay(monthIndex(2020, 12)),
      officeInstant(start + w.rng.int(0, 5), w.rng),
      { agent: 'BD-ANBINH' },
    )
  }
  // cards that ran out before 30 September and were not renewed: not covered on the day
  for (let k = 0; k < 9_000; k++) {
    const id = w.participantIds.next()
    const start = firstDay(monthIndex(2019, 1) + w.rng.int(0, 8))
    w.enrol(
      id,
      'health',
      w.rng.weighted(weighted),
      start,
      lastDay(monthOfDayNumber(start) + 11),
      officeInstant(start + w.rng.int(0, 5), w.rng),
      { agent: 'BD-ANBINH' },
    )
  }
}

/** The month index of a day number. */
const monthOfDayNumber = (d: number): number => {
  const date = dateOf(d)
  return monthIndex(+date.slice(0, 4), +date.slice(5, 7))
}
