/**
 * Seed 001 — A Lưới, a mountain district of Thừa Thiên Huế (article of 11/9/2019): 287 voluntary
 * participants at the end of 2018, 468 on 12/8/2019; of the 21 communes and the town, 12 below their
 * 2019 target, 5 below half of it, and Đông Sơn with nobody; employer debt down to 806 million VND
 * at the end of the first quarter of 2019.
 *
 * @module generate/a-luoi
 */
import type { DebtScheme } from '@ansinh/core'
import { agentsFor } from './agents.js'
import { CATALOGUE_LOADED, CODES_ISSUED, day, endOfDayMillis, monthIndex } from './calendar.js'
import { A_LUOI, codeOf } from './geography.js'
import { officeInstant, VoluntaryPlanner } from './voluntary.js'
import { generateVoluntary } from './voluntary-population.js'
import { type SeedOptions, SeedWriter, apportion } from './writer.js'

/** The article's publication day: the figures are as known then. */
export const A_LUOI_KNOWN_AT = '2019-09-11'

/**
 * Each commune's 2019 target (decision 215/QĐ-UBND), its revised target when the district revised it
 * (1020/QĐ-UBND of 20/6/2019), and the participants counted there on 12/8/2019.
 */
export const A_LUOI_COMMUNES: readonly { name: string; target: number; revised?: number; participants: number }[] = [
  { name: 'Thị trấn A Lưới', target: 60, participants: 96 },
  { name: 'Xã Hồng Thủy', target: 20, participants: 22 },
  { name: 'Xã Hồng Vân', target: 18, participants: 19 },
  { name: 'Xã Hồng Trung', target: 15, participants: 11 },
  { name: 'Xã Hồng Kim', target: 25, participants: 28 },
  { name: 'Xã Hồng Bắc', target: 20, participants: 14 },
  { name: 'Xã Hồng Quảng', target: 30, participants: 39 },
  { name: 'Xã Hồng Thượng', target: 22, participants: 9 },
  { name: 'Xã Hồng Thái', target: 15, participants: 6 },
  { name: 'Xã Hương Phong', target: 18, participants: 12 },
  { name: 'Xã Hương Lâm', target: 25, revised: 20, participants: 23 },
  { name: 'Xã Hương Nguyên', target: 12, participants: 5 },
  { name: 'Xã Bắc Sơn', target: 20, participants: 21 },
  { name: 'Xã A Ngo', target: 30, revised: 35, participants: 50 },
  { name: 'Xã A Roằng', target: 18, participants: 10 },
  { name: 'Xã Đông Sơn', target: 12, participants: 0 },
  { name: 'Xã Sơn Thủy', target: 40, participants: 56 },
  { name: 'Xã Phú Vinh', target: 25, participants: 17 },
  { name: 'Xã Nhâm', target: 20, participants: 13 },
  { name: 'Xã Hồng Hạ', target: 14, participants: 6 },
  { name: 'Xã A Đớt', target: 18, participants: 11 },
]

/** Participants covered on 31/12/2018 and on 12/8/2019 (TT), only then (TF), only on 12/8 (FT), neither (FF). */
export const A_LUOI_PATTERNS = { TT: 236, TF: 51, FT: 232, FF: 40 } as const

/** An employer of the district that owes contributions: monthly payroll, months owed, campaign payments. */
interface Debtor {
  readonly employer: string
  readonly commune: string
  readonly payroll: number
  readonly owedFrom: number
  readonly owedThrough: number
  /** Payments (total over the three schemes) and their days. */
  readonly payments: readonly (readonly [number, string])[]
}

