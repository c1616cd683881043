/**
 * One partition of the partitioned run, in a worker thread: generates its province's history, folds
 * it when told to (so partitions fold at the same time), then answers coverage questions about
 * its province until told to stop.
 *
 * @module partition-worker
 */
import { parentPort, workerData } from 'node:worker_threads'
import type { PositionedEvent } from '@ansinh/core'
import { History } from '@ansinh/projection'
import { coverageReport } from '@ansinh/projection-coverage'
import type { Scheme } from '@ansinh/core'
import { warm } from './fold.js'
import { type ScaleOptions, generateHistory } from './generator.js'

/** A message to a partition worker. */
export type PartitionCommand =
  | { readonly type: 'fold' }
  | { readonly type: 'ask'; readonly id: number; readonly asOf: string; readonly scheme: Scheme }
  | { readonly type: 'stop' }

/** A message from a partition worker. */
export type PartitionReply =
  | { readonly type: 'generated'; readonly events: number }
  | { readonly type: 'folded'; readonly ms: number }
  | { readonly type: 'answer'; readonly id: number; readonly participants: number }

const scale = workerData as ScaleOptions
const port = parentPort!
let events: PositionedEvent[] = []
let position = 0
for (const event of generateHistory(scale)) events.push({ event, position: ++position })
let history: History | null = null
port.postMessage({ type: 'generated', events: events.length } satisfies PartitionReply)
port.on('message', (m: PartitionCommand) => {
  if (m.type === 'fold') {
    const t = performance.now()
    history = History.of(events)
    warm(history, scale.province, `${scale.startYear + 2}-06-30`)
    events = []
    port.postMessage({ type: 'folded', ms: performance.now() - t } satisfies PartitionReply)
  } else if (m.type === 'ask') {
    const r = coverageReport(history!, { asOf: m.asOf as never, scheme: m.scheme, unit: scale.province })
    port.postMessage({ type: 'answer', id: m.id, participants: r.participants } satisfies PartitionReply)
  } else {
    port.close()
  }
})
