/**
 * `--format html`: the report as one self-contained page (`@ansinh/report-html`), written with
 * the same numbers, dates and labels as the CLI's tables.
 *
 * @module html
 */
import type { DiffInput, Formats, SeriesPoint, TriangleInput } from '@ansinh/report-html'
import { type Block, htmlDocument, num } from '@ansinh/report-html'
import type { Lang } from '../args.js'
import { VERSION } from '../version.js'
import { label, schemeLabel } from './labels.js'
import {
  formatCount,
  formatDate,
  formatDelta,
  formatDeltaPercent,
  formatInstant,
  formatMonth,
  formatPercent,
  formatVnd,
} from './numbers.js'
import type { AgentsReport } from '@ansinh/projection-agents'
import type { RevenueReport } from '@ansinh/projection-revenue'
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

/** The agents' report as tables: the totals by kind, then the agents ranked as the press ranks them. */
export const agentBlocks = (r: AgentsReport, lang: Lang): Block[] => [
  {
    kind: 'table',
    title: `${label('agents', lang)} · ${schemeLabel(r.scheme, lang)} · ${formatDate(r.from, lang)}–${formatDate(r.to, lang)}`,
    header: [
      label('viaAgents', lang),
      label('new', lang),
      label('continuing', lang),
      label('returning', lang),
      label('withoutAgent', lang),
    ],
    rows: [[r.participants, r.new, r.continuing, r.returning, r.withoutAgent].map((n) => num(formatCount(n, lang)))],
  },
  {
    kind: 'table',
    title: label('agents', lang),
    header: [
      '#',
      label('agent', lang),
      label('viaAgents', lang),
      label('new', lang),
      label('continuing', lang),
      label('returning', lang),
    ],
    rows: r.agents.map((a, i) => [
      num(String(i + 1)),
      a.agent,
      ...[a.participants, a.new, a.continuing, a.returning].map((n) => num(formatCount(n, lang))),
    ]),
  },
]

/** The revenue report as tables: collected against the plan and the same period, by scheme, by child. */
export const revenueBlocks = (r: RevenueReport, lang: Lang): Block[] => {
  const ratio = (x: number | null): string => (x === null ? '—' : formatPercent(x, lang))
  return [
    {
      kind: 'table',
      title: `${label('revenue', lang)} ${r.year}`,
      header: [
        label('collected', lang),
        label('revenuePlan', lang),
        '%',
        label('samePeriod', lang),
        label('vsSamePeriod', lang),
      ],
      rows: [
        [
          num(formatVnd(r.collected, lang)),
          num(r.target === null ? '—' : formatVnd(r.target, lang)),
          num(ratio(r.achievement)),
          num(formatVnd(r.samePeriodLastYear, lang)),
          num(r.changeVsSamePeriodPct === null ? '—' : formatDeltaPercent(r.changeVsSamePeriodPct, lang)),
        ],
      ],
    },
    {
      kind: 'table',
      title: label('collected', lang),
      header: Object.keys(r.byScheme).map((k) => schemeLabel(k, lang)),
      rows: [Object.values(r.byScheme).map((v: number) => num(formatVnd(v, lang)))],
    },
    {
      kind: 'table',
      title: label('children', lang),
      header: ['', '', label('collected', lang), label('revenuePlan', lang), '%'],
      rows: r.children.map((c) => [
        c.unit,
        c.name ?? '',
        num(formatVnd(c.collected, lang)),
        num(c.target === null ? '—' : formatVnd(c.target, lang)),
        num(ratio(c.achievement)),
      ]),
    },
  ]
}

const blocksOf = ({ report, unitName, series }: HtmlReport, lang: Lang): Block[] => {
  const drawn = series === null ? {} : { series }
  switch (report.report) {
    case 'coverage':
      return [{ kind: 'coverage' as const, report: report as CoverageView, unitName, ...drawn }]
    case 'plan':
      return [{ kind: 'plan' as const, report: report as PlanView, unitName, ...drawn }]
    case 'debt':
      return [{ kind: 'debt' as const, report: report as DebtView, unitName }]
    case 'agents':
      return agentBlocks(report, lang)
    case 'revenue':
      return revenueBlocks(report, lang)
  }
}

/** The page of one report: its title names the report and the unit. */
export const renderHtml = (r: HtmlReport, lang: Lang): Promise<string> => {
  const title = r.report.report === 'plan' ? `${label('plan', lang)} ${r.report.year}` : label(r.report.report, lang)
  const unit =
    r.report.unit === null
      ? label('national', lang)
      : r.unitName === null
        ? r.report.unit
        : `${r.report.unit} ${r.unitName}`
  return htmlDocument(
    { title: `${title} — ${unit}`, generator: `ansinh ${VERSION}`, blocks: blocksOf(r, lang) },
    htmlFormats(lang),
  )
}

/** The page of a revision triangle (`revisions --format html`): the heat map and the table. */
export const renderRevisionsHtml = (
  head: { readonly report: string; readonly unit: string | null; readonly scheme: string | null },
  unitName: string | null,
  triangle: TriangleInput,
  lang: Lang,
): Promise<string> =>
  htmlDocument(
    {
      title: `${label(head.report as never, lang)} — ${triangle.field}${head.unit === null ? '' : ` — ${head.unit}${unitName === null ? '' : ` ${unitName}`}`}`,
      generator: `ansinh ${VERSION}`,
      blocks: [{ kind: 'revisions', head, unitName, triangle }],
    },
    htmlFormats(lang),
  )

/** The page of a diff (`diff --format html`): each field's delta by cause, and the records. */
export const renderDiffHtml = (diff: DiffInput, unitName: string | null, lang: Lang): Promise<string> =>
  htmlDocument(
    {
      title: `${label(diff.before.report as never, lang)} ${diff.before.asOf}${diff.before.unit === null ? '' : ` — ${diff.before.unit}${unitName === null ? '' : ` ${unitName}`}`}`,
      generator: `ansinh ${VERSION}`,
      blocks: [{ kind: 'diff', unitName, diff }],
    },
    htmlFormats(lang),
  )
