import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { GENESIS_HASH } from './chain.js'
import { InMemoryEventStore } from './memory.js'
import {
  ChainCheckpoints,
  ENVELOPE_STAMP_BYTES,
  InMemorySnapshotStore,
  describeSnapshotError,
  envelopeStamp,
  keepsSnapshots,
  openSnapshot,
  sealSnapshot,
} from './snapshot.js'
import { checkAgainstChain } from './snapshot-trust.js'
import { unavailableStore } from './unavailable.js'
import { enrolment, participantStream, readEverything } from '@ansinh/store-testing'
import type { EventStore, RecordedEvent } from './port.js'

const collect = (store: EventStore): Promise<RecordedEvent[]> => readEverything(store)

const stamp = { position: 12_345_678_901, hash: 'ab'.repeat(32) }
const payload = new TextEncoder().encode('the payload')

describe('snapshot envelope', () => {
  it('opens what it sealed: stamp, format and payload', () => {
    const opened = openSnapshot(sealSnapshot(stamp, 7, payload), 7)
    expect(
      E.isRight(opened) && {
        ...opened.right,
        payload: [...opened.right.payload],
        checkpoints: opened.right.checkpoints.before(stamp.position),
      },
    ).toEqual({ ...stamp, format: 7, payload: [...payload], checkpoints: null })
  })

  it('finds any changed byte, a cut, and bytes that are no envelope', () => {
    const sealed = sealSnapshot(stamp, 1, payload)
    for (let i = 0; i < sealed.length; i += 7) {
      const changed = sealed.slice()
      changed[i] = changed[i]! ^ 1
      expect(openSnapshot(changed, 1)).toMatchObject({ _tag: 'Left', left: { _tag: 'SnapshotUnreadable' } })
    }
    expect(openSnapshot(sealed.subarray(0, sealed.length - 1), 1)).toMatchObject({
      left: { _tag: 'SnapshotUnreadable', message: expect.stringContaining('announced') },
    })
    expect(openSnapshot(new Uint8Array(10), 1)).toMatchObject({
      left: { message: '10 bytes, shorter than an envelope' },
    })
    expect(openSnapshot(new Uint8Array(200), 1)).toMatchObject({
      left: { message: 'not a snapshot envelope (no ANSINHSN mark)' },
    })
  })

  it('refuses an envelope of another layout by its version, before measuring it', () => {
    const older = sealSnapshot(stamp, 1, payload)
    new DataView(older.buffer).setUint16(8, 1)
    expect(openSnapshot(older, 1)).toEqual(
      E.left({
        _tag: 'SnapshotOtherVersion',
        found: 'envelope 1, payload format 1',
        expected: 'envelope 2, payload format 1',
      }),
    )
  })

  it('starts the payload on an 8-byte boundary, so that its typed arrays can be viewed in place', () => {
    const opened = openSnapshot(sealSnapshot(stamp, 1, payload), 1)
    expect(E.isRight(opened) && opened.right.payload.byteOffset % 8).toBe(0)
  })

  it('carries the chain checkpoints it was given, up to the stamp and the last one known', () => {
    const chain = new ChainCheckpoints()
    chain.record(256, 'cd'.repeat(32))
    chain.record(300, 'ef'.repeat(32)) // not a checkpoint's position: ignored
    chain.record(768, 'ef'.repeat(32))
    chain.record(1024, '01'.repeat(32)) // past the stamp below: not written
    const at = { position: 1000, hash: 'ab'.repeat(32) }
    const opened = openSnapshot(sealSnapshot(at, 1, payload, chain), 1)
    expect(E.isRight(opened)).toBe(true)
    const back = (opened as E.Right<{ checkpoints: ChainCheckpoints; payload: Uint8Array }>).right
    expect([...back.payload]).toEqual([...payload])
    expect(back.checkpoints.before(255)).toBeNull()
    expect(back.checkpoints.before(600)).toEqual({ position: 256, hash: 'cd'.repeat(32) })
    expect(back.checkpoints.before(999)).toEqual({ position: 768, hash: 'ef'.repeat(32) })
    expect(back.checkpoints.before(5000)).toEqual({ position: 768, hash: 'ef'.repeat(32) })
    // a stamp far out (12 billion) costs no space for checkpoints it does not know
    expect(sealSnapshot(stamp, 1, payload).length).toBe(sealSnapshot({ ...stamp, position: 1 }, 1, payload).length)
  })

  it('refuses another payload format by name', () => {
    const r = openSnapshot(sealSnapshot(stamp, 2, payload), 1)
    expect(r).toEqual(
      E.left({
        _tag: 'SnapshotOtherVersion',
        found: 'envelope 2, payload format 2',
        expected: 'envelope 2, payload format 1',
      }),
    )
    expect(describeSnapshotError((r as E.Left<never>).left)).toBe(
      'of another format (envelope 2, payload format 2; this version reads envelope 2, payload format 1)',
    )
  })

  it('names the stamp from the header alone, and nothing for bytes that are no envelope', () => {
    const sealed = sealSnapshot(stamp, 1, payload)
    expect(envelopeStamp(sealed.subarray(0, ENVELOPE_STAMP_BYTES))).toEqual(stamp)
    expect(envelopeStamp(sealed.subarray(0, ENVELOPE_STAMP_BYTES - 1))).toBeNull()
    expect(envelopeStamp(new Uint8Array(ENVELOPE_STAMP_BYTES))).toBeNull()
  })

  it('will not seal a stamp that is no chain hash', () => {
    expect(() => sealSnapshot({ position: 1, hash: 'xyz' }, 1, payload)).toThrow('not a chain hash: xyz')
  })
})

