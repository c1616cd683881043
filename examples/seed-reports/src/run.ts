/**
 * The example end to end: generate each seed's history, run the reports its article's figures come
 * from as known at publication, compare, and tell the auditor's story of what changed since.
 *
 * @module run
 */
import { type DomainEvent, type Scheme, parseKnownAt } from '@ansinh/core'
import { progress } from '@ansinh/cli'
import { History } from '@ansinh/projection'
import { explainKnownAt, renewedAfterPublication } from './audit.js'
import { ARTICLES, figuresFor } from './figures.js'
import { type EventLog, mergeLogs } from './generate/events.js'
import { DEFAULT_SEED, SEEDS, type SeedName, seedLogs } from './history.js'
import { type Lang, checkLine, formatCount, knownAtLines, reportLines, seedHeading, summaryLine } from './print.js'
import {
  type AnyReport,
  type FigureCheck,
  type FigureQuery,
  type ReportSource,
  checkFigures,
  historySource,
  memoised,
  queryKey,
  queryOf,
} from './reports.js'
import { type SeedPage, unitNames, writeSeedReportsHtml } from './html.js'
import { throughStore } from './store.js'
import { type PendingSection, reformSectionInWorker } from '@ansinh/example-reform-2025'

/** Options of {@link runSeedReports}. */
export interface RunOptions {
  readonly seed?: number
  readonly includeHealth?: boolean
  readonly seeds?: readonly SeedName[]
  readonly langs?: readonly Lang[]
  /**
   * A store (`pglite:DIR`, `postgres://…`) to import the history into and compute every report from;
   * without it, reports are computed from the generated events in memory.
   */
  readonly store?: string
  /**
   * Write the HTML page of every report with its charts here (English, or the one language asked
   * for; with both, the Vietnamese page goes beside it as `….vi.html`); absent: no page.
   */
  readonly html?: string
  /** End with the 2025 reform section (examples/reform-2025); its figures count in the total. */
  readonly reform?: boolean
}

/** Where `pnpm start` writes the HTML page. */
export const DEFAULT_HTML = 'out/seed-reports.html'

/** The HTML page of each language: `path` for the first, `….vi.html` beside it for Vietnamese after English. */
export const htmlPaths = (path: string, langs: readonly Lang[]): Map<Lang, string> =>
  new Map(langs.map((lang, i) => [lang, i === 0 ? path : path.replace(/(\.html?)?$/i, `.${lang}$1`)]))

/** What a run found. */
export interface RunResult {
  readonly checks: readonly FigureCheck[]
  /** Events generated per seed. */
  readonly events: Readonly<Partial<Record<SeedName, number>>>
  readonly ok: boolean
}

/**
 * Runs every chosen seed, writing lines through `write`. The reform section, which shares nothing
 * with the seeds, is computed meanwhile on a worker thread and written at the end.
 */
export const runSeedReports = async (options: RunOptions, write: (line: string) => void): Promise<RunResult> => {
  const langs = options.langs ?? ['en', 'vi']
  const reform =
    options.reform === true
      ? reformSectionInWorker({ options: { includeHealth: options.includeHealth ?? false }, langs })
      : null
  try {
    return await seedReports(options, langs, reform, write)
  } finally {
    await reform?.stop()
  }
}

