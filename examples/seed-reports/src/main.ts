/**
 * `pnpm start`: prints every seed's reports in English and Vietnamese, ends with
 * "reproduced N of N published figures", and exits with 1 when a figure is not reproduced.
 *
 * Options: `--seed N` (default 2020), `--include-health` (about three million more participants),
 * `--lang en|vi` (default both), `--only SEED` (repeatable: binh-thuan, a-luoi, thuong-tin, hai-phong),
 * `--store URL` (import into `pglite:DIR` or `postgres://…` and compute every report from the store).
 *
 * @module main
 */
import { SEEDS, type SeedName } from './history.js'
import type { Lang } from './print.js'
import { type RunOptions, runSeedReports } from './run.js'

const parse = (argv: readonly string[]): RunOptions | string => {
  let seed: number | undefined
  let includeHealth = false
  const langs: Lang[] = []
  const seeds: SeedName[] = []
  let store: string | undefined
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!
    if (a === '--include-health') includeHealth = true
    else if (a === '--seed' && /^\d+$/.test(argv[i + 1] ?? '')) seed = +argv[++i]!
    else if (a === '--lang' && (argv[i + 1] === 'en' || argv[i + 1] === 'vi')) langs.push(argv[++i] as Lang)
    else if (a === '--store' && argv[i + 1] !== undefined) store = argv[++i]!
    else if (a === '--only' && (SEEDS as readonly string[]).includes(argv[i + 1] ?? '')) seeds.push(argv[++i] as SeedName)
    else return `unknown or incomplete option: ${a} (use --seed N, --include-health, --lang en|vi, --only ${SEEDS.join('|')}, --store pglite:DIR|postgres://…)`
  }
  return { ...(seed === undefined ? {} : { seed }), includeHealth, ...(langs.length ? { langs } : {}), ...(seeds.length ? { seeds } : {}), ...(store === undefined ? {} : { store }) }
}

const options = parse(process.argv.slice(2))
if (typeof options === 'string') {
  process.stderr.write(options + '\n')
  process.exitCode = 2
} else {
  runSeedReports(options, (line) => process.stdout.write(line + '\n')).then(
    (result) => {
      process.exitCode = result.ok ? 0 : 1
    },
    (err: unknown) => {
      process.stderr.write(`seed reports: ${err instanceof Error ? err.message : String(err)}\n`)
      process.exitCode = 3
    },
  )
}