describe('checkAgainstChain', () => {
  it('trusts a stamp the store carries at its position, and no other', async () => {
    const store = new InMemoryEventStore()
    const appended = await store.append(participantStream(1), [enrolment(1), enrolment(1, 2)])
    expect(E.isRight(appended)).toBe(true)
    const [, second] = [...(await collect(store))]
    expect(await checkAgainstChain(store, { position: 2, hash: second!.hash })).toEqual(
      E.right({ position: 2, hash: second!.hash }),
    )
    expect(await checkAgainstChain(store, { position: 1, hash: second!.hash })).toMatchObject(
      E.left({ _tag: 'SnapshotStale', position: 1, chainHash: expect.not.stringMatching(second!.hash) }),
    )
    expect(await checkAgainstChain(store, { position: 0, hash: GENESIS_HASH })).toEqual(
      E.right({ position: 0, hash: GENESIS_HASH }),
    )
    expect(await checkAgainstChain(store, { position: 3, hash: stamp.hash })).toEqual(
      E.left({ _tag: 'SnapshotStale', position: 3, hash: stamp.hash, chainHash: null }),
    )
    // a store that cannot be read is its own failure, never a stale snapshot
    const reason = { _tag: 'StoreUnavailable', message: 'no such server' } as const
    expect(await checkAgainstChain(unavailableStore(reason), { position: 2, hash: second!.hash })).toEqual(
      E.left(reason),
    )
  })
})

describe('snapshot stores', () => {
  it('keeps a copy per name in memory', async () => {
    const s = new InMemorySnapshotStore()
    expect(await s.load('a')()).toEqual(E.right(null))
    const bytes = new Uint8Array([1, 2, 3])
    await s.save('a', bytes)()
    bytes[0] = 9
    expect(await s.load('a')()).toEqual(E.right(new Uint8Array([1, 2, 3])))
  })

  it('says which stores keep snapshots', () => {
    expect(keepsSnapshots(new InMemoryEventStore())).toBe(true)
    expect(keepsSnapshots(unavailableStore({ _tag: 'StoreUnavailable', message: 'x' }))).toBe(false)
  })
})
