/**
 * The seed run as one HTML page (`out/seed-reports.html`): every seed's reports with their charts,
 * the published figures against the computed ones, and the auditor's story of what changed since
 * publication. Drawn by `@ansinh/report-html` with the CLI's number formats.
 *
 * @module html
 */
import { mkdir, writeFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import { type DomainEvent } from '@ansinh/core'
import { VERSION, agentBlocks, htmlFormats, revenueBlocks } from '@ansinh/cli'
import { type Block, htmlDocument, monthEnds, num } from '@ansinh/report-html'
import type { Article } from './figures.js'
import { type Lang, formatValue } from './print.js'
import type { AnyReport, FigureCheck, FigureQuery, ReportSource } from './reports.js'

/** What the page shows of one seed. */
export interface SeedPage {
  readonly article: Article
  /** Each distinct report query of the seed's figures, and its report. */
  readonly reports: readonly { readonly query: FigureQuery; readonly report: AnyReport }[]
  readonly checks: readonly FigureCheck[]
  /** The "as known at publication and as known today" lines, already written in the page language. */
  readonly story: readonly string[]
  /** Answers the same report at each month end (the participants-over-time chart). */
  readonly source: ReportSource
  /** Unit names by code. */
  readonly names: ReadonlyMap<string, string>
}

/** The names of the units a history establishes. */
export const unitNames = (events: readonly DomainEvent[]): Map<string, string> => {
  const names = new Map<string, string>()
  for (const e of events) if (e.type === 'UnitEstablished') names.set(e.data.code, e.data.name)
  return names
}

const participantsOf = (r: AnyReport): number => ('participants' in r ? r.participants : 0)

const reportBlocks = (seed: SeedPage, query: FigureQuery, report: AnyReport, lang: Lang): Block[] => {
  const unitName = report.unit === null ? null : (seed.names.get(report.unit) ?? null)
  if (report.report === 'debt') return [{ kind: 'debt', report, unitName }]
  if (report.report === 'agents') return agentBlocks(report, lang)
  if (report.report === 'revenue') return revenueBlocks(report, lang)
  const series = monthEnds(query.asOf).map((asOf) => ({ asOf, value: participantsOf(seed.source({ ...query, asOf })) }))
  return [
    report.report === 'plan'
      ? { kind: 'plan', report, unitName, series }
      : { kind: 'coverage', report, unitName, series },
  ]
}

const WORDS = {
  en: {
    title: 'ansinh seed reports',
    published: 'published',
    figures: 'Published figures',
    figure: 'figure',
    computed: 'computed',
    story: 'As known at publication and as known today',
    subtitle: "Every seed report with its charts, as known at each article's publication.",
  },
  vi: {
    title: 'Báo cáo từ dữ liệu mẫu ansinh',
    published: 'công bố',
    figures: 'Số liệu đã công bố',
    figure: 'số liệu',
    computed: 'tính được',
    story: 'Theo dữ liệu lúc công bố và theo dữ liệu hiện nay',
    subtitle: 'Mọi báo cáo của dữ liệu mẫu, kèm biểu đồ, theo số liệu ghi nhận đến ngày đăng bài.',
  },
} as const

/** The page of a run, in one language. */
export const seedReportsHtml = (seeds: readonly SeedPage[], lang: Lang): Promise<string> => {
  const w = WORDS[lang]
  const blocks: Block[] = []
  for (const seed of seeds) {
    blocks.push({
      kind: 'text',
      title: `${seed.article.title} (${seed.article.published})`,
      paragraphs: [seed.article.file],
    })
    for (const { query, report } of seed.reports) blocks.push(...reportBlocks(seed, query, report, lang))
    blocks.push({
      kind: 'table',
      title: `${w.figures} — ${seed.article.title}`,
      header: ['', w.figure, num(w.published), num(w.computed)],
      rows: seed.checks.map((c) => [
        c.ok ? '✓' : '✗',
        `${c.figure.report} ${c.figure.unit} ${c.figure.field} (${c.figure.asOf})`,
        num(formatValue(c.figure, c.expected, lang, true)),
        num(formatValue(c.figure, c.actual, lang)),
      ]),
    })
    if (seed.story.length > 0)
      blocks.push({
        kind: 'text',
        title: `${w.story} — ${seed.article.title}`,
        paragraphs: seed.story.map((l) => l.trim()),
      })
  }
  return htmlDocument(
    { title: w.title, subtitle: w.subtitle, generator: `ansinh ${VERSION}`, blocks },
    htmlFormats(lang),
  )
}

/** Writes the page to `path` (making its folder). */
export const writeSeedReportsHtml = async (path: string, seeds: readonly SeedPage[], lang: Lang): Promise<void> => {
  await mkdir(dirname(path), { recursive: true })
  await writeFile(path, await seedReportsHtml(seeds, lang))
}
