/**
 * Plain text output in English and Vietnamese. Kept in one place, with its own small number
 * formatting, so that it can switch to the CLI's table formatting without touching the rest.
 *
 * @module print
 */
import { instantOfMillis } from '@ansinh/core'
import type { KnownAtDifference } from './audit.js'
import type { Article, Figure } from './figures.js'
import type { AnyReport, FigureCheck } from './reports.js'

/** The languages the output is written in. */
export type Lang = 'en' | 'vi'

const group = (digits: string, sep: string): string => digits.replace(/\B(?=(\d{3})+(?!\d))/g, sep)

/** A whole number: `7,215` (en), `7.215` (vi). */
export const formatCount = (n: number, lang: Lang): string =>
  (n < 0 ? '−' : '') + group(String(Math.abs(Math.round(n))), lang === 'en' ? ',' : '.')

/** A ratio as a percentage with `digits` decimals: `59.9%` (en), `59,9%` (vi). */
export const formatPercent = (ratio: number, digits: number, lang: Lang): string => {
  const s = (ratio * 100).toFixed(Math.max(0, digits))
  return (lang === 'en' ? s : s.replace('.', ',')) + '%'
}

/** A date `YYYY-MM-DD` as `30/9/2020`. */
export const formatDate = (date: string): string => `${+date.slice(8, 10)}/${+date.slice(5, 7)}/${date.slice(0, 4)}`

const SUFFIX: Readonly<Record<'count' | 'units' | 'vnd', Readonly<Record<Lang, string>>>> = {
  count: { en: '', vi: ' người' },
  units: { en: ' units', vi: ' đơn vị' },
  vnd: { en: ' VND', vi: ' đồng' },
}

/** A figure's value in its measure: people, percent or VND. */
export const formatValue = (figure: Figure, value: number | null, lang: Lang, published = false): string => {
  if (value === null) return lang === 'en' ? 'none' : 'không có'
  if (figure.measure === 'percent') return formatPercent(published ? value / 100 : value, figure.digits, lang)
  const n = formatCount(value, lang)
  const bound =
    published && figure.bound !== undefined
      ? figure.bound === 'nearly'
        ? lang === 'en'
          ? 'nearly '
          : 'gần '
        : lang === 'en'
          ? 'over '
          : 'hơn '
      : ''
  return bound + n + SUFFIX[figure.measure][lang]
}

/** The heading of a seed's section. */
export const seedHeading = (article: Article, lang: Lang): string =>
  lang === 'en'
    ? `== ${article.file} (${article.published}): ${article.title}`
    : `== ${article.file} (${article.published}): ${article.title}`

const describe = (f: Figure, lang: Lang): string => {
  const scheme = f.scheme === null ? '' : `${f.scheme}, `
  return lang === 'en'
    ? `${f.report} ${f.unit} (${scheme}as of ${formatDate(f.asOf)}, known at ${formatDate(f.knownAt)}) ${f.field}`
    : `${f.report} ${f.unit} (${scheme}tính đến ${formatDate(f.asOf)}, theo dữ liệu ngày ${formatDate(f.knownAt)}) ${f.field}`
}

/** One checked figure on one line. */
export const checkLine = (c: FigureCheck, lang: Lang): string => {
  const mark = c.ok ? '✓' : '✗'
  const derived = c.figure.derived === undefined ? '' : lang === 'en' ? ' [derived]' : ' [suy ra]'
  return lang === 'en'
    ? `  ${mark} ${describe(c.figure, lang)}: published ${formatValue(c.figure, c.expected, lang, true)}, computed ${formatValue(c.figure, c.actual, lang)}${derived}`
    : `  ${mark} ${describe(c.figure, lang)}: công bố ${formatValue(c.figure, c.expected, lang, true)}, tính được ${formatValue(c.figure, c.actual, lang)}${derived}`
}

const reasonList = (reasons: Readonly<Record<string, number | undefined>>, lang: Lang): string =>
  Object.entries(reasons)
    .map(([r, n]) => `${r} ${formatCount(n ?? 0, lang)}`)
    .join(', ')

