import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { canonicalJson, type DomainEvent } from '@ansinh/core'
import { InMemoryEventStore, type RecordedEvent } from '@ansinh/store'
import { debt, enrolment, participantStream, readEverything } from '@ansinh/store-testing'
import { PositionOrder, ansinhStream, fromEsdbEvent, isOurStream, toEsdbEvent } from './mapping.js'

const recorded = async (): Promise<RecordedEvent[]> => {
  const store = new InMemoryEventStore()
  const e = { ...enrolment(1, 1), id: '7D9C0A52-5A0E-4F39-9D44-0B8F0C7C4F01' } as ReturnType<typeof enrolment>
  await store.append(participantStream(1), [e, enrolment(1, 2)])
  await store.append('employer-ACME', [debt('ACME')])
  return readEverything(store)
}

describe('EventStoreDB mapping', () => {
  it('round-trips every recorded event through the ESDB shape (what the client hands back)', async () => {
    for (const r of await recorded()) {
      const esdb = toEsdbEvent(r)
      // The client gives data and metadata back as parsed JSON.
      const back = fromEsdbEvent({
        streamId: r.stream,
        revision: BigInt(r.revision),
        type: esdb.type,
        data: JSON.parse(JSON.stringify(esdb.data)),
        metadata: JSON.parse(JSON.stringify(esdb.metadata)),
      })
      expect(back).toEqual(E.right(r))
      expect(E.isRight(back) && canonicalJson(back.right.event)).toBe(canonicalJson(r.event as DomainEvent))
    }
  })

  it('keeps the id exactly as written in the metadata, lower-cased as the ESDB id', async () => {
    const [first] = await recorded()
    expect(toEsdbEvent(first!)).toMatchObject({
      id: '7d9c0a52-5a0e-4f39-9d44-0b8f0c7c4f01',
      metadata: { id: '7D9C0A52-5A0E-4F39-9D44-0B8F0C7C4F01', position: 1, schemaVersion: 1 },
    })
  })

  it('reports an event without ansinh metadata, or with data the codecs refuse, as corrupt', async () => {
    const [first] = await recorded()
    const esdb = toEsdbEvent(first!)
    const base = { streamId: first!.stream, revision: 0n, type: esdb.type, data: esdb.data, metadata: esdb.metadata }
    expect(fromEsdbEvent({ ...base, metadata: {} })).toMatchObject(E.left({ _tag: 'CorruptEvent' }))
    expect(fromEsdbEvent({ ...base, data: { ...esdb.data, unit: 'x' } })).toMatchObject(
      E.left({ _tag: 'CorruptEvent', position: 1 }),
    )
  })

  it('keeps to ansinh streams', () => {
    expect(
      ['participant-0123456789', 'quota-22816-voluntary-2020', 'employer-ACME', 'unit-22', 'population-22'].every(
        isOurStream,
      ),
    ).toBe(true)
    expect(['ansinh-head', '$stats-127.0.0.1:2113', 'orders-1'].some(isOurStream)).toBe(false)
    expect(ansinhStream('t1:', 't1:unit-22')).toBe('unit-22')
    expect(ansinhStream('t1:', 't2:unit-22')).toBeNull()
    expect(ansinhStream('', 't1:unit-22')).toBeNull()
    expect(ansinhStream('t1:', 't1:ansinh-head')).toBeNull()
  })

  it('strips the namespace from the stream it reads back', async () => {
    const [first] = await recorded()
    const esdb = toEsdbEvent(first!)
    const back = fromEsdbEvent(
      { streamId: `t1:${first!.stream}`, revision: 0n, type: esdb.type, data: esdb.data, metadata: esdb.metadata },
      't1:',
    )
    expect(back).toEqual(E.right(first))
  })

  it('puts events read out of order back into position order', async () => {
    const [a, b, c] = await recorded()
    const order = new PositionOrder(1)
    expect(order.push(b!)).toEqual([])
    expect(order.settled).toBe(false)
    expect(order.push(a!)).toEqual([a, b])
    expect(order.push(a!)).toEqual([])
    expect(order.push(c!)).toEqual([c])
    expect(order.settled).toBe(true)
    expect(order.next).toBe(4)
  })

  it('hands out what waits behind a gap when drained, so verify can name the gap', async () => {
    const [a, b, c] = await recorded()
    const order = new PositionOrder(1)
    expect(order.push(c!)).toEqual([])
    expect(order.push(b!)).toEqual([])
    expect(order.drain()).toEqual([b, c])
    expect(order.next).toBe(4)
    expect(order.push(a!)).toEqual([])
  })
})
