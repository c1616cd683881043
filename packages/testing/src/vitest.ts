/**
 * `@ansinh/testing/vitest`: the laws as a vitest suite, one test per law, e.g.
 * `describeProjectionLaws(myProjection, { queries })`.
 *
 * @module vitest
 */
import fc from 'fast-check'
import { describe, it } from 'vitest'
import { type LawOptions, type Projection, projectionLaws } from './laws.js'

/** Declares a `describe` block named after the projection with one `it` per law that applies. */
export const describeProjectionLaws = <Model, Query, Answer>(
  p: Projection<Model, Query, Answer>,
  options: LawOptions<Query>,
): void => {
  describe(`${p.name} obeys the projection laws`, () => {
    for (const [name, property] of Object.entries(projectionLaws(p, options))) {
      it(name, () => fc.assert(property!, { numRuns: options.numRuns ?? 100 }))
    }
  })
}
export {
  describeReportProperties,
  reportCases,
  type ReportPropertyOptions,
  type ReportUnderTest,
} from './report-properties.js'
export {
  describeMapProperties,
  mapCases,
  mapQueries,
  type MapQuery,
  type MapReportUnderTest,
  plusDays,
} from './map-properties.js'
export {
  addsUp,
  checkDiff,
  checkExplains,
  checkExplanation,
  checkTriangle,
  checkReproduces,
  INTACT_CHAIN,
  refusalOf,
  type CheckedDelta,
  type CheckedExplanation,
  type CheckedFieldDelta,
  type CheckedTriangle,
  idsOf,
} from './audit-checks.js'