/** The auditor's story for one count: at publication, today, and the late records between. */
export const knownAtLines = (d: KnownAtDifference, lang: Lang): string[] => {
  const when = formatDate(instantOfMillis(d.knownAt).slice(0, 10))
  const delta = d.today - d.atPublication
  const signed = (delta >= 0 ? '+' : '') + formatCount(delta, lang)
  const span = (c: { recordedFrom: string | null; recordedTo: string | null }): string =>
    c.recordedFrom === null ? '' : ` (${formatDate(c.recordedFrom)}–${formatDate(c.recordedTo!)})`
  const e = d.lateEnrolments,
    l = d.lateLapses
  return lang === 'en'
    ? [
        `  ${d.scheme} ${d.unit} on ${formatDate(d.asOf)}: ${formatCount(d.atPublication, lang)} as known on ${when}, ${formatCount(d.today, lang)} as known today (${signed})`,
        `    + ${formatCount(e.participants, lang)} participants whose enrolment covering that day was recorded after ${when}${span(e)}`,
        `    − ${formatCount(l.participants, lang)} participants whose lapse on or before that day was recorded after ${when}${span(l)}${l.participants > 0 ? `: ${reasonList(l.reasons, lang)}` : ''}`,
      ]
    : [
        `  ${d.scheme} ${d.unit} ngày ${formatDate(d.asOf)}: ${formatCount(d.atPublication, lang)} theo dữ liệu ngày ${when}, ${formatCount(d.today, lang)} theo dữ liệu hiện nay (${signed})`,
        `    + ${formatCount(e.participants, lang)} người có hồ sơ tham gia bao phủ ngày đó được ghi nhận sau ${when}${span(e)}`,
        `    − ${formatCount(l.participants, lang)} người có hồ sơ dừng tham gia từ ngày đó trở về trước được ghi nhận sau ${when}${span(l)}${l.participants > 0 ? `: ${reasonList(l.reasons, lang)}` : ''}`,
      ]
}

/** The last line: how many published figures the histories reproduce. */
export const summaryLine = (ok: number, total: number, lang: Lang): string =>
  lang === 'en' ? `reproduced ${ok} of ${total} published figures` : `tái hiện ${ok}/${total} số liệu đã công bố`

const pct = (r: number | null, lang: Lang, digits = 2): string => (r === null ? '–' : formatPercent(r, digits, lang))
const num = (n: number | null, lang: Lang): string => (n === null ? '–' : formatCount(n, lang))
const signedCount = (n: number, lang: Lang): string => (n >= 0 ? '+' : '') + formatCount(n, lang)

