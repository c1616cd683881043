/**
 * Parsing one NDJSON line strictly: `JSON.parse`, plus the two things it lets through silently.
 *
 * - **A repeated key** (`{"amount":1,"amount":2}`): `JSON.parse` keeps the last value, so the event
 *   imported would not be the one the line shows a reader. Refused, at any level, naming the key.
 * - **Nesting beyond {@link MAX_DEPTH} levels**: no event is nested more than two levels, and a value
 *   nested 100,000 levels overflows the stack of anything recursive that touches it (printing it,
 *   for one). Refused before anything else looks at the value.
 *
 * @module json-line
 */
import * as E from 'fp-ts/lib/Either.js'
import { type Problem, problem } from './problem.js'
import { escapeInvisible } from './text.js'

/** The deepest nesting a line may have (an event has two levels: the envelope and its data). */
export const MAX_DEPTH = 32

const COLON = 58

/** Occurrences of `:` in `s`. */
const colons = (s: string): number => {
  let n = 0
  for (let i = s.indexOf(':'); i >= 0; i = s.indexOf(':', i + 1)) n++
  return n
}

interface Census {
  /** Keys of every object in the value. */
  keys: number
  /** `:` inside the value's strings (keys included). */
  colons: number
  tooDeep: boolean
}

/** Counts keys and colons of a parsed value, stopping below {@link MAX_DEPTH}. */
const census = (v: unknown, depth: number, c: Census): void => {
  if (typeof v === 'string') {
    c.colons += colons(v)
    return
  }
  if (typeof v !== 'object' || v === null) return
  if (depth >= MAX_DEPTH) {
    c.tooDeep = true
    return
  }
  if (Array.isArray(v)) {
    for (const x of v) census(x, depth + 1, c)
    return
  }
  for (const k in v) {
    c.keys++
    c.colons += colons(k)
    census((v as Record<string, unknown>)[k], depth + 1, c)
  }
}

interface Frame {
  readonly object: boolean
  /** The path of this value, e.g. `data` (empty at the top). */
  readonly path: string
  /** Object frames: key → where each of its values starts and ends in the text. */
  readonly spans: Map<string, [number, number][]>
  key: string
  valueStart: number
  index: number
}

/** The index of the quote that closes the string opening at `i`. */
const endOfString = (text: string, i: number): number => {
  for (let q = text.indexOf('"', i + 1); ; q = text.indexOf('"', q + 1)) {
    let backslashes = 0
    while (text.charCodeAt(q - 1 - backslashes) === 92) backslashes++
    if (backslashes % 2 === 0) return q
  }
}

const childPath = (f: Frame): string => {
  const seg = f.object ? f.key : String(f.index)
  return f.path === '' ? seg : `${f.path}.${seg}`
}

/**
 * Every repeated key of valid JSON text, in the order the objects close: the path of the key and
 * each value it was given. Only called when the cheap count in {@link parseJsonLine} does not rule
 * repeats out.
 */
const repeatedKeys = (text: string): Problem[] => {
  const found: Problem[] = []
  const stack: Frame[] = []
  let expectKey = false
  const endValue = (f: Frame, end: number): void => {
    if (f.object && f.valueStart >= 0) f.spans.get(f.key)!.push([f.valueStart, end])
    f.valueStart = -1
  }
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    const top = stack[stack.length - 1]
    if (c === 34) {
      const end = endOfString(text, i)
      if (top !== undefined && top.object && expectKey) {
        const raw = text.slice(i + 1, end)
        top.key = raw.includes('\\') ? (JSON.parse(text.slice(i, end + 1)) as string) : raw
        if (!top.spans.has(top.key)) top.spans.set(top.key, [])
        expectKey = false
      }
      i = end
    } else if (c === COLON) {
      if (top !== undefined) top.valueStart = i + 1
    } else if (c === 123 || c === 91) {
      stack.push({
        object: c === 123,
        path: top === undefined ? '' : childPath(top),
        spans: new Map(),
        key: '',
        valueStart: -1,
        index: 0,
      })
      expectKey = c === 123
    } else if (c === 44 && top !== undefined) {
      if (top.object) {
        endValue(top, i)
        expectKey = true
      } else top.index++
    } else if ((c === 125 || c === 93) && top !== undefined) {
      endValue(top, i)
      stack.pop()
      for (const [key, spans] of top.spans) {
        if (spans.length < 2) continue
        const path = top.path === '' ? key : `${top.path}.${key}`
        const values = spans.map(([s, e]) => JSON.parse(text.slice(s, e)) as unknown)
        found.push(problem(path, `repeated key: given ${spans.length} times in one object`, values))
      }
    }
  }
  return found
}

/** `JSON.parse`'s message without the copy of the line V8 appends (the line is shown anyway). */
const syntaxMessage = (err: unknown): string =>
  escapeInvisible((err instanceof Error ? err.message : String(err)).replace(/, ".*" is not valid JSON$/s, ''))

/**
 * Parses one line of JSON text, refusing what `JSON.parse` would change or choke on: the value, or
 * the line's problems (`(line): not valid JSON: …`, `(line): nested deeper than 32 levels`, or one
 * `path.to.key: repeated key: …` per repeated key).
 *
 * @example parseJsonLine('{"a":1,"a":2}') // Left([{ path: 'a', message: 'repeated key: given 2 times in one object', value: [1, 2] }])
 */
export const parseJsonLine = (text: string): E.Either<Problem[], unknown> => {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (err) {
    return E.left([problem('', `not valid JSON: ${syntaxMessage(err)}`, text)])
  }
  const c: Census = { keys: 0, colons: 0, tooDeep: false }
  census(json, 0, c)
  if (c.tooDeep) return E.left([problem('', `nested deeper than ${MAX_DEPTH} levels`, text)])
  // In valid JSON every key is followed by one `:` outside strings. Without escapes the strings of
  // the value hold exactly the `:` of the text's strings, so when the counts add up, no key of the
  // text was dropped: no repeat. Otherwise the text is scanned to find them (or clear them).
  if (!text.includes('\\') && colons(text) === c.keys + c.colons) return E.right(json)
  const repeated = repeatedKeys(text)
  return repeated.length > 0 ? E.left(repeated) : E.right(json)
}
