/**
 * The reform section of `pnpm start`, computed on a worker thread. The section shares nothing
 * with the seed reports (its own history, its own reports), so the seed reports' process runs it
 * on its second core while the main thread generates, restores and reports the seeds (on the
 * main thread it took 1.2 s of an 8 s second run on a 2-core machine). The worker posts back its
 * lines, not the run: the history it generated dies with it.
 *
 * @module section
 */
import type { ReformOptions } from './history.js'
import { type Lang, reformLines } from './print.js'
import type { ReformRun } from './reform.js'
import { type WorkerTask, workerTask } from './worker-task.js'

/** What the seed reports print of the reform, and how many of its figures are reproduced. */
export interface ReformSection {
  /** The lines of each language asked for, in the order asked. */
  readonly lines: ReadonlyArray<{ readonly lang: Lang; readonly lines: readonly string[] }>
  readonly reproduced: number
  readonly figures: number
}

/** The section of a run, in `langs`. */
export const reformSection = (run: ReformRun, langs: readonly Lang[]): ReformSection => ({
  lines: langs.map((lang) => ({ lang, lines: reformLines(run, lang) })),
  reproduced: run.figures.filter((f) => f.ok).length,
  figures: run.figures.length,
})

/** What the worker is started with. */
export interface SectionRequest {
  readonly options: ReformOptions
  readonly langs: readonly Lang[]
}

/**
 * Starts computing the section on a worker thread: the compiled `section-worker.js` of this
 * package (`dist/`), found from here in `src/` (tests) and in `dist/` alike (`tsc -b` must have
 * run, as before every test run of the workspace).
 */
export const reformSectionInWorker = (request: SectionRequest): WorkerTask<ReformSection> =>
  workerTask(new URL('../dist/section-worker.js', import.meta.url), request)
