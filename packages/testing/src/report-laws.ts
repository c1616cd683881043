/**
 * The pieces every report's law instance shares (each report package holds its own instance in its
 * `*.laws.prop.spec.ts`): the units worth asking about, the children queries of additivity, and an
 * append that insists on position order.
 *
 * @module report-laws
 */
import fc from 'fast-check'
import * as E from 'fp-ts/lib/Either.js'
import type { BusinessDate, PositionedEvent, Scheme, UnitCode } from '@ansinh/core'
import type { GeneratedHistory } from './history/index.js'
import type { Projection } from './laws.js'

/** Every unit a generated history establishes, and null (the national report). */
export const unitOrNational = (h: GeneratedHistory): fc.Arbitrary<UnitCode | null> =>
  fc.constantFrom<UnitCode | null>(null, ...h.units.provinces, ...h.units.districts, ...h.units.communes)

/** Children queries: the parts of a report with children; null for a leaf, which counts its own. */
export const childQueries = <Q extends { readonly unit?: string | null }>(
  q: Q,
  children: ReadonlyArray<{ readonly unit: string }>,
): Q[] | null => (children.length === 0 ? null : children.map((c) => ({ ...q, unit: c.unit })))

/**
 * A projection's `append` from a model's own, which refuses a position out of order, e.g.
 * `appendInOrder((h: History, e) => h.append(e))`. The laws append in position order; a refusal is
 * a bug of the law, not of the projection, so it throws.
 */
export const appendInOrder =
  <M>(append: (model: M, e: PositionedEvent) => E.Either<{ readonly lastPosition: number | null }, unknown>) =>
  (model: M, e: PositionedEvent): M => {
    const appended = append(model, e)
    if (E.isLeft(appended)) throw new Error(`position ${e.position} appended after ${appended.left.lastPosition}`)
    return model
  }

/**
 * The law instance of a report that counts participants in a unit and its children (coverage,
 * plan): built and appended by the model's own functions, additive over its children, and counted
 * against the plain oracle. E.g. `participantReport('planReport', { build: History.of, append:
 * (h, e) => h.append(e) }, (h, q, knownAt) => planReport(h, { ...q, knownAt }))`.
 */
export const participantReport = <
  M,
  Q extends { readonly scheme: Scheme; readonly asOf: BusinessDate; readonly unit?: string | null },
  A extends { readonly participants: number; readonly children: ReadonlyArray<{ readonly unit: string }> },
>(
  name: string,
  model: {
    readonly build: (events: readonly PositionedEvent[]) => M
    readonly append: (model: M, e: PositionedEvent) => E.Either<{ readonly lastPosition: number | null }, unknown>
  },
  answer: (model: M, query: Q, knownAt: number | null) => A,
): Projection<M, Q, A> => ({
  name,
  build: model.build,
  append: appendInOrder(model.append),
  answer,
  additivity: { measure: (a) => a.participants, parts: (q, a) => childQueries(q, a.children) },
  counting: {
    scheme: (q) => q.scheme,
    asOf: (q) => q.asOf,
    selects: (e, q, inUnit) => inUnit(e.unit, q.unit ?? null),
    count: (a) => a.participants,
  },
})
