import fc from 'fast-check'
import { type DomainEvent, SCHEMES, fromDayNumber, streamOf } from '@ansinh/core'
import { History } from '@ansinh/projection'
import { coverageReport } from '@ansinh/projection-coverage'
import { debtReport } from '@ansinh/projection-debt'
import { planReport } from '@ansinh/projection-plan'
import * as E from 'fp-ts/lib/Either.js'
import {
  type CheckpointStore,
  InMemoryCheckpointStore,
  InMemoryEventStore,
  type StoreError,
  unavailableStore,
} from '@ansinh/store'
import { history, interestingDays } from '@ansinh/testing'
import { describe, expect, it } from 'vitest'
import { historyProjector } from './history-projector.js'
import { savedPosition, started } from '../test/runner.js'

const appendAll = async (store: InMemoryEventStore, events: readonly DomainEvent[]) => {
  for (const e of events) {
    const r = await store.append(streamOf(e), [e])
    if (r._tag === 'Left') throw new Error(JSON.stringify(r.left))
  }
}

/** Every figure a user could ask of a history, at a few dates. */
const figures = (h: History, events: readonly DomainEvent[], years: { from: number; to: number }) => {
  const days = interestingDays({ events, years })
    .filter((_, i) => i % 7 === 0)
    .slice(0, 12)
  const units = [null, ...new Set(events.flatMap((e) => (e.type === 'UnitEstablished' ? [e.data.code] : [])))]
  return days.flatMap((d) => {
    const asOf = fromDayNumber(d)
    return [
      ...SCHEMES.map((scheme) => coverageReport(h, { asOf, scheme, unit: null, knownAt: null })),
      ...units
        .filter((u) => u !== null)
        .slice(0, 2)
        .map((unit) => planReport(h, { asOf, scheme: 'voluntary', unit: unit!, knownAt: null })),
      debtReport(h, { asOf, scheme: null, unit: null, knownAt: null }),
    ]
  })
}

/** Waits (at most 5 s) until `done()` holds. */
const until = async (done: () => boolean): Promise<void> => {
  const deadline = Date.now() + 5_000
  while (!done() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 1))
}

/** Checkpoints that fail on chosen saves, as a disk or a database might. */
class FlakyCheckpoints implements CheckpointStore {
  private saves = 0
  constructor(
    private readonly inner: CheckpointStore,
    private readonly failOn: ReadonlySet<number>,
  ) {}
  load(name: string) {
    return this.inner.load(name)
  }
  async save(name: string, c: { position: number; snapshot: Uint8Array }) {
    if (this.failOn.has(++this.saves))
      return E.left<StoreError>({ _tag: 'StoreUnavailable', message: `disk full at save ${this.saves}` })
    return this.inner.save(name, c)
  }
}

