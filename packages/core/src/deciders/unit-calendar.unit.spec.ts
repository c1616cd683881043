/**
 * The unit calendar on its own, answer by answer on a small hand-made geography. (Mutation testing:
 * the calendar was only reached through the history checker, so out-of-order changes, same-day
 * changes, earlier dissolutions, level changes and loops could all be answered wrongly unseen.)
 * The calendar does not check what it folds (the deciders do), so loops can be built here.
 */
import { describe, expect, it } from 'vitest'
import type { UnitLevel } from '../values.js'
import { dayNumber as day } from '../values.js'
import { UnitCalendar } from './unit-calendar.js'

const establish = (
  c: UnitCalendar,
  code: string,
  level: UnitLevel,
  parent: string | null,
  establishedOn = '2000-01-01',
) =>
  c.establish({ code, name: `Đơn vị ${code}`, level, ...(parent === null ? {} : { parent }), establishedOn } as never)
const change = (
  c: UnitCalendar,
  code: string,
  effectiveOn: string,
  data: { parent?: string | null; level?: UnitLevel; name?: string },
) => c.change({ code, effectiveOn, ...data } as never)
const dissolve = (c: UnitCalendar, code: string, dissolvedOn: string, successor: string) =>
  c.dissolve({ code, dissolvedOn, successor } as never)

/** Hải Dương (30) › district 300 › commune 30001, and Hải Phòng (31) › district 310. */
const calendar = (): UnitCalendar => {
  const c = new UnitCalendar()
  establish(c, '30', 'province', null)
  establish(c, '31', 'province', null)
  establish(c, '300', 'district', '30')
  establish(c, '310', 'district', '31', '2010-01-01')
  establish(c, '30001', 'commune', '300')
  return c
}

describe('UnitCalendar: establishment and dissolution', () => {
  it('knows when a unit was established and whether it exists on a day', () => {
    const c = calendar()
    expect([c.has('310'), c.has('39')]).toEqual([true, false])
    expect([c.establishedDay('310'), c.establishedDay('39')]).toEqual([day('2010-01-01'), null])
    expect([
      c.existsOn('310', day('2009-12-31')),
      c.existsOn('310', day('2010-01-01')),
      c.existsOn('39', day('2010-01-01')),
    ]).toEqual([false, true, false])
  })

  it('a dissolution ends the unit from its day; the earliest dissolution stands; an unknown code is ignored', () => {
    const c = calendar()
    dissolve(c, '39', '2025-01-01', '31')
    expect(c.dissolution('39')).toBeNull()
    expect([c.dissolution('300'), c.dissolvedBy('300', day('2030-01-01'))]).toEqual([null, null])
    dissolve(c, '300', '2025-07-01', '30')
    expect(c.dissolution('300')).toEqual({ dissolvedOn: '2025-07-01', successor: '30' })
    expect(c.dissolvedBy('300', day('2025-06-30'))).toBeNull()
    expect(c.dissolvedBy('300', day('2025-07-01'))).toEqual({ dissolvedOn: '2025-07-01', successor: '30' })
    expect([c.existsOn('300', day('2025-06-30')), c.existsOn('300', day('2025-07-01'))]).toEqual([true, false])
    dissolve(c, '300', '2026-01-01', '31') // later: the first stands
    expect(c.dissolution('300')).toEqual({ dissolvedOn: '2025-07-01', successor: '30' })
    dissolve(c, '300', '2025-03-01', '31') // earlier: it takes over
    expect(c.dissolution('300')).toEqual({ dissolvedOn: '2025-03-01', successor: '31' })
    expect(c.existsOn('300', day('2025-03-01'))).toBe(false)
  })

  it('a second UnitEstablished of a code replaces its establishment and keeps its changes and dissolution', () => {
    const c = calendar()
    change(c, '30001', '2025-07-01', { parent: '31' })
    dissolve(c, '30001', '2026-01-01', '31')
    establish(c, '30001', 'commune', '300', '2001-01-01')
    expect(c.establishedDay('30001')).toBe(day('2001-01-01'))
    expect([c.parentOn('30001', day('2025-06-30')), c.parentOn('30001', day('2025-07-01'))]).toEqual(['300', '31'])
    expect(c.dissolution('30001')).toEqual({ dissolvedOn: '2026-01-01', successor: '31' })
  })
})

