/**
 * NDJSON straight into columns. {@link ColumnDecoder} decodes a history like {@link HistoryDecoder}
 * (same events, positions, lines and errors) but hands each event to a {@link ColumnSink} instead
 * of keeping it. Lines of an enrolment or a lapse written in the layout this library writes
 * (`encodeLine`: canonical keys in declared order, no escapes, ASCII) are read by a fixed-layout
 * scanner that builds no JSON object: each value is cut out of the line and checked with core's own
 * value codecs (`EventId.is`, `Instant.is`, `BusinessDate.is`, `Reference.is`, …), so the fast path
 * accepts exactly what the codecs accept. Every other line — any other type, any other key order,
 * whitespace, escapes, non-ASCII, a repeated or unknown key, a value a codec refuses — goes through
 * the full path: one `HistoryDecoder` that sees every line (a fast-path line as a blank one, so its
 * line numbers, first-line rules and repeated ids among full-path lines stay its own), whose events
 * and errors are the reference.
 *
 * Repeated ids: the decoder keeps per id its line and a 53-bit hash of the event's canonical text
 * (a fast-path line is its own canonical text), not the event; the same id with the same text is
 * one event, with another text the error the full path gives.
 *
 * @module ndjson-columns
 */
import { canonicalJson, decodeEvent } from './decode.js'
import { type DomainEvent, LapseReason } from './events.js'
import { type LineError, type LineEvent, HistoryDecoder } from './ndjson.js'
import { type Problem, problem } from './problem.js'
import { BusinessDate, EventId, Instant, Reference, Scheme, UnitCode } from './values.js'
import { ParticipantIdV2 } from './events-v2.js'
import { IdTable } from './id-table.js'

type SchemeType = Scheme
type LapseReasonType = LapseReason

/** Where a {@link ColumnDecoder} puts what it decodes. */
export interface ColumnSink {
  /** A ParticipantEnrolled read by the fast path (values checked by the codecs; `coveredThrough` null: open-ended). */
  enrolment(
    position: number,
    line: number,
    id: string,
    recordedAt: string,
    participantId: string,
    scheme: SchemeType,
    unit: string,
    coveredFrom: string,
    coveredThrough: string | null,
    agent: string | undefined,
    employer: string | undefined,
  ): void
  /** A ParticipantLapsed read by the fast path. */
  lapse(
    position: number,
    line: number,
    id: string,
    recordedAt: string,
    participantId: string,
    scheme: SchemeType,
    lapsedOn: string,
    reason: LapseReasonType,
  ): void
  /** Any other event, decoded by the full path. */
  event(e: LineEvent): void
}

/** Decodes NDJSON lines into a {@link ColumnSink}; `errors` as {@link HistoryDecoder} gives them. */
export class ColumnDecoder {
  readonly errors: LineError[] = []
  /** How many distinct events were passed to the sink. */
  events = 0
  /** How many lines the fast path read (the rest went through the full path). */
  fast = 0
  private lineNo = 0
  private readonly seen = new IdTable()
  private readonly seenLine: number[] = []
  private readonly seenHash: number[] = []
  /** The full path; it keeps only the events of the lines it decodes (the few that are not fast). */
  private readonly full = new HistoryDecoder()

  constructor(private readonly sink: ColumnSink) {}

  /** Decodes the next line (without its newline). */
  push(text: string): void {
    const line = ++this.lineNo
    if (this.fastLine(text, line)) this.full.push('')
    else this.fullLine(text, line)
  }

  /** Counts the next line as one that could not be read as text (as `HistoryDecoder.pushUnreadable`). */
  pushUnreadable(p: Problem): void {
    ++this.lineNo
    const before = this.full.errors.length
    this.full.pushUnreadable(p)
    for (let k = before; k < this.full.errors.length; k++) this.errors.push(this.full.errors[k]!)
  }

  /** The full path: the line through `HistoryDecoder`, which numbers lines as this decoder does. */
  private fullLine(text: string, line: number): void {
    const { events, errors } = this.full
    const before = events.length,
      errorsBefore = errors.length
    this.full.push(text)
    // The full path knows only the ids of its own lines; a repeated id is judged here against the
    // id's first line, fast or not, so its verdict on repeats (an error or nothing) is set aside.
    const repeat = errors.length === errorsBefore + 1 && isDuplicate(errors[errorsBefore]!)
    if (!repeat) for (let k = errorsBefore; k < errors.length; k++) this.errors.push(errors[k]!)
    if (errors.length > errorsBefore && !repeat) return
    const decoded = events[before]
    let event: DomainEvent
    if (decoded !== undefined) event = decoded.event
    else {
      if (text.trim() === '') return
      const again = decodeEvent(JSON.parse(text))
      if (again._tag === 'Left') return
      event = again.right
    }
    if (this.isRepeat(event.id, hash53(canonicalJson(event)), line)) return
    this.sink.event({ event, position: this.events, line })
  }

  /** Registers an id; true when it was seen before (a same-content repeat, or an error recorded). */
  private isRepeat(id: string, hash: number, line: number): boolean {
    const earlier = this.seen.addOrGet(id)
    if (earlier >= 0) {
      if (this.seenHash[earlier] !== hash) {
        this.errors.push({
          line,
          problems: [problem('id', `duplicate id with other content than line ${this.seenLine[earlier]}`, id)],
        })
      }
      return true
    }
    this.seenLine.push(line)
    this.seenHash.push(hash)
    this.events++
    return false
  }