const seedReports = async (
  options: RunOptions,
  langs: readonly Lang[],
  reform: PendingSection | null,
  write: (line: string) => void,
): Promise<RunResult> => {
  const seeds = options.seeds ?? SEEDS
  const checks: FigureCheck[] = []
  const events: Partial<Record<SeedName, number>> = {}
  const generatedIn = new Map<SeedName, number>()
  const histories = new Map<SeedName, DomainEvent[]>()
  const logs = new Map<SeedName, EventLog>()
  // progress on stderr, only on a terminal: the first line on stdout comes after every phase below
  const generating = progress('generating the seed histories', { total: seeds.length })
  for (const [i, seed] of seeds.entries()) {
    const started = performance.now()
    const log = seedLogs({
      seed: options.seed ?? DEFAULT_SEED,
      includeHealth: options.includeHealth ?? false,
      seeds: [seed],
    }).get(seed)!
    logs.set(seed, log)
    histories.set(seed, mergeLogs([log]))
    generatedIn.set(seed, performance.now() - started)
    generating.update(i + 1)
  }
  generating.done()
  // One store holds every seed (their units are disjoint, so each report reads only its own seed).
  let shared: {
    readonly source: ReportSource
    readonly history: History
    readonly events: readonly DomainEvent[]
  } | null = null
  if (options.store !== undefined) {
    const merged = mergeLogs(seeds.map((s) => logs.get(s)!))
    const load = await throughStore(options.store, merged)
    // the store holds the merged history at positions 1, 2, … in its order
    shared = { source: historySource(load.history), history: load.history, events: merged }
    write(
      load.imported > 0
        ? `${options.store}: imported ${formatCount(load.imported, 'en')} events in ${Math.round(load.importMs)} ms, ${load.fromSnapshot ? 'with a snapshot of them' : `read back in ${Math.round(load.readMs)} ms`}`
        : `${options.store}: already holds these ${formatCount(merged.length, 'en')} events; ${load.fromSnapshot ? 'restored from its snapshot' : 'read back'} in ${Math.round(load.readMs)} ms`,
    )
  }
  const pages = new Map<Lang, SeedPage[]>(langs.map((l) => [l, []]))
  const reporting = progress('computing the reports', { total: seeds.length })
  for (const [i, seed] of seeds.entries()) {
    reporting.update(i)
    const history = histories.get(seed)!
    const generated = performance.now()
    const started = generated - generatedIn.get(seed)!
    events[seed] = history.length
    const figures = figuresFor({ includeHealth: options.includeHealth ?? false, seeds: [seed] })
    const folded = shared?.history ?? History.of(history.map((event, i) => ({ event, position: i + 1 })))
    const positioned = shared?.events ?? history
    const source = memoised(shared?.source ?? historySource(folded))
    const seedChecks = checkFigures(source, figures)
    const reports = new Map<string, AnyReport>()
    for (const f of figures) reports.set(queryKey(queryOf(f)), source(queryOf(f)))
    const queries = new Map<string, FigureQuery>(figures.map((f) => [queryKey(queryOf(f)), queryOf(f)]))
    const names = options.html === undefined ? new Map<string, string>() : unitNames(history)
    const reported = performance.now()
    checks.push(...seedChecks)
    const counts = new Map<string, (typeof figures)[number]>()
    for (const f of figures)
      if (
        f.field === 'participants' &&
        (f.report === 'plan' || f.report === 'coverage') &&
        f.scheme !== null &&
        f.scheme !== 'any'
      )
        counts.set(`${f.unit}/${f.scheme}/${f.asOf}`, f)
    const differences = [...counts.values()].map((f) =>
      explainKnownAt(folded, (p) => positioned[p - 1]!, {
        unit: f.unit,
        scheme: f.scheme as Scheme,
        asOf: f.asOf,
        knownAt: parseKnownAt(f.knownAt)!,
      }),
    )
    // only a seed with this figure pays for the tally it is checked with (Hải Phòng's 747 k events: 2 s)
    const expiring = figures.find((f) => f.field === 'expiringBeforeYearEnd')
    const renewals =
      expiring === undefined
        ? null
        : renewedAfterPublication(history, {
            unit: expiring.unit,
            scheme: expiring.scheme as Scheme,
            asOf: expiring.asOf,
            year: +expiring.asOf.slice(0, 4),
            knownAt: parseKnownAt(expiring.knownAt)!,
          })
    for (const lang of langs) {
      write(seedHeading(ARTICLES[seed], lang))
      write(
        lang === 'en'
          ? `  ${formatCount(history.length, lang)} events generated in ${Math.round(generated - started)} ms; reports in ${Math.round(reported - generated)} ms`
          : `  ${formatCount(history.length, lang)} sự kiện, sinh trong ${Math.round(generated - started)} ms; báo cáo trong ${Math.round(reported - generated)} ms`,
      )
      for (const r of reports.values()) for (const line of reportLines(r, lang)) write(line)
      write(lang === 'en' ? '  Published figures:' : '  Số liệu đã công bố:')
      for (const c of seedChecks) write(checkLine(c, lang))
      write(
        lang === 'en'
          ? '  As known at publication and as known today:'
          : '  Theo dữ liệu lúc công bố và theo dữ liệu hiện nay:',
      )
      const story: string[] = []
      for (const d of differences) story.push(...knownAtLines(d, lang))
      if (renewals !== null) {
        story.push(
          lang === 'en'
            ? `    expiring before year end: ${formatCount(renewals.expiringAtPublication, lang)} at publication, ${formatCount(renewals.expiringToday, lang)} today: ${formatCount(renewals.renewedLater, lang)} of them renewed in records that came later`
            : `    hết hạn trước cuối năm: ${formatCount(renewals.expiringAtPublication, lang)} lúc công bố, ${formatCount(renewals.expiringToday, lang)} hiện nay: ${formatCount(renewals.renewedLater, lang)} người đã đóng tiếp, ghi nhận sau ngày công bố`,
        )
      }
      for (const line of story) write(line)
      if (options.html !== undefined) {
        const reportList = [...reports.entries()].map(([key, report]) => ({ query: queries.get(key)!, report }))
        pages
          .get(lang)!
          .push({ article: ARTICLES[seed], reports: reportList, checks: seedChecks, story, source, names })
      }
    }
  }
  reporting.done()
  if (options.html !== undefined) {
    for (const [lang, path] of htmlPaths(options.html, langs)) {
      await writeSeedReportsHtml(path, pages.get(lang)!, lang)
      write(lang === 'en' ? `the reports with their charts: ${path}` : `báo cáo kèm biểu đồ: ${path}`)
    }
  }
  let ok = checks.filter((c) => c.ok).length
  let total = checks.length
  if (reform !== null) {
    const section = await reform.section
    for (const { lines } of section.lines) for (const line of lines) write(line)
    ok += section.reproduced
    total += section.figures
  }
  // English last when it is asked for, so the run ends with "reproduced N of N published figures".
  for (const lang of [...langs].sort((a, b) => (a === 'en' ? 1 : 0) - (b === 'en' ? 1 : 0)))
    write(summaryLine(ok, total, lang))
  return { checks, events, ok: ok === total }
}