const DEBTORS: readonly Debtor[] = [
  // A state forestry company waiting for bankruptcy: pays nothing.
  {
    employer: '3300541287',
    commune: 'Thị trấn A Lưới',
    payroll: 60_000_000,
    owedFrom: monthIndex(2017, 7),
    owedThrough: monthIndex(2019, 2),
    payments: [],
  },
  // Road builder: its March payment is what brings the district to the published balance (computed).
  {
    employer: '3300102845',
    commune: 'Thị trấn A Lưới',
    payroll: 95_000_000,
    owedFrom: monthIndex(2018, 4),
    owedThrough: monthIndex(2019, 4),
    payments: [],
  },
  {
    employer: '3301563920',
    commune: 'Xã Hồng Quảng',
    payroll: 42_000_000,
    owedFrom: monthIndex(2018, 1),
    owedThrough: monthIndex(2019, 2),
    payments: [[100_000_000, '2019-02-22']],
  },
  {
    employer: '3300886541',
    commune: 'Xã A Ngo',
    payroll: 18_000_000,
    owedFrom: monthIndex(2018, 6),
    owedThrough: monthIndex(2019, 2),
    payments: [
      [12_000_000, '2018-11-15'],
      [28_000_000, '2019-03-08'],
    ],
  },
  {
    employer: '3301247719',
    commune: 'Xã Hồng Thái',
    payroll: 210_000_000,
    owedFrom: monthIndex(2018, 11),
    owedThrough: monthIndex(2019, 2),
    payments: [
      [134_400_000, '2019-02-27'],
      [134_400_000, '2019-03-20'],
    ],
  },
  {
    employer: '3301398204',
    commune: 'Xã Sơn Thủy',
    payroll: 25_000_000,
    owedFrom: monthIndex(2018, 2),
    owedThrough: monthIndex(2019, 5),
    payments: [
      [30_000_000, '2019-03-14'],
      [40_000_000, '2019-06-10'],
    ],
  },
  // A haulage firm that stopped trading.
  {
    employer: '3300674153',
    commune: 'Xã Hương Phong',
    payroll: 15_000_000,
    owedFrom: monthIndex(2017, 10),
    owedThrough: monthIndex(2019, 2),
    payments: [],
  },
]

/** The debt balance of the district the article reports for the end of Q1 2019. */
export const A_LUOI_DEBT = { asOf: '2019-03-31', outstanding: 806_000_000 } as const

/** Contribution rates in 2018–2019, in thousandths: social insurance, health, unemployment. */
const RATES: readonly (readonly [DebtScheme, number])[] = [
  ['compulsory', 255],
  ['health', 45],
  ['unemployment', 20],
]

