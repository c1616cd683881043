/**
 * `@ansinh/example-seed-reports`: deterministic, realistic event histories whose reports reproduce
 * the figures published in the seed articles, the figures themselves, and the check.
 */
export { seedHistory, SEEDS, DEFAULT_SEED, type SeedName, type SeedHistoryOptions } from './history.js'
export { FIGURES, ARTICLES, figuresFor, reproduces, type Figure, type Article, type Measure } from './figures.js'
export {
  checkFigures,
  projectionSource,
  queryOf,
  select,
  memoised,
  type FigureCheck,
  type FigureQuery,
  type ReportSource,
  type AnyReport,
} from './reports.js'
export {
  type EventFacts,
  type KnownAtDifference,
  type LateChange,
  type Renewals,
  explainKnownAt,
  factsOf,
  renewedAfterPublication,
} from './audit.js'
export { Tally, type CoveredParticipant } from './tally.js'
export { runSeedReports, type RunOptions, type RunResult } from './run.js'
