/**
 * `pnpm start`: prints every seed's reports in English and Vietnamese, ends with
 * "reproduced N of N published figures", and exits with 1 when a figure is not reproduced.
 *
 * Options: `--seed N` (default 2020), `--include-health` (about three million more participants),
 * `--lang en|vi` (default both), `--only SEED` (repeatable: binh-thuan, a-luoi, thuong-tin, hai-phong),
 * `--store URL` (import into `pglite:DIR` or `postgres://…` and compute every report from the store),
 * `--html FILE` (the page of every report with its charts, default `out/seed-reports.html`), `--help`. Progress of each phase is drawn on stderr when it is a terminal.
 *
 * @module main
 */
import { USAGE, parseOptions } from './options.js'
import { DEFAULT_HTML, runSeedReports } from './run.js'

const options = parseOptions(process.argv.slice(2))
if (options === 'help') {
  process.stdout.write(USAGE + '\n')
} else if ('error' in options) {
  process.stderr.write(`seed reports: ${options.error}\n${USAGE}\n`)
  process.exitCode = 2
} else {
  runSeedReports({ html: DEFAULT_HTML, ...options }, (line) => process.stdout.write(line + '\n')).then(
    (result) => {
      process.exitCode = result.ok ? 0 : 1
    },
    (err: unknown) => {
      process.stderr.write(`seed reports: ${err instanceof Error ? err.message : String(err)}\n`)
      process.exitCode = 3
    },
  )
}
