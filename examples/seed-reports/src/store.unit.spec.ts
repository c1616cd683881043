import type { Instant } from '@ansinh/core'
import { History } from '@ansinh/projection'
import { describe, expect, it } from 'vitest'
import { seedHistory } from './history.js'
import { factsOfEvents } from './generated.js'
import { recordedAsGenerated } from './store.js'

describe('recordedAsGenerated', () => {
  const events = seedHistory({ seeds: ['a-luoi'] })
  const history = History.of(events.map((event, i) => ({ event, position: i + 1 })))
  const movedAt = (i: number): typeof events => {
    const moved = [...events]
    const e = moved[i]!
    moved[i] = { ...e, recordedAt: new Date(Date.parse(e.recordedAt) + 1000).toISOString() as Instant }
    return moved
  }

  it('holds for the history folded from the generated events', () => {
    expect(recordedAsGenerated(history, factsOfEvents(events))).toBe(true)
  })
  it('fails for another number of events', () => {
    expect(recordedAsGenerated(history, factsOfEvents(events.slice(1)))).toBe(false)
    expect(recordedAsGenerated(History.of([]), factsOfEvents(events))).toBe(false)
  })
  it('fails when a compared event was recorded at another instant: the first, every 64th, the last', () => {
    expect(recordedAsGenerated(history, factsOfEvents(movedAt(0)))).toBe(false)
    expect(recordedAsGenerated(history, factsOfEvents(movedAt(64)))).toBe(false)
    expect(recordedAsGenerated(history, factsOfEvents(movedAt(events.length - 1)))).toBe(false)
  })
  it('compares a sample: an event between two compared positions is not read', () => {
    expect(recordedAsGenerated(history, factsOfEvents(movedAt(65)))).toBe(true)
  })
  it('fails when the history holds its events at other positions', () => {
    const shifted = History.of(events.map((event, i) => ({ event, position: i + 2 })))
    expect(recordedAsGenerated(shifted, factsOfEvents(events))).toBe(false)
  })
  it('holds for two empty histories', () => {
    expect(recordedAsGenerated(History.of([]), factsOfEvents([]))).toBe(true)
  })
})