/** Generates the A Lưới history into a writer of its own. */
export const aLuoi = (options: SeedOptions): SeedWriter => {
  const w = new SeedWriter(options, '001-a-luoi', '46')
  w.units(A_LUOI, CATALOGUE_LOADED, CODES_ISSUED)
  const code = (name: string): string => codeOf(A_LUOI, name)

  w.quota('481', 'voluntary', 2018, 300, day('2018-01-22'), 'BHXH tỉnh Thừa Thiên Huế', '38/QĐ-BHXH')
  w.quota('481', 'voluntary', 2019, 480, day('2019-01-15'), 'BHXH tỉnh Thừa Thiên Huế', '45/QĐ-BHXH')
  w.quota('481', 'voluntary', 2019, 520, day('2019-07-01'), 'BHXH tỉnh Thừa Thiên Huế', '512/QĐ-BHXH')
  for (const c of A_LUOI_COMMUNES) {
    w.quota(code(c.name), 'voluntary', 2019, c.target, day('2019-02-25'), 'UBND huyện A Lưới', '215/QĐ-UBND')
    if (c.revised !== undefined)
      w.quota(code(c.name), 'voluntary', 2019, c.revised, day('2019-06-20'), 'UBND huyện A Lưới', '1020/QĐ-UBND')
  }
  w.population('481', 2018, 48_700, 27_300, 'Chi cục Thống kê huyện A Lưới', day('2018-05-03'))
  w.population('481', 2019, 49_300, 27_800, 'Chi cục Thống kê huyện A Lưới', day('2019-04-26'))

  // Who is where: stayers since 2018 and newcomers per commune from the 12/8/2019 counts.
  const communes = A_LUOI_COMMUNES.map((c) => code(c.name))
  const counts = A_LUOI_COMMUNES.map((c) => c.participants)
  const stayers = apportion(counts, A_LUOI_PATTERNS.TT)
  const leavers = apportion(counts, A_LUOI_PATTERNS.TF)
  const expand = (perCommune: readonly number[]): string[] =>
    perCommune.flatMap((n, k) => Array<string>(n).fill(communes[k]!))
  const tt = expand(stayers)
  const ft = expand(counts.map((n, k) => n - stayers[k]!))
  const tf = expand(leavers)
  const active = communes.filter((c) => c !== code('Xã Đông Sơn'))

  const planner = new VoluntaryPlanner({
    checkpoints: [day('2018-12-31'), day('2019-08-12')],
    knownAt: endOfDayMillis(day(A_LUOI_KNOWN_AT)),
    earliestStart: monthIndex(2016, 6),
    lastKnownStart: monthIndex(2019, 9),
    futureUntil: monthIndex(2020, 3),
    lookBack: 24,
    modes: [
      [1, 25],
      [3, 30],
      [6, 20],
      [12, 25],
    ],
    lapseRate: 0.05,
    lateRate: 0.05,
    renewRate: 0.7,
    returnRate: 0.06,
    agentOf: agentsFor(A_LUOI, 0.35),
  })
  generateVoluntary(w, planner, {
    groups: [
      { pattern: 'TT', count: tt.length, unitOf: (k) => tt[k]! },
      { pattern: 'TF', count: tf.length, unitOf: (k) => tf[k]! },
      { pattern: 'FT', count: ft.length, unitOf: (k) => ft[k]! },
      { pattern: 'FF', count: A_LUOI_PATTERNS.FF, unitOf: (_k, r) => r.pick(active) },
    ],
    unitChecks: [1],
    moves: { rate: 0.04, from: active },
    late: {
      checkpoint: 1,
      enrolments: 3,
      enrolmentUnit: () => code('Thị trấn A Lưới'),
      lapses: 1,
      lapseReasons: ['moved-to-compulsory'],
      days: [5, 20],
    },
  })

  debts(w, code)
  return w
}

/** Employer debts by month, the payments of the February–March 2019 campaign, and the balance after. */
const debts = (w: SeedWriter, code: (name: string) => string): void => {
  const rng = w.rng.fork('debt')
  const asOf = day(A_LUOI_DEBT.asOf)
  let owedAtQ1 = 0
  let paidByQ1 = 0
  const settle = (employer: string, total: number, on: number): void => {
    // A payment is split over the schemes in proportion to their rates (whole thousands of VND).
    let left = total
    RATES.forEach(([scheme, rate], k) => {
      const amount = k === RATES.length - 1 ? left : Math.round((total * rate) / 320 / 1000) * 1000
      left -= amount
      if (on <= asOf) paidByQ1 += amount
      w.settle(employer, scheme, amount, on, officeInstant(on + rng.int(0, 3), rng))
    })
  }
  for (const d of DEBTORS) {
    for (let m = d.owedFrom; m <= d.owedThrough; m++) {
      // The contribution falls due at the end of the month; the debt stands from the next day.
      const recordedOn = day(`${Math.floor((m + 1) / 12)}-${String(((m + 1) % 12) + 1).padStart(2, '0')}-01`)
      for (const [scheme, rate] of RATES) {
        const amount = (d.payroll / 1000) * rate
        if (recordedOn <= asOf) owedAtQ1 += amount
        w.debt(
          d.employer,
          code(d.commune),
          scheme,
          m,
          amount,
          recordedOn,
          officeInstant(recordedOn + rng.int(3, 12), rng),
        )
      }
    }
    for (const [amount, on] of d.payments) settle(d.employer, amount, day(on))
  }
  // The road builder's payment of 28/3/2019 is whatever takes the balance to the published figure.
  const road = DEBTORS[1]!
  settle(road.employer, owedAtQ1 - paidByQ1 - A_LUOI_DEBT.outstanding, day('2019-03-28'))
  settle(road.employer, 60_000_000, day('2019-05-17'))
}
