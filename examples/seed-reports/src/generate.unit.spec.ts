import { describe, expect, it } from 'vitest'
import { EventId, instantMillis, isBusinessDate } from '@ansinh/core'
import { dateOf, firstDay, instantAt, isoInstant, lastDay, monthIndex, monthOfDay } from './generate/calendar.js'
import { EventLog, mergeLogs } from './generate/events.js'
import { IdFactory, ParticipantIds } from './generate/ids.js'
import { Rng } from '@ansinh/testing/prng'
import { apportion } from './generate/writer.js'
import { slug } from './generate/agents.js'

describe('Rng', () => {
  it('is a pure function of seed and stream', () => {
    const draws = (seed: number, stream: string): number[] => {
      const r = new Rng(seed, stream)
      return Array.from({ length: 5 }, () => r.u32())
    }
    expect(draws(1, 'a')).toEqual(draws(1, 'a'))
    expect(draws(1, 'a')).not.toEqual(draws(2, 'a'))
    expect(draws(1, 'a')).not.toEqual(draws(1, 'b'))
  })
  it('draws integers within bounds, every value reachable', () => {
    const r = new Rng(7)
    const seen = new Set<number>()
    for (let i = 0; i < 2000; i++) {
      const n = r.int(-2, 3)
      expect(n).toBeGreaterThanOrEqual(-2)
      expect(n).toBeLessThanOrEqual(3)
      seen.add(n)
    }
    expect(seen.size).toBe(6)
  })
})

describe('ids', () => {
  it('hands out distinct version-4 UUIDs that depend on the seed', () => {
    const a = new IdFactory(1, 'x')
    const ids = Array.from({ length: 10_000 }, () => a.next())
    expect(new Set(ids).size).toBe(ids.length)
    for (const id of ids.slice(0, 50)) {
      expect(EventId.is(id)).toBe(true)
      expect(id[14]).toBe('4')
      expect('89ab').toContain(id[19])
    }
    expect(new IdFactory(1, 'x').next()).toBe(ids[0])
    expect(new IdFactory(2, 'x').next()).not.toBe(ids[0])
  })
  it('issues distinct 10-digit participant ids with the province prefix', () => {
    const p = new ParticipantIds(3, '60')
    const ids = Array.from({ length: 50_000 }, () => p.next())
    expect(new Set(ids).size).toBe(ids.length)
    for (const id of ids.slice(0, 100)) expect(id).toMatch(/^60\d{8}$/)
  })
})

describe('calendar', () => {
  it('maps months to their first and last days', () => {
    const feb2024 = monthIndex(2024, 2)
    expect(dateOf(firstDay(feb2024))).toBe('2024-02-01')
    expect(dateOf(lastDay(feb2024))).toBe('2024-02-29')
    expect(monthOfDay(lastDay(feb2024))).toBe(feb2024)
    expect(isBusinessDate(dateOf(lastDay(monthIndex(2023, 12))))).toBe(true)
  })
  it('writes instants in Vietnam time that parse back to the same millisecond', () => {
    const ms = instantAt(firstDay(monthIndex(2020, 10)) + 4, 9 * 3600 + 15 * 60 + 7)
    expect(isoInstant(ms)).toBe('2020-10-05T09:15:07+07:00')
    expect(instantMillis(isoInstant(ms))).toBe(ms)
  })
})

describe('helpers', () => {
  it('apportions exactly', () => {
    expect(apportion([1, 1, 1], 10)).toEqual([4, 3, 3])
    expect(apportion([60, 20, 18], 468).reduce((a, b) => a + b, 0)).toBe(468)
  })
  it('makes ASCII agent codes from Vietnamese names', () => {
    expect(slug('Huyện Đức Linh')).toBe('DUCLINH')
    expect(slug('Thành phố Phan Thiết')).toBe('PHANTHIET')
  })
  it('merges logs by recording instant, keeping generation order on ties', () => {
    const a = new EventLog(new IdFactory(1, 'a'))
    const b = new EventLog(new IdFactory(1, 'b'))
    const data = (n: number) => ({ unit: '60' as never, year: 2020 as never, population: n as never })
    a.add('PopulationEstimated', 2000, data(1))
    a.add('PopulationEstimated', 1000, data(2))
    b.add('PopulationEstimated', 1000, data(3))
    b.add('PopulationEstimated', 3000, data(4))
    const merged = mergeLogs([a, b]).map((e) => (e.data as { population: number }).population)
    expect(merged).toEqual([2, 3, 1, 4])
  })
})
