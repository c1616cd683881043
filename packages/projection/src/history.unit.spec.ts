import * as E from 'fp-ts/lib/Either.js'
import { dayNumber, fromDayNumber, parseKnownAt } from '@ansinh/core'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { enrolled, established, positioned } from '@ansinh/testing/fixtures'
import { dayOf } from './columns.js'
import { Geography } from './geography.js'
import { History } from './index.js'

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
  })

  it('takes events in order of position, whatever order they are given in', () => {
    const history = History.of([events[2]!, events[0]!, events[1]!])
    expect([0, 1, 2].map((i) => history.positionAt(i))).toEqual([1, 2, 3])
    // known-at cuts read the recording instants by ordinal: the second event (position 2) is the last recorded
    expect(history.basis(Date.parse('2020-02-02T09:00:00+07:00'))).toEqual({ events: 2, lastPosition: 3 })
    expect(() => history.positionAt(3)).toThrow(RangeError)
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
    // a cut after every recording is the full view itself
    expect(history.view(Date.parse('2030-01-01T00:00:00Z'))).toBe(history.view(null))
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