describe('UnitCalendar: parents and levels through time', () => {
  it('takes the changes in effectiveOn order, whatever order they were recorded in, and same-day ones in record order', () => {
    const c = calendar()
    change(c, '39', '2025-01-01', { parent: '31' }) // unknown code: ignored
    change(c, '30001', '2025-07-01', { parent: '310' })
    change(c, '30001', '2025-01-01', { parent: '31' }) // recorded later, effective earlier
    change(c, '30001', '2026-01-01', { parent: '30' })
    change(c, '30001', '2026-01-01', { parent: '300' }) // the same day, recorded later: it stands
    change(c, '30001', '2025-09-01', { name: 'Tên mới' }) // a change of name leaves the parent
    expect(
      ['2024-12-31', '2025-01-01', '2025-06-30', '2025-07-01', '2025-12-31', '2026-01-01'].map((d) =>
        c.parentOn('30001', day(d)),
      ),
    ).toEqual(['300', '31', '31', '310', '310', '300'])
    expect([c.parentOn('30', day('2025-01-01')), c.parentOn('39', day('2025-01-01'))]).toEqual([null, null])
  })

  it('a parent set to null by a change is null from its day', () => {
    const c = calendar()
    change(c, '300', '2025-07-01', { parent: null })
    expect([c.parentOn('300', day('2025-06-30')), c.parentOn('300', day('2025-07-01'))]).toEqual(['30', null])
  })

  it('the level is the established one until a change of level takes effect; other changes leave it', () => {
    const c = calendar()
    change(c, '30001', '2025-07-01', { level: 'district' })
    change(c, '30001', '2025-08-01', { parent: '30' })
    expect(['2025-06-30', '2025-07-01', '2025-09-01'].map((d) => c.levelOn('30001', day(d)))).toEqual([
      'commune',
      'district',
      'district',
    ])
    expect([c.levelOn('310', day('2025-07-01')), c.levelOn('39', day('2025-07-01'))]).toEqual(['district', null])
  })
})

