/**
 * The reform section of `pnpm start`, computed on a worker thread. The section shares nothing
 * with the seed reports (its own history, its own reports), so the seed reports' process runs it
 * on its second core while the main thread generates, restores and reports the seeds: it costs
 * the run no wall time of its own (1.2 s of a 7 s second run, measured on this example's 2-core
 * machine, before it moved here). The worker posts back its lines, not the run: the history it
 * generated dies with it.
 *
 * @module section
 */
import { Worker } from 'node:worker_threads'
import type { ReformOptions } from './history.js'
import { type Lang, reformLines } from './print.js'
import type { ReformRun } from './reform.js'

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

/** A section being computed on a worker thread. */
export interface PendingSection {
  /** The section; rejects with the worker's error. */
  readonly section: Promise<ReformSection>
  /** Stops the worker if it is still running (the section is then never settled by it). */
  readonly stop: () => Promise<void>
}

/**
 * Starts computing the section on a worker thread. The worker is the compiled `section-worker.js`
 * of this package (`dist/`), found from here in `src/` (tests) and in `dist/` alike: `tsc -b` must
 * have run, as before every test run of the workspace.
 */
export const reformSectionInWorker = (request: SectionRequest): PendingSection => {
  // compiled code, resolved as plain Node resolves it: not with the conditions this process may have
  // been started with (a test runner resolves the workspace packages to their TypeScript sources)
  const worker = new Worker(new URL('../dist/section-worker.js', import.meta.url), {
    workerData: request,
    execArgv: [],
  })
  let settled = false
  const section = new Promise<ReformSection>((resolve, reject) => {
    worker.once('message', (s: ReformSection) => {
      settled = true
      resolve(s)
    })
    worker.once('error', (err) => {
      settled = true
      reject(err)
    })
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`the reform section's worker stopped (exit code ${code}) before it answered`))
    })
  })
  // a run that fails before it awaits the section must not also report an unhandled rejection
  section.catch(() => undefined)
  return {
    section,
    stop: async () => {
      settled = true
      await worker.terminate()
    },
  }
}
