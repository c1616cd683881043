/**
 * The example end to end: generate each seed's history, run the reports its article's figures come
 * from as known at publication, compare, and tell the auditor's story of what changed since.
 *
 * @module run
 */
import { type Scheme, parseKnownAt } from '@ansinh/core'
import { progress } from '@ansinh/cli'
import { History } from '@ansinh/projection'
import { type KnownAtDifference, explainKnownAt } from './audit.js'
import { ManifestMiss, ReadPositions, readManifest, saveManifest } from './manifest.js'
import { ARTICLES, figuresFor } from './figures.js'
import {
  type GenerateRequest,
  type GeneratedHere,
  type GeneratedThere,
  type HistoryFacts,
  type SeedFacts,
  factsOfEvents,
  factsThere,
  generateHere,
  generateInWorker,
} from './generated.js'
import { SEEDS, type SeedName } from './history.js'
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
import { type SeedPage, writeSeedReportsHtml } from './html.js'
import { type StoreLoad, keepManifest, throughStore } from './store.js'
import { type ReformSection, type WorkerTask, reformSectionInWorker } from '@ansinh/example-reform-2025'

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
  reform: WorkerTask<ReformSection> | null,
  write: (line: string) => void,
  useManifest = true,
): Promise<RunResult> => {
  const seeds = options.seeds ?? SEEDS
  const request: GenerateRequest = {
    ...(options.seed === undefined ? {} : { seed: options.seed }),
    includeHealth: options.includeHealth ?? false,
    seeds,
    names: options.html !== undefined,
  }
  // progress on stderr, only on a terminal: the first line on stdout comes after every phase below
  let here: GeneratedHere | null = null
  const generateHereOnce = (): GeneratedHere => {
    if (here !== null) return here
    const generating = progress('generating the seed histories', { total: seeds.length })
    here = generateHere(request, (done) => generating.update(done))
    generating.done()
    return here
  }
  let there: WorkerTask<GeneratedThere> | null = null
  try {
    // One store holds every seed (their units are disjoint, so each report reads only its own seed).
    let stored: { readonly load: StoreLoad; readonly source: ReportSource } | null = null
    let fromThere: ReadonlyMap<SeedName, SeedFacts> | null = null
    let fromManifest = false
    if (options.store !== undefined) {
      const load = await throughStore(options.store, {
        events: () => generateHereOnce().merged(),
        // a store that holds the seeds already: only the facts are generated, on a worker thread
        // what an earlier run learnt, kept in the store with its head: nothing to generate
        kept: async (store, head) => {
          const kept = useManifest ? await readManifest(store, head, request) : null
          if (kept === null) return null
          fromManifest = true
          fromThere = kept.facts
          return kept.merged
        },
        // else only the facts are generated, on a worker thread
        facts: async () => {
          there = generateInWorker(request)
          const f = factsThere(await there.result)
          fromThere = f.facts
          return f.merged
        },
      })
      stored = { load, source: historySource(load.history) }
    }
    // The reports first: they read only the folded history, while the facts are generated elsewhere.
    const reporting = progress('computing the reports', { total: seeds.length })
    const reported = seeds.map((seed, i) => {
      reporting.update(i)
      const started = performance.now()
      let folded: History
      let positioned: HistoryFacts | null
      if (stored !== null) {
        // the store holds the merged history at positions 1, 2, … in its order
        folded = stored.load.history
        positioned = null // the merged history's, once judged
      } else {
        const history = generateHereOnce().histories.get(seed)!
        folded = History.of(history.map((event, i) => ({ event, position: i + 1 })))
        positioned = factsOfEvents(history)
      }
      const figures = figuresFor({ includeHealth: options.includeHealth ?? false, seeds: [seed] })
      const source = memoised(stored?.source ?? historySource(folded))
      const seedChecks = checkFigures(source, figures)
      const reports = new Map<string, { readonly query: FigureQuery; readonly report: AnyReport }>()
      for (const f of figures) reports.set(queryKey(queryOf(f)), { query: queryOf(f), report: source(queryOf(f)) })
      return { seed, folded, positioned, figures, source, seedChecks, reports, ms: performance.now() - started }
    })
    reporting.done()
    // a store's history is judged against the generated one before anything is written
    const merged = stored === null ? null : await stored.load.facts
    const facts = fromThere ?? generateHereOnce().facts
    // the story's diffs, before anything is written: a manifest that lacks an event they read
    // (the engine now reads other records) makes the run start again and generate
    const read = new ReadPositions()
    let stories: { readonly differences: KnownAtDifference[] }[]
    try {
      stories = reported.map(({ folded, positioned, figures }) => {
        const at = read.watch(positioned ?? merged!)
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
          explainKnownAt(folded, at, {
            unit: f.unit,
            scheme: f.scheme as Scheme,
            asOf: f.asOf,
            knownAt: parseKnownAt(f.knownAt)!,
          }),
        )
        return { differences }
      })
    } catch (err) {
      if (err instanceof ManifestMiss && fromManifest) return seedReports(options, langs, reform, write, false)
      throw err
    }
    const head = stored?.load.head ?? null
    if (options.store !== undefined && head !== null && !fromManifest)
      await keepManifest(options.store, head, (store) => saveManifest(store, head, request, facts, read))
    if (stored !== null) {
      const { load } = stored
      write(
        load.imported > 0
          ? `${options.store}: imported ${formatCount(load.imported, 'en')} events in ${Math.round(load.importMs)} ms, ${load.fromSnapshot ? 'with a snapshot of them' : `read back in ${Math.round(load.readMs)} ms`}`
          : `${options.store}: already holds these ${formatCount(merged!.length, 'en')} events; ${load.fromSnapshot ? 'restored from its snapshot' : 'read back'} in ${Math.round(load.readMs)} ms`,
      )
    }
    const checks: FigureCheck[] = []
    const events: Partial<Record<SeedName, number>> = {}
    const pages = new Map<Lang, SeedPage[]>(langs.map((l) => [l, []]))
    for (const [k, { seed, seedChecks, reports, source, ms }] of reported.entries()) {
      const seedFacts = facts.get(seed)!
      events[seed] = seedFacts.events
      checks.push(...seedChecks)
      const { differences } = stories[k]!
      const renewals = seedFacts.renewals
      for (const lang of langs) {
        write(seedHeading(ARTICLES[seed], lang))
        write(
          lang === 'en'
            ? `  ${formatCount(seedFacts.events, lang)} events generated in ${Math.round(seedFacts.generatedMs)} ms${fromManifest ? ' by an earlier run' : ''}; reports in ${Math.round(ms)} ms`
            : `  ${formatCount(seedFacts.events, lang)} sự kiện, sinh trong ${Math.round(seedFacts.generatedMs)} ms${fromManifest ? ' ở lần chạy trước' : ''}; báo cáo trong ${Math.round(ms)} ms`,
        )
        for (const { report } of reports.values()) for (const line of reportLines(report, lang)) write(line)
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
        if (options.html !== undefined)
          pages.get(lang)!.push({
            article: ARTICLES[seed],
            reports: [...reports.values()],
            checks: seedChecks,
            story,
            source,
            names: seedFacts.names,
          })
      }
    }
    if (options.html !== undefined) {
      for (const [lang, path] of htmlPaths(options.html, langs)) {
        await writeSeedReportsHtml(path, pages.get(lang)!, lang)
        write(lang === 'en' ? `the reports with their charts: ${path}` : `báo cáo kèm biểu đồ: ${path}`)
      }
    }
    let ok = checks.filter((c) => c.ok).length
    let total = checks.length
    if (reform !== null) {
      const section = await reform.result
      for (const { lines } of section.lines) for (const line of lines) write(line)
      ok += section.reproduced
      total += section.figures
    }
    // English last when it is asked for, so the run ends with "reproduced N of N published figures".
    for (const lang of [...langs].sort((a, b) => (a === 'en' ? 1 : 0) - (b === 'en' ? 1 : 0)))
      write(summaryLine(ok, total, lang))
    return { checks, events, ok: ok === total }
  } finally {
    await (there as WorkerTask<GeneratedThere> | null)?.stop()
  }
}
