import { checkHistory, decodeEvent, encodeLine } from '@ansinh/core'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { type ScaleOptions, emptyStats, generateHistory } from './generator.js'

const SMALL: ScaleOptions = {
  seed: 7,
  participants: 2_000,
  employers: 60,
  communes: 20,
  districts: 3,
  startYear: 2020,
  years: 3,
  province: '60',
}

describe('generateHistory', () => {
  it('gives the same events for the same seed and other events for another seed', () => {
    const TINY = { ...SMALL, participants: 800, years: 2 }
    const a = [...generateHistory(TINY)].map(encodeLine)
    const b = [...generateHistory(TINY)].map(encodeLine)
    const c = [...generateHistory({ ...TINY, seed: 8 })].map(encodeLine)
    expect(a).toEqual(b)
    expect(c).not.toEqual(a)
  })

  // The bench's history is the version-1 one the figures in docs/performance.md were measured on: no
  // reform and no money events yet (docs/performance.md: what the bench does not measure).
  it('makes well-formed events that obey every write rule, of every version-1 type', () => {
    const stats = emptyStats()
    const events = [...generateHistory(SMALL, stats)]
    const malformed = events.filter((e) => E.isLeft(decodeEvent(JSON.parse(encodeLine(e)))))
    expect(malformed).toEqual([])
    const violations = checkHistory(events.map((event, i) => ({ event, position: i + 1, line: i + 1 })))
    expect(violations.map((v) => v.error)).toEqual([])
    expect(stats.events).toBe(events.length)
    const v1 = [
      'ParticipantEnrolled',
      'ParticipantLapsed',
      'QuotaAssigned',
      'DebtRecorded',
      'DebtSettled',
      'UnitEstablished',
      'PopulationEstimated',
    ] as const
    for (const type of v1) expect(stats.byType[type], type).toBeGreaterThan(0)
    expect(stats.participants).toBeGreaterThan(SMALL.participants * 0.9)
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length)
  })

  it('records a few enrolments late, after events recorded on later business days', () => {
    const late = [...generateHistory(SMALL)].filter(
      (e) => e.type === 'ParticipantEnrolled' && e.data.coveredFrom < e.recordedAt.slice(0, 10),
    )
    expect(late.length).toBeGreaterThan(0)
  })

  it('streams: it yields events before generating the rest of the history', () => {
    const it = generateHistory({ ...SMALL, participants: 1_000_000 })
    // Only the first day is generated; a full history of a million people would take seconds.
    const first = it.next()
    expect(first.done).toBe(false)
    expect(first.value?.type).toBe('UnitEstablished')
  })
})
