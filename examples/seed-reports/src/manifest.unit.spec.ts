import * as E from 'fp-ts/lib/Either.js'
import { InMemoryEventStore, type SnapshotStamp, sealSnapshot, writesInOrder } from '@ansinh/store'
import { readEverything } from '@ansinh/store-testing'
import { describe, expect, it } from 'vitest'
import { factsOfEvents, generateHere } from './generated.js'
import { MANIFEST_SNAPSHOT, ManifestMiss, ReadPositions, readManifest, saveManifest } from './manifest.js'

describe('the seed manifest', () => {
  const request = { seeds: ['a-luoi'] as const, names: true }
  const here = generateHere(request)
  const events = here.merged()

  const storeWithSeeds = async (): Promise<{ store: InMemoryEventStore; head: SnapshotStamp }> => {
    const store = new InMemoryEventStore()
    const appended = await store.appendMany(writesInOrder(events, new Map()))
    expect(E.isRight(appended)).toBe(true)
    const all = await readEverything(store)
    const last = all.at(-1)!
    return { store, head: { position: last.position, hash: last.hash } }
  }

  /** The manifest of a run whose story read positions 3 and 10 (a lapse among them, if any). */
  const saved = async (): Promise<{ store: InMemoryEventStore; head: SnapshotStamp; read: ReadPositions }> => {
    const { store, head } = await storeWithSeeds()
    const read = new ReadPositions()
    const at = read.watch(factsOfEvents(events))
    const lapse = events.findIndex((e) => e.type === 'ParticipantLapsed') + 1
    for (const p of [10, 3, lapse]) at(p)
    await saveManifest(store, head, request, here.facts, read)
    return { store, head, read }
  }

  it('gives back the seeds facts and the events the story read, for the head it was saved at', async () => {
    const { store, head, read } = await saved()
    const lapse = events.findIndex((e) => e.type === 'ParticipantLapsed') + 1
    expect(read.entries().map(([p]) => p)).toEqual([...new Set([3, 10, lapse])].sort((a, b) => a - b))
    const kept = await readManifest(store, head.position, request)
    expect(kept).not.toBeNull()
    expect(kept!.facts).toEqual(here.facts)
    const facts = factsOfEvents(events)
    for (const [p] of read.entries()) expect(kept!.merged.at(p)).toEqual(facts.at(p))
    expect(read.entries().some(([, , reason]) => reason !== null)).toBe(true)
    expect(() => kept!.merged.at(4)).toThrow(ManifestMiss)
    expect(() => kept!.merged.at(4)).toThrow('the seed manifest holds no event at position 4')
  })

  it('is not trusted for another head, other options, names it lacks, or a stamp the chain does not hold', async () => {
    const { store, head, read } = await saved()
    expect(await readManifest(store, head.position - 1, request)).toBeNull()
    expect(await readManifest(store, head.position, { ...request, seed: 7 })).toBeNull()
    expect(await readManifest(store, head.position, { ...request, includeHealth: true })).toBeNull()
    expect(await readManifest(store, head.position, { ...request, seeds: ['a-luoi', 'thuong-tin'] })).toBeNull()
    // a manifest without names serves a run without the page only
    await saveManifest(store, head, { ...request, names: false }, here.facts, read)
    expect(await readManifest(store, head.position, request)).toBeNull()
    expect(await readManifest(store, head.position, { ...request, names: false })).not.toBeNull()
    // stamped with a hash that is not the chain's at its position
    await saveManifest(store, { ...head, hash: 'f'.repeat(64) }, request, here.facts, read)
    expect(await readManifest(store, head.position, request)).toBeNull()
  })

  it('is none when absent or unreadable', async () => {
    const { store, head } = await storeWithSeeds()
    expect(await readManifest(store, head.position, request)).toBeNull()
    await store.snapshots.save(MANIFEST_SNAPSHOT, new Uint8Array([1, 2, 3]))()
    expect(await readManifest(store, head.position, request)).toBeNull()
    await store.snapshots.save(MANIFEST_SNAPSHOT, sealSnapshot(head, 1, new Uint8Array(Buffer.from('not json'))))()
    expect(await readManifest(store, head.position, request)).toBeNull()
  })
})
