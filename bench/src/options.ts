/**
 * The bench's command line: `--quick` (a tenth of the full scale, under a minute), `--json` (one
 * JSON object on stdout, nothing else), `--skip-postgres` (no server phases).
 *
 * @module options
 */
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
  /** Naive-replay questions (each folds the small history again). */
  readonly naiveQueries: number
  /** Known-at cut-offs, and questions per cut-off after the first. */
  readonly knownAtCutoffs: number
  readonly knownAtRepeats: number
  /** Events written as NDJSON and decoded back. */
  readonly ndjsonEvents: number
  /** Events imported into each store and appended to Emmett. */
  readonly importEvents: number
  /** SQL-interval questions. */
  readonly sqlQueries: number
  /** Participants per partition in the partitioned run. */
  readonly partitionParticipants: number
}

/** Reads the arguments. */
export const parseArgs = (args: readonly string[]): BenchPlan => {
  const quick = args.includes('--quick')
  const json = args.includes('--json')
  const postgres = !args.includes('--skip-postgres')
  return quick
    ? { quick, json, postgres, scale: QUICK_SCALE, queries: 1000, naiveQueries: 3, knownAtCutoffs: 3, knownAtRepeats: 9, ndjsonEvents: 200_000, importEvents: 10_000, sqlQueries: 200, partitionParticipants: 100_000 }
    : { quick, json, postgres, scale: FULL_SCALE, queries: 5000, naiveQueries: 10, knownAtCutoffs: 8, knownAtRepeats: 19, ndjsonEvents: 2_000_000, importEvents: 1_000_000, sqlQueries: 1000, partitionParticipants: 1_000_000 }
}
