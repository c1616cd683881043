/**
 * Every figure the seed articles publish that a report of ours computes: where it was published,
 * the report and field that compute it, the question (unit, scheme, as-of date, known-at date) and
 * the value with its rounding. Figures the articles only imply (a target behind a percentage) are
 * marked `derived`, with the arithmetic.
 *
 * @module figures
 */
import type { BusinessDate, Scheme } from '@ansinh/core'
import type { SeedName } from './history.js'

/** A seed article. */
export interface Article {
  /** The file name in the project's seed collection. */
  readonly file: string
  readonly title: string
  readonly published: string
}

/** The articles, by seed. */
export const ARTICLES: Readonly<Record<SeedName, Article>> = {
  'binh-thuan': {
    file: '000_6695b2542f03fa11.txt',
    title: 'Bảo hiểm xã hội tỉnh Bình Thuận phấn đấu vận động 5.836 người tham gia BHXH tự nguyện',
    published: '2020-10-23',
  },
  'a-luoi': {
    file: '001_4732013fd432219e.txt',
    title: 'Bảo hiểm xã hội tự nguyện không còn xa lạ',
    published: '2019-09-11',
  },
  'thuong-tin': {
    file: '002_e49ecfcecf9ef068.txt',
    title: 'BHXH huyện Thường Tín: phát triển người tham gia BHXH tự nguyện',
    published: '2023-09',
  },
  'hai-phong': {
    file: '003_6c7591c1f1b1a803.txt',
    title: 'BHXH Hải Phòng: số người tham gia BHXH, BHYT đến hết tháng 9/2024 (VTC News)',
    published: '2024-10',
  },
  'province-004': {
    file: '004_c82fc3dc9b9473b5.txt',
    title:
      '9 tháng đầu năm, toàn tỉnh có gần 1.076.000 người tham gia đóng BHXH, BHYT và bảo hiểm thất nghiệp (the article names no province: a fictional one, Tỉnh An Bình, code 98)',
    published: '2020-10-08',
  },
}

/** How a published number relates to the computed one. */
export type Measure = 'count' | 'units' | 'percent' | 'vnd'

/** One published figure. */
export interface Figure {
  /** A stable id, e.g. `binh-thuan/voluntary/achievement`. */
  readonly id: string
  readonly seed: SeedName
  /** The words of the article the figure comes from. */
  readonly quote: string
  readonly report: 'plan' | 'coverage' | 'debt' | 'agents' | 'revenue'
  readonly unit: string
  /** The scheme; `any` for coverage by any scheme; null for all (debt, revenue). */
  readonly scheme: Scheme | 'any' | null
  readonly asOf: BusinessDate
  /** The plan year, when not the year of `asOf`. */
  readonly year?: number
  /** The figures are as known at the end of this day (the publication). */
  readonly knownAt: BusinessDate
  /** The report field: a dotted path, `children[CODE].field` for a child row. */
  readonly field: string
  /** The value as published: people, units (communes), VND, or a percentage (59.9 for 59.9%). */
  readonly value: number
  readonly measure: Measure
  /** Decimal places the article rounds to; negative for "nearly 33 thousand" (−3). */
  readonly digits: number
  /** "nearly" (the figure is at most the value, within the rounding) or "more than" (at least). */
  readonly bound?: 'nearly' | 'over'
  /** Set when the article does not print the figure but it follows from printed ones: how. */
  readonly derived?: string
  /** Only in histories generated with health insurance. */
  readonly health?: boolean
}

type FigureSpec = Omit<
  Figure,
  'id' | 'seed' | 'report' | 'unit' | 'scheme' | 'asOf' | 'knownAt' | 'measure' | 'digits'
> &
  Partial<Pick<Figure, 'report' | 'measure' | 'digits' | 'scheme' | 'asOf' | 'unit'>>

const group =
  (
    seed: SeedName,
    base: Pick<Figure, 'report' | 'unit' | 'scheme' | 'asOf' | 'knownAt'> & {
      readonly year?: number
      readonly health?: boolean
    },
  ) =>
  (specs: readonly FigureSpec[]): Figure[] =>
    specs.map((s) => {
      const f = { measure: 'count' as Measure, digits: 0, ...base, ...s, seed }
      return { ...f, id: `${seed}/${f.scheme ?? 'all'}/${f.report}/${f.asOf}/${f.field}` }
    })

const d = (s: string): BusinessDate => s as BusinessDate

