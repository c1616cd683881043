/**
 * The example's section of `pnpm start`, in English and Vietnamese.
 *
 * @module print
 */
import type { Comparison, ReformRun, Reproduced } from './reform.js'

/** The languages of the output. */
export type Lang = 'en' | 'vi'

const group = (n: number, lang: Lang): string =>
  String(Math.abs(Math.round(n))).replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'en' ? ',' : '.')
const count = (n: number, lang: Lang): string => (n < 0 ? '−' : '') + group(n, lang)
const signed = (n: number, lang: Lang): string => (n >= 0 ? '+' : '') + count(n, lang)
const percent = (ratio: number, decimals: number, lang: Lang): string => {
  const s = (ratio * 100).toFixed(decimals)
  return (lang === 'en' ? s : s.replace('.', ',')) + '%'
}

const value = (f: Reproduced, lang: Lang, published: boolean): string => {
  if (f.published.percent !== undefined)
    return percent(published ? f.published.value / 100 : f.computed, f.published.percent, lang)
  const over = published && f.published.over === true ? (lang === 'en' ? 'over ' : 'hơn ') : ''
  return over + count(published ? f.published.value : f.computed, lang)
}

const comparisonLines = (c: Comparison, lang: Lang): string[] => {
  const pct = (from: number): string =>
    from === 0 ? '' : ` (${(c.now - from >= 0 ? '+' : '') + percent((c.now - from) / from, 1, lang)})`
  return lang === 'en'
    ? [
        `  ${c.scheme}: 30/9/2025 ${count(c.now, lang)}`,
        `    like for like, 30/9/2024 on the map of 30/9/2025 (old An Giang + Kiên Giang): ${count(c.likeForLike, lang)}, change ${signed(c.now - c.likeForLike, lang)}${pct(c.likeForLike)}`,
        `    naive, 30/9/2024 on the map of that day (old An Giang 89 alone): ${count(c.naive, lang)}, "change" ${signed(c.now - c.naive, lang)}${pct(c.naive)}`,
        `    the difference, ${count(c.likeForLike - c.naive, lang)}, is old Kiên Giang's ${count(c.kienGiang, lang)} participants of 30/9/2024: the new boundary, not growth`,
      ]
    : [
        `  ${c.scheme === 'voluntary' ? 'tự nguyện' : 'bắt buộc'}: 30/9/2025 ${count(c.now, lang)}`,
        `    so sánh cùng địa giới, 30/9/2024 theo địa giới ngày 30/9/2025 (An Giang cũ + Kiên Giang): ${count(c.likeForLike, lang)}, tăng ${signed(c.now - c.likeForLike, lang)}${pct(c.likeForLike)}`,
        `    so sánh ngây thơ, 30/9/2024 theo địa giới ngày đó (chỉ An Giang cũ, mã 89): ${count(c.naive, lang)}, "tăng" ${signed(c.now - c.naive, lang)}${pct(c.naive)}`,
        `    chênh lệch ${count(c.likeForLike - c.naive, lang)} chính là ${count(c.kienGiang, lang)} người tham gia của Kiên Giang cũ ngày 30/9/2024: do địa giới mới, không phải tăng trưởng`,
      ]
}

/** The section of one language. */
export const reformLines = (run: ReformRun, lang: Lang): string[] => {
  const events = run.history.events.length
  const lines =
    lang === 'en'
      ? [
          '== reform-2025: An Giang (91) = old An Giang (89) + Kiên Giang (91) from 1/7/2025, first nine months of 2025',
          `  ${count(events, lang)} events: districts abolished, ${count(run.communes, lang)} communes on the new map, ${count(run.history.linked, lang)} participants renewed under the personal identity number`,
          '  Published figures (30/9/2025, map of 30/9/2025):',
        ]
      : [
          '== reform-2025: An Giang (91) = An Giang cũ (89) + Kiên Giang (91) từ 1/7/2025, chín tháng đầu năm 2025',
          `  ${count(events, lang)} sự kiện: bỏ cấp huyện, ${count(run.communes, lang)} xã trên địa giới mới, ${count(run.history.linked, lang)} người đóng tiếp bằng số định danh cá nhân`,
          '  Số liệu đã công bố (30/9/2025, địa giới ngày 30/9/2025):',
        ]
  for (const f of run.figures) {
    const mark = f.ok ? '✓' : '✗'
    lines.push(
      lang === 'en'
        ? `  ${mark} ${f.label.en}: published ${value(f, lang, true)}, computed ${value(f, lang, false)}`
        : `  ${mark} ${f.label.vi}: công bố ${value(f, lang, true)}, tính được ${value(f, lang, false)}`,
    )
  }
  lines.push(lang === 'en' ? '  The Quảng Ngãi trap, side by side:' : '  Cái bẫy Quảng Ngãi, đặt cạnh nhau:')
  for (const c of run.comparisons) lines.push(...comparisonLines(c, lang))
  lines.push(
    lang === 'en'
      ? `  Asking for the old province on 30/9/2025: ${run.dissolvedAsked}`
      : `  Hỏi số liệu tỉnh cũ ngày 30/9/2025: ${run.dissolvedAsked}`,
  )
  return lines
}

/** The last line: how many published figures were reproduced. */
export const summaryLine = (run: ReformRun, lang: Lang): string => {
  const ok = run.figures.filter((f) => f.ok).length
  return lang === 'en'
    ? `reform 2025: reproduced ${ok} of ${run.figures.length} published figures`
    : `cải cách 2025: tái hiện ${ok} trên ${run.figures.length} số liệu đã công bố`
}
