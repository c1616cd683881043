/**
 * The built-in read models (`History`: coverage, plan and debt) as a {@link Projector}.
 *
 * The snapshot is the history's own binary payload (`encodeHistorySnapshot`: its columns and
 * built indexes), so a restore maps local bytes instead of re-reading the store or re-folding.
 *
 * @module history-projector
 */
import * as E from 'fp-ts/lib/Either.js'
import { History, decodeHistorySnapshot, encodeHistorySnapshot } from '@ansinh/projection'
import type { Projector, ProjectorError } from './projector.js'

/** Feeds a `History` and snapshots it as its binary payload. */
export const historyProjector: Projector<History> = {
  empty: () => History.of([]),
  apply: (history, e) => {
    const r = history.append({ event: e.event, position: e.position })
    return E.isLeft(r)
      ? E.left({
          _tag: 'EventNotFolded',
          position: e.position,
          message: `position ${r.left.position} after ${r.left.lastPosition}: events fed out of order`,
        })
      : E.right(undefined)
  },
  snapshot: (history) => encodeHistorySnapshot(history),
  restore: (bytes) => {
    const restored = decodeHistorySnapshot(bytes)
    return E.isLeft(restored)
      ? E.left<ProjectorError>({ _tag: 'SnapshotUnreadable', message: restored.left.message })
      : E.right(restored.right)
  },
}
