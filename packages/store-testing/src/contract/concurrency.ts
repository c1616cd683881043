/**
 * The concurrent part of the contract: subscriptions that catch up and follow, racing writers on
 * one stream (exactly one wins), many writers on many streams (no gaps, nothing lost or
 * duplicated), and a chain that verifies after all of it.
 *
 * @module contract/concurrency
 */
import * as E from 'fp-ts/lib/Either.js'
import fc from 'fast-check'
import { expect, it } from 'vitest'
import type { NewEvent } from '@ansinh/core'
import { verifyChain } from '@ansinh/store'
import type { EventStore, ExpectedRevision, RecordedEvent } from '@ansinh/store'
import { enrolment, participantStream } from './fixtures.js'
import { expectRight, readEverything, withStore } from './helpers.js'

/** Waits until `done()` holds, failing after `timeoutMs`. */
export const eventually = async (done: () => boolean, timeoutMs = 10_000): Promise<void> => {
  const start = Date.now()
  while (!done()) {
    if (Date.now() - start > timeoutMs) expect.fail(`condition not met within ${timeoutMs} ms`)
    await new Promise((r) => setTimeout(r, 5))
  }
}

const gapless = (events: readonly RecordedEvent[], from = 1): void =>
  expect(events.map((e) => e.position)).toEqual(events.map((_, i) => from + i))

/** Declares the concurrency tests inside the contract suite. */
export const describeConcurrencyContract = (makeStore: () => Promise<EventStore>, runs: number): void => {
  const use = <A>(body: (store: EventStore) => Promise<A>): Promise<A> => withStore(makeStore, body)

  it('subscriptions catch up, then follow live appends in order, one handler at a time', () =>
    use(async (store) => {
      expectRight(await store.append(participantStream(1), [enrolment(1, 1), enrolment(1, 2), enrolment(1, 3)]))
      const seen: RecordedEvent[] = []
      const late: number[] = []
      let running = 0
      let overlapped = false
      const sub = store.subscribe({
        onEvent: async (e) => {
          overlapped ||= running > 0
          running++
          await new Promise((r) => setTimeout(r, 1))
          seen.push(e)
          running--
        },
      })
      const fromFour = store.subscribe({ fromPosition: 4, onEvent: (e) => void late.push(e.position) })
      expect(await sub.caughtUp).toEqual(E.right(undefined))
      expect(seen.map((e) => e.position)).toEqual([1, 2, 3])
      expectRight(await store.append(participantStream(2), [enrolment(2, 1)]))
      expectRight(await store.append(participantStream(1), [enrolment(1, 4)]))
      await eventually(() => seen.length === 5 && late.length === 2)
      await sub.stop()
      expectRight(await store.append(participantStream(3), [enrolment(3, 1)]))
      await eventually(() => late.length === 3)
      await fromFour.stop()
      expect(seen.map((e) => e.position)).toEqual([1, 2, 3, 4, 5])
      expect(late).toEqual([4, 5, 6])
      expect(overlapped).toBe(false)
    }))

  it('racing writers with the same expected revision: exactly one wins, nothing lost', () =>
    fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 3 }),
        fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 2, maxLength: 8 }),
        (seeded, sizes) =>
          use(async (store) => {
            const s = participantStream(1)
            if (seeded > 0)
              expectRight(
                await store.append(
                  s,
                  Array.from({ length: seeded }, (_, i) => enrolment(1, i + 1)),
                ),
              )
            const expected: ExpectedRevision = seeded === 0 ? 'no-stream' : { exact: seeded - 1 }
            const batches = sizes.map((n) => Array.from({ length: n }, (_, i) => enrolment(1, i + 1)))
            const results = await Promise.all(batches.map((b) => store.append(s, b, expected)))
            const winners = results.flatMap((r, i) => (E.isRight(r) ? [i] : []))
            expect(winners).toHaveLength(1)
            for (const r of results) if (E.isLeft(r)) expect(r.left._tag).toBe('WrongExpectedRevision')
            const all = await readEverything(store, 2)
            gapless(all)
            expect(all.slice(seeded).map((e) => e.event.id)).toEqual(batches[winners[0]!]!.map((e) => e.id))
            expect(all.map((e) => e.revision)).toEqual(all.map((_, i) => i))
            expect(await verifyChain(store.readAll({ pageSize: 3 }))).toMatchObject(E.right({ ok: true }))
          }),
      ),
      { numRuns: runs },
    ))

  it('many writers on many streams, with a live subscriber: no gaps, nothing lost or duplicated', () =>
    fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ participant: fc.integer({ min: 1, max: 6 }), size: fc.integer({ min: 1, max: 4 }) }), {
          minLength: 1,
          maxLength: 12,
        }),
        (writes) =>
          use(async (store) => {
            const delivered: RecordedEvent[] = []
            const sub = store.subscribe({ onEvent: (e) => void delivered.push(e) })
            const batches: NewEvent[][] = writes.map((w) =>
              Array.from({ length: w.size }, (_, i) => enrolment(w.participant, i + 1)),
            )
            const results = await Promise.all(
              batches.map((b, i) => store.append(participantStream(writes[i]!.participant), b, 'any')),
            )
            for (const r of results) expectRight(r)
            const total = batches.reduce((n, b) => n + b.length, 0)
            const all = await readEverything(store, 5)
            gapless(all)
            expect(new Set(all.map((e) => e.event.id))).toEqual(new Set(batches.flat().map((e) => e.id)))
            expect(all).toHaveLength(total)
            for (const p of new Set(writes.map((w) => w.participant))) {
              const revisions = all.filter((e) => e.stream === participantStream(p)).map((e) => e.revision)
              expect(revisions).toEqual(revisions.map((_, i) => i))
            }
            await eventually(() => delivered.length >= total)
            await sub.stop()
            expect(delivered.map((e) => e.hash)).toEqual(all.map((e) => e.hash))
            expect(await verifyChain(store.readAll())).toMatchObject(E.right({ ok: true, checked: total }))
          }),
      ),
      { numRuns: runs },
    ))
}
