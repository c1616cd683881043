/**
 * The NDJSON interchange format: one event per line, blank lines ignored, the order of lines the
 * order of the history. Decoding reports every bad line with its number; the same id twice with the
 * same content is one event, with other content an error.
 *
 * @module ndjson
 */
import * as E from 'fp-ts/lib/Either.js'
import { canonicalJson, decodeEvent, encodeEvent } from './decode.js'
import type { DomainEvent } from './events.js'
import { parseJsonLine } from './json-line.js'
import { type Problem, formatProblem, problem } from './problem.js'

/** An event of a history with its position (1-based) and the line it came from. */
export interface LineEvent {
  readonly event: DomainEvent
  /** 1-based index among the history's distinct events. */
  readonly position: number
  /** 1-based line number in the text. */
  readonly line: number
}

/** The problems of one line. */
export interface LineError {
  readonly line: number
  readonly problems: readonly Problem[]
}

/** Formats a line error as `FILE:LINE: path: what is wrong (got VALUE)`, one line per problem. */
export const formatLineError = (file: string, e: LineError): string[] =>
  e.problems.map((p) => `${file}:${e.line}: ${formatProblem(p)}`)

/**
 * Decodes a history line by line; feed it lines with {@link HistoryDecoder.push}, read
 * `events` and `errors` at the end. Memory: the decoded events and an index entry per id; the
 * canonical text of an event is computed only when its id repeats.
 *
 * A line is parsed strictly ({@link parseJsonLine}: no repeated key, no deep nesting). The first
 * line may start with a UTF-8 byte-order mark (what Excel and Windows tools write), which is not
 * part of the history; any other line that starts with one is refused. A line that could not be
 * read as text (not UTF-8, too long: see `LineSplitter`) comes in through
 * {@link HistoryDecoder.pushUnreadable} and keeps its number.
 */
export class HistoryDecoder {
  readonly events: LineEvent[] = []
  readonly errors: LineError[] = []
  private readonly seen = new Map<string, LineEvent>()
  private lineNo = 0

  /** Decodes the next line (without its newline). */
  push(text: string): void {
    this.lineNo++
    const line = this.lineNo
    if (text.charCodeAt(0) === 0xfeff) {
      if (line === 1) text = text.slice(1)
      else {
        this.errors.push({
          line,
          problems: [problem('', 'starts with a byte-order mark (U+FEFF); only the first line of a file may', text)],
        })
        return
      }
    }
    if (text.trim() === '') return
    const json = parseJsonLine(text)
    if (E.isLeft(json)) {
      this.errors.push({ line, problems: json.left })
      return
    }
    const decoded = decodeEvent(json.right)
    if (E.isLeft(decoded)) {
      this.errors.push({ line, problems: decoded.left })
      return
    }
    const event = decoded.right
    const earlier = this.seen.get(event.id)
    if (earlier !== undefined) {
      if (canonicalJson(earlier.event) !== canonicalJson(event)) {
        this.errors.push({
          line,
          problems: [problem('id', `duplicate id with other content than line ${earlier.line}`, event.id)],
        })
      }
      return
    }
    const entry = { event, position: this.events.length + 1, line }
    this.seen.set(event.id, entry)
    this.events.push(entry)
  }

  /** Counts the next line as one that could not be read as text, with what is wrong with it. */
  pushUnreadable(p: Problem): void {
    this.lineNo++
    this.errors.push({ line: this.lineNo, problems: [p] })
  }
}

/** Splits text into lines, accepting `\n` and `\r\n`. */
export const splitLines = (text: string): string[] => {
  const lines = text.split('\n')
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop()
  return lines.map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l))
}

/**
 * Decodes a whole NDJSON history: the events, or every line error.
 *
 * @example decodeHistory(text) // Right([{ event, position: 1, line: 1 }, ...]) or Left([{ line: 3, problems }])
 */
export const decodeHistory = (text: string): E.Either<LineError[], LineEvent[]> => {
  const d = new HistoryDecoder()
  for (const l of splitLines(text)) d.push(l)
  return d.errors.length > 0 ? E.left(d.errors) : E.right(d.events)
}

/** The NDJSON line of an event (canonical, no trailing newline). */
export const encodeLine = (e: DomainEvent): string => JSON.stringify(encodeEvent(e))

/** The NDJSON text of a history: one canonical line per event, each ending in a newline. */
export const encodeHistory = (events: Iterable<DomainEvent>): string => {
  let out = ''
  for (const e of events) out += encodeLine(e) + '\n'
  return out
}
