import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import type { DomainEvent, Instant } from '@ansinh/core'
import * as E from 'fp-ts/lib/Either.js'
import {
  ChainWalk,
  GENESIS_HASH,
  chainHash,
  chainHashAt,
  chainHashOf,
  chainInput,
  formatChainStamp,
  parseChainStamp,
  verifyChain,
} from './chain.js'
import { enrolment, participantStream, readEverything } from '@ansinh/store-testing'
import { InMemoryEventStore } from './memory.js'
import type { EventRead, RecordedEvent } from './port.js'

const example = {
  id: '7d9c0a52-5a0e-4f39-9d44-0b8f0c7c4f01',
  type: 'ParticipantEnrolled',
  recordedAt: '2020-03-02T09:15:00+07:00' as Instant,
  data: {
    participantId: '0123456789',
    scheme: 'voluntary',
    unit: '22816',
    coveredFrom: '2020-03-01',
    coveredThrough: '2020-05-31',
    agent: 'BD-PHANTHIET',
  },
} as unknown as DomainEvent

const first = { event: example, stream: 'participant-0123456789', revision: 0, position: 1, version: 1 }

async function* of(events: readonly RecordedEvent[]): AsyncIterable<EventRead> {
  for (const e of events) yield E.right(e)
}

const stored = async (n: number): Promise<RecordedEvent[]> => {
  const store = new InMemoryEventStore()
  for (let i = 1; i <= n; i++) await store.append(participantStream(i % 2), [enrolment(i % 2, i)])
  return readEverything(store)
}

