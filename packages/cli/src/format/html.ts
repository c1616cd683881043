/**
 * `--format html`: the report as one self-contained page (`@ansinh/report-html`), written with
 * the same numbers, dates and labels as the CLI's tables.
 *
 * @module html
 */
import type { DiffInput, Formats, SeriesPoint, TriangleInput } from '@ansinh/report-html'
import { htmlDocument } from '@ansinh/report-html'
import type { Lang } from '../args.js'
import { VERSION } from '../version.js'
import { label, schemeLabel } from './labels.js'
import { formatCount, formatDate, formatDelta, formatDeltaPercent, formatInstant, formatMonth, formatPercent, formatVnd } from './numbers.js'
import type { CoverageView, DebtView, PlanView, ReportView } from './reports.js'

/** The CLI's table formatting in `lang`, as a page takes it. */
export const htmlFormats = (lang: Lang): Formats => ({
  lang,
  count: (n) => formatCount(n, lang),
  delta: (n) => formatDelta(n, lang),
  percent: (r, digits) => formatPercent(r, lang, digits),
  deltaPercent: (r, digits) => formatDeltaPercent(r, lang, digits),
  vnd: (n) => formatVnd(n, lang),
  date: (d) => formatDate(d, lang),
  month: (m) => formatMonth(m, lang),
  instant: (i) => formatInstant(i, lang),
  label: (key) => label(key, lang),
  scheme: (s) => schemeLabel(s, lang),
})

/** A report and what its page is drawn with. */
export interface HtmlReport {
  readonly report: ReportView
  readonly unitName: string | null
  /** The participants at each month end (coverage and plan), from the same report asked at each. */
  readonly series: readonly SeriesPoint[] | null
}

const blockOf = ({ report, unitName, series }: HtmlReport) => {
  const drawn = series === null ? {} : { series }
  switch (report.report) {
    case 'coverage':
      return { kind: 'coverage' as const, report: report as CoverageView, unitName, ...drawn }
    case 'plan':
      return { kind: 'plan' as const, report: report as PlanView, unitName, ...drawn }
    case 'debt':
      return { kind: 'debt' as const, report: report as DebtView, unitName }
  }
}

/** The page of one report: its title names the report and the unit. */
export const renderHtml = (r: HtmlReport, lang: Lang): Promise<string> => {
  const title = r.report.report === 'plan' ? `${label('plan', lang)} ${r.report.year}` : label(r.report.report, lang)
  const unit = r.report.unit === null ? label('national', lang) : r.unitName === null ? r.report.unit : `${r.report.unit} ${r.unitName}`
  return htmlDocument({ title: `${title} — ${unit}`, generator: `ansinh ${VERSION}`, blocks: [blockOf(r)] }, htmlFormats(lang))
}

/** The page of a revision triangle (`revisions --format html`): the heat map and the table. */
export const renderRevisionsHtml = (head: { readonly report: string; readonly unit: string | null; readonly scheme: string | null }, unitName: string | null, triangle: TriangleInput, lang: Lang): Promise<string> =>
  htmlDocument(
    { title: `${label(head.report as never, lang)} — ${triangle.field}${head.unit === null ? '' : ` — ${head.unit}${unitName === null ? '' : ` ${unitName}`}`}`, generator: `ansinh ${VERSION}`, blocks: [{ kind: 'revisions', head, unitName, triangle }] },
    htmlFormats(lang),
  )

/** The page of a diff (`diff --format html`): each field's delta by cause, and the records. */
export const renderDiffHtml = (diff: DiffInput, unitName: string | null, lang: Lang): Promise<string> =>
  htmlDocument(
    { title: `${label(diff.before.report as never, lang)} ${diff.before.asOf}${diff.before.unit === null ? '' : ` — ${diff.before.unit}${unitName === null ? '' : ` ${unitName}`}`}`, generator: `ansinh ${VERSION}`, blocks: [{ kind: 'diff', unitName, diff }] },
    htmlFormats(lang),
  )
