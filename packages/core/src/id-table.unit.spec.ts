import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { IdTable } from './id-table.js'

/** A lower-case UUID built from a counter, so that tests can make thousands of distinct ones. */
const uuid = (n: number): string => {
  const hex = n.toString(16).padStart(32, '0')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

describe('IdTable', () => {
  it('answers -1 for a new id and the number it got for a repeat', () => {
    const t = new IdTable()
    expect(t.addOrGet('0b6f1c2e-8d3a-4f5b-9c7d-1e2f3a4b5c6d')).toBe(-1)
    expect(t.addOrGet('0b6f1c2e-8d3a-4f5b-9c7d-1e2f3a4b5c6e')).toBe(-1)
    expect(t.addOrGet('0b6f1c2e-8d3a-4f5b-9c7d-1e2f3a4b5c6d')).toBe(0)
    expect(t.addOrGet('0b6f1c2e-8d3a-4f5b-9c7d-1e2f3a4b5c6e')).toBe(1)
    expect(t.size).toBe(2)
  })

  it('keeps ids that are not lower-case UUIDs apart, in the same numbering', () => {
    const t = new IdTable()
    const lower = 'abcdef01-2345-6789-abcd-ef0123456789'
    const upper = lower.toUpperCase()
    const others = [
      upper,
      'not-a-uuid',
      'abcdef01x2345-6789-abcd-ef0123456789',
      'abcdef01-2345-6789-abcd-ef012345678g',
      '',
    ]
    expect(t.addOrGet(lower)).toBe(-1)
    for (const id of others) expect(t.addOrGet(id)).toBe(-1)
    // the upper-case spelling is another id, as a Map<string, number> would say
    expect(t.addOrGet(upper)).toBe(1)
    expect(t.addOrGet(lower)).toBe(0)
    others.forEach((id, i) => expect(t.addOrGet(id)).toBe(i + 1))
    expect(t.size).toBe(1 + others.length)
  })

  it('finds every id again after the table grew past 1,024 and 2,048 ids', () => {
    const t = new IdTable()
    const n = 5000
    for (let i = 0; i < n; i++) expect(t.addOrGet(uuid(i))).toBe(-1)
    for (let i = 0; i < n; i++) expect(t.addOrGet(uuid(i))).toBe(i)
    expect(t.size).toBe(n)
  })

  it('ids that differ in one 32-bit word only are told apart', () => {
    const t = new IdTable()
    const base = '00000000-0000-0000-0000-000000000000'
    const variants = [0, 9, 14, 19, 24, 35].map((at) => base.slice(0, at) + 'f' + base.slice(at + 1))
    expect(t.addOrGet(base)).toBe(-1)
    for (const v of variants) expect(t.addOrGet(v)).toBe(-1)
    variants.forEach((v, i) => expect(t.addOrGet(v)).toBe(i + 1))
  })

  it('answers as a Map<string, number> would, for any sequence of ids', () => {
    const id = fc.oneof(
      fc.uuid().map((u) => u.toLowerCase()),
      fc.uuid().map((u) => u.toUpperCase()),
      fc.string({ maxLength: 40 }),
    )
    fc.assert(
      fc.property(fc.array(id, { maxLength: 300 }), (ids) => {
        const t = new IdTable()
        const model = new Map<string, number>()
        // repeats come from the same array, so that they are frequent
        for (const x of [...ids, ...ids.slice().reverse()]) {
          const known = model.get(x)
          if (known === undefined) model.set(x, model.size)
          expect(t.addOrGet(x)).toBe(known ?? -1)
        }
        expect(t.size).toBe(model.size)
      }),
    )
  })
})
