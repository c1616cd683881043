import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { History } from '@ansinh/projection'
import { enrolled, established, positioned } from '@ansinh/testing/fixtures'
import { historyProjector } from './history-projector.js'

const events = positioned([established('60', 'Bình Thuận'), enrolled('0123456789', 'health', '60', '2020-01-01', null)])
const encoder = new TextEncoder()

describe('historyProjector', () => {
  it('restores what it snapshot, and refuses bytes that are not a History payload with SnapshotUnreadable', () => {
    const restored = historyProjector.restore(historyProjector.snapshot(History.of(events)))
    if (E.isLeft(restored)) throw new Error(restored.left.message)
    expect(restored.right.size).toBe(events.length)
    expect(restored.right.lastPosition).toBe(events.at(-1)!.position)
    expect(historyProjector.snapshot(restored.right)).toEqual(historyProjector.snapshot(History.of(events)))
    expect(historyProjector.restore(encoder.encode('1\tnot json\n'))).toMatchObject(
      E.left({ _tag: 'SnapshotUnreadable' }),
    )
    expect(historyProjector.restore(new Uint8Array(0))).toMatchObject(E.left({ _tag: 'SnapshotUnreadable' }))
  })

  it('folds events in order and refuses one out of order with EventNotFolded', () => {
    const history = historyProjector.empty()
    const recorded = (i: number) => ({ ...events[i]!, stream: 's', revision: 0, hash: '', previousHash: '' }) as never
    expect(historyProjector.apply(history, recorded(0))).toEqual(E.right(undefined))
    expect(historyProjector.apply(history, recorded(1))).toEqual(E.right(undefined))
    expect(historyProjector.apply(history, recorded(0))).toMatchObject(E.left({ _tag: 'EventNotFolded', position: 1 }))
  })
})
