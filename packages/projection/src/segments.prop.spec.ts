import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { OPEN_END, type Rows, SegmentBuffer, groupBy, paintPair, sortByFrom, sortDays } from './segments.js'

// The timeline builder every read model stands on (segments.ts), against the counting rule read
// literally, day by day: on a day a pair is counted in the unit of the covering enrolment with the
// greatest (coveredFrom, position), an enrolment covering from its coveredFrom up to the day before
// its first lapse strictly after that day. The read models' properties compare whole reports; these
// look at the segments themselves, and at the sorts and the grouping they are built with.

/** Days past every finite day of the generated rows: an open end reaches them. */
const HORIZON = 120

interface PairInput {
  readonly enrolments: readonly { from: number; through: number | null; unit: number }[]
  readonly lapses: readonly number[]
}

const pairInput: fc.Arbitrary<PairInput> = fc.record({
  enrolments: fc.array(
    fc
      .record({
        from: fc.integer({ min: 0, max: 60 }),
        length: fc.option(fc.integer({ min: 0, max: 40 }), { nil: null }),
        // few units, so that neighbouring segments often share one and must be merged
        unit: fc.integer({ min: 0, max: 2 }),
      })
      .map(({ from, length, unit }) => ({ from, through: length === null ? null : from + length, unit })),
    { maxLength: 6 },
  ),
  lapses: fc.array(fc.integer({ min: 0, max: 100 }), { maxLength: 3 }),
})

/** The pairs' rows as the read models hold them: rows in position order, pairs interleaved. */
const rowsOf = (pairs: readonly PairInput[], seed: number): Rows => {
  const enr: { pair: number; from: number; through: number; unit: number }[] = []
  const lap: { pair: number; day: number }[] = []
  pairs.forEach((p, pair) => {
    for (const e of p.enrolments) enr.push({ pair, from: e.from, through: e.through ?? OPEN_END, unit: e.unit })
    for (const day of p.lapses) lap.push({ pair, day })
  })
  // interleave the pairs' rows without changing the order within a pair (a stable shuffle by key)
  const key = (i: number): number => ((i + 1) * (seed | 1) * 2654435761) % 1000
  const byKey = <T extends { pair: number }>(xs: T[]): T[] =>
    xs
      .map((x, i) => ({ x, k: key(x.pair) * 10_000 + i }))
      .sort((a, b) => a.k - b.k)
      .map(({ x }) => x)
  const e = byKey(enr)
  const l = byKey(lap)
  return {
    pair: Int32Array.from(e.map((r) => r.pair)),
    from: Int32Array.from(e.map((r) => r.from)),
    through: Int32Array.from(e.map((r) => r.through)),
    unit: Int32Array.from(e.map((r) => r.unit)),
    lapPair: Int32Array.from(l.map((r) => r.pair)),
    lapDay: Int32Array.from(l.map((r) => r.day)),
  }
}

/** The unit a pair is counted in on each day of [0, HORIZON], by the rule read literally (-1: none). */
const naiveDays = (rows: Rows, pair: number): number[] => {
  const lapses = [...rows.lapDay].filter((_, k) => rows.lapPair[k] === pair)
  const mine = [...rows.pair.keys()].filter((i) => rows.pair[i] === pair)
  return Array.from({ length: HORIZON + 1 }, (_, d) => {
    let best = -1
    for (const i of mine) {
      const from = rows.from[i]!
      const cut = Math.min(...lapses.filter((x) => x > from), Infinity)
      const end = Math.min(rows.through[i]!, cut - 1)
      if (from <= d && d <= end && (best < 0 || from > rows.from[best]! || (from === rows.from[best]! && i > best)))
        best = i
    }
    return best < 0 ? -1 : rows.unit[best]!
  })
}