const binhThuan = group('binh-thuan', {
  report: 'plan',
  unit: '60',
  scheme: 'voluntary',
  asOf: d('2020-09-30'),
  knownAt: d('2020-10-05'),
})([
  { field: 'participants', value: 7_215, quote: 'số người tham gia BHXH tự nguyện là 7.215 người' },
  { field: 'achievement', value: 59.9, measure: 'percent', digits: 1, quote: 'đạt 59,9% kế hoạch' },
  { field: 'changeVsSameDate', value: 4_431, quote: 'tăng 4.431 người' },
  {
    field: 'changeVsSameDatePct',
    value: 159.2,
    measure: 'percent',
    digits: 1,
    quote: '(tăng 159,2%) so với cùng kỳ năm 2019',
  },
  { field: 'recruitsNeeded', value: 5_836, quote: 'phải phấn đấu vận động thêm 5.836 người tham gia BHXH tự nguyện' },
  {
    field: 'target',
    value: 12_045,
    quote: 'đạt 59,9% kế hoạch',
    derived: '7,215 / 59.9% ≈ 12,045 (the only plan that rounds to 59.9% and fits 5,836 below)',
  },
  { field: 'sameDateLastYear', value: 2_784, quote: 'tăng 4.431 người', derived: '7,215 − 4,431' },
  { field: 'remaining', value: 4_830, quote: 'đạt 59,9% kế hoạch', derived: '12,045 − 7,215' },
  {
    field: 'expiringBeforeYearEnd',
    value: 1_006,
    quote: 'vận động thêm 5.836 người',
    derived: '7,215 − (12,045 − 5,836): paid up only to a date before 31/12/2020',
  },
])

const binhThuanHealth = group('binh-thuan', {
  report: 'plan',
  unit: '60',
  scheme: 'health',
  asOf: d('2020-09-30'),
  knownAt: d('2020-10-05'),
  health: true,
})([
  { field: 'participants', value: 1_000_519, quote: 'số người tham gia BHYT là 1.000.519 người' },
  { field: 'achievement', value: 95.6, measure: 'percent', digits: 1, quote: 'đạt 95,6% kế hoạch' },
  { field: 'changeVsSameDate', value: 39_129, quote: 'tăng 39.129 người' },
  {
    field: 'changeVsSameDatePct',
    value: 4.1,
    measure: 'percent',
    digits: 1,
    quote: 'tương ứng tăng 4,1% so với cùng kỳ 2019',
  },
  {
    report: 'coverage',
    field: 'rate',
    value: 86.4,
    measure: 'percent',
    digits: 1,
    quote: 'Tỷ lệ bao phủ BHYT chung toàn tỉnh đạt 86,4% dân số',
  },
])

const binhThuanAgents = group('binh-thuan', {
  report: 'agents',
  unit: '60',
  scheme: 'voluntary',
  asOf: d('2020-09-30'),
  knownAt: d('2020-10-05'),
})([
  {
    field: 'participants',
    value: 6_974,
    quote: 'hệ thống đại lý thu đã vận động ... 6.974 đối tượng tham gia BHXH tự nguyện',
  },
  { field: 'new', value: 3_421, quote: '(trong đó, tham gia mới là 3.421 người' },
  { field: 'continuing', value: 3_553, quote: 'tiếp tục tham gia là 3.553 người)' },
  {
    field: 'agents[BD-BINHTHUAN].rank',
    value: 1,
    measure: 'units',
    quote: 'Đại lý thu có kết quả vận động BHXH tự nguyện cao là Đại lý Bưu điện',
    derived: 'the post office (BD-BINHTHUAN) is agent number 1 in the ranking by participants',
  },
])

const binhThuanHealthAgents = group('binh-thuan', {
  report: 'agents',
  unit: '60',
  scheme: 'health',
  asOf: d('2020-09-30'),
  knownAt: d('2020-10-05'),
  health: true,
})([
  {
    field: 'participants',
    value: 258_315,
    quote: 'hệ thống đại lý thu đã vận động tham gia BHYT hộ gia đình được 258.315 người',
  },
  { field: 'new', value: 40_929, quote: '(trong đó, 40.929 người tham gia mới' },
  { field: 'returning', value: 217_386, quote: 'tham gia lại là 217.386 người)' },
])

const aLuoi = group('a-luoi', {
  report: 'plan',
  unit: '481',
  scheme: 'voluntary',
  asOf: d('2019-08-12'),
  knownAt: d('2019-09-11'),
  year: 2019,
})([
  { field: 'endOfPreviousYear', value: 287, quote: 'Năm 2018, BHXH huyện A Lưới vận động, phát triển được 287 người' },
  { field: 'participants', value: 468, quote: 'Đến ngày 12/8/2019, đối tượng tham gia BHXH tự nguyện là 468 người' },
  { field: 'bands.withTarget', value: 21, measure: 'units', quote: '12/21 xã, thị trấn' },
  {
    field: 'bands.belowTarget',
    value: 12,
    measure: 'units',
    quote: 'vẫn còn có 12/21 xã, thị trấn ... chưa đạt chỉ tiêu được giao',
  },
  { field: 'bands.below50', value: 5, measure: 'units', quote: '5 xã có tỷ lệ tham gia còn dưới 50%' },
  { field: 'bands.zero', value: 1, measure: 'units', quote: 'xã Đông Sơn chưa phát triển được đối tượng nào' },
  { field: 'children[20311].participants', value: 0, quote: 'xã Đông Sơn chưa phát triển được đối tượng nào' },
  {
    report: 'debt',
    scheme: null,
    asOf: d('2019-03-31'),
    field: 'outstanding',
    value: 806_000_000,
    measure: 'vnd',
    quote: 'đến hết quý I/2019 ... số nợ BHXH, BHYT, BHTN trên toàn huyện A Lưới giảm còn 806 triệu đồng',
  },
])

