import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { KeyTable, pairKeyOf, participantOfKey } from './intern.js'

// The interning of (participant, scheme) pairs (intern.ts): a numeric key per pair, and a hash table
// from keys to dense ids, against a Map.

const digits = (length: number) =>
  fc.array(fc.integer({ min: 0, max: 9 }), { minLength: length, maxLength: length }).map((ds) => ds.join(''))
const scheme = fc.integer({ min: 0, max: 3 })

describe('pair keys', () => {
  it('number a 10- or 12-digit id with its scheme, and give both back', () => {
    fc.assert(
      fc.property(fc.oneof(digits(10), digits(12)), scheme, (id, s) => {
        const key = pairKeyOf(id, s)
        expect(Number.isSafeInteger(key)).toBe(true)
        expect(key % 4).toBe(s)
        expect(participantOfKey(key)).toBe(id)
      }),
      { numRuns: 500 },
    )
  })

  it('number every 12-digit id above every 10-digit one, and tell apart ids that differ in one digit', () => {
    expect(pairKeyOf('999999999999', 3)).toBe((1e10 + 999_999_999_999) * 4 + 3)
    expect(pairKeyOf('9999999999', 3)).toBe(9_999_999_999 * 4 + 3)
    expect(pairKeyOf('000000000000', 0)).toBeGreaterThan(pairKeyOf('9999999999', 3))
    expect(pairKeyOf('0000000000', 1)).toBe(1)
    expect(participantOfKey(pairKeyOf('000000000000', 2))).toBe('000000000000')
    expect(participantOfKey(pairKeyOf('0000000000', 2))).toBe('0000000000')
    fc.assert(
      fc.property(digits(12), fc.nat(11), fc.integer({ min: 1, max: 9 }), scheme, (id, at, by, s) => {
        const other = id.slice(0, at) + String((Number(id[at]) + by) % 10) + id.slice(at + 1)
        expect(pairKeyOf(other, s)).not.toBe(pairKeyOf(id, s))
      }),
    )
  })

  it('give -1 for an id of another length or with a character that is not a digit', () => {
    for (const id of ['', '123456789', '12345678901', '1234567890123', '12345/7890', '12345:7890', '12345a7890'])
      expect([id, pairKeyOf(id, 0)]).toEqual([id, -1])
    expect(pairKeyOf('/23456789012', 1)).toBe(-1)
    expect(pairKeyOf('12345678901:', 1)).toBe(-1)
  })
})

describe('KeyTable', () => {
  it('gives each key one dense id, whatever the capacity it starts with and however often it grows', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.nat(5000),
            fc.integer({ min: 0, max: 2 ** 45 }),
            fc.constantFrom(0, 2 ** 32, 2 ** 32 + 1, 4 * (1e10 + 999_999_999_999) + 3),
          ),
          {
            maxLength: 3000,
          },
        ),
        fc.option(fc.nat(4000), { nil: undefined }),
        (keys, capacity) => {
          const table = new KeyTable(capacity)
          const model = new Map<number, number>()
          for (const k of keys) {
            expect(table.get(k)).toBe(model.get(k) ?? -1)
            const id = table.intern(k, model.size)
            if (!model.has(k)) model.set(k, model.size)
            expect(id).toBe(model.get(k))
          }
          expect(table.size).toBe(model.size)
          for (const [k, id] of model) expect(table.get(k)).toBe(id)
          expect(table.get(-2)).toBe(-1)
          // never fuller than half
          expect(table.size * 2).toBeLessThanOrEqual(table.keys.length)
        },
      ),
      { numRuns: 60 },
    )
  })

  it('starts with a power of two at least twice the capacity (1024 by default), and 1024 slots at least', () => {
    expect(new KeyTable().keys.length).toBe(2048)
    expect(new KeyTable(1).keys.length).toBe(1024)
    expect(new KeyTable(512).keys.length).toBe(1024)
    expect(new KeyTable(513).keys.length).toBe(2048)
    expect(new KeyTable(3000).ids.length).toBe(8192)
  })

  it('grows when it becomes more than half full, and keeps every key', () => {
    const table = new KeyTable(1)
    for (let k = 0; k < 512; k++) table.intern(k * 7, k)
    expect(table.keys.length).toBe(1024)
    table.intern(1, 512)
    expect(table.keys.length).toBe(2048)
    for (let k = 0; k < 512; k++) expect(table.get(k * 7)).toBe(k)
    expect(table.get(1)).toBe(512)
  })
})