/** Maximal runs of equal units, as segments [start, end, unit]; a run reaching the horizon is open. */
const runs = (days: readonly number[]): [number, number, number][] => {
  const out: [number, number, number][] = []
  days.forEach((u, d) => {
    if (u < 0) return
    const last = out[out.length - 1]
    if (last !== undefined && last[2] === u && last[1] === d - 1) last[1] = d
    else out.push([d, d, u])
  })
  return out.map(([a, b, u]) => [a, b === HORIZON ? OPEN_END : b, u])
}

/** Builds every pair's timeline into one buffer, as the participation index does. */
const build = (rows: Rows, pairs: number, capacity: number) => {
  const { order, offsets } = groupBy(rows.pair, rows.pair.length, pairs)
  const lap = groupBy(rows.lapPair, rows.lapPair.length, pairs)
  const laps = Int32Array.from(lap.order, (k) => rows.lapDay[k]!)
  const out = new SegmentBuffer(capacity)
  const bounds: [number, number][] = []
  for (let p = 0; p < pairs; p++) {
    const [lo, hi] = [offsets[p]!, offsets[p + 1]!]
    sortByFrom(order, lo, hi, rows.from)
    sortDays(laps, lap.offsets[p]!, lap.offsets[p + 1]!)
    const first = out.length
    paintPair(out, rows, order, lo, hi, laps, lap.offsets[p]!, lap.offsets[p + 1]!)
    bounds.push([first, out.length])
  }
  return { out, bounds }
}

const segmentsOf = (out: SegmentBuffer, [lo, hi]: [number, number]): [number, number, number][] =>
  Array.from({ length: hi - lo }, (_, k) => [out.start[lo + k]!, out.end[lo + k]!, out.unit[lo + k]!])

describe('segments', () => {
  it("paint each pair's timeline as the maximal runs of the counting rule, pairs side by side in one buffer", () => {
    fc.assert(
      fc.property(
        fc.array(pairInput, { minLength: 1, maxLength: 8 }),
        fc.nat(),
        fc.constantFrom(0, 1, 16),
        (pairs, seed, capacity) => {
          const rows = rowsOf(pairs, seed)
          const { out, bounds } = build(rows, pairs.length, capacity)
          pairs.forEach((_, p) => expect([p, segmentsOf(out, bounds[p]!)]).toEqual([p, runs(naiveDays(rows, p))]))
          // nothing held past the last timeline, and every column as long as the others
          expect(bounds[bounds.length - 1]![1]).toBe(out.length)
          expect([out.end.length, out.unit.length]).toEqual([out.start.length, out.start.length])
        },
      ),
      { numRuns: 400 },
    )
  })

  it('keep the timelines of neighbouring pairs apart, even when they touch in the same unit', () => {
    const rows = rowsOf(
      [
        { enrolments: [{ from: 0, through: 9, unit: 1 }], lapses: [] },
        { enrolments: [{ from: 10, through: 19, unit: 1 }], lapses: [] },
      ],
      0,
    )
    const { out, bounds } = build(rows, 2, 0)
    expect(bounds.map((b) => segmentsOf(out, b))).toEqual([[[0, 9, 1]], [[10, 19, 1]]])
  })

  it('paint a later enrolment over the middle of an earlier one, leaving both ends', () => {
    const rows = rowsOf(
      [
        {
          enrolments: [
            { from: 0, through: 30, unit: 0 },
            { from: 10, through: 19, unit: 1 },
          ],
          lapses: [],
        },
      ],
      0,
    )
    const { out, bounds } = build(rows, 1, 0)
    expect(segmentsOf(out, bounds[0]!)).toEqual([
      [0, 9, 0],
      [10, 19, 1],
      [20, 30, 0],
    ])
  })

  it('cut an enrolment at its first lapse after its coveredFrom, and ignore lapses on or before it', () => {
    const rows = rowsOf(
      [
        {
          enrolments: [
            { from: 5, through: null, unit: 0 },
            { from: 40, through: null, unit: 2 },
          ],
          lapses: [5, 20, 30, 40],
        },
      ],
      0,
    )
    const { out, bounds } = build(rows, 1, 0)
    // the lapse on day 5 is not after the first coveredFrom; the one of day 40 is not after the second's
    expect(segmentsOf(out, bounds[0]!)).toEqual([
      [5, 19, 0],
      [40, OPEN_END, 2],
    ])
  })

  it('adopt columns of one length and refuse columns of different lengths', () => {
    const b = SegmentBuffer.of(Int32Array.of(1, 5), Int32Array.of(3, 9), Int32Array.of(0, 1))
    expect(b.length).toBe(2)
    b.add(10, 12, 1)
    expect(segmentsOf(b, [0, b.length])).toEqual([
      [1, 3, 0],
      [5, 9, 1],
      [10, 12, 1],
    ])
    expect(() => SegmentBuffer.of(Int32Array.of(1), Int32Array.of(), Int32Array.of(0))).toThrow(
      new RangeError('segment columns of 1, 0 and 1 values'),
    )
    expect(() => SegmentBuffer.of(Int32Array.of(1), Int32Array.of(2), Int32Array.of())).toThrow(
      new RangeError('segment columns of 1, 1 and 0 values'),
    )
  })

  it('copy a painted timeline segment by segment, without merging the copies', () => {
    const b = new SegmentBuffer(0)
    b.add(0, 4, 1)
    b.add(5, 9, 1)
    expect(segmentsOf(b, [0, b.length])).toEqual([
      [0, 4, 1],
      [5, 9, 1],
    ])
  })
})

