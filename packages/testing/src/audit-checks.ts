/**
 * What every report's audit properties check of an explanation and of a diff (audit.md), shared
 * by the report packages' `audit.prop.spec.ts`. The shapes are the audit machinery's
 * (`Explanation`, `FieldDelta` of `@ansinh/projection`), named here by structure so the kit does
 * not depend on the engine.
 *
 * @module audit-checks
 */
import type { PositionedEvent } from '@ansinh/core'
import * as E from 'fp-ts/lib/Either.js'
import { expect } from 'vitest'

/** An explanation as the checks read it: a record list, or a formula over parts. */
export type CheckedExplanation =
  | {
      readonly kind: 'records'
      readonly count: unknown
      readonly value: unknown
      readonly size: number
      list(): Iterable<unknown>
    }
  | {
      readonly kind: 'formula'
      readonly count: unknown
      readonly value: unknown
      readonly parts: Readonly<Record<string, CheckedExplanation>>
    }

/** A field's delta as the checks read it. */
export interface CheckedDelta {
  readonly delta: number | null
  readonly causes: ReadonlyArray<{
    readonly total: number | null
    readonly records: ReadonlyArray<{ readonly contribution: number | null }>
  }>
}

/** The event id at each position of `events` (what a store or file gives an audit). */
export const idsOf = (events: readonly PositionedEvent[]): ((position: number) => string) => {
  const byPosition = new Map(events.map((e) => [e.position, e.event.id]))
  return (p: number): string => byPosition.get(p)!
}

// The checks below gather what they compare and assert once: a property run checks thousands of
// cells, and one `expect` per cell costs more than the reports it checks. A failure still shows
// every cell that differs, each named by its place.

/** Every record list adds up to its figure, and every formula applied to its parts' counts gives the figure. */
export const checkExplanation = (e: CheckedExplanation): void => {
  const got: unknown[] = []
  const want: unknown[] = []
  const walk = (x: CheckedExplanation, path: string): void => {
    got.push({ path, count: x.count })
    want.push({ path, count: x.value })
    if (x.kind === 'records') {
      got.push({ path, listed: [...x.list()].length })
      want.push({ path, listed: x.size })
    } else for (const [name, part] of Object.entries(x.parts)) walk(part, `${path}.${name}`)
  }
  walk(e, 'figure')
  expect(got).toEqual(want)
}

/**
 * The records of each cause add up to the cause's total, and the causes to the field's delta. A
 * record that left the field null (a ratio whose denominator went to 0) contributes nothing.
 */
export const addsUp = (d: CheckedDelta): void => {
  expect(d.delta).not.toBeNull()
  const off: unknown[] = []
  let sum = 0
  d.causes.forEach((c, i) => {
    let total = 0
    for (const r of c.records) total += r.contribution ?? 0
    // toBeCloseTo(_, 9): within 5e-10
    if (c.total === null || !(Math.abs(c.total - total) < 5e-10)) off.push({ cause: i, total: c.total, records: total })
    sum += c.total ?? 0
  })
  expect(off, "causes whose records do not add up to the cause's total").toEqual([])
  if (Number.isInteger(d.delta)) expect(sum).toBe(d.delta)
  else expect(sum).toBeCloseTo(d.delta!, 9)
}

/** A revision triangle as the checks read it: a row per as-of day, a cell per knowledge time. */
export interface CheckedTriangle<D extends string> {
  readonly knownAt: readonly unknown[]
  readonly rows: ReadonlyArray<{ readonly asOf: D; readonly cells: readonly unknown[] }>
}

/**
 * Every cell of the triangle is the figure as known at the end of its column's day (`cutOf` gives
 * that instant; the last column is now, `null`), and null left of its row's own column.
 */
export const checkTriangle = <D extends string>(
  t: CheckedTriangle<D>,
  field: string,
  cutOf: (asOf: D) => number,
  figureAt: (asOf: D, knownAt: number | null) => unknown,
): void => {
  const got: unknown[] = []
  const want: unknown[] = []
  t.rows.forEach((row, r) => {
    row.cells.forEach((cell, j) => {
      const knownAt = j === t.knownAt.length - 1 ? null : cutOf(t.rows[j]!.asOf)
      got.push([row.asOf, j, cell])
      want.push([row.asOf, j, j < r ? null : figureAt(row.asOf, knownAt)])
    })
  })
  expect(got, `${field}: [as-of, column, cell]`).toEqual(want)
}