const thuongTin = group('thuong-tin', {
  report: 'plan',
  unit: '279',
  scheme: 'voluntary',
  asOf: d('2023-08-31'),
  knownAt: d('2023-09-21'),
})([
  { field: 'participants', value: 2_955, quote: 'toàn huyện có 2.955 người tham gia BHXH tự nguyện' },
  {
    field: 'changeVsSameDatePct',
    value: 17.73,
    measure: 'percent',
    digits: 2,
    quote: 'tăng 17,73% so với cùng kỳ năm 2022',
  },
  { field: 'achievement', value: 74, measure: 'percent', digits: 0, quote: 'đạt 74% kế hoạch BHXH Thành phố giao' },
  {
    report: 'coverage',
    field: 'rate',
    value: 2.28,
    measure: 'percent',
    digits: 2,
    quote: 'đạt 2,28% lực lượng lao động trong độ tuổi',
  },
  {
    field: 'target',
    value: 3_993,
    quote: 'đạt 74% kế hoạch',
    derived: 'the plan that 2,955 is 74% of, consistent with the 2.28% and 17.73% (domain.md)',
  },
  {
    field: 'sameDateLastYear',
    value: 2_510,
    quote: 'tăng 17,73% so với cùng kỳ năm 2022',
    derived: '2,955 / 1.1773 ≈ 2,510',
  },
  {
    report: 'coverage',
    field: 'denominator',
    value: 129_600,
    quote: 'đạt 2,28% lực lượng lao động',
    derived: '2,955 / 2.28% ≈ 129,600',
  },
])

const haiPhongVoluntary = group('hai-phong', {
  report: 'plan',
  unit: '31',
  scheme: 'voluntary',
  asOf: d('2024-09-30'),
  knownAt: d('2024-10-10'),
})([
  { field: 'participants', value: 36_520, quote: 'Số tham gia BHXH tự nguyện trên địa bàn là 36.520 người' },
  {
    field: 'achievement',
    value: 72.84,
    measure: 'percent',
    digits: 2,
    quote: 'đạt 72,84% so với kế hoạch BHXH Việt Nam giao',
  },
  { field: 'changeVsEndOfPreviousYear', value: 1_687, quote: 'tăng 1.687 người so với tháng 12/2023' },
  { field: 'changeVsSameDate', value: 10_595, quote: 'tăng 10.595 người so với cùng kỳ' },
  { field: 'target', value: 50_137, quote: 'đạt 72,84%', derived: '36,520 / 72.84% ≈ 50,137' },
  {
    field: 'endOfPreviousYear',
    value: 34_833,
    quote: 'tăng 1.687 người so với tháng 12/2023',
    derived: '36,520 − 1,687',
  },
  { field: 'sameDateLastYear', value: 25_925, quote: 'tăng 10.595 người so với cùng kỳ', derived: '36,520 − 10,595' },
])

const haiPhongCompulsory = group('hai-phong', {
  report: 'plan',
  unit: '31',
  scheme: 'compulsory',
  asOf: d('2024-09-30'),
  knownAt: d('2024-10-10'),
})([
  { field: 'participants', value: 495_856, quote: 'số người tham gia BHXH bắt buộc là 495.856 người' },
  { field: 'achievement', value: 93.79, measure: 'percent', digits: 2, quote: 'đạt 93,79% so với kế hoạch được giao' },
  { field: 'changeVsEndOfPreviousYear', value: 8_329, quote: 'tăng 8.329 người so với tháng 12/2023' },
  { field: 'changeVsSameDate', value: 27_903, quote: 'tăng 27.903 người so với cùng kỳ' },
  {
    field: 'remaining',
    value: 33_000,
    digits: -3,
    bound: 'nearly',
    quote: 'phải phát triển gần 33.000 người tham gia BHXH bắt buộc',
  },
  {
    field: 'target',
    value: 528_690,
    quote: 'đạt 93,79%',
    derived: '495,856 / 93.79% ≈ 528,690, consistent with "nearly 33,000" (domain.md)',
  },
  {
    field: 'endOfPreviousYear',
    value: 487_527,
    quote: 'tăng 8.329 người so với tháng 12/2023',
    derived: '495,856 − 8,329',
  },
  { field: 'sameDateLastYear', value: 467_953, quote: 'tăng 27.903 người so với cùng kỳ', derived: '495,856 − 27,903' },
])

