import * as E from 'fp-ts/lib/Either.js'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { HistoryDecoder, formatLineError } from './ndjson.js'
import { type Problem, formatProblem } from './problem.js'
import { LineSplitter, MAX_LINE_BYTES, findInvalidUtf8, splitBytes } from './utf8.js'

const bytes = (...parts: (string | number[])[]): Uint8Array =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...new TextEncoder().encode(p)] : p)))

/** What a sink receives: text lines as strings, unreadable lines as their printed problem. */
const collect = (write: (s: LineSplitter) => void): string[] => {
  const got: string[] = []
  const s = new LineSplitter({
    push: (t) => got.push(t),
    pushUnreadable: (p: Problem) => got.push(`! ${formatProblem(p)}`),
  })
  write(s)
  s.end()
  return got
}

/** The lines `ansinh check` prints for a file of these bytes. */
const checkLines = (b: Uint8Array): string[] => {
  const d = new HistoryDecoder()
  splitBytes(b, d)
  return d.errors.flatMap((e) => formatLineError('f.ndjson', e))
}
const EVENT =
  '{"id":"00000000-0000-4000-8000-000000000001","type":"DebtSettled","recordedAt":"2020-01-01T08:00:00+07:00","data":{"employer":"CTY-A","scheme":"compulsory","amount":5,"settledOn":"2020-01-01"}}'

describe('findInvalidUtf8', () => {
  it.each([
    ['a lone continuation byte', [0x41, 0x80, 0x41], 1, [0x80]],
    ['a lead byte followed by ASCII', [0xc3, 0x28], 0, [0xc3]],
    ['a sequence cut short', [0x41, 0xe2, 0x82], 1, [0xe2, 0x82]],
    ['an overlong encoding of "/"', [0xc0, 0xaf], 0, [0xc0]],
    ['an encoded surrogate', [0xed, 0xa0, 0x80], 0, [0xed]],
    ['a code point above U+10FFFF', [0xf4, 0x90, 0x80, 0x80], 0, [0xf4]],
    ['byte 0xFF', [0x61, 0x62, 0xff], 2, [0xff]],
  ])('finds %s', (_what, b, offset, bad) => {
    expect(findInvalidUtf8(Uint8Array.from(b))).toEqual({ offset, bytes: Uint8Array.from(bad) })
  })
  it('agrees with the strict TextDecoder on random bytes, and points where the replacing one puts U+FFFD', () => {
    const strict = new TextDecoder('utf-8', { fatal: true })
    const lenient = new TextDecoder('utf-8')
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(fc.integer({ min: 0, max: 255 }), fc.constantFrom(0xe2, 0x82, 0xac, 0xf0, 0x9f, 0xc3, 0xa9)),
          { maxLength: 24 },
        ),
        (arr) => {
          const b = Uint8Array.from(arr)
          let valid = true
          try {
            strict.decode(b)
          } catch {
            valid = false
          }
          const bad = findInvalidUtf8(b)
          expect(bad === null).toBe(valid)
          if (bad !== null) {
            // The text before the bad byte decodes alone, and the replacing decoder starts U+FFFD there.
            const before = strict.decode(b.subarray(0, bad.offset))
            expect(lenient.decode(b).startsWith(before + '\ufffd')).toBe(true)
          }
        },
      ),
      { numRuns: 1000 },
    )
  })
})

describe('LineSplitter', () => {
  it('reports a line that is not UTF-8 with the 1-based byte column in that line, and keeps the others', () => {
    expect(collect((s) => s.write(bytes('ok\r\nab', [0xc3, 0x28], 'c\nlast')))).toEqual([
      'ok',
      '! (line): not valid UTF-8 at byte 3 (got bytes C3)',
      'last',
    ])
  })
  it('gives the exact error line of check for a bad byte inside an event', () => {
    const at = EVENT.indexOf('CTY-A') + 3
    const b = bytes(EVENT + '\n' + EVENT.slice(0, at), [0xe1, 0xbb], EVENT.slice(at + 2) + '\n')
    expect(checkLines(b)).toEqual([`f.ndjson:2: (line): not valid UTF-8 at byte ${at + 1} (got bytes E1 BB)`])
  })
  it('says so when the file is UTF-16', () => {
    expect(checkLines(bytes([0xff, 0xfe, 0x7b, 0x00, 0x7d, 0x00]))).toEqual([
      'f.ndjson:1: (line): not valid UTF-8 at byte 1: the file is UTF-16 (it starts with a UTF-16 byte-order mark); save it as UTF-8 (got bytes FF)',
    ])
  })
  it('gives the same lines however the bytes are cut into chunks', () => {
    const text = bytes(
      '{"a":"Hải"}\r\n\n',
      [0xf0, 0x9f, 0x98, 0x80],
      'x',
      [0xed, 0xa0, 0x80],
      '\nHàm Trí\n',
      [0xe2, 0x82],
      '\nend',
    )
    const whole = collect((s) => s.write(text))
    expect(whole).toEqual([
      '{"a":"Hải"}',
      '',
      '! (line): not valid UTF-8 at byte 6 (got bytes ED)',
      'Hàm Trí',
      '! (line): not valid UTF-8 at byte 1 (got bytes E2 82)',
      'end',
    ])
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: text.length - 1 }), { maxLength: 8 }), (cuts) => {
        const at = [0, ...cuts.sort((a, b) => a - b), text.length]
        expect(collect((s) => at.slice(1).forEach((end, i) => s.write(text.subarray(at[i]!, end))))).toEqual(whole)
      }),
      { numRuns: 300 },
    )
  })
  it(`refuses a line over ${MAX_LINE_BYTES} bytes without holding it, whether it comes in one chunk or many`, () => {
    const long = new Uint8Array(MAX_LINE_BYTES + 10).fill(0x61)
    const expected = [
      'a',
      `! (line): longer than ${MAX_LINE_BYTES} bytes, the most a line may hold (got "${MAX_LINE_BYTES + 10} bytes")`,
      'b',
    ]
    expect(collect((s) => s.write(bytes('a\n', [...long], '\nb')))).toEqual(expected)
    expect(
      collect((s) => {
        s.write(bytes('a\n'))
        for (let i = 0; i < long.length; i += 65_536) s.write(long.subarray(i, i + 65_536))
        s.write(bytes('\nb'))
      }),
    ).toEqual(expected)
    expect(collect((s) => s.write(bytes('a\n', [...long.subarray(0, MAX_LINE_BYTES)], '\nb')))).toEqual([
      'a',
      'a'.repeat(MAX_LINE_BYTES),
      'b',
    ])
  })
})

describe('HistoryDecoder and the byte-order mark', () => {
  it('accepts a UTF-8 byte-order mark before the first line (Excel, Windows tools)', () => {
    const d = new HistoryDecoder()
    splitBytes(bytes([0xef, 0xbb, 0xbf], EVENT + '\n'), d)
    expect(d.errors).toEqual([])
    expect(d.events.map((e) => e.line)).toEqual([1])
  })
  it('refuses one at the start of a later line (two files joined), naming it', () => {
    expect(checkLines(bytes(EVENT + '\n', [0xef, 0xbb, 0xbf], '{}\n'))).toEqual([
      'f.ndjson:2: (line): starts with a byte-order mark (U+FEFF); only the first line of a file may (got "\\ufeff{}")',
    ])
  })
  it('decodeHistory accepts the mark in text too', async () => {
    const { decodeHistory } = await import('./ndjson.js')
    expect(E.isRight(decodeHistory('\ufeff' + EVENT + '\n'))).toBe(true)
  })
})
