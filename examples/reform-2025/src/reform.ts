/**
 * The reports of the new An Giang on 30/9/2025, the published figures they reproduce, and the
 * Quảng Ngãi trap side by side: 30/9/2025 against 30/9/2024 like for like (both old provinces
 * counted on the map of 30/9/2025, the plan report's `sameDateLastYear`) versus the naive figure
 * (old An Giang alone on the map of 30/9/2024).
 *
 * @module reform
 */
import type { BusinessDate } from '@ansinh/core'
import { History } from '@ansinh/projection'
import { checkedCoverageReport, coverageReport } from '@ansinh/projection-coverage'
import { planReport } from '@ansinh/projection-plan'
import { revenueReport } from '@ansinh/projection-revenue'
import * as E from 'fp-ts/lib/Either.js'
import {
  KIEN_GIANG,
  NEW_AN_GIANG,
  OLD_AN_GIANG,
  type ReformHistory,
  type ReformOptions,
  reformHistory,
} from './history.js'

/** The day the figures describe (the first nine months of 2025). */
export const AS_OF = '2025-09-30' as BusinessDate
/** The same day a year before. */
export const YEAR_BEFORE = '2024-09-30' as BusinessDate

/** One published figure and what the history gives. */
export interface Reproduced {
  /** What the figure is, in English and Vietnamese. */
  readonly label: { readonly en: string; readonly vi: string }
  /** As published: a count, or a percentage with its decimals. */
  readonly published: { readonly value: number; readonly percent?: number; readonly over?: boolean }
  readonly computed: number
  readonly ok: boolean
}

/** A like-for-like comparison of a scheme on 30/9/2025 with 30/9/2024, and the naive one. */
export interface Comparison {
  readonly scheme: 'voluntary' | 'compulsory'
  readonly now: number
  /** 30/9/2024 counted on the map of 30/9/2025: old An Giang and Kiên Giang. */
  readonly likeForLike: number
  /** 30/9/2024 on the map of that day: old An Giang alone. */
  readonly naive: number
  /** Old Kiên Giang on 30/9/2024: the difference between the two earlier figures. */
  readonly kienGiang: number
}

/** Everything the example prints. */
export interface ReformRun {
  readonly history: ReformHistory
  readonly figures: readonly Reproduced[]
  readonly comparisons: readonly Comparison[]
  /** What asking for old An Giang (89) on 30/9/2025 gives: the error value's message. */
  readonly dissolvedAsked: string
  readonly communes: number
}

const percentOk = (ratio: number | null, published: number, decimals: number): boolean =>
  ratio !== null && (ratio * 100).toFixed(decimals) === published.toFixed(decimals)

