/**
 * What explain answers: the records one figure is made of, or for a figure computed from others
 * (a ratio, a difference) the explanations of its parts. `count` is what the records add up to —
 * how many participants, the target in force, the sum of what is outstanding — and always equals
 * `value`: explain is checked against the report it explains.
 *
 * @module audit/explanation
 */

/** The kinds of records an explanation lists. */
export type RecordKind = 'participants' | 'quotas' | 'estimates' | 'debts' | 'credits' | 'children'

/** The records behind one figure. */
export interface RecordList<R = unknown> {
  readonly kind: 'records'
  readonly records: RecordKind
  /** The figure as the report gives it. */
  readonly value: number | null
  /** What the records add up to (equals `value`). */
  readonly count: number | null
  /** How many records. */
  readonly size: number
  /** The records, built as they are read. */
  readonly list: () => Iterable<R>
}

/** A figure computed from others, e.g. `achievement = participants / target`. */
export interface Formula {
  readonly kind: 'formula'
  /** The formula in words: `numerator / denominator`, `a − b`, `max(0, target − participants)`. */
  readonly formula: string
  readonly value: number | null
  /** The formula applied to the parts' counts (equals `value`). */
  readonly count: number | null
  readonly parts: Readonly<Record<string, Explanation>>
}

/** The explanation of a figure. */
export type Explanation = RecordList | Formula

/** Why a field cannot be explained. */
export interface NotAFigure {
  readonly _tag: 'NotAFigure'
  readonly field: string
  readonly message: string
}

/** A list explanation. */
export const recordList = <R>(
  records: RecordKind,
  value: number | null,
  count: number | null,
  size: number,
  list: () => Iterable<R>,
): RecordList<R> => ({
  kind: 'records',
  records,
  value,
  count,
  size,
  list,
})

/** A formula explanation; `combine` is applied to the parts' counts. */
export const formula = (
  text: string,
  value: number | null,
  parts: Readonly<Record<string, Explanation>>,
  combine: (counts: Readonly<Record<string, number | null>>) => number | null,
): Formula => ({
  kind: 'formula',
  formula: text,
  value,
  count: combine(Object.fromEntries(Object.entries(parts).map(([k, e]) => [k, e.count]))),
  parts,
})

/** `a / b`, null when b is null or 0 (as report ratios). */
export const ratioOf = (a: number | null, b: number | null): number | null =>
  a === null || b === null || b === 0 ? null : a / b

/**
 * The JSON of an explanation: `{report, field, value, count, records}` for a list, `{…, formula,
 * parts: {name: …}}` for a formula (every record built: for a stream, read `list()` instead).
 */
export const explanationJson = (report: string, field: string, e: Explanation): Record<string, unknown> => {
  const body = (x: Explanation): Record<string, unknown> =>
    x.kind === 'records'
      ? { value: x.value, count: x.count, records: [...x.list()] }
      : {
          formula: x.formula,
          value: x.value,
          count: x.count,
          parts: Object.fromEntries(Object.entries(x.parts).map(([k, p]) => [k, body(p)])),
        }
  return { report, field, ...body(e) }
}

/** Every record list of an explanation with the path of parts leading to it (`''`: the figure itself). */
export const recordLists = function* (
  e: Explanation,
  path = '',
): Generator<{ readonly part: string; readonly list: RecordList }> {
  if (e.kind === 'records') yield { part: path, list: e }
  else for (const [k, p] of Object.entries(e.parts)) yield* recordLists(p, path === '' ? k : `${path}.${k}`)
}