describe('UnitCalendar: loops', () => {
  it('closesLoopOn: the new parent leads back to the unit on that day, or a loop elsewhere runs past the number of units', () => {
    const c = calendar()
    expect(c.closesLoopOn('30', '30001', day('2025-01-01'))).toBe(true) // 30001 › 300 › 30
    expect(c.closesLoopOn('30', '300', day('2025-01-01'))).toBe(true)
    expect(c.closesLoopOn('30001', '310', day('2025-01-01'))).toBe(false) // 310 › 31 › none
    expect(c.closesLoopOn('310', '39', day('2025-01-01'))).toBe(false) // unknown parent: no chain
    // a loop between 30 and 300 that does not pass through 31
    change(c, '30', '2025-01-01', { parent: '300' })
    expect(c.closesLoopOn('31', '300', day('2025-01-01'))).toBe(true)
    expect(c.closesLoopOn('31', '300', day('2024-12-31'))).toBe(false)
  })

  it('closesLoopFrom: also on each later day a parent change takes effect, until the unit’s own next parent change', () => {
    const c = calendar()
    change(c, '310', '2026-01-01', { parent: '30001' }) // from 2026, 310 sits under 30001
    // 30001 under 310: no loop on 2025-07-01, one from 2026-01-01 (30001 › 310 › 30001)
    expect(c.closesLoopOn('30001', '310', day('2025-07-01'))).toBe(false)
    expect(c.closesLoopFrom('30001', '310', day('2025-07-01'))).toBe(true)
    // on the day itself
    expect(c.closesLoopFrom('30001', '310', day('2026-01-01'))).toBe(true)
    expect(c.closesLoopFrom('31', '30', day('2025-07-01'))).toBe(false)
    // 30001's own change back under 300 from 2025-12-01 replaces this one before the loop would begin
    change(c, '30001', '2025-12-01', { parent: '300' })
    expect(c.closesLoopFrom('30001', '310', day('2025-07-01'))).toBe(false)
  })

  it('closesLoopFrom looks at the later days in date order, stopping at the unit’s own next change', () => {
    const c = calendar()
    change(c, '310', '2027-01-01', { parent: '30001' }) // recorded first, effective last: a loop from 2027
    change(c, '30001', '2026-01-01', { parent: '300' }) // the unit's own change, in between
    change(c, '31', '2025-09-01', { name: 'Hải Phòng' }) // a day without a parent change is no checkpoint
    expect(c.closesLoopFrom('30001', '310', day('2025-07-01'))).toBe(false)
  })

  it('a chain through every unit that ends in a code no UnitEstablished names is no loop', () => {
    const c = new UnitCalendar()
    establish(c, '300', 'district', '39')
    establish(c, '30001', 'commune', '300')
    expect(c.closesLoopOn('30002', '30001', day('2025-01-01'))).toBe(false)
    expect(c.closesLoopFrom('30002', '30001', day('2025-01-01'))).toBe(false)
  })

  it('closesLoopFrom: a loop only before the day is none; a loop elsewhere is bounded; a new code has no changes of its own', () => {
    const c = calendar()
    change(c, '310', '2024-01-01', { parent: '30001' })
    change(c, '310', '2025-01-01', { parent: '31' })
    expect(c.closesLoopFrom('30001', '310', day('2025-07-01'))).toBe(false)
    expect(c.closesLoopFrom('39', '30', day('2025-07-01'))).toBe(false)
    change(c, '30', '2025-01-01', { parent: '300' }) // 30 ⇄ 300, not through 31
    expect(c.closesLoopFrom('31', '300', day('2025-07-01'))).toBe(true)
  })

  it('closesLoopFrom: a loop on the day itself counts whatever the unit’s own changes', () => {
    const c = calendar()
    change(c, '30001', '2024-01-01', { parent: '310' }) // an own change before the day
    change(c, '30001', '2025-07-01', { parent: '310' }) // and one on the day, recorded before this one
    change(c, '30001', '2026-01-01', { parent: '300' }) // and one after it
    change(c, '310', '2025-01-01', { parent: '30001' }) // 310 under 30001 already
    expect(c.closesLoopFrom('30001', '310', day('2025-07-01'))).toBe(true)
  })

  it('closesLoopFrom: the unit’s own next change of parent stops the search on its day; a change of its name does not', () => {
    const c = calendar()
    change(c, '30001', '2025-09-01', { name: 'Tên mới' })
    change(c, '310', '2025-10-01', { parent: '30001' })
    expect(c.closesLoopFrom('30001', '310', day('2025-07-01'))).toBe(true)
    const stopped = calendar()
    stopped.change({ code: '30001', effectiveOn: '2025-10-01', parent: '300' } as never)
    stopped.change({ code: '310', effectiveOn: '2025-10-01', parent: '30001' } as never) // the loop would start the same day
    expect(stopped.closesLoopFrom('30001', '310', day('2025-07-01'))).toBe(false)
  })

  it('closesLoopFrom: days are taken in date order, whatever order the units hold them in', () => {
    const c = calendar()
    change(c, '300', '2026-01-01', { parent: '30' }) // held first (300 was established before 310)
    change(c, '310', '2025-09-01', { parent: '30001' }) // the loop from 2025-09-01
    change(c, '30001', '2025-12-01', { parent: '300' }) // the unit's own next change
    expect(c.closesLoopFrom('30001', '310', day('2025-07-01'))).toBe(true)
  })

  it('a second dissolution on the same day does not replace the first', () => {
    const c = calendar()
    dissolve(c, '300', '2025-07-01', '30')
    dissolve(c, '300', '2025-07-01', '31')
    expect(c.dissolution('300')).toEqual({ dissolvedOn: '2025-07-01', successor: '30' })
  })
})
