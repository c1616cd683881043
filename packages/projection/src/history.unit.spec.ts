import * as E from 'fp-ts/lib/Either.js'
import { type BusinessDate, dayNumber, fromDayNumber, parseKnownAt } from '@ansinh/core'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { enrolled, established, owed, positioned } from '@ansinh/testing/fixtures'
import { dayOf } from './columns.js'
import { Geography } from './geography.js'
import { History } from './index.js'
import { decodeHistorySnapshot, encodeHistorySnapshot } from './snapshot.js'

describe('History', () => {
  const events = positioned([
    enrolled('0000000001', 'health', '22816', '2020-01-01', null, '2020-01-02T09:00:00+07:00'),
    enrolled('0000000002', 'health', '22816', '2020-01-01', null, '2020-03-02T09:00:00+07:00'),
    enrolled('0000000003', 'health', '22816', '2020-01-01', null, '2020-02-02T09:00:00+07:00'),
  ])

  it('refuses an append whose position is not after the last one, as a value', () => {
    const history = History.of(events)
    expect(history.append({ event: events[0]!.event, position: 3 })).toEqual(
      E.left({ _tag: 'PositionNotIncreasing', position: 3, lastPosition: 3 }),
    )
    expect(E.isRight(history.append({ event: events[0]!.event, position: 7 }))).toBe(true)
    expect([history.size, history.lastPosition]).toEqual([4, 7])
    // the first event of an empty history may have any position, 0 too
    expect(new History().append({ event: events[0]!.event, position: 0 })).toEqual(E.right(undefined))
  })

  it('takes events in order of position, whatever order they are given in', () => {
    const history = History.of([events[2]!, events[0]!, events[1]!])
    expect([0, 1, 2].map((i) => history.positionAt(i))).toEqual([1, 2, 3])
    // known-at cuts read the recording instants by ordinal: the second event (position 2) is the last recorded
    expect(history.basis(Date.parse('2020-02-02T09:00:00+07:00'))).toEqual({ events: 2, lastPosition: 3 })
    expect(() => history.positionAt(3)).toThrow(new RangeError('no event at ordinal 3 (history of 3)'))
    expect(() => history.positionAt(-1)).toThrow(new RangeError('no event at ordinal -1 (history of 3)'))
    // in reverse order no two neighbours are in order: still sorted
    const reversed = History.of([events[2]!, events[1]!, events[0]!])
    expect([0, 1, 2].map((i) => reversed.positionAt(i))).toEqual([1, 2, 3])
    // any iterable, not only an array
    const given = History.of(
      (function* () {
        yield* [events[1]!, events[2]!, events[0]!]
      })(),
    )
    expect([given.size, given.positionAt(0), given.lastPosition]).toEqual([3, 1, 3])
  })

  it('cuts at a known-at instant (inclusive), caches the view, and drops the cache on append', () => {
    const history = History.of(events)
    const cut = Date.parse('2020-02-02T09:00:00+07:00')
    expect(history.basis(cut)).toEqual({ events: 2, lastPosition: 3 })
    expect(history.basis(cut - 1)).toEqual({ events: 1, lastPosition: 1 })
    expect(history.basis(parseKnownAt('2019-12-31'))).toEqual({ events: 0, lastPosition: null })
    expect(history.basis(null)).toEqual({ events: 3, lastPosition: 3 })
    expect(history.view(cut)).toBe(history.view(cut))
    const before = history.view(cut)
    history.append({
      event: enrolled('0000000004', 'health', '22816', '2020-01-01', null, '2020-01-01T00:00:00+07:00'),
      position: 4,
    })
    expect(history.view(cut)).not.toBe(before)
    expect(history.basis(cut)).toEqual({ events: 3, lastPosition: 4 })
    // a cut after every recording, or at the last one, is the full view itself
    expect(history.view(Date.parse('2030-01-01T00:00:00Z'))).toBe(history.view(null))
    expect(history.view(Date.parse('2020-03-02T09:00:00+07:00'))).toBe(history.view(null))
  })

  it('keeps the views of the last eight cut-offs asked, the least recently asked going first', () => {
    const history = History.of(events)
    const cuts = Array.from({ length: 9 }, (_, i) => Date.parse('2020-02-01T00:00:00+07:00') + i * 60_000)
    const first = cuts.map((k) => history.view(k))
    // asked again: the eight latest are kept, the first was let go
    cuts.slice(1).forEach((k, i) => expect(history.view(k)).toBe(first[i + 1]))
    expect(history.view(cuts[0]!)).not.toBe(first[0])
    // that let the second go; asking the third again made it the most recent, so a new cut lets the fourth go
    history.view(cuts[2]!)
    history.view(cuts[1]!)
    expect(history.view(cuts[2]!)).toBe(first[2])
    expect(history.view(cuts[3]!)).not.toBe(first[3])
  })

  it.each([
    ['in position order', 0],
    ['one in fifty up to a day early or late', 0.02],
  ])('counts the events known at a cut-off over blocks of 4096, recorded %s, before and after appends', (_, jitter) => {
    let state = 7
    const next = (): number => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
    const start = Date.parse('2020-01-01T00:00:00+07:00')
    // a minute apart in position order, some recorded early or late
    const at = (i: number): string =>
      new Date(start + i * 60_000 + (next() < jitter ? (next() - 0.5) * 2 * 86_400_000 : 0)).toISOString()
    const all = Array.from({ length: 13_000 }, (_, i) =>
      enrolled(String(i + 1).padStart(10, '0'), 'health', '22816', '2020-01-01', null, at(i)),
    )
    const naive = (n: number, k: number): { events: number; lastPosition: number | null } => {
      let events = 0,
        lastPosition: number | null = null
      for (let i = 0; i < n; i++)
        if (Date.parse(all[i]!.recordedAt) <= k) {
          events++
          lastPosition = i + 1
        }
      return { events, lastPosition }
    }
    // between recordings, at recordings (the cut is inclusive), and at the first and last of a block
    const cutoffs = [
      ...Array.from({ length: 20 }, () => start + next() * 13_000 * 60_000),
      ...Array.from({ length: 20 }, () => Date.parse(all[Math.floor(next() * all.length)]!.recordedAt)),
      ...[4095, 4096, 8191, 8192, 8999, 9000, 12287, 12288].map((i) => start + i * 60_000),
    ]
    const history = History.of(positioned(all.slice(0, 9_000)))
    for (const k of cutoffs) expect(history.basis(k)).toEqual(naive(9_000, k))
    for (let i = 9_000; i < all.length; i++) history.append({ event: all[i]!, position: i + 1 })
    for (const k of cutoffs) expect(history.basis(k)).toEqual(naive(all.length, k))
  })

  it('keeps a known-at view to what was folded when it was cut, though its read models are cut on first use', () => {
    const history = History.of([
      ...events,
      {
        event: owed('0101234567', '22816', 'health', '2020-01', 100, '2020-02-01', '2020-02-01T09:00:00+07:00'),
        position: 4,
      },
    ])
    const cut = Date.parse('2020-02-02T09:00:00+07:00')
    const view = history.view(cut)
    // backdated: recorded before the cut-off, appended after the view was taken
    history.append({
      event: enrolled('0000000005', 'health', '22816', '2020-01-01', null, '2020-01-01T00:00:00+07:00'),
      position: 5,
    })
    history.append({
      event: owed('0101234567', '22816', 'health', '2020-02', 50, '2020-02-01', '2020-01-01T00:00:00+07:00'),
      position: 6,
    })
    const day = dayNumber('2020-03-31' as BusinessDate)
    expect(view.participation.participants(['22816'], 'health', day)).toBe(2)
    expect(view.participation.participants(null, 'health', day)).toBe(2)
    expect(view.debts.balancesOn(day, 'health', null).debts.map((b) => b.outstanding)).toEqual([100])
    // the view taken now sees them
    expect(history.view(cut).participation.participants(['22816'], 'health', day)).toBe(3)
    const now = history.view(cut).debts.balancesOn(day, 'health', null)
    expect(now.debts.map((b) => b.outstanding)).toEqual([100, 50])
  })
})

