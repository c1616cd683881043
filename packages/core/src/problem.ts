/**
 * What is wrong with an input: the field path, what is wrong, and the value received.
 * Every decoder and every write rule reports problems in this one shape.
 *
 * @module problem
 */
import { escapeInvisible } from './text.js'

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

const hex = (b: number): string => b.toString(16).toUpperCase().padStart(2, '0')

/**
 * Renders a received value for an error line: JSON, cut to 120 characters; `nothing` when missing;
 * raw bytes (a line that is not UTF-8) as `bytes C3 28`. Invisible and reordering characters are
 * written as `\uXXXX`, so the error line shows what the input held. Never throws: a value nested
 * too deeply for JSON.stringify is named, not shown.
 */
export const showValue = (value: unknown): string => {
  if (value === undefined) return 'nothing'
  if (value instanceof Uint8Array)
    return `bytes ${[...value.subarray(0, 8)].map(hex).join(' ')}${value.length > 8 ? ' …' : ''}`
  let s: string
  try {
    s = JSON.stringify(value) ?? String(value)
  } catch {
    s = Array.isArray(value)
      ? 'an array too deeply nested to show'
      : typeof value === 'object'
        ? 'an object too deeply nested to show'
        : 'a value that cannot be shown'
  }
  if (s.length > MAX_SHOWN) {
    // Cut between two characters, never inside a surrogate pair.
    let end = MAX_SHOWN - 1
    const c = s.charCodeAt(end - 1)
    if (c >= 0xd800 && c <= 0xdbff) end--
    s = s.slice(0, end) + '…'
  }
  return escapeInvisible(s)
}

/** `path: message (got VALUE)` — the problem as one line, without its file and line number. */
export const formatProblem = (p: Problem): string =>
  `${p.path === '' ? '(line)' : p.path}: ${p.message} (got ${showValue(p.value)})`
