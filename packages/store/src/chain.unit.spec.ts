import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import type { DomainEvent, Instant } from '@ansinh/core'
import { GENESIS_HASH, chainHash, chainHashOf, chainInput, verifyChain } from './chain.js'
import { enrolment, participantStream, readEverything } from '@ansinh/store-testing'
import { InMemoryEventStore } from './memory.js'
import type { RecordedEvent } from './port.js'

const example = {
  id: '7d9c0a52-5a0e-4f39-9d44-0b8f0c7c4f01',
  type: 'ParticipantEnrolled',
  recordedAt: '2020-03-02T09:15:00+07:00' as Instant,
  data: { participantId: '0123456789', scheme: 'voluntary', unit: '22816', coveredFrom: '2020-03-01', coveredThrough: '2020-05-31', agent: 'BD-PHANTHIET' },
} as unknown as DomainEvent

const first = { event: example, stream: 'participant-0123456789', revision: 0, position: 1, version: 1 }

async function* of(events: readonly RecordedEvent[]): AsyncIterable<RecordedEvent> {
  yield* events
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
    expect(await verifyChain(of(events))).toEqual({ ok: true, checked: 5, lastPosition: 5, lastHash: events[4]!.hash })
    expect(await verifyChain(of([]))).toEqual({ ok: true, checked: 0, lastPosition: 0, lastHash: GENESIS_HASH })
  })

  it('names the first position that does not verify', async () => {
    const events = await stored(5)
    const edited = events.map((e) => (e.position === 3 ? { ...e, event: { ...e.event, recordedAt: '2020-03-02T09:15:01+07:00' as Instant } } : e))
    expect(await verifyChain(of(edited))).toMatchObject({ ok: false, position: 3 })
    expect(await verifyChain(of(events.filter((e) => e.position !== 2)))).toMatchObject({ ok: false, position: 2, reason: expect.stringContaining('missing') })
    const swapped = [events[0]!, events[2]!, events[1]!, events[3]!]
    expect(await verifyChain(of(swapped))).toMatchObject({ ok: false, position: 2 })
    const renumbered = swapped.map((e, i) => ({ ...e, position: i + 1 }))
    expect(await verifyChain(of(renumbered))).toMatchObject({ ok: false, position: 2 })
    const moved = events.map((e) => (e.position === 4 ? { ...e, stream: 'participant-0000000009' } : e))
    expect(await verifyChain(of(moved))).toMatchObject({ ok: false, position: 4, reason: expect.stringContaining('belongs to') })
  })
})
