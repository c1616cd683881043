/**
 * The bench's command line: `--quick` (a tenth of the full scale, under a minute), `--json` (one
 * JSON object on stdout, nothing else), `--skip-postgres` (no server phases), `--help`.
 *
 * @module options
 */
import { parseArgs as parseArgsOf } from 'node:util'
import { FULL_SCALE, QUICK_SCALE, type ScaleOptions } from './generator.js'

/** How big each phase is. */
export interface BenchPlan {
  readonly quick: boolean
  readonly json: boolean
  readonly postgres: boolean
  /** The large history; the small one is a tenth of it. */
  readonly scale: ScaleOptions
  /** As-of questions per history size. */
  readonly queries: number
  /** Other questions asked first, untimed but for the cold figure (lazily built indexes get built). */
  readonly warmUpQueries: number
  /** Naive-replay questions (each folds the small history again). */
  readonly naiveQueries: number
  /** Known-at cut-offs, and questions per cut-off after the first. */
  readonly knownAtCutoffs: number
  readonly knownAtRepeats: number
  /** Events written as NDJSON and decoded back. */
  readonly ndjsonEvents: number
  /** Events imported into each store and appended to Emmett. */
  readonly importEvents: number
  /** Appends in flight in Emmett's concurrent append run (0: no such run). */
  readonly emmettConcurrency: number
  /** SQL-interval questions. */
  readonly sqlQueries: number
  /** Participants per partition in the partitioned run. */
  readonly partitionParticipants: number
}

/** The help text, printed by `--help` and after a wrong option. */
export const USAGE = `usage: pnpm bench [--quick] [--json] [--skip-postgres]
  --quick          a tenth of the full scale, under a minute
  --json           one JSON object on stdout, nothing else (progress goes to stderr)
  --skip-postgres  no PostgreSQL server phases
  -h, --help       this help
examples:
  pnpm --silent bench --quick --json > quick.json
  pnpm bench --skip-postgres`

/**
 * Reads the arguments with `node:util`'s `parseArgs` (strict: an unknown option is an error);
 * returns the plan, `'help'`, or what is wrong. A leading `--` (as some runners pass) is skipped.
 */
export const parseArgs = (args: readonly string[]): BenchPlan | 'help' | { readonly error: string } => {
  let values
  try {
    ;({ values } = parseArgsOf({
      args: args[0] === '--' ? args.slice(1) : [...args],
      options: {
        quick: { type: 'boolean' },
        json: { type: 'boolean' },
        'skip-postgres': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }))
  } catch (err) {
    return { error: (err as Error).message }
  }
  if (values.help === true) return 'help'
  const quick = values.quick === true
  const json = values.json === true
  const postgres = values['skip-postgres'] !== true
  return quick
    ? {
        quick,
        json,
        postgres,
        scale: QUICK_SCALE,
        queries: 200,
        warmUpQueries: 100,
        naiveQueries: 2,
        knownAtCutoffs: 1,
        knownAtRepeats: 4,
        ndjsonEvents: 50_000,
        importEvents: 5_000,
        emmettConcurrency: 0,
        sqlQueries: 60,
        partitionParticipants: 30_000,
      }
    : {
        quick,
        json,
        postgres,
        scale: FULL_SCALE,
        queries: 200,
        warmUpQueries: 50,
        naiveQueries: 5,
        knownAtCutoffs: 2,
        knownAtRepeats: 9,
        ndjsonEvents: 500_000,
        importEvents: 50_000,
        emmettConcurrency: 8,
        sqlQueries: 500,
        partitionParticipants: 500_000,
      }
}
