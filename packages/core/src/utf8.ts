/**
 * From bytes to lines of text, refusing what is not UTF-8 instead of replacing it.
 *
 * A decoder that replaces bad bytes with U+FFFD would import text the file does not hold; so the
 * bytes of each line are decoded strictly, and a line that is not UTF-8 is reported with the first
 * bad byte's 1-based column in the line (counted in bytes, as `cut -b` and editors' byte columns
 * do). Splitting at newline bytes is safe before decoding: byte 0x0A never occurs inside a
 * multi-byte UTF-8 sequence.
 *
 * @module utf8
 */
import { type Problem, problem } from './problem.js'

/** The longest line accepted, in bytes (an event line is a few hundred bytes). */
export const MAX_LINE_BYTES = 1 << 20

/** Where the lines of a {@link LineSplitter} go; `HistoryDecoder` is one. */
export interface LineSink {
  /** A line of text, without its `\n` or `\r\n`. */
  push(text: string): void
  /** A line that could not be read as text, with what is wrong (path `''`: the whole line). */
  pushUnreadable(p: Problem): void
}

/** The first bad byte of `b` (0-based) and the bytes of the bad sequence, or null when `b` is UTF-8. */
export const findInvalidUtf8 = (b: Uint8Array): { readonly offset: number; readonly bytes: Uint8Array } | null => {
  const cont = (i: number, lo = 0x80, hi = 0xbf): boolean => i < b.length && b[i]! >= lo && b[i]! <= hi
  for (let i = 0; i < b.length;) {
    const c = b[i]!
    if (c < 0x80) {
      i++
      continue
    }
    // Table 3-7 of the Unicode standard: the well-formed byte sequences.
    let need = 0,
      lo = 0x80,
      hi = 0xbf
    if (c >= 0xc2 && c <= 0xdf) need = 1
    else if (c >= 0xe0 && c <= 0xef) {
      need = 2
      if (c === 0xe0) lo = 0xa0
      else if (c === 0xed) hi = 0x9f
    } else if (c >= 0xf0 && c <= 0xf4) {
      need = 3
      if (c === 0xf0) lo = 0x90
      else if (c === 0xf4) hi = 0x8f
    }
    let n = 0
    if (need > 0 && cont(i + 1, lo, hi)) {
      n = 1
      while (n < need && cont(i + 1 + n)) n++
    }
    if (need === 0 || n < need) return { offset: i, bytes: b.slice(i, i + 1 + n) }
    i += 1 + need
  }
  return null
}

/** The problem of a line that is not UTF-8, e.g. `not valid UTF-8 at byte 17` (got bytes C3). */
const notUtf8 = (line: Uint8Array, first: boolean): Problem => {
  const bad = findInvalidUtf8(line)!
  const utf16 =
    first && line.length >= 2 && ((line[0] === 0xff && line[1] === 0xfe) || (line[0] === 0xfe && line[1] === 0xff))
  const hint = utf16 ? ': the file is UTF-16 (it starts with a UTF-16 byte-order mark); save it as UTF-8' : ''
  return problem('', `not valid UTF-8 at byte ${bad.offset + 1}${hint}`, bad.bytes)
}

const tooLong = (bytes: number): Problem =>
  problem('', `longer than ${MAX_LINE_BYTES} bytes, the most a line may hold`, `${bytes} bytes`)

const concat = (a: Uint8Array, b: Uint8Array): Uint8Array => {
  const out = new Uint8Array(a.length + b.length)
  out.set(a, 0)
  out.set(b, a.length)
  return out
}

const EMPTY = new Uint8Array(0)

/**
 * Splits a stream of bytes into lines for a {@link LineSink}: `write` each chunk, then `end`. A
 * chunk's complete lines are decoded in one strict call (the fast path); only a chunk that is not
 * UTF-8 is decoded line by line, to say which line and byte. A line longer than
 * {@link MAX_LINE_BYTES} is reported, not held.
 */
export class LineSplitter {
  // ignoreBOM keeps a byte-order mark in the text: HistoryDecoder decides what one means.
  private readonly decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })
  private rest: Uint8Array = EMPTY
  /** Bytes of an over-long line skipped so far (-1: not skipping). */
  private skipped = -1
  private lines = 0

  constructor(private readonly sink: LineSink) {}

  /** Feeds the next chunk of bytes. */
  write(chunk: Uint8Array): void {
    let start = 0
    if (this.rest.length > 0 || this.skipped >= 0) {
      const nl = chunk.indexOf(10)
      const head = nl < 0 ? chunk : chunk.subarray(0, nl)
      if (this.skipped >= 0 || this.rest.length + head.length > MAX_LINE_BYTES) {
        this.skipped = (this.skipped >= 0 ? this.skipped : this.rest.length) + head.length
        this.rest = EMPTY
        if (nl < 0) return
        this.emitTooLong()
      } else if (nl < 0) {
        this.rest = concat(this.rest, chunk)
        return
      } else {
        this.line(concat(this.rest, head))
        this.rest = EMPTY
      }
      start = nl + 1
    }
    const last = chunk.lastIndexOf(10)
    if (last >= start) {
      this.block(chunk.subarray(start, last + 1))
      start = last + 1
    }
    if (start < chunk.length) {
      if (chunk.length - start > MAX_LINE_BYTES) this.skipped = chunk.length - start
      else this.rest = chunk.slice(start)
    }
  }

  /** Ends the stream: the last line, if it has no newline. */
  end(): void {
    if (this.skipped >= 0) this.emitTooLong()
    else if (this.rest.length > 0) this.line(this.rest)
    this.rest = EMPTY
  }

  private emitTooLong(): void {
    this.lines++
    this.sink.pushUnreadable(tooLong(this.skipped))
    this.skipped = -1
  }

  /** Lines that each end in `\n`: one decode call for all of them when they are UTF-8. */
  private block(bytes: Uint8Array): void {
    let text: string
    try {
      text = this.decoder.decode(bytes)
    } catch {
      for (let s = 0, nl = bytes.indexOf(10); nl >= 0; s = nl + 1, nl = bytes.indexOf(10, s))
        this.line(bytes.subarray(s, nl))
      return
    }
    for (let s = 0, nl = text.indexOf('\n'); nl >= 0; s = nl + 1, nl = text.indexOf('\n', s)) {
      const end = nl > s && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl
      this.lines++
      // A UTF-16 unit takes at most 3 bytes, so only a line of over a third of the limit in units
      // can be over it in bytes (a chunk bigger than the limit can hold one).
      const bytesOf = nl - s > MAX_LINE_BYTES / 3 ? new TextEncoder().encode(text.slice(s, nl)).length : 0
      if (bytesOf > MAX_LINE_BYTES) this.sink.pushUnreadable(tooLong(bytesOf))
      else this.sink.push(text.slice(s, end))
    }
  }

  /** One line's bytes, without its `\n`. */
  private line(bytes: Uint8Array): void {
    const b = bytes.length > 0 && bytes[bytes.length - 1] === 13 ? bytes.subarray(0, bytes.length - 1) : bytes
    this.lines++
    let text: string
    try {
      text = this.decoder.decode(b)
    } catch {
      this.sink.pushUnreadable(notUtf8(b, this.lines === 1))
      return
    }
    this.sink.push(text)
  }
}

/**
 * Splits bytes into lines for a sink, e.g. `splitBytes(readFileSync(file), new HistoryDecoder())`.
 */
export const splitBytes = (bytes: Uint8Array, sink: LineSink): void => {
  const s = new LineSplitter(sink)
  s.write(bytes)
  s.end()
}