const haiPhongHealth = group('hai-phong', {
  report: 'plan',
  unit: '31',
  scheme: 'health',
  asOf: d('2024-09-30'),
  knownAt: d('2024-10-10'),
  health: true,
})([
  {
    field: 'participants',
    value: 1_960_000,
    digits: -4,
    bound: 'over',
    quote: 'Số người tham gia BHYT là trên 1,96 triệu người',
  },
  {
    field: 'achievement',
    value: 98.96,
    measure: 'percent',
    digits: 2,
    quote: 'đạt 98,96% so với kế hoạch BHXH Việt Nam giao',
  },
  { field: 'changeVsEndOfPreviousYear', value: 15_806, quote: 'tăng 15.806 người so với tháng 12/2023' },
  { field: 'changeVsSameDate', value: 47_793, quote: 'tăng 47.793 người so với cùng kỳ' },
  { field: 'remaining', value: 20_000, digits: -3, bound: 'over', quote: 'hơn 20.000 người tham gia BHYT' },
  {
    report: 'coverage',
    field: 'rate',
    value: 93.42,
    measure: 'percent',
    digits: 2,
    quote: 'chiếm tỷ lệ 93,42% dân số thành phố tham gia BHYT',
  },
])

// Seed 004 names no province: the generator's is a fictional one, "Tỉnh An Bình (hư cấu)", code 98.
const province004 = group('province-004', {
  report: 'revenue',
  unit: '98',
  scheme: null,
  asOf: d('2020-09-30'),
  knownAt: d('2020-10-08'),
})([
  {
    field: 'collected',
    value: 3_620_400_000_000,
    measure: 'vnd',
    digits: -8,
    quote: 'tổng số tiền thu bảo hiểm 3.620,4 tỷ đồng',
  },
  { field: 'achievement', value: 71.5, measure: 'percent', digits: 1, quote: 'đạt 71,5% so với kế hoạch' },
  {
    field: 'changeVsSamePeriodPct',
    value: 9.29,
    measure: 'percent',
    digits: 2,
    quote: 'tăng 9,29% so với cùng kỳ năm 2019',
  },
])

const province004Covered = group('province-004', {
  report: 'coverage',
  unit: '98',
  scheme: 'any',
  asOf: d('2020-09-30'),
  knownAt: d('2020-10-08'),
  health: true,
})([
  {
    field: 'participants',
    value: 1_076_000,
    digits: -3,
    bound: 'nearly',
    quote: 'toàn tỉnh có gần 1.076.000 người tham gia đóng bảo hiểm các loại',
  },
  {
    scheme: 'health',
    field: 'rate',
    value: 91.5,
    measure: 'percent',
    digits: 1,
    quote: 'tỷ lệ bao phủ bảo hiểm y tế đã đạt 91,5% dân số',
  },
])

/** Every published figure, in article order (health ones flagged). */
export const FIGURES: readonly Figure[] = [
  ...binhThuan,
  ...binhThuanHealth,
  ...binhThuanAgents,
  ...binhThuanHealthAgents,
  ...aLuoi,
  ...thuongTin,
  ...haiPhongVoluntary,
  ...haiPhongCompulsory,
  ...haiPhongHealth,
  ...province004,
  ...province004Covered,
]

/** The figures a history generated with or without health insurance must reproduce, for the given seeds. */
export const figuresFor = (
  options: { readonly includeHealth?: boolean; readonly seeds?: readonly SeedName[] } = {},
): Figure[] =>
  FIGURES.filter(
    (f) =>
      (options.includeHealth === true || f.health !== true) &&
      (options.seeds === undefined || options.seeds.includes(f.seed)),
  )

/**
 * Whether a computed value reproduces a published figure: percentages compare the unrounded ratio
 * rounded to the article's digits; counts and money are exact, or within the rounding band under
 * ("nearly") or over ("more than") the published number.
 */
export const reproduces = (figure: Figure, actual: number | null): boolean => {
  if (actual === null) return false
  if (figure.measure === 'percent') {
    const scale = 10 ** figure.digits
    return Math.round(actual * 100 * scale) === Math.round(figure.value * scale)
  }
  const step = 10 ** Math.max(0, -figure.digits)
  if (figure.bound === 'nearly') return actual <= figure.value && actual > figure.value - step
  if (figure.bound === 'over') return actual >= figure.value && actual < figure.value + step
  return step === 1 ? actual === figure.value : Math.round(actual / step) * step === figure.value
}
