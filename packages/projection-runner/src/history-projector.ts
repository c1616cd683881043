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
import type { Projector, ProjectorError } from './projector.js'

const encoder = new TextEncoder()
const decoder = new TextDecoder()

/** Feeds a `History` and snapshots it as its positioned events. */
export const historyProjector: Projector<History> = {
  empty: () => History.of([]),
  apply: (history, e) => {
    const r = history.append({ event: e.event, position: e.position })
    return E.isLeft(r)
      ? E.left({ _tag: 'EventNotFolded', position: e.position, message: `position ${r.left.position} after ${r.left.lastPosition}: events fed out of order` })
      : E.right(undefined)
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
      const position = Number(text.slice(start, tab))
      const json = parseJson(text.slice(tab + 1, nl))
      const decoded = json === undefined ? null : decodeEvent(json)
      if (tab < start || tab > nl || !Number.isSafeInteger(position) || decoded === null || E.isLeft(decoded)) {
        const why = decoded !== null && E.isLeft(decoded) ? `: ${decoded.left.map((p) => p.path + ': ' + p.message).join('; ')}` : ''
        return E.left<ProjectorError>({ _tag: 'SnapshotUnreadable', message: `snapshot line at byte ${start} is not a positioned event${why}` })
      }
      events.push({ event: decoded.right, position })
      start = nl + 1
    }
    return E.right(History.of(events))
  },
}

/** The JSON value of a text, or undefined when it is not JSON. */
const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}