/** A report in two or three lines: the figures an agency would quote from it. */
export const reportLines = (r: AnyReport, lang: Lang): string[] => {
  const en = lang === 'en'
  const head = `  ${r.report} ${r.unit ?? (en ? 'national' : 'toàn quốc')}${r.scheme === null ? '' : ' ' + r.scheme} ${en ? 'as of' : 'tính đến'} ${formatDate(r.asOf)}${r.knownAt === null ? '' : (en ? ', known at ' : ', theo dữ liệu ngày ') + formatDate(r.knownAt.slice(0, 10))}:`
  switch (r.report) {
    case 'plan':
      return [
        head,
        en
          ? `    participants ${num(r.participants, lang)}, target ${num(r.target, lang)} (${pct(r.achievement, lang)}), remaining ${num(r.remaining, lang)}, expiring before year end ${num(r.expiringBeforeYearEnd, lang)}, recruits needed ${num(r.recruitsNeeded, lang)}`
          : `    người tham gia ${num(r.participants, lang)}, kế hoạch ${num(r.target, lang)} (đạt ${pct(r.achievement, lang)}), còn thiếu ${num(r.remaining, lang)}, hết hạn trước cuối năm ${num(r.expiringBeforeYearEnd, lang)}, cần vận động thêm ${num(r.recruitsNeeded, lang)}`,
        en
          ? `    same date last year ${num(r.sameDateLastYear, lang)} (${signedCount(r.changeVsSameDate, lang)}, ${pct(r.changeVsSameDatePct, lang)}), end of ${r.year - 1} ${num(r.endOfPreviousYear, lang)} (${signedCount(r.changeVsEndOfPreviousYear, lang)}), new in ${r.year} ${num(r.newInYear, lang)}` +
            (r.bands.withTarget > 0
              ? `; of ${r.bands.withTarget} units with a target: ${r.bands.met} met, ${r.bands.belowTarget} below, ${r.bands.below50} below 50%, ${r.bands.zero} with none`
              : '')
          : `    cùng kỳ ${num(r.sameDateLastYear, lang)} (${signedCount(r.changeVsSameDate, lang)}, ${pct(r.changeVsSameDatePct, lang)}), cuối năm ${r.year - 1} ${num(r.endOfPreviousYear, lang)} (${signedCount(r.changeVsEndOfPreviousYear, lang)}), tham gia mới năm ${r.year} ${num(r.newInYear, lang)}` +
            (r.bands.withTarget > 0
              ? `; ${r.bands.withTarget} đơn vị có chỉ tiêu: ${r.bands.met} đạt, ${r.bands.belowTarget} chưa đạt, ${r.bands.below50} dưới 50%, ${r.bands.zero} chưa có người tham gia`
              : ''),
      ]
    case 'coverage':
      return [
        head,
        en
          ? `    participants ${num(r.participants, lang)}${r.scheme === 'any' ? ' (any scheme)' : ''} of ${num(r.denominator, lang)} (${r.scheme === 'health' || r.scheme === 'any' ? 'population' : 'working-age labour force'} ${r.denominatorYear ?? ''}): ${pct(r.rate, lang)}`
          : `    người tham gia ${num(r.participants, lang)}${r.scheme === 'any' ? ' (mọi loại hình)' : ''} / ${num(r.denominator, lang)} (${r.scheme === 'health' || r.scheme === 'any' ? 'dân số' : 'lực lượng lao động trong độ tuổi'} ${r.denominatorYear ?? ''}): ${pct(r.rate, lang)}`,
      ]
    case 'agents':
      return [
        head,
        en
          ? `    through agents ${num(r.participants, lang)} (new ${num(r.new, lang)}, continuing ${num(r.continuing, lang)}, returning ${num(r.returning, lang)}), without an agent ${num(r.withoutAgent, lang)}; first: ${r.agents
              .slice(0, 3)
              .map((a) => `${a.agent} ${num(a.participants, lang)}`)
              .join(', ')}`
          : `    qua đại lý thu ${num(r.participants, lang)} (tham gia mới ${num(r.new, lang)}, tiếp tục tham gia ${num(r.continuing, lang)}, tham gia lại ${num(r.returning, lang)}), không qua đại lý ${num(r.withoutAgent, lang)}; dẫn đầu: ${r.agents
              .slice(0, 3)
              .map((a) => `${a.agent} ${num(a.participants, lang)}`)
              .join(', ')}`,
      ]
    case 'revenue': {
      const vnd = (n: number | null): string => (n === null ? '–' : formatCount(n, lang) + (en ? ' VND' : ' đồng'))
      return [
        head,
        en
          ? `    collected ${vnd(r.collected)} of a plan of ${vnd(r.target)} (${pct(r.achievement, lang)}), same period ${r.year - 1} ${vnd(r.samePeriodLastYear)} (${pct(r.changeVsSamePeriodPct, lang)})`
          : `    số tiền thu ${vnd(r.collected)} / kế hoạch ${vnd(r.target)} (đạt ${pct(r.achievement, lang)}), cùng kỳ ${r.year - 1} ${vnd(r.samePeriodLastYear)} (${pct(r.changeVsSamePeriodPct, lang)})`,
      ]
    }
    case 'debt': {
      const vnd = (n: number): string => formatCount(n, lang) + (en ? ' VND' : ' đồng')
      return [
        head,
        en
          ? `    outstanding ${vnd(r.outstanding)} (social ${vnd(r.byScheme.compulsory)}, health ${vnd(r.byScheme.health)}, unemployment ${vnd(r.byScheme.unemployment)}) owed by ${r.employers.length} employers; over 12 months old ${vnd(r.aging.over12Months)}`
          : `    số nợ ${vnd(r.outstanding)} (BHXH ${vnd(r.byScheme.compulsory)}, BHYT ${vnd(r.byScheme.health)}, BHTN ${vnd(r.byScheme.unemployment)}) của ${r.employers.length} đơn vị; nợ trên 12 tháng ${vnd(r.aging.over12Months)}`,
      ]
    }
  }
}
