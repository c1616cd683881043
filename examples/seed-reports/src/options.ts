/**
 * `pnpm start`'s command line, read by `node:util`'s `parseArgs` (strict: an unknown option or a
 * missing value is an error naming it).
 *
 * @module options
 */
import { parseArgs } from 'node:util'
import { SEEDS, type SeedName } from './history.js'
import type { Lang } from './print.js'
import type { RunOptions } from './run.js'

/** The help text, printed by `--help` and after a wrong option. */
export const USAGE = `usage: node examples/seed-reports/dist/main.js [options]   (pnpm start adds --store pglite:.ansinh/store)
  --seed N            another deterministic history (default 2020); the published figures stay the same
  --include-health    add health insurance (about three million more participants)
  --lang en|vi        one language (repeatable; default both)
  --only SEED         one seed (repeatable): ${SEEDS.join(', ')}
  --store URL         import into pglite:DIR or postgres://… and compute every report from the store
  --html FILE         the HTML page of every report with its charts (default out/seed-reports.html)
  --with-reform       end with the 2025 reform section (examples/reform-2025: An Giang across the merger)
  -h, --help          this help
examples:
  node examples/seed-reports/dist/main.js --lang vi --only a-luoi
  node examples/seed-reports/dist/main.js --seed 7 --only binh-thuan --only hai-phong`

/** The run's options, `'help'`, or what is wrong. */
export const parseOptions = (argv: readonly string[]): RunOptions | 'help' | { readonly error: string } => {
  let values
  try {
    ;({ values } = parseArgs({
      args: [...argv],
      options: {
        seed: { type: 'string' },
        'include-health': { type: 'boolean' },
        lang: { type: 'string', multiple: true },
        only: { type: 'string', multiple: true },
        store: { type: 'string' },
        html: { type: 'string' },
        'with-reform': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }))
  } catch (err) {
    return { error: (err as Error).message }
  }
  if (values.help === true) return 'help'
  if (values.seed !== undefined && !/^\d+$/.test(values.seed))
    return { error: `--seed: not a whole number (got "${values.seed}")` }
  const langs = values.lang ?? []
  const bad = langs.find((l) => l !== 'en' && l !== 'vi')
  if (bad !== undefined) return { error: `--lang: one of en, vi (got "${bad}")` }
  const seeds = values.only ?? []
  const unknown = seeds.find((s) => !(SEEDS as readonly string[]).includes(s))
  if (unknown !== undefined) return { error: `--only: one of ${SEEDS.join(', ')} (got "${unknown}")` }
  return {
    ...(values.seed === undefined ? {} : { seed: +values.seed }),
    includeHealth: values['include-health'] === true,
    ...(langs.length ? { langs: langs as Lang[] } : {}),
    ...(seeds.length ? { seeds: seeds as SeedName[] } : {}),
    ...(values.store === undefined ? {} : { store: values.store }),
    ...(values.html === undefined ? {} : { html: values.html }),
    ...(values['with-reform'] === true ? { reform: true } : {}),
  }
}
