/**
 * The built-in read models (`History`: coverage, plan and debt) as a {@link Projector}.
 *
 * The snapshot is the history's positioned events in canonical NDJSON (`position TAB event`), so a
 * restore re-folds from local bytes instead of re-reading the store. A known-at view needs every
 * event with its recording instant, so the events are the state that must be kept in any case.
 *
 * @module history-projector
 */
import * as E from 'fp-ts/lib/Either.js'
import { canonicalJson, decodeEvent } from '@ansinh/core'
import { History } from '@ansinh/projection'
import type { Projector } from './projector.js'

const encoder = new TextEncoder()
const decoder = new TextDecoder()

/** Feeds a `History` and snapshots it as its positioned events. */
export const historyProjector: Projector<History> = {
  empty: () => History.of([]),
  apply: (history, e) => {
    const r = history.append({ event: e.event, position: e.position })
    if (E.isLeft(r)) throw new Error(`position ${r.left.position} after ${r.left.lastPosition}: the runner fed events out of order`)
  },
  snapshot: (history) => {
    let text = ''
    for (const { event, position } of history.entries()) text += `${position}\t${canonicalJson(event)}\n`
    return encoder.encode(text)
  },
  restore: (bytes) => {
    const text = decoder.decode(bytes)
    const events = []
    let start = 0
    for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
      const tab = text.indexOf('\t', start)
      const decoded = decodeEvent(JSON.parse(text.slice(tab + 1, nl)))
      if (E.isLeft(decoded)) throw new Error(`snapshot line at byte ${start} does not decode: ${decoded.left.map((p) => p.path + ': ' + p.message).join('; ')}`)
      events.push({ event: decoded.right, position: Number(text.slice(start, tab)) })
      start = nl + 1
    }
    return History.of(events)
  },
}