describe('ProjectionRunner', () => {
  it('resumes after crashes at random points to exactly the read models of an uninterrupted run', async () => {
    await fc.assert(
      fc.asyncProperty(
        history({ participants: { min: 1, max: 15 }, employers: { min: 0, max: 2 }, lateRecords: true, moves: true }),
        fc.array(fc.nat(), { maxLength: 4 }),
        fc.integer({ min: 1, max: 7 }),
        fc.uniqueArray(fc.integer({ min: 1, max: 12 }), { maxLength: 3 }),
        async (h, crashes, every, failingSaves) => {
          const store = new InMemoryEventStore()
          await appendAll(store, h.events)
          const checkpoints = new FlakyCheckpoints(new InMemoryCheckpointStore(), new Set(failingSaves))
          const n = h.events.length
          for (const c of crashes.map((x) => (n === 0 ? 0 : x % n))) {
            const runner = await started({
              store,
              checkpoints,
              name: 'reports',
              projector: historyProjector,
              checkpointEvery: every,
            })
            await until(() => runner.position >= c || runner.error !== null)
            await runner.abandon() // a crash: no last checkpoint
            expect(runner.checkpointed).toBeLessThanOrEqual(runner.position)
          }
          // a last run, until it has everything and a checkpoint saved without failure
          let runner = await started({
            store,
            checkpoints,
            name: 'reports',
            projector: historyProjector,
            checkpointEvery: every,
          })
          for (let attempt = 0; attempt < 20; attempt++) {
            await until(() => runner.position >= n || runner.error !== null)
            await runner.stop()
            if (runner.error === null && runner.checkpointed === n) break
            runner = await started({
              store,
              checkpoints,
              name: 'reports',
              projector: historyProjector,
              checkpointEvery: every,
            })
          }
          expect(runner.position).toBe(n)
          const uninterrupted = History.of(h.positioned)
          expect(figures(runner.model, h.events, h.years)).toEqual(figures(uninterrupted, h.events, h.years))
          // and a process started afterwards restores the same state from the last checkpoint alone
          const restarted = await started({
            store: new InMemoryEventStore(),
            checkpoints,
            name: 'reports',
            projector: historyProjector,
          })
          expect(restarted.position).toBe(n)
          expect(figures(restarted.model, h.events, h.years)).toEqual(figures(uninterrupted, h.events, h.years))
          await restarted.stop()
        },
      ),
      { numRuns: 40 },
    )
  })

  it('follows live appends and checkpoints them', async () => {
    const store = new InMemoryEventStore()
    const checkpoints = new InMemoryCheckpointStore()
    const h = fc.sample(history({ participants: 20 }), { numRuns: 1, seed: 7 })[0]!
    const half = Math.floor(h.events.length / 2)
    await appendAll(store, h.events.slice(0, half))
    const runner = await started({
      store,
      checkpoints,
      name: 'live',
      projector: historyProjector,
      checkpointEvery: 1_000,
    })
    expect(await runner.caughtUp).toEqual(E.right(undefined))
    expect(runner.position).toBe(half)
    expect(await savedPosition(checkpoints, 'live')).toBe(half)
    await appendAll(store, h.events.slice(half))
    await until(() => runner.position === h.events.length)
    expect(await runner.stop()).toEqual(E.right(undefined))
    expect(await savedPosition(checkpoints, 'live')).toBe(h.events.length)
    expect(historyProjector.snapshot(runner.model)).toEqual(historyProjector.snapshot(History.of(h.positioned)))
  })

  it('stops with a typed error when a checkpoint cannot be saved', async () => {
    const store = new InMemoryEventStore()
    const h = fc.sample(history({ participants: 5 }), { numRuns: 1, seed: 3 })[0]!
    await appendAll(store, h.events)
    const errors: unknown[] = []
    const runner = await started({
      store,
      checkpoints: new FlakyCheckpoints(new InMemoryCheckpointStore(), new Set([1])),
      name: 'x',
      projector: historyProjector,
      checkpointEvery: 1,
      onError: (e) => errors.push(e),
    })
    // the catch-up resolves with the reason the runner stopped, the one onError and runner.error give
    expect(await runner.caughtUp).toMatchObject(
      E.left({ _tag: 'CheckpointFailed', position: 1, message: expect.stringContaining('disk full at save 1') }),
    )
    expect(runner.error).toMatchObject({ _tag: 'CheckpointFailed', position: 1 })
    expect(errors).toEqual([runner.error])
    expect(await runner.checkpoint()).toEqual(E.left(runner.error))
    await runner.abandon()
  })

  it('resolves its catch-up with StoreFailed when the store cannot be read, never rejecting', async () => {
    const reason: StoreError = { _tag: 'StoreUnavailable', message: 'no such server' }
    const errors: unknown[] = []
    const runner = await started({
      store: unavailableStore(reason),
      checkpoints: new InMemoryCheckpointStore(),
      name: 'x',
      projector: historyProjector,
      onError: (e) => errors.push(e),
    })
    expect(await runner.caughtUp).toEqual(E.left({ _tag: 'StoreFailed', error: reason }))
    expect(errors).toEqual([{ _tag: 'StoreFailed', error: reason }])
    expect(await runner.stop()).toEqual(E.left({ _tag: 'StoreFailed', error: reason }))
  })
})
