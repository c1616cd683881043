import { type DomainEvent, instantMillis } from '@ansinh/core'
import { describe, expect, it } from 'vitest'
import { factsOf } from './audit.js'
import {
  SAMPLE_EVERY,
  factsOfEvents,
  factsThere,
  generateHere,
  generateInWorker,
  packFacts,
  sampled,
  unpackFacts,
} from './generated.js'
import { seedHistory } from './history.js'

describe('the facts of the generated seeds', () => {
  const request = { seeds: ['a-luoi', 'thuong-tin'] as const, names: true }
  const here = generateHere(request)
  const merged = here.merged()

  it('are those of the seed histories: counts, names, and the merged history', () => {
    expect(merged).toEqual(seedHistory({ seeds: ['a-luoi', 'thuong-tin'] }))
    for (const seed of request.seeds) {
      const history = seedHistory({ seeds: [seed] })
      expect(here.histories.get(seed)).toEqual(history)
      expect(here.facts.get(seed)).toMatchObject({ seed, events: history.length, renewals: null })
    }
    expect(here.facts.get('a-luoi')!.names.size).toBeGreaterThan(20)
    expect(generateHere({ ...request, names: false }).facts.get('a-luoi')!.names.size).toBe(0)
    // Bình Thuận's expiring-before-year-end figure is the one with renewals
    expect(generateHere({ seeds: ['binh-thuan'], names: false }).facts.get('binh-thuan')!.renewals).not.toBeNull()
  })

  it('sample every 64th index from 0 and the last', () => {
    expect(sampled(0)).toEqual([])
    expect(sampled(1)).toEqual([0])
    expect(sampled(SAMPLE_EVERY)).toEqual([0, SAMPLE_EVERY - 1])
    expect(sampled(SAMPLE_EVERY + 1)).toEqual([0, SAMPLE_EVERY])
    expect(sampled(130)).toEqual([0, 64, 128, 129])
  })

  it('packed and unpacked, tell every id and lapse reason, and the sampled instants', () => {
    const facts = factsOfEvents(merged)
    const unpacked = unpackFacts(packFacts(merged))
    expect(unpacked.length).toBe(merged.length)
    for (let p = 1; p <= merged.length; p++) expect(unpacked.at(p)).toEqual(facts.at(p))
    expect(merged.some((e) => e.type === 'ParticipantLapsed')).toBe(true)
    for (const i of sampled(merged.length)) expect(unpacked.instantAt(i)).toBe(instantMillis(merged[i]!.recordedAt))
    expect(() => unpacked.instantAt(1)).toThrow('index 1 is not one of the sampled indices')
    expect(facts.at(1)).toEqual(factsOf(merged[0]!))
  })

  it('refuse to pack an id that is not a 36-character UUID', () => {
    const odd = { ...merged[0]!, id: 'short' } as DomainEvent
    expect(() => packFacts([odd])).toThrow('event 1: id "short" is not 36 characters')
  })

  it('are the same generated on a worker thread', async () => {
    const task = generateInWorker(request)
    const there = factsThere(await task.result)
    await task.stop()
    expect(there.facts).toEqual(
      new Map([...here.facts].map(([seed, f]) => [seed, { ...f, generatedMs: there.facts.get(seed)!.generatedMs }])),
    )
    const facts = factsOfEvents(merged)
    for (let p = 1; p <= merged.length; p += 97) expect(there.merged.at(p)).toEqual(facts.at(p))
  })
})
