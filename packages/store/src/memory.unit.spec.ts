import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import type { Instant } from '@ansinh/core'
import {
  describeEventStoreContract,
  enrolment,
  participantStream,
  readEverything,
  readToEnd,
} from '@ansinh/store-testing'
import { InMemoryEventStore } from './memory.js'

describeEventStoreContract('memory', async () => new InMemoryEventStore(), { propertyRuns: 100 })

describe('InMemoryEventStore', () => {
  it('stamps a missing recordedAt with the injected clock, once per append', async () => {
    const store = new InMemoryEventStore({ clock: () => '2024-06-01T10:00:00+07:00' as Instant })
    await store.append(participantStream(1), [enrolment(1, 1, null), enrolment(1, 2, null)])
    expect((await readEverything(store)).map((e) => e.event.recordedAt)).toEqual([
      '2024-06-01T10:00:00+07:00',
      '2024-06-01T10:00:00+07:00',
    ])
  })

  it('treats an event re-sent without recordedAt as the stored one (same type and data)', async () => {
    const store = new InMemoryEventStore({ clock: () => '2024-06-01T10:00:00+07:00' as Instant })
    const e = enrolment(1, 1)
    await store.append(participantStream(1), [e])
    const { recordedAt: _dropped, ...again } = e
    expect(await store.append(participantStream(1), [again as typeof e], 'no-stream')).toEqual(
      E.right({ positions: [], revisions: { [participantStream(1)]: 0 } }),
    )
  })

  it('refuses appends and reads once closed', async () => {
    const store = new InMemoryEventStore()
    await store.close()
    expect(await store.append(participantStream(1), [enrolment(1)])).toMatchObject(E.left({ _tag: 'StoreUnavailable' }))
    expect(await store.readStream(participantStream(1))).toMatchObject(E.left({ _tag: 'StoreUnavailable' }))
  })

  it('stops its subscriptions when closed, so none reports the closed store as a failure', async () => {
    const store = new InMemoryEventStore()
    await store.append(participantStream(1), [enrolment(1, 1)])
    const errors: unknown[] = []
    const sub = store.subscribe({ onEvent: () => undefined, onError: (e) => void errors.push(e) })
    expect(await sub.caughtUp).toEqual(E.right(undefined))
    await store.close()
    await sub.stop()
    expect(errors).toEqual([])
  })
})

describe('unavailableStore', () => {
  it('answers every call with the reason it could not open', async () => {
    const { unavailableStore } = await import('./unavailable.js')
    const reason = { _tag: 'StoreUnavailable', message: 'no such server' } as const
    const store = unavailableStore(reason)
    expect(await store.append(participantStream(1), [enrolment(1)])).toEqual(E.left(reason))
    expect(await store.readStream(participantStream(1))).toEqual(E.left(reason))
    expect(await readToEnd(store)).toEqual(E.left(reason))
    expect(await store.headPosition()).toEqual(E.left(reason))
    const errors: unknown[] = []
    const sub = store.subscribe({ onEvent: () => undefined, onError: (e) => void errors.push(e) })
    expect(await sub.caughtUp).toEqual(E.left(reason))
    expect(errors).toEqual([reason])
  })
})
