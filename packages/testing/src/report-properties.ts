/**
 * The three properties every report's engine must keep against its naive reference, as one vitest
 * suite a report package declares in a few lines (its own `*.prop.spec.ts` adds the laws between
 * its own figures):
 *
 * - it equals the reference on random dense histories, queries and known-at cut-offs, for every
 *   unit of the dense tree (a tie-break shows only in the right subtree);
 * - fed one event at a time and asked in between, it gives the figures of a full rebuild;
 * - it does not depend on the order events come in when no tie-break applies.
 *
 * @module report-properties
 */
import fc from 'fast-check'
import type { PositionedEvent, UnitCode } from '@ansinh/core'
import { describe, expect, it } from 'vitest'
import {
  DENSE_UNITS,
  denseHistory,
  type DenseHistoryOptions,
  type GeneratedHistory,
  permutation,
  reorder,
} from './history/index.js'

/** A report as its properties see it: a model built from events, and the naive reference. */
export interface ReportUnderTest<
  M,
  Q extends { readonly unit?: string | null },
  R extends { readonly basis: { readonly events: number } },
> {
  /** The report's name, e.g. `planReport`. */
  readonly name: string
  /** Builds the model the report reads, e.g. `History.of`. */
  readonly build: (events: readonly PositionedEvent[]) => M
  /** Appends one event to the model (positions increasing). */
  readonly append: (model: M, e: PositionedEvent) => unknown
  /** The report under test. */
  readonly report: (model: M, query: Q) => R
  /** The naive reference, straight from the definitions, over the events. */
  readonly reference: (events: readonly PositionedEvent[], query: Q) => R
  /** The queries worth asking of a history (the unit is replaced by each of `units`). */
  readonly query: (h: GeneratedHistory) => fc.Arbitrary<Q>
}

/** Options of {@link describeReportProperties}. */
export interface ReportPropertyOptions {
  /** Further history families the reference comparison runs on, by what they stress. */
  readonly histories?: Readonly<Record<string, fc.Arbitrary<GeneratedHistory>>>
  /** The units each query is asked for (default: national and every dense unit). */
  readonly units?: readonly (UnitCode | null)[]
  /** Runs of the reference comparison (default 200; the others run 150 and 200). */
  readonly numRuns?: number
  /**
   * false: the report has a tie-break `ties: false` histories do not avoid (e.g. coverage of scheme
   * `any`: one person's enrolments under two schemes from the same day), so order independence is not
   * one of its properties and is not declared.
   */
  readonly orderIndependent?: boolean
  /** The dense histories all three properties draw (e.g. `{ focus: 'money' }`); default: `denseHistory()`. */
  readonly dense?: Omit<DenseHistoryOptions, 'ties'>
}

/** A history with one to `max` queries of it. */
export const reportCases = <Q>(
  histories: fc.Arbitrary<GeneratedHistory>,
  query: (h: GeneratedHistory) => fc.Arbitrary<Q>,
  max = 3,
): fc.Arbitrary<{ readonly events: readonly PositionedEvent[]; readonly queries: readonly Q[] }> =>
  histories.chain((h) =>
    fc.array(query(h), { minLength: 1, maxLength: max }).map((queries) => ({ events: h.positioned, queries })),
  )

/**
 * Declares `describe('<name> (properties)')` with the three properties, e.g.
 * `describeReportProperties({ name: 'planReport', build: History.of, append: (h, e) => h.append(e), report: planReport, reference: referencePlanReport, query })`.
 */
export const describeReportProperties = <
  M,
  Q extends { readonly unit?: string | null },
  R extends { readonly basis: { readonly events: number } },
>(
  r: ReportUnderTest<M, Q, R>,
  /**
   * `restore`: a model saved and restored (e.g. through a snapshot); when given, a fourth property
   * holds that the restored model gives the figures of the one it was saved from.
   */
  options: ReportPropertyOptions & { readonly restore?: (model: M) => M } = {},
): void => {
  const units = options.units ?? [null, ...DENSE_UNITS]
  const dense = options.dense ?? {}
  const families: Record<string, fc.Arbitrary<GeneratedHistory>> = {
    'random histories, queries, units and cut-offs': denseHistory(dense),
    ...options.histories,
  }
  describe(`${r.name} (properties)`, () => {
    for (const [family, histories] of Object.entries(families)) {
      it(`equals the naive reference on ${family}`, () => {
        fc.assert(
          fc.property(reportCases(histories, r.query), ({ events, queries }) => {
            const model = r.build(events)
            for (const q of queries.slice(0, 2))
              for (const unit of units)
                expect(r.report(model, { ...q, unit })).toEqual(r.reference(events, { ...q, unit }))
          }),
          { numRuns: options.numRuns ?? 200 },
        )
      })
    }

    it('gives the same figures when fed one event at a time, queried in between, as after a full rebuild', () => {
      fc.assert(
        fc.property(reportCases(denseHistory(dense), r.query), ({ events, queries }) => {
          const incremental = r.build([])
          for (const e of events) {
            r.append(incremental, e)
            r.report(incremental, queries[0]!)
          }
          const full = r.build(events)
          for (const q of queries) expect(r.report(incremental, q)).toEqual(r.report(full, q))
        }),
        { numRuns: 150 },
      )
    })

    const restore = options.restore
    if (restore !== undefined) {
      it('gives the same figures after the model is saved and restored', () => {
        fc.assert(
          fc.property(reportCases(denseHistory(dense), r.query), ({ events, queries }) => {
            const full = r.build(events)
            const restored = restore(full)
            for (const q of queries) expect(r.report(restored, q)).toEqual(r.report(full, q))
          }),
          { numRuns: 150 },
        )
      })
    }

    if (options.orderIndependent !== false)
      it('does not depend on the order of events when no tie-break applies', () => {
        fc.assert(
          fc.property(
            reportCases(denseHistory({ ...dense, ties: false }), r.query).chain((c) =>
              permutation(c.events.length).map((order) => ({ ...c, order })),
            ),
            ({ events, queries, order }) => {
              const a = r.build(events)
              const b = r.build(reorder(events, order))
              for (const q of queries) {
                const { basis: ba, ...ra } = r.report(a, q)
                const { basis: bb, ...rb } = r.report(b, q)
                expect(rb).toEqual(ra)
                expect(bb.events).toBe(ba.events)
              }
            },
          ),
          { numRuns: 200 },
        )
      })
  })
}
