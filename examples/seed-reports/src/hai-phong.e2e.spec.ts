import { describe, expect, it } from 'vitest'
import { type BusinessDate, parseKnownAt } from '@ansinh/core'
import { History } from '@ansinh/projection'
import { explainKnownAt, factsOf } from './audit.js'
import { figuresFor } from './figures.js'
import { seedHistory } from './history.js'
import { checkFigures, projectionSource } from './reports.js'
import { Tally } from './tally.js'
import { digestOf, tallyMismatches, violationsOf } from './testing.js'

// End to end on the largest seed (about 750,000 events): generator → projection packages → figures.
describe('Hải Phòng, 30/9/2024', () => {
  const events = seedHistory({ seeds: ['hai-phong'] })
  const figures = figuresFor({ seeds: ['hai-phong'] })
  const tally = new Tally(events)

  it('reproduces every published figure through the projection packages', () => {
    const failed = checkFigures(projectionSource(events), figures).filter((c) => !c.ok)
    expect(failed.map((c) => ({ id: c.figure.id, actual: c.actual }))).toEqual([])
    expect(figures).toHaveLength(15)
  })

  it('reproduces them in an independent naive count too', () => {
    expect(tallyMismatches(tally, figures)).toEqual([])
  })

  it('keeps compulsory to about one event per person', () => {
    const compulsory = events.filter(
      (e) => (e.type === 'ParticipantEnrolled' || e.type === 'ParticipantLapsed') && e.data.scheme === 'compulsory',
    )
    expect(compulsory.length).toBeLessThan(495_856 * 1.1)
  })

  it('explains what the late records change: a late intake adds 146, a closure reported late removes 38', () => {
    const history = History.of(events.map((event, i) => ({ event, position: i + 1 })))
    const d = explainKnownAt(history, (p) => factsOf(events[p - 1]!), {
      unit: '31',
      scheme: 'compulsory',
      asOf: '2024-09-30' as BusinessDate,
      knownAt: parseKnownAt('2024-10-10')!,
    })
    expect(d.atPublication).toBe(495_856)
    expect(d.lateEnrolments.participants).toBe(146)
    expect(d.lateLapses.participants).toBe(38)
    expect(d.today).toBe(495_856 + 146 - 38)
  })

  it('obeys every write rule, merged with the other seeds into the default history', () => {
    const merged = seedHistory()
    expect(merged.length).toBeGreaterThan(events.length)
    expect(violationsOf(merged)).toEqual([])
  })

  it('is a pure function of its options', () => {
    expect(digestOf(seedHistory({ seeds: ['hai-phong'] }))).toBe(digestOf(events))
  })
})