/**
 * Each of `fields` explained by `explain`: its value is the report's figure (`figures`), and it
 * adds up ({@link checkExplanation}). A refusal fails naming the field and the error's tag.
 */
export const checkExplains = (
  figures: ReadonlyMap<string, unknown>,
  fields: Iterable<string>,
  explain: (field: string) => E.Either<{ readonly _tag: string }, CheckedExplanation>,
): void => {
  const got: unknown[] = []
  const want: unknown[] = []
  for (const field of fields) {
    const e = explain(field)
    if (E.isLeft(e)) throw new Error(`${field}: ${e.left._tag}`)
    got.push([field, e.right.value])
    want.push([field, figures.get(field)])
    checkExplanation(e.right)
  }
  expect(got, '[field, explained value]').toEqual(want)
}

/** A field of a diff as the checks read it: both sides and the delta's causes. */
export interface CheckedFieldDelta extends CheckedDelta {
  readonly field: string
  readonly before: unknown
  readonly after: unknown
}

/**
 * A diff between the reports whose figures are `before` and `after`: it names exactly the fields
 * that differ (a field a report lacks is `missing(field)`: null, or e.g. 0 for a debt's employer
 * lines), gives both sides as the reports do, and its causes add up wherever both are figures.
 */
export const checkDiff = (
  fields: readonly CheckedFieldDelta[],
  before: ReadonlyMap<string, unknown>,
  after: ReadonlyMap<string, unknown>,
  missing: (field: string) => unknown = () => null,
): void => {
  const differing = [...new Set([...before.keys(), ...after.keys()])].filter(
    (f) => (before.get(f) ?? missing(f)) !== (after.get(f) ?? missing(f)),
  )
  expect(fields.map((f) => f.field).sort()).toEqual(differing.sort())
  for (const f of fields) {
    expect(f.before).toEqual(before.get(f.field) ?? missing(f.field))
    expect(f.after).toEqual(after.get(f.field) ?? missing(f.field))
    if (f.before !== null && f.after !== null) addsUp(f)
  }
}

/** A refusal as one line, `Tag: message`, to compare in full; `explained` when the answer is not one. */
export const refusalOf = (answer: E.Either<{ readonly _tag: string; readonly message: string }, unknown>): string =>
  E.isLeft(answer) ? `${answer.left._tag}: ${answer.left.message}` : 'explained'

/** The chain evidence of an intact store holding nothing after the report. */
export const INTACT_CHAIN = { broken: null, hashAtLast: null, after: [] } as const

/**
 * Checks a report's `reproduce…` (audit.md) against one of its reports saved as `--format json`
 * writes it, with an intact chain: the file is reproduced at `lastPosition`; with `field` edited
 * to `edited` it differs by that field alone (recomputed: the saved value); renamed to report
 * `other` it is refused, naming `report`; a file that is not an object is refused, naming the root.
 */
export const checkReproduces = (
  reproduce: (saved: unknown, evidence: typeof INTACT_CHAIN) => E.Either<unknown, unknown>,
  saved: object,
  o: {
    readonly name: string
    readonly other: string
    readonly lastPosition: number
    readonly field: string
    readonly edited: number
  },
): void => {
  const file = JSON.parse(JSON.stringify(saved)) as Record<string, unknown>
  expect(reproduce(file, INTACT_CHAIN)).toEqual(
    E.right({ outcome: 'reproduced', lastPosition: o.lastPosition, hash: null }),
  )
  expect(reproduce({ ...file, [o.field]: o.edited }, INTACT_CHAIN)).toEqual(
    E.right({ outcome: 'differs', fields: [{ field: o.field, saved: o.edited, recomputed: file[o.field] }] }),
  )
  expect(reproduce({ ...file, report: o.other }, INTACT_CHAIN)).toEqual(
    E.left({ _tag: 'NotAReport', field: 'report', message: `not a ${o.name} report (got "${o.other}")` }),
  )
  expect(reproduce([file], INTACT_CHAIN)).toMatchObject(E.left({ _tag: 'NotAReport', field: '' }))
}