describe('chain', () => {
  it('hashes the six documented lines (the worked example of docs/hash-chain.md)', () => {
    const text =
      '1\nparticipant-0123456789\n0\n1\n' +
      '{"id":"7d9c0a52-5a0e-4f39-9d44-0b8f0c7c4f01","type":"ParticipantEnrolled","recordedAt":"2020-03-02T09:15:00+07:00","data":{"participantId":"0123456789","scheme":"voluntary","unit":"22816","coveredFrom":"2020-03-01","coveredThrough":"2020-05-31","agent":"BD-PHANTHIET"}}\n' +
      GENESIS_HASH
    expect(chainInput(GENESIS_HASH, first)).toBe(text)
    expect(chainHash(GENESIS_HASH, first)).toBe(createHash('sha256').update(text).digest('hex'))
    expect(chainHash(GENESIS_HASH, first)).toBe('e135ded210e5bd067eab37b823caf3dbdb7eca8dcf44f3b7496c927495029a82')
    expect(chainHash('f'.repeat(64), first)).not.toBe(chainHash(GENESIS_HASH, first))
  })

  it('gives the events of a file the hashes they get in an empty store', async () => {
    const events = await stored(4)
    const revisions = new Map<string, number>()
    let previous = GENESIS_HASH
    for (const e of events) {
      const { hash, revision } = chainHashOf(previous, e.event, e.position, revisions)
      expect([hash, revision]).toEqual([e.hash, e.revision])
      previous = hash
    }
  })

  it('verifies an untouched history and returns its last hash', async () => {
    const events = await stored(5)
    expect(await verifyChain(of(events))).toEqual(
      E.right({ ok: true, checked: 5, lastPosition: 5, lastHash: events[4]!.hash }),
    )
    expect(await verifyChain(of([]))).toEqual(
      E.right({ ok: true, checked: 0, lastPosition: 0, lastHash: GENESIS_HASH }),
    )
  })

  it('tells each hash it computed, in position order, up to the first position that does not verify', async () => {
    const events = await stored(5)
    const told: [number, string][] = []
    await verifyChain(of(events), undefined, undefined, (p, h) => told.push([p, h]))
    expect(told).toEqual(events.map((e) => [e.position, e.hash]))
    told.length = 0
    const edited = events.map((e) =>
      e.position === 3 ? { ...e, event: { ...e.event, recordedAt: '2020-03-02T09:15:01+07:00' as Instant } } : e,
    )
    await verifyChain(of(edited), undefined, undefined, (p, h) => told.push([p, h]))
    expect(told).toEqual(events.slice(0, 2).map((e) => [e.position, e.hash]))
  })

  it('names the first position that does not verify', async () => {
    const events = await stored(5)
    const edited = events.map((e) =>
      e.position === 3 ? { ...e, event: { ...e.event, recordedAt: '2020-03-02T09:15:01+07:00' as Instant } } : e,
    )
    expect(await verifyChain(of(edited))).toMatchObject(E.right({ ok: false, position: 3 }))
    expect(await verifyChain(of(events.filter((e) => e.position !== 2)))).toMatchObject(
      E.right({ ok: false, position: 2, reason: expect.stringContaining('missing') }),
    )
    const swapped = [events[0]!, events[2]!, events[1]!, events[3]!]
    expect(await verifyChain(of(swapped))).toMatchObject(E.right({ ok: false, position: 2 }))
    const renumbered = swapped.map((e, i) => ({ ...e, position: i + 1 }))
    expect(await verifyChain(of(renumbered))).toMatchObject(E.right({ ok: false, position: 2 }))
    const moved = events.map((e) => (e.position === 4 ? { ...e, stream: 'participant-0000000009' } : e))
    expect(await verifyChain(of(moved))).toMatchObject(
      E.right({ ok: false, position: 4, reason: expect.stringContaining('belongs to') }),
    )
  })

  it('re-chains what it reads: an event re-hashed to match its edit passes step by step but moves the computed head', async () => {
    const events = await stored(4)
    const walk = new ChainWalk()
    for (const e of events) expect(walk.step(e)).toBeNull()
    expect([walk.head, walk.checked]).toEqual([{ position: 4, hash: events[3]!.hash }, 4])
    // the same history rewritten from position 2 with every hash recomputed: a walk accepts it, with another head
    const edited = { ...events[1]!, event: { ...events[1]!.event, recordedAt: '2020-03-02T09:15:01+07:00' as Instant } }
    const rewritten = [events[0]!, edited, events[2]!, events[3]!]
    let previous = events[0]!.hash
    const rehashed = rewritten.map((e, i) => (i === 0 ? e : { ...e, hash: (previous = chainHash(previous, e)) }))
    const again = new ChainWalk()
    for (const e of rehashed) expect(again.step(e)).toBeNull()
    expect(again.head.hash).not.toBe(events[3]!.hash)
    // a break sticks
    const broken = new ChainWalk()
    expect(broken.step(events[1]!)).toMatchObject({ position: 1 })
    expect(broken.step(events[0]!)).toMatchObject({ position: 1 })
    expect(broken.failure).toMatchObject({ position: 1 })
  })

  it('walks from a trusted stamp: only the tail is read, a stream first met there is taken at its revision', async () => {
    const events = await stored(6)
    const walk = new ChainWalk({ position: 3, hash: events[2]!.hash })
    for (const e of events.slice(3)) expect(walk.step(e)).toBeNull()
    expect(walk.head).toEqual({ position: 6, hash: events[5]!.hash })
    expect(walk.checked).toBe(3)
    expect(new ChainWalk({ position: 3, hash: 'f'.repeat(64) }).step(events[3]!)).toMatchObject({
      position: 4,
      reason: expect.stringContaining('does not match'),
    })
  })

  it("gives the chain's hash at a position, recomputed, or says why it has none", async () => {
    const store = new InMemoryEventStore()
    for (let i = 1; i <= 5; i++) await store.append(participantStream(i % 2), [enrolment(i % 2, i)])
    const events = await readEverything(store)
    expect(await chainHashAt(store, 0)).toEqual(E.right(GENESIS_HASH))
    for (const e of events) expect(await chainHashAt(store, e.position)).toEqual(E.right(e.hash))
    expect(await chainHashAt(store, 5, { position: 2, hash: events[1]!.hash })).toEqual(E.right(events[4]!.hash))
    // a stamp after the position is not usable: the walk starts at position 1
    expect(await chainHashAt(store, 2, { position: 4, hash: events[3]!.hash })).toEqual(E.right(events[1]!.hash))
    expect(await chainHashAt(store, 6)).toEqual(E.left({ _tag: 'NotStored', position: 6, head: 5 }))
    const edited = events.map((e) =>
      e.position === 2 ? { ...e, event: { ...e.event, recordedAt: '2020-03-02T09:15:01+07:00' as Instant } } : e,
    )
    const tampered = { readAll: () => of(edited) }
    expect(await chainHashAt(tampered, 1)).toEqual(E.right(events[0]!.hash))
    expect(await chainHashAt(tampered, 4)).toMatchObject(E.left({ _tag: 'ChainBroken', position: 2 }))
  })

  it('with an expected head, catches a rewrite re-hashed from a position, a renumbering and a truncated tail', async () => {
    const events = await stored(6)
    const published = { position: 6, hash: events[5]!.hash }
    expect(await verifyChain(of(events), undefined, published)).toMatchObject(E.right({ ok: true, lastPosition: 6 }))
    expect(await verifyChain(of(events), undefined, { position: 4, hash: events[3]!.hash })).toMatchObject(
      E.right({ ok: true, lastPosition: 6 }),
    )
    const rehash = (rows: readonly RecordedEvent[]): RecordedEvent[] => {
      let previous = GENESIS_HASH
      return rows.map((e) => ({ ...e, hash: (previous = chainHash(previous, e)) }))
    }
    const rewritten = rehash(
      events.map((e) =>
        e.position === 3 ? { ...e, event: { ...e.event, recordedAt: '2020-03-02T09:15:01+07:00' as Instant } } : e,
      ),
    )
    expect(await verifyChain(of(rewritten))).toMatchObject(E.right({ ok: true }))
    expect(await verifyChain(of(rewritten), undefined, published)).toMatchObject(
      E.right({ ok: false, position: 6, reason: expect.stringContaining('expected head') }),
    )
    // position 4 removed, the later rows renumbered and re-hashed, revisions closed up
    const revisions = new Map<string, number>()
    const renumbered = rehash(
      events
        .filter((e) => e.position !== 4)
        .map((e, i) => {
          const revision = (revisions.get(e.stream) ?? -1) + 1
          revisions.set(e.stream, revision)
          return { ...e, position: i + 1, revision }
        }),
    )
    expect(await verifyChain(of(renumbered))).toMatchObject(E.right({ ok: true, lastPosition: 5 }))
    expect(await verifyChain(of(renumbered), undefined, published)).toMatchObject(
      E.right({ ok: false, position: 6, reason: expect.stringContaining('ends at position 5') }),
    )
    expect(await verifyChain(of(renumbered), undefined, { position: 5, hash: events[4]!.hash })).toMatchObject(
      E.right({ ok: false, position: 5 }),
    )
    expect(await verifyChain(of(events.slice(0, 4)), undefined, published)).toMatchObject(
      E.right({ ok: false, position: 5, reason: expect.stringContaining('ends at position 4') }),
    )
    // from a trusted stamp at the expected position, and after it
    expect(await verifyChain(of(events.slice(6)), published, published)).toMatchObject(
      E.right({ ok: true, checked: 0 }),
    )
    expect(await verifyChain(of(events.slice(6)), published, { position: 6, hash: 'a'.repeat(64) })).toMatchObject(
      E.right({ ok: false, position: 6 }),
    )
    await expect(verifyChain(of(events.slice(6)), published, { position: 2, hash: events[1]!.hash })).rejects.toThrow(
      'lies before the start',
    )
  })

  it('reads and writes a head as POSITION:HASH', () => {
    const hash = 'e135ded210e5bd067eab37b823caf3dbdb7eca8dcf44f3b7496c927495029a82'
    expect(formatChainStamp({ position: 12, hash })).toBe(`12:${hash}`)
    expect(parseChainStamp(`12:${hash.toUpperCase()}`)).toEqual(E.right({ position: 12, hash }))
    expect(parseChainStamp(` 12:${hash}\n`)).toEqual(E.right({ position: 12, hash }))
    expect(parseChainStamp(`0:${GENESIS_HASH}`)).toEqual(E.right({ position: 0, hash: GENESIS_HASH }))
    for (const bad of [
      `12:${hash.slice(1)}`,
      `012:${hash}`,
      `-1:${hash}`,
      hash,
      `12 ${hash}`,
      `0:${hash}`,
      `99999999999999999:${hash}`,
    ]) {
      expect(parseChainStamp(bad)).toMatchObject(E.left(expect.stringContaining('not a head')))
    }
  })
})
