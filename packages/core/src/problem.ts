/**
 * What is wrong with an input: the field path, what is wrong, and the value received.
 * Every decoder and every write rule reports problems in this one shape.
 *
 * @module problem
 */

/** One thing wrong with an input, e.g. `{ path: 'data.coveredFrom', message: 'not a real calendar day', value: '2023-02-30' }`. */
export interface Problem {
  /** Dotted path to the field, e.g. `data.participantId`; empty for the whole value. */
  readonly path: string
  /** What is wrong, in a few words. */
  readonly message: string
  /** The value received; `undefined` when the field is missing. */
  readonly value: unknown
}

/** Builds a problem. */
export const problem = (path: string, message: string, value: unknown): Problem => ({ path, message, value })

const MAX_SHOWN = 120

/** Renders a received value for an error line: JSON, cut to 120 characters; `nothing` when missing. */
export const showValue = (value: unknown): string => {
  if (value === undefined) return 'nothing'
  let s: string
  try {
    s = JSON.stringify(value) ?? String(value)
  } catch {
    s = String(value)
  }
  return s.length > MAX_SHOWN ? s.slice(0, MAX_SHOWN - 1) + '…' : s
}

/** `path: message (got VALUE)` — the problem as one line, without its file and line number. */
export const formatProblem = (p: Problem): string =>
  `${p.path === '' ? '(line)' : p.path}: ${p.message} (got ${showValue(p.value)})`
