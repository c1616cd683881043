/**
 * Collecting generated events: each gets a deterministic id and its recording instant, and the
 * history comes out ordered by `recordedAt` (ties keep generation order), which is the order in
 * which an agency would have appended them.
 *
 * @module generate/events
 */
import type { DomainEvent, EventDataMap, EventType } from '@ansinh/core'
import { isoInstant } from './calendar.js'
import type { IdFactory } from './ids.js'

/** Events of one seed with the epoch milliseconds they were recorded at. */
export class EventLog {
  /** The events, in generation order. */
  readonly events: DomainEvent[] = []
  /** `recordedAt` of each event as epoch milliseconds (the sort key). */
  readonly recordedMillis: number[] = []

  /** A log whose events take their ids from `ids`. */
  constructor(private readonly ids: IdFactory) {}

  /** Appends an event recorded at `recordedAt` (epoch milliseconds). */
  add<T extends EventType>(type: T, recordedAt: number, data: EventDataMap[T]): void {
    this.events.push({ id: this.ids.next(), type, recordedAt: isoInstant(recordedAt), data } as DomainEvent)
    this.recordedMillis.push(recordedAt)
  }
}

const INDEX_SPACE = 2 ** 22

/**
 * Merges logs into one history ordered by recording instant; equal instants keep log order.
 *
 * Instants are whole seconds, so (second, index) packs into one float below 2^53 and a native typed
 * array sort does the work; beyond 2^22 events a comparator sort takes over.
 */
export const mergeLogs = (logs: readonly EventLog[]): DomainEvent[] => {
  const events: DomainEvent[] = []
  const seconds: number[] = []
  for (const log of logs) {
    for (let i = 0; i < log.events.length; i++) {
      events.push(log.events[i]!)
      seconds.push(Math.floor(log.recordedMillis[i]! / 1000))
    }
  }
  const out = new Array<DomainEvent>(events.length)
  if (events.length <= INDEX_SPACE) {
    const packed = new Float64Array(events.length)
    for (let i = 0; i < packed.length; i++) packed[i] = seconds[i]! * INDEX_SPACE + i
    packed.sort()
    for (let i = 0; i < packed.length; i++) out[i] = events[packed[i]! % INDEX_SPACE]!
    return out
  }
  const order = Array.from({ length: events.length }, (_, i) => i)
  order.sort((a, b) => seconds[a]! - seconds[b]! || a - b)
  for (let i = 0; i < order.length; i++) out[i] = events[order[i]!]!
  return out
}
