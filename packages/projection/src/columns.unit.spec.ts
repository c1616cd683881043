import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { FloatColumn, IntColumn } from './columns.js'

describe('growable columns', () => {
  it('hold every value pushed, whatever they started from (empty, adopted, reserved)', () => {
    const start = fc.oneof(
      fc.constant({ kind: 'empty' as const, values: [] as number[] }),
      fc
        .array(fc.integer({ min: -1000, max: 1000 }), { maxLength: 3 })
        .map((values) => ({ kind: 'adopted' as const, values })),
      fc.nat(100).map((n) => ({ kind: 'reserved' as const, values: [] as number[], n })),
    )
    fc.assert(
      fc.property(start, fc.array(fc.integer({ min: -1000, max: 1000 }), { maxLength: 400 }), (from, pushed) => {
        const ints = new IntColumn()
        const floats = new FloatColumn()
        if (from.kind === 'adopted') {
          ints.adopt(Int32Array.from(from.values))
          floats.adopt(Float64Array.from(from.values))
        } else if (from.kind === 'reserved') {
          ints.reserve(from.n)
          floats.reserve(from.n)
        }
        for (const v of pushed) {
          ints.push(v)
          floats.push(v + 0.5)
        }
        const all = [...from.values, ...pushed]
        expect([...ints.view()]).toEqual(all)
        expect([...floats.view()]).toEqual([...from.values.map((v) => v), ...pushed.map((v) => v + 0.5)])
        expect(ints.length).toBe(all.length)
        all.forEach((v, i) => expect(ints.at(i)).toBe(v))
      }),
      { numRuns: 300 },
    )
  })

  it('make room for a known count at once: the values then pushed need no new buffer', () => {
    for (const make of [() => new IntColumn(), () => new FloatColumn()]) {
      // a fresh column holds 64: a reserve that fits keeps its buffer, one exactly full too
      const fits = make()
      const initial = fits.view().buffer
      fits.reserve(10)
      fits.reserve(64)
      expect(fits.view().buffer).toBe(initial)
      // beyond that, one buffer for all the values to come
      const big = make()
      big.push(7)
      const before = big.view().buffer
      big.reserve(1000)
      const reserved = big.view().buffer
      expect(reserved).not.toBe(before)
      for (let i = 0; i < 1000; i++) big.push(i)
      expect(big.view().buffer).toBe(reserved)
      expect([big.length, big.at(0), big.at(1000)]).toEqual([1001, 7, 999])
    }
  })

  it('grow from a one-value column adopted from a snapshot', () => {
    const c = new IntColumn()
    c.adopt(Int32Array.of(7))
    for (let i = 0; i < 1000; i++) c.push(i)
    expect(c.length).toBe(1001)
    expect(c.at(0)).toBe(7)
    expect(c.at(1000)).toBe(999)
  })

  it('fit to their values when over an eighth of the buffer is empty, keep every value, and grow again', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 0, max: 200 }), (n, more) => {
        const ints = new IntColumn()
        const floats = new FloatColumn()
        for (let i = 0; i < n; i++) {
          ints.push(i)
          floats.push(i / 2)
        }
        const before = ints.view()
        const capacity = before.buffer.byteLength / 4
        ints.fit()
        floats.fit()
        const after = ints.view()
        // the buffer is exact when the slack was over an eighth (and over the first 64), else kept
        const slack = capacity - n > capacity >> 3 && capacity > 64
        expect(after.buffer.byteLength / 4).toBe(slack ? n : capacity)
        expect(floats.view().buffer.byteLength / 8).toBe(slack ? n : capacity)
        // a view taken before still reads its values
        expect([...before]).toEqual([...after])
        for (let i = 0; i < more; i++) {
          ints.push(n + i)
          floats.push((n + i) / 2)
        }
        expect([...ints.view()]).toEqual(Array.from({ length: n + more }, (_, i) => i))
        expect([...floats.view()]).toEqual(Array.from({ length: n + more }, (_, i) => i / 2))
      }),
      { numRuns: 200 },
    )
  })
})
