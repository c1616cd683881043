/** `@ansinh/projection-coverage`: coverage of a scheme on any date, as known at any instant. */
export { checkedCoverageReport, coverageReport } from './coverage.js'
export type { CoverageChild, CoverageQuery, CoverageReport, CoverageScheme } from './report.js'
export {
  COVERAGE_FIELDS,
  coverageModel,
  coverageRevisions,
  diffCoverage,
  explainCoverage,
  reproduceCoverage,
} from './audit.js'
