/**
 * The three properties every report keeps on the map of a day (geography.md), as one vitest suite
 * a report package declares in a few lines: on histories with reforms (`reformHistory`), the
 * engine equals the naive reference for every reform unit, on the as-of date's map and on later
 * ones; the checked form refuses a map before the as-of date and a unit not on the map, with the
 * spec's message, and otherwise gives the plain report; fed one event at a time it gives the
 * figures of a full rebuild.
 *
 * @module map-properties
 */
import * as E from 'fp-ts/lib/Either.js'
import fc from 'fast-check'
import type { BusinessDate, PositionedEvent } from '@ansinh/core'
import { describe, expect, it } from 'vitest'
import { type GeneratedHistory, REFORM_UNITS, reformDay, reformHistory } from './history/index.js'

/** A question on a map: the as-of date, a scheme, a unit, a cut-off and the map's date. */
export interface MapQuery<S> {
  readonly asOf: BusinessDate
  readonly scheme: S
  readonly unit: string | null
  readonly knownAt: number | null
  readonly geography?: BusinessDate | null
}

/** A report as the map properties see it. */
export interface MapReportUnderTest<M, S, R> {
  /** The report's name, e.g. `planReport`. */
  readonly name: string
  readonly build: (events: readonly PositionedEvent[]) => M
  readonly append: (model: M, e: PositionedEvent) => unknown
  readonly report: (model: M, query: MapQuery<S>) => R
  /** The report or why not (a map before the as-of date, a unit not on the map). */
  readonly checked: (model: M, query: MapQuery<S>) => E.Either<{ readonly _tag: string; readonly message: string }, R>
  readonly reference: (events: readonly PositionedEvent[], query: MapQuery<S>) => R
  /** The schemes worth asking. */
  readonly scheme: fc.Arbitrary<S>
}

/** The day `n` days after `d` (n may be negative). */
export const plusDays = (d: BusinessDate, n: number): BusinessDate =>
  new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10) as BusinessDate

/** Questions of a reform history: a day near its reforms, a scheme, a later map or none, a cut-off. */
export const mapQueries = <S>(h: GeneratedHistory, scheme: fc.Arbitrary<S>) =>
  fc.array(
    fc.record({
      asOf: reformDay(h),
      scheme,
      later: fc.option(fc.integer({ min: 0, max: 800 }), { nil: null }),
      knownAt: fc.option(fc.integer({ min: Date.UTC(h.years.from, 0, 1), max: Date.UTC(h.years.to + 1, 0, 1) }), {
        nil: null,
      }),
    }),
    { minLength: 1, maxLength: 3 },
  )

/** A reform history with one to three questions of it. */
export const mapCases = <S>(scheme: fc.Arbitrary<S>) =>
  reformHistory().chain((h) => mapQueries(h, scheme).map((qs) => ({ h, qs })))

/** Declares `describe('<name> on the map of a day (properties)')` with the three properties. */
export const describeMapProperties = <M, S, R>(r: MapReportUnderTest<M, S, R>): void => {
  describe(`${r.name} on the map of a day (properties)`, () => {
    it('equals the naive reference on histories with merges, moves, dissolutions and id links, on every unit and on later maps', () => {
      fc.assert(
        fc.property(mapCases(r.scheme), ({ h, qs }) => {
          const model = r.build(h.positioned)
          for (const q of qs) {
            const geography = q.later === null ? null : plusDays(q.asOf, q.later)
            for (const unit of [null, ...REFORM_UNITS]) {
              const query = { asOf: q.asOf, scheme: q.scheme, unit, knownAt: q.knownAt, geography }
              expect(r.report(model, query)).toEqual(r.reference(h.positioned, query))
            }
          }
        }),
        { numRuns: 120 },
      )
    })

    it('refuses, as an error value, a map before the as-of date and a unit that does not exist on the map; otherwise gives the plain report', () => {
      fc.assert(
        fc.property(mapCases(r.scheme), ({ h, qs }) => {
          const model = r.build(h.positioned)
          for (const q of qs) {
            const before = r.checked(model, {
              asOf: q.asOf,
              scheme: q.scheme,
              unit: null,
              knownAt: null,
              geography: plusDays(q.asOf, -1),
            })
            expect(E.isLeft(before) && before.left._tag).toBe('GeographyBeforeAsOf')
            for (const unit of REFORM_UNITS) {
              const query = { asOf: q.asOf, scheme: q.scheme, unit, knownAt: q.knownAt }
              const checked = r.checked(model, query)
              if (E.isRight(checked)) expect(checked.right).toEqual(r.report(model, query))
              else
                expect(checked.left.message).toMatch(
                  new RegExp(
                    `^unit ${unit} does not exist on ${q.asOf}: (dissolved on \\d{4}-\\d{2}-\\d{2} into \\d+|established only on \\d{4}-\\d{2}-\\d{2})$`,
                  ),
                )
            }
          }
        }),
        { numRuns: 60 },
      )
    })

    it('gives the same figures when fed one event at a time as after a full rebuild', () => {
      fc.assert(
        fc.property(mapCases(r.scheme), ({ h, qs }) => {
          const incremental = r.build([])
          const q = { asOf: qs[0]!.asOf, scheme: qs[0]!.scheme, unit: '31', knownAt: qs[0]!.knownAt }
          for (const e of h.positioned) {
            r.append(incremental, e)
            r.report(incremental, q)
          }
          expect(r.report(incremental, q)).toEqual(r.report(r.build(h.positioned), q))
        }),
        { numRuns: 60 },
      )
    })
  })
}