describe('History folded event by event', () => {
  const stream = (n: number): History => {
    const h = new History()
    for (let i = 0; i < n; i++) {
      const id = String(i).padStart(10, '0')
      h.append({ event: enrolled(id, 'health', '22816', '2020-01-01', null), position: i + 1 })
    }
    return h
  }
  const slack = (h: History): number[] => {
    const { positions, recordedAt } = h.columns()
    return [positions.buffer.byteLength / 8 - h.size, recordedAt.buffer.byteLength / 8 - h.size]
  }

  it('holds its positions and recording instants at their exact size once the index is built, as the rows', () => {
    const h = stream(1000)
    // grown by half as events came: slack in both columns
    expect(slack(h).every((s) => s > 0)).toBe(true)
    h.view().participation.settle()
    expect(slack(h)).toEqual([0, 0])
    // appended after the build: the columns grow again and answer as before
    h.append({ event: enrolled('0000009999', 'health', '22816', '2020-01-01', null), position: 2000 })
    expect([h.size, h.lastPosition, h.positionAt(1000)]).toEqual([1001, 2000, 2000])
  })

  it('fits the columns of a restored history on its next full build too', () => {
    const h = stream(300)
    const restored = decodeHistorySnapshot(encodeHistorySnapshot(h))
    if (E.isLeft(restored)) throw new Error(restored.left.message)
    const back = restored.right
    for (let i = 0; i < 200; i++)
      back.append({
        event: enrolled(String(5000 + i).padStart(10, '0'), 'health', '22816', '2020-01-01', null),
        position: 1000 + i,
      })
    back.view().participation.settle()
    expect(slack(back)).toEqual([0, 0])
  })
})

describe('Geography', () => {
  it('keeps the later record of a code, lists children by code, and walks a cycle once', () => {
    const g = new Geography()
    const add = (code: string, name: string, parent: string | undefined, position: number) =>
      g.add(established(code, name, parent).data as Parameters<Geography['add']>[0], position)
    add('60', 'Bình Thuận', undefined, 1)
    add('594', 'La Gi', '60', 2)
    add('593', 'Phan Thiết', '60', 3)
    expect(g.children(null)).toEqual(['60'])
    expect(g.children('60')).toEqual(['593', '594'])
    expect(g.subtree('60')).toEqual(['60', '593', '594'])
    add('60', 'Bình Thuận (mới)', '594', 4)
    expect(g.nameOf('60')).toBe('Bình Thuận (mới)')
    expect(g.children(null)).toEqual([])
    expect([...g.subtree('594')].sort()).toEqual(['593', '594', '60'])
    expect(g.subtree('99999')).toEqual(['99999'])
    expect(g.nameOf('99999')).toBeNull()
  })
})

describe('dayOf', () => {
  it('agrees with dayNumber from core on any date of years 0000–9999', () => {
    fc.assert(
      fc.property(fc.integer({ min: dayNumber('0000-01-01'), max: dayNumber('9999-12-31') }), (n) => {
        expect(dayOf(fromDayNumber(n))).toBe(n)
      }),
      { numRuns: 300 },
    )
  })
})
