import * as E from 'fp-ts/lib/Either.js'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { MAX_DEPTH, parseJsonLine } from './json-line.js'
import { decodeHistory, formatLineError } from './ndjson.js'

const problems = (text: string) => {
  const r = parseJsonLine(text)
  if (E.isRight(r)) throw new Error(`parsed ${text}, expected problems`)
  return r.left
}
/** The lines `ansinh check` prints for a one-line file. */
const lines = (text: string): string[] => {
  const r = decodeHistory(text + '\n')
  return E.isLeft(r) ? r.left.flatMap((e) => formatLineError('f.ndjson', e)) : []
}
const EVENT =
  '{"id":"00000000-0000-4000-8000-000000000001","type":"DebtSettled","recordedAt":"2020-01-01T08:00:00+07:00","data":{"employer":"CTY-A","scheme":"compulsory","amount":5,"settledOn":"2020-01-01"}}'

describe('parseJsonLine: repeated keys', () => {
  it('refuses a key repeated in the data, naming it and showing every value given', () => {
    expect(lines(EVENT.replace('"amount":5', '"amount":1,"amount":2'))).toEqual([
      'f.ndjson:1: data.amount: repeated key: given 2 times in one object (got [1,2])',
    ])
  })
  it('refuses a key repeated at the envelope, and a key spelt once plainly and once with an escape', () => {
    expect(lines(EVENT.replace('"type":"DebtSettled"', '"type":"DebtSettled","type":"DebtRecorded"'))).toEqual([
      'f.ndjson:1: type: repeated key: given 2 times in one object (got ["DebtSettled","DebtRecorded"])',
    ])
    expect(problems('{"amount":1,"amo\\u0075nt":2}')).toEqual([
      { path: 'amount', message: 'repeated key: given 2 times in one object', value: [1, 2] },
    ])
  })
  it('finds repeats at any depth, inside arrays, and all of them', () => {
    expect(
      problems('{"a":[{"x":1},{"y":{"z":1,"z":[1,{"q":2}]}}],"b":1,"b":2,"b":{"c":3}}').map((p) => [p.path, p.value]),
    ).toEqual([
      ['a.1.y.z', [1, [1, { q: 2 }]]],
      ['b', [1, 2, { c: 3 }]],
    ])
  })
  it('accepts equal keys in different objects, and colons, quotes and braces inside strings', () => {
    const text = '{"a":{"k":1},"b":{"k":"x:\\"}{:\\\\"},"c":"1:2:3","d:e":[":",{"k":":"}]}'
    expect(parseJsonLine(text)).toEqual(E.right(JSON.parse(text)))
  })
  it("agrees with a count of each object's keys on random JSON text", () => {
    // Text with repeats is built by writing an object's entries with some of them twice.
    const key = fc.constantFrom('a', 'b', 'a:b', 'c\\u0064', '"', ':')
    const value = fc.oneof(fc.integer(), fc.constantFrom('":"', 'x', '\\\\', '{}'), fc.constant(null))
    const entries = fc.array(fc.tuple(key, value), { maxLength: 6 })
    fc.assert(
      fc.property(entries, entries, (outer, inner) => {
        const obj = (es: [string, unknown][], extra = '') =>
          '{' +
          [...es.map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`), ...(extra === '' ? [] : [extra])].join(
            ',',
          ) +
          '}'
        const text = obj(outer, `"data":${obj(inner)}`)
        const keysOf = (es: [string, unknown][]) => es.map(([k]) => k)
        const repeats = (ks: string[]) => ks.some((k, i) => ks.indexOf(k) !== i)
        expect(E.isLeft(parseJsonLine(text))).toBe(repeats([...keysOf(outer), 'data']) || repeats(keysOf(inner)))
      }),
      { numRuns: 300 },
    )
  })
})

describe('parseJsonLine: nesting', () => {
  it(`accepts ${MAX_DEPTH} levels and refuses one more, in one line`, () => {
    expect(E.isRight(parseJsonLine('['.repeat(MAX_DEPTH) + ']'.repeat(MAX_DEPTH)))).toBe(true)
    expect(problems('['.repeat(MAX_DEPTH + 1) + ']'.repeat(MAX_DEPTH + 1))[0]!.message).toBe(
      'nested deeper than 32 levels',
    )
  })
  it('refuses a line nested 100,000 levels, in arrays or in objects, without overflowing the stack', () => {
    const n = 100_000
    const arrays = '['.repeat(n) + ']'.repeat(n)
    expect(lines(arrays)).toEqual([`f.ndjson:1: (line): nested deeper than 32 levels (got "${'['.repeat(118)}…)`])
    const objects = EVENT.replace('"amount":5', `"amount":${'{"a":'.repeat(n)}1${'}'.repeat(n)}`)
    expect(lines(objects)).toHaveLength(1)
    expect(lines(objects)[0]).toMatch(/^f\.ndjson:1: \(line\): nested deeper than 32 levels \(got "\{\\"id\\":/)
  })
})

describe('parseJsonLine: syntax', () => {
  it('says what is wrong without repeating the line twice', () => {
    expect(lines('{"a":}')).toEqual([`f.ndjson:1: (line): not valid JSON: Unexpected token '}' (got "{\\"a\\":}")`])
    expect(lines('{"a":1')).toEqual([
      `f.ndjson:1: (line): not valid JSON: Expected ',' or '}' after property value in JSON at position 6 (got "{\\"a\\":1")`,
    ])
  })
})
