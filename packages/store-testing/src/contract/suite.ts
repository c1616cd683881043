/**
 * The contract every EventStore adapter passes: one vitest suite, run by each adapter's tests
 * with a factory that gives a fresh, empty store.
 *
 * @example describeEventStoreContract('memory', async () => new InMemoryEventStore())
 * @module contract/suite
 */
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { type DomainEvent, Instant, canonicalJson, instantMillis, streamOf } from '@ansinh/core'
import { readsIdsAt, verifyChain } from '@ansinh/store'
import type { EventStore } from '@ansinh/store'
import { describeConcurrencyContract } from './concurrency.js'
import { expectLeft, expectRight, readEverything, readToEnd, withStore } from './helpers.js'
import { debt, enrolment, participantStream, unitEstablished, withOtherData } from './fixtures.js'

/** Options of {@link describeEventStoreContract}. */
export interface ContractOptions {
  /** Runs of each property test; default 20 (each run opens a store). */
  readonly propertyRuns?: number
}

const canonical = (events: readonly { event: DomainEvent }[]): string[] => events.map((e) => canonicalJson(e.event))

/** Declares the contract suite for one adapter; `makeStore` must give a fresh, empty store each call. */
export const describeEventStoreContract = (
  name: string,
  makeStore: () => Promise<EventStore>,
  options: ContractOptions = {},
): void => {
  const use = <A>(body: (store: EventStore) => Promise<A>): Promise<A> => withStore(makeStore, body)

  describe(`EventStore contract: ${name}`, () => {
    it('starts empty', () =>
      use(async (store) => {
        expect(await store.headPosition()).toEqual(E.right(0))
        expect(await readEverything(store)).toEqual([])
        expect(await store.readStream(participantStream(1))).toEqual(E.right([]))
      }))

    it('appends to a new stream with no-stream and reads it back losslessly', () =>
      use(async (store) => {
        const events = [enrolment(1, 1), enrolment(1, 2)]
        expect(expectRight(await store.append(participantStream(1), events, 'no-stream'))).toEqual({
          positions: [1, 2],
          revisions: { [participantStream(1)]: 1 },
        })
        const read = await store.readStream(participantStream(1))
        const stored = E.isRight(read) ? read.right : expect.fail('readStream failed')
        expect(stored.map((e) => [e.position, e.revision, e.version, e.stream])).toEqual([
          [1, 0, 1, participantStream(1)],
          [2, 1, 1, participantStream(1)],
        ])
        expect(canonical(stored)).toEqual(events.map((e) => canonicalJson(e as DomainEvent)))
        expect(await store.headPosition()).toEqual(E.right(2))
      }))

    it('keeps awkward values exactly: big amounts, offsets, milliseconds, Vietnamese names, absent optionals', () =>
      use(async (store) => {
        const events = [
          debt('CTY-TNHH-ĐÔNG-Á'),
          unitEstablished('22', 'Tỉnh Bình Thuận'),
          unitEstablished('22816', 'Phường Đức Nghĩa', '228'),
        ]
        expectRight(await store.appendMany(events.map((e) => ({ stream: streamOf(e), events: [e] }))))
        expect(canonical(await readEverything(store))).toEqual(events.map((e) => canonicalJson(e as DomainEvent)))
      }))

    it('stamps a missing recordedAt with the store clock', () =>
      use(async (store) => {
        const before = Date.now()
        expectRight(await store.append(participantStream(1), [enrolment(1, 1, null)]))
        const [stored] = await readEverything(store)
        const at = stored!.event.recordedAt
        expect(Instant.is(at)).toBe(true)
        expect(instantMillis(at)).toBeGreaterThanOrEqual(before - 1000)
        expect(instantMillis(at)).toBeLessThanOrEqual(Date.now() + 1000)
      }))

    it('checks expected revisions: no-stream, exact and any', () =>
      use(async (store) => {
        const s = participantStream(1)
        expectRight(await store.append(s, [enrolment(1, 1)], 'no-stream'))
        expect(expectLeft(await store.append(s, [enrolment(1, 2)], 'no-stream'))).toEqual({
          _tag: 'WrongExpectedRevision',
          stream: s,
          expected: 'no-stream',
          actual: 0,
        })
        expect(expectLeft(await store.append(s, [enrolment(1, 2)], { exact: 1 }))).toMatchObject({
          _tag: 'WrongExpectedRevision',
          actual: 0,
        })
        expect(expectLeft(await store.append(participantStream(2), [enrolment(2)], { exact: 0 }))).toMatchObject({
          _tag: 'WrongExpectedRevision',
          actual: 'no-stream',
        })
        expect(expectRight(await store.append(s, [enrolment(1, 2)], { exact: 0 })).revisions).toEqual({ [s]: 1 })
        expect(expectRight(await store.append(s, [enrolment(1, 3)], 'any')).positions).toEqual([3])
        expect(expectRight(await store.append(participantStream(2), [enrolment(2)], 'any')).positions).toEqual([4])
        expect((await readEverything(store)).map((e) => e.position)).toEqual([1, 2, 3, 4])
      }))

    it('appends several events atomically: a bad one refuses them all', () =>
      use(async (store) => {
        const s = participantStream(1)
        const wrong = enrolment(2)
        expect(expectLeft(await store.append(s, [enrolment(1, 1), wrong, enrolment(1, 3)]))).toEqual({
          _tag: 'EventNotInStream',
          id: wrong.id,
          stream: s,
          expectedStream: participantStream(2),
        })
        const invalid = { ...enrolment(1, 4), data: { ...enrolment(1, 4).data, unit: '1' } } as never
        expect(expectLeft(await store.append(s, [enrolment(1, 1), invalid]))).toMatchObject({ _tag: 'InvalidEvent' })
        expect(await store.headPosition()).toEqual(E.right(0))
        expect(await readEverything(store)).toEqual([])
      }))

    it('appends to several streams as one transaction (appendMany)', () =>
      use(async (store) => {
        const ok = expectRight(
          await store.appendMany([
            { stream: participantStream(1), events: [enrolment(1, 1), enrolment(1, 2)], expectedRevision: 'no-stream' },
            { stream: 'employer-ACME', events: [debt('ACME')] },
          ]),
        )
        expect(ok).toEqual({ positions: [1, 2, 3], revisions: { [participantStream(1)]: 1, 'employer-ACME': 0 } })
        const refused = await store.appendMany([
          { stream: participantStream(2), events: [enrolment(2)] },
          { stream: participantStream(1), events: [enrolment(1, 3)], expectedRevision: { exact: 0 } },
        ])
        expect(expectLeft(refused)).toMatchObject({
          _tag: 'WrongExpectedRevision',
          stream: participantStream(1),
          actual: 1,
        })
        expect(await store.headPosition()).toEqual(E.right(3))
        expect(await store.readStream(participantStream(2))).toEqual(E.right([]))
      }))

    it('is idempotent on event ids: the same event again is a no-op whatever the expected revision', () =>
      use(async (store) => {
        const s = participantStream(1)
        const events = [enrolment(1, 1), enrolment(1, 2)]
        expectRight(await store.append(s, events, 'no-stream'))
        expect(expectRight(await store.append(s, events, 'no-stream'))).toEqual({
          positions: [],
          revisions: { [s]: 1 },
        })
        expect(expectRight(await store.append(s, [events[1]!], { exact: 7 })).positions).toEqual([])
        // Partly stored: the stored event is skipped, the rest is checked and appended.
        const third = enrolment(1, 3)
        expect(expectLeft(await store.append(s, [events[0]!, third], { exact: 0 }))).toMatchObject({
          _tag: 'WrongExpectedRevision',
          actual: 1,
        })
        expect(expectRight(await store.append(s, [events[0]!, third], { exact: 1 })).positions).toEqual([3])
        // Twice within one append: stored once.
        const fourth = enrolment(1, 4)
        expect(expectRight(await store.append(s, [fourth, fourth])).positions).toEqual([4])
        expect((await readEverything(store)).length).toBe(4)
      }))

    it('refuses a stored id with other content, and appends nothing of that write', () =>
      use(async (store) => {
        const s = participantStream(1)
        const first = enrolment(1, 1)
        expectRight(await store.append(s, [first]))
        const error = expectLeft(await store.append(s, [enrolment(1, 2), withOtherData(first)]))
        expect(error).toMatchObject({ _tag: 'DuplicateEventId', id: first.id, stream: s })
        const twice = enrolment(1, 5)
        expect(expectLeft(await store.append(s, [twice, withOtherData(twice)]))).toMatchObject({
          _tag: 'DuplicateEventId',
          id: twice.id,
        })
        expect(await store.headPosition()).toEqual(E.right(1))
      }))

    it('reads a stream from a revision', () =>
      use(async (store) => {
        const s = participantStream(1)
        expectRight(await store.append(participantStream(2), [enrolment(2)]))
        expectRight(await store.append(s, [enrolment(1, 1), enrolment(1, 2), enrolment(1, 3)]))
        const read = await store.readStream(s, { fromRevision: 1 })
        expect(E.isRight(read) && read.right.map((e) => [e.revision, e.position])).toEqual([
          [1, 3],
          [2, 4],
        ])
      }))

    it('reads all events from a position across page boundaries', () =>
      use(async (store) => {
        for (let i = 1; i <= 7; i++) expectRight(await store.append(participantStream(i % 3), [enrolment(i % 3, i)]))
        const positions = async (fromPosition: number, pageSize: number): Promise<number[]> => {
          const out: number[] = []
          for await (const r of store.readAll({ fromPosition, pageSize }))
            out.push(E.isRight(r) ? r.right.position : -1)
          return out
        }
        expect(await positions(1, 2)).toEqual([1, 2, 3, 4, 5, 6, 7])
        expect(await positions(3, 2)).toEqual([3, 4, 5, 6, 7])
        expect(await positions(7, 3)).toEqual([7])
        expect(await positions(8, 3)).toEqual([])
        const all = await readEverything(store, 2)
        expect(await verifyChain(store.readAll({ pageSize: 3 }))).toEqual(
          E.right({ ok: true, checked: 7, lastPosition: 7, lastHash: all[6]!.hash }),
        )
      }))

    it('answers every call of a closed store with a StoreUnavailable value, never a throw or a rejection', async () => {
      const store = await makeStore()
      expectRight(await store.append(participantStream(1), [enrolment(1, 1)]))
      await store.close()
      const reason = { _tag: 'StoreUnavailable' }
      const unavailable = E.left(reason)
      const head = await store.headPosition()
      expect(head).toMatchObject(unavailable)
      expect(E.isLeft(head) && head.left._tag === 'StoreUnavailable' && head.left.message.length > 0).toBe(true) // says why
      // the read's one element is the Left: it ends the read
      const elements: unknown[] = []
      for await (const r of store.readAll()) elements.push(r)
      expect(elements).toMatchObject([unavailable])
      expect(await readToEnd(store, { fromPosition: 1, pageSize: 1 })).toMatchObject(unavailable)
      expect(await verifyChain(store.readAll())).toMatchObject(unavailable)
      expect(await store.readStream(participantStream(1))).toMatchObject(unavailable)
      expect(await store.append(participantStream(1), [enrolment(1, 2)])).toMatchObject(unavailable)
      expect(await store.appendMany([{ stream: participantStream(2), events: [enrolment(2, 1)] }])).toMatchObject(
        unavailable,
      )
      const errors: unknown[] = []
      const sub = store.subscribe({ onEvent: () => undefined, onError: (e) => void errors.push(e) })
      expect(await sub.caughtUp).toMatchObject(unavailable)
      await sub.stop()
      expect(errors).toMatchObject([reason])
      await store.close() // closing twice is harmless
    })

    it('reads the ids at given positions in one call when it can (idsAt), the same ids readAll gives', () =>
      use(async (store) => {
        for (let i = 1; i <= 5; i++) expectRight(await store.append(participantStream(i % 2), [enrolment(i % 2, i)]))
        if (!readsIdsAt(store)) {
          // the capability is optional (EventStoreDB has no read by position): callers fall back to readAll
          expect('idsAt' in store).toBe(false)
          return
        }
        const all = await readEverything(store)
        const idsAt = async (positions: Iterable<number>): Promise<ReadonlyMap<number, string>> => {
          const r = await store.idsAt(positions)
          if (E.isLeft(r)) expect.fail(`expected ids, got ${JSON.stringify(r.left)}`)
          return r.right
        }
        const ids = await idsAt([4, 2, 9, 0])
        expect([...ids].sort((a, b) => a[0] - b[0])).toEqual([
          [2, all[1]!.event.id],
          [4, all[3]!.event.id],
        ])
        expect((await idsAt([])).size).toBe(0)
        expect((await idsAt(new Set([1, 2, 3, 4, 5]))).size).toBe(5)
      }))

    describeConcurrencyContract(makeStore, options.propertyRuns ?? 20)
  })
}