describe('sorts and grouping', () => {
  it('sortByFrom orders a slice by day, equal days in row order, and touches nothing outside it', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 80 }), fc.nat(), fc.nat(), (days, a, b) => {
        const from = Int32Array.from(days)
        const n = days.length
        const lo = n === 0 ? 0 : a % (n + 1)
        const hi = n === 0 ? 0 : lo + (b % (n - lo + 1))
        // the slice lists its rows in increasing order, as grouping leaves a pair's rows; the rest
        // of the array in another order, which the sort must leave as it is
        const order = Int32Array.from([...from.keys()].reverse())
        order.subarray(lo, hi).sort()
        const expected = [...order]
        expected.splice(lo, hi - lo, ...[...order.subarray(lo, hi)].sort((i, j) => from[i]! - from[j]! || i - j))
        sortByFrom(order, lo, hi, from)
        expect([...order]).toEqual(expected)
      }),
      { numRuns: 400 },
    )
  })

  it('sortDays orders a slice ascending, short or long, and touches nothing outside it', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -5, max: 100_000 }), { maxLength: 80 }), fc.nat(), (days, a) => {
        const xs = Int32Array.from(days)
        const lo = days.length === 0 ? 0 : a % days.length
        const expected = [...days.slice(0, lo), ...days.slice(lo).sort((x, y) => x - y)]
        sortDays(xs, lo, days.length)
        expect([...xs]).toEqual(expected)
      }),
      { numRuns: 400 },
    )
  })

  it('groupBy lists each group in item order, with offsets that bound it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.array(fc.nat(), { maxLength: 50 }), (groups, raw) => {
        const keys = Int32Array.from(raw, (k) => k % groups)
        const { offsets, order } = groupBy(keys, keys.length, groups)
        expect(offsets.length).toBe(groups + 1)
        expect(offsets[0]).toBe(0)
        expect(offsets[groups]).toBe(keys.length)
        for (let g = 0; g < groups; g++)
          expect([g, [...order.subarray(offsets[g]!, offsets[g + 1]!)]]).toEqual([
            g,
            [...keys.keys()].filter((i) => keys[i] === g),
          ])
      }),
      { numRuns: 300 },
    )
  })

  it('groupBy reads only the first n keys', () => {
    const { offsets, order } = groupBy(Int32Array.of(1, 0, 1, 0), 3, 2)
    expect([[...offsets], [...order]]).toEqual([
      [0, 1, 3],
      [1, 0, 2],
    ])
  })
})