  /** The fast path; false when the line is not in the library's own enrolment or lapse layout. */
  private fastLine(s: string, line: number): boolean {
    // ASCII without escapes or control characters: then every value is the text between two quotes.
    // The same pass hashes the line, which is its own canonical text (hash53, inlined: keep them equal).
    let a = FNV_OFFSET,
      b = FNV_PRIME,
      i = 0
    const n = s.length
    for (; i + 1 < n; i += 2) {
      const c = s.charCodeAt(i),
        d = s.charCodeAt(i + 1)
      if (c < 0x20 || c >= 0x7f || c === 0x5c || d < 0x20 || d >= 0x7f || d === 0x5c) return false
      const w = c | (d << 16)
      a = stepA(a, w)
      b = stepB(b, w)
    }
    if (i < n) {
      const c = s.charCodeAt(i)
      if (c < 0x20 || c >= 0x7f || c === 0x5c) return false
      a = stepA(a, c)
      b = stepB(b, c)
    }
    const hash = hashOf(a ^ n, b)
    if (!s.startsWith('{"id":"')) return false
    let at = 7
    const next = (): string | null => {
      const end = s.indexOf('"', at)
      if (end < 0) return null
      const v = s.slice(at, end)
      at = end + 1
      return v
    }
    const expect = (lit: string): boolean => {
      if (!s.startsWith(lit, at)) return false
      at += lit.length
      return true
    }
    const id = next()
    if (id === null || !EventId.is(id) || !expect(',"type":"')) return false
    const type = next()
    if ((type !== 'ParticipantEnrolled' && type !== 'ParticipantLapsed') || !expect(',"recordedAt":"')) return false
    const recordedAt = next()
    if (recordedAt === null || !Instant.is(recordedAt) || !expect(',"data":{"participantId":"')) return false
    const participantId = next()
    if (participantId === null || !ParticipantIdV2.is(participantId) || !expect(',"scheme":"')) return false
    const scheme = next()
    if (scheme === null || !Scheme.is(scheme)) return false
    if (type === 'ParticipantLapsed') {
      if (!expect(',"lapsedOn":"')) return false
      const lapsedOn = next()
      if (lapsedOn === null || !BusinessDate.is(lapsedOn) || !expect(',"reason":"')) return false
      const reason = next()
      if (reason === null || !LapseReason.is(reason) || !expect('}}') || at !== s.length) return false
      if (this.isRepeat(id, hash, line)) return true
      this.fast++
      this.sink.lapse(this.events, line, id, recordedAt, participantId, scheme, lapsedOn, reason)
      return true
    }
    if (!expect(',"unit":"')) return false
    const unit = next()
    if (unit === null || !UnitCode.is(unit) || !expect(',"coveredFrom":"')) return false
    const coveredFrom = next()
    if (coveredFrom === null || !BusinessDate.is(coveredFrom) || !expect(',"coveredThrough":')) return false
    let coveredThrough: string | null = null
    if (!expect('null')) {
      if (!expect('"')) return false
      coveredThrough = next()
      if (coveredThrough === null || !BusinessDate.is(coveredThrough)) return false
    }
    let agent: string | undefined, employer: string | undefined
    if (expect(',"agent":"')) {
      const v = next()
      if (v === null || !Reference.is(v)) return false
      agent = v
    }
    if (expect(',"employer":"')) {
      const v = next()
      if (v === null || !Reference.is(v)) return false
      employer = v
    }
    if (!expect('}}') || at !== s.length) return false
    if (this.isRepeat(id, hash, line)) return true
    this.fast++
    this.sink.enrolment(
      this.events,
      line,
      id,
      recordedAt,
      participantId,
      scheme,
      unit,
      coveredFrom,
      coveredThrough,
      agent,
      employer,
    )
    return true
  }
}

/** Whether a line error is the full path's "duplicate id" and nothing else. */
const isDuplicate = (e: LineError): boolean =>
  e.problems.length === 1 &&
  e.problems[0]!.path === 'id' &&
  e.problems[0]!.message.startsWith('duplicate id with other content')

/**
 * A 53-bit hash of a text (two 32-bit FNV-1a variants over its UTF-16 units, two to a word, and its
 * length): repeated ids compare these, not texts kept. The fast path computes the same inline.
 */
const hash53 = (s: string): number => {
  let a = FNV_OFFSET,
    b = FNV_PRIME,
    i = 0
  const n = s.length
  for (; i + 1 < n; i += 2) {
    const w = s.charCodeAt(i) | (s.charCodeAt(i + 1) << 16)
    a = stepA(a, w)
    b = stepB(b, w)
  }
  if (i < n) {
    const c = s.charCodeAt(i)
    a = stepA(a, c)
    b = stepB(b, c)
  }
  return hashOf(a ^ n, b)
}

const FNV_OFFSET = 0x811c9dc5 | 0
const FNV_PRIME = 0x01000193 | 0
/** One step of each of the two hashes over a word (`hash53` and the fast path share them). */
const stepA = (a: number, w: number): number => Math.imul(a ^ w, FNV_PRIME)
const stepB = (b: number, w: number): number => Math.imul(b ^ w, 0x5bd1e995) ^ (b >>> 15)
const hashOf = (a: number, b: number): number => (a >>> 0) * 2097152 + ((b >>> 0) & 0x1fffff)