/** Generates the history and computes every report and figure. */
export const runReform = (options: ReformOptions = {}): ReformRun => {
  const history = reformHistory(options)
  const h = History.of(history.events)
  const unit = NEW_AN_GIANG
  const compulsory = planReport(h, { asOf: AS_OF, scheme: 'compulsory', unit })
  const voluntary = planReport(h, { asOf: AS_OF, scheme: 'voluntary', unit })
  const coverage = coverageReport(h, { asOf: AS_OF, scheme: 'compulsory', unit })
  const socialInsurance = compulsory.participants + voluntary.participants
  const labourForce = coverage.denominator
  const figures: Reproduced[] = [
    {
      label: {
        en: 'social-insurance participants (compulsory + voluntary)',
        vi: 'người tham gia BHXH (bắt buộc + tự nguyện)',
      },
      published: { value: 275_574 },
      computed: socialInsurance,
      ok: socialInsurance === 275_574,
    },
    {
      label: { en: 'of the working-age labour force', vi: 'lực lượng lao động trong độ tuổi' },
      published: { value: 14.96, percent: 2 },
      computed: labourForce === null ? NaN : socialInsurance / labourForce,
      ok: labourForce !== null && percentOk(socialInsurance / labourForce, 14.96, 2),
    },
    {
      label: { en: 'compulsory participants', vi: 'người tham gia BHXH bắt buộc' },
      published: { value: 232_895 },
      computed: compulsory.participants,
      ok: compulsory.participants === 232_895,
    },
    {
      label: { en: 'compulsory, of plan', vi: 'bắt buộc, so với kế hoạch' },
      published: { value: 94.79, percent: 2 },
      computed: compulsory.achievement ?? NaN,
      ok: percentOk(compulsory.achievement, 94.79, 2),
    },
    {
      label: { en: 'voluntary participants', vi: 'người tham gia BHXH tự nguyện' },
      published: { value: 42_679 },
      computed: voluntary.participants,
      ok: voluntary.participants === 42_679,
    },
    {
      label: { en: 'voluntary, of plan', vi: 'tự nguyện, so với kế hoạch' },
      published: { value: 52.9, percent: 2 },
      computed: voluntary.achievement ?? NaN,
      ok: percentOk(voluntary.achievement, 52.9, 2),
    },
  ]
  const revenue = revenueReport(h, { asOf: AS_OF, unit })
  const billions = (vnd: number): number => vnd / 1e9
  figures.push(
    // "over 7,215 billion": shown in million VND, so the computed figure shows what lies over
    {
      label: { en: 'collected, million VND', vi: 'số tiền thu, triệu đồng' },
      published: { value: 7_215_000, over: true },
      computed: revenue.collected / 1e6,
      ok: revenue.collected > 7_215e9,
    },
    {
      label: { en: 'collected, of plan', vi: 'số tiền thu, so với kế hoạch' },
      published: { value: 73.37, percent: 2 },
      computed: revenue.achievement ?? NaN,
      ok: percentOk(revenue.achievement, 73.37, 2),
    },
    {
      label: {
        en: 'collected, on the same period of 2024 (both old provinces), billion VND',
        vi: 'số tiền thu, so với cùng kỳ 2024 (cả hai tỉnh cũ), tỷ đồng',
      },
      published: { value: 946 },
      computed: billions(revenue.collected - revenue.samePeriodLastYear),
      ok: Math.round(billions(revenue.collected - revenue.samePeriodLastYear)) === 946,
    },
  )
  const communes = coverage.children.length
  figures.push({
    label: { en: 'communes of the new province', vi: 'đơn vị hành chính cấp xã của tỉnh mới' },
    published: { value: 102 },
    computed: communes,
    ok: communes === 102,
  })
  if (options.includeHealth === true) {
    const health = coverageReport(h, { asOf: AS_OF, scheme: 'health', unit })
    figures.push(
      {
        label: { en: 'health insurance holders', vi: 'người tham gia BHYT' },
        published: { value: 3_200_000, over: true },
        computed: health.participants,
        ok: health.participants > 3_200_000,
      },
      {
        label: { en: 'health insurance, of the population', vi: 'BHYT, so với dân số' },
        published: { value: 88, percent: 0 },
        computed: health.rate ?? NaN,
        ok: percentOk(health.rate, 88, 0),
      },
    )
  }
  const comparisons = [voluntary, compulsory].map((plan): Comparison => {
    const scheme = plan.scheme as 'voluntary' | 'compulsory'
    return {
      scheme,
      now: plan.participants,
      likeForLike: plan.sameDateLastYear,
      naive: coverageReport(h, { asOf: YEAR_BEFORE, scheme, unit: OLD_AN_GIANG }).participants,
      kienGiang: coverageReport(h, { asOf: YEAR_BEFORE, scheme, unit: KIEN_GIANG }).participants,
    }
  })
  const asked = checkedCoverageReport(h, { asOf: AS_OF, scheme: 'voluntary', unit: OLD_AN_GIANG })
  return {
    history,
    figures,
    comparisons,
    dissolvedAsked: E.isLeft(asked) ? asked.left.message : 'no error (unexpected)',
    communes,
  }
}
