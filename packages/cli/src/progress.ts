/**
 * Progress on stderr for long work — a bar with the total, the percentage and the time left
 * (cli-progress draws it and estimates the time) — only when the stream is a terminal: never in
 * pipes, CI or tests, which inject their own stream to see it.
 *
 * @module progress
 */
import type CliProgress from 'cli-progress'
import { createRequire } from 'node:module'

/** cli-progress (17 modules), loaded when a bar is first drawn: a pipe or CI never loads it. */
let loaded: typeof CliProgress | null = null
const bars = (): typeof CliProgress => (loaded ??= createRequire(import.meta.url)('cli-progress') as typeof CliProgress)

/** A progress line that rewrites itself; a no-op unless its stream is a TTY. */
export interface Progress {
  /** Whether anything is drawn (callers skip work done only for the bar). */
  readonly active: boolean
  /** `done` of `total` (the total may become known or change on the way; 0 or absent: unknown). */
  update(done: number, total?: number): void
  done(): void
}

/** Where progress is drawn: stderr by default. */
export interface ProgressOptions {
  readonly stream?: NodeJS.WritableStream & { readonly isTTY?: boolean }
  /** The work's size when known at the start (events, bytes). */
  readonly total?: number
  /** How a count is written, e.g. bytes as `12.5 MB`; default: thousands separated. */
  readonly unit?: (n: number) => string
}

const count = (n: number): string => Math.round(n).toLocaleString('en')

/** A byte count as a human reads it: `12.5 MB`. */
export const bytes = (n: number): string =>
  n < 1024
    ? `${n} B`
    : n < 1024 ** 2
      ? `${(n / 1024).toFixed(1)} kB`
      : n < 1024 ** 3
        ? `${(n / 1024 ** 2).toFixed(1)} MB`
        : `${(n / 1024 ** 3).toFixed(2)} GB`

/**
 * The text of one progress line: `what [████░░░░] 40% 4,000/10,000, 12s left` (the time left
 * from the first percent on), or `what: 4,000` while the total is unknown.
 */
export const progressLine = (
  what: string,
  value: number,
  total: number,
  etaSeconds: number,
  bar: string,
  unit: (n: number) => string = count,
): string => {
  if (total <= 0) return `${what}: ${unit(value)}`
  const pct = Math.min(100, Math.floor((value / total) * 100))
  // before the first percent the estimate rests on one or two updates and swings wildly
  const left =
    Number.isFinite(etaSeconds) && value >= total / 100 && value < total
      ? `, ${bars().Format.TimeFormat(etaSeconds, { autopaddingChar: '0' }, 1)} left`
      : ''
  return `${what} [${bar}] ${pct}% ${unit(value)}/${unit(total)}${left}`
}

const NONE: Progress = { active: false, update: () => undefined, done: () => undefined }

/** A progress reporter labelled `what`, redrawn at most ~10 times a second. */
export const progress = (what: string, options: ProgressOptions = {}): Progress => {
  const stream = options.stream ?? process.stderr
  if (stream.isTTY !== true) return NONE
  const unit = options.unit ?? count
  let total = options.total ?? 0
  const bar = new (bars().SingleBar)(
    {
      stream,
      // the time left is estimated over the last 50 updates (about five seconds, see below)
      etaBuffer: 50,
      fps: 10,
      barsize: 24,
      hideCursor: true,
      clearOnComplete: true,
      format: (o, p) => progressLine(what, p.value, p.total, p.eta, bars().Format.BarFormat(p.progress, o), unit),
    },
    bars().Presets.shades_classic,
  )
  bar.start(total, 0)
  let last = 0
  return {
    active: true,
    update(done, newTotal) {
      if (newTotal !== undefined && newTotal !== total) {
        total = newTotal
        bar.setTotal(total)
      }
      // cli-progress keeps its time estimate over its last updates: hand it one every 100 ms
      // (not one per event), so the estimate spans seconds.
      const now = Date.now()
      if (now - last < 100 && done < total) return
      last = now
      bar.update(done)
    },
    done() {
      bar.stop()
    },
  }
}
