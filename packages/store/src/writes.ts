/**
 * Turning events in history order into the writes of one `appendMany`: what `ansinh import`, the
 * seed reports and the bench all append through.
 *
 * @module writes
 */
import { type DomainEvent, streamOf } from '@ansinh/core'
import type { StreamWrite } from './port.js'

/**
 * Groups events into runs of one stream, in the given order, each expecting the revision its
 * stream has after the runs before it; `revisions` (stream → last revision) is advanced.
 */
export const writesInOrder = (events: readonly DomainEvent[], revisions: Map<string, number>): StreamWrite[] => {
  const writes: { stream: string; events: DomainEvent[]; expectedRevision: StreamWrite['expectedRevision'] }[] = []
  for (const e of events) {
    const stream = streamOf(e)
    const revision = revisions.get(stream)
    revisions.set(stream, (revision ?? -1) + 1)
    const last = writes[writes.length - 1]
    if (last !== undefined && last.stream === stream) last.events.push(e)
    else
      writes.push({ stream, events: [e], expectedRevision: revision === undefined ? 'no-stream' : { exact: revision } })
  }
  return writes
}
