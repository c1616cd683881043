import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { enrolment, eventually, participantStream } from '@ansinh/store-testing'
import { InMemoryEventStore } from './memory.js'
import type { StoreError } from './port.js'

describe('pollingSubscription', () => {
  it('stops and reports a handler that throws, naming the position', async () => {
    const store = new InMemoryEventStore()
    await store.append(participantStream(1), [enrolment(1, 1), enrolment(1, 2)])
    const errors: StoreError[] = []
    const seen: number[] = []
    const sub = store.subscribe({
      onEvent: (e) => {
        if (e.position === 2) throw new Error('projection broke')
        seen.push(e.position)
      },
      onError: (e) => void errors.push(e),
    })
    expect(await sub.caughtUp).toMatchObject(E.left({ _tag: 'SubscriberFailed', position: 2 }))
    await eventually(() => errors.length === 1)
    expect(errors).toEqual([{ _tag: 'SubscriberFailed', position: 2, message: 'projection broke' }])
    expect(seen).toEqual([1])
    await sub.stop()
  })
})
