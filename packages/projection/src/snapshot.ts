/**
 * The History snapshot payload: what a store keeps so a process restores a `History` without
 * re-reading the log. This first version is the positioned events in canonical NDJSON
 * (`position TAB event`, one a line), deflated; restoring re-decodes every line through the codecs
 * and folds them, so it is exact by construction (the same events, the same fold). A compact
 * columnar payload replaces it without changing these two signatures.
 *
 * The payload carries no checksum or stamp of its own: the store's snapshot envelope
 * (`@ansinh/store` snapshot.ts) wraps it with a format version, the position and chain hash it was
 * taken at, and a SHA-256 checksum.
 *
 * @module snapshot
 */
import { deflateRawSync, inflateRawSync } from 'node:zlib'
import * as E from 'fp-ts/lib/Either.js'
import { canonicalJson, decodeEvent } from '@ansinh/core'
import { History, type PositionedEvent } from './history.js'

/** Why snapshot bytes could not be turned back into a History. */
export interface SnapshotUnreadable {
  readonly _tag: 'SnapshotUnreadable'
  readonly message: string
}

const encoder = new TextEncoder()
const decoder = new TextDecoder('utf-8', { fatal: true })

/** The bytes a History is restored from by {@link decodeHistorySnapshot}. */
export const encodeHistorySnapshot = (history: History): Uint8Array => {
  // Built in pieces: one string of a few hundred MB would hit V8's string length limit.
  const parts: Buffer[] = []
  let text = ''
  for (const { event, position } of history.entries()) {
    text += `${position}\t${canonicalJson(event)}\n`
    if (text.length > 1 << 22) {
      parts.push(Buffer.from(encoder.encode(text)))
      text = ''
    }
  }
  parts.push(Buffer.from(encoder.encode(text)))
  // Level 1: NDJSON of events shrinks about tenfold even at the fastest level.
  return new Uint8Array(deflateRawSync(Buffer.concat(parts), { level: 1 }))
}

const unreadable = (message: string): E.Either<SnapshotUnreadable, never> => E.left({ _tag: 'SnapshotUnreadable', message })

/** The History a snapshot was taken of, or why the bytes are not such a snapshot. */
export const decodeHistorySnapshot = (bytes: Uint8Array): E.Either<SnapshotUnreadable, History> => {
  let raw: Buffer
  try {
    raw = inflateRawSync(bytes)
  } catch (err) {
    return unreadable(`not a deflated history snapshot: ${(err as Error).message}`)
  }
  const events: PositionedEvent[] = []
  let start = 0
  let line = 1
  // Lines are decoded in slices of whole lines, so no string grows to the size of the payload.
  while (start < raw.length) {
    let end = raw.indexOf(10, Math.min(raw.length, start + (1 << 22)))
    if (end < 0) end = raw.length
    let text: string
    try {
      text = decoder.decode(raw.subarray(start, end))
    } catch {
      return unreadable(`line ${line}: not UTF-8`)
    }
    for (const l of text.split('\n')) {
      if (l === '') continue
      const tab = l.indexOf('\t')
      const position = Number(l.slice(0, tab))
      if (tab <= 0 || !Number.isSafeInteger(position) || position < 1) return unreadable(`line ${line}: no position`)
      let json: unknown
      try {
        json = JSON.parse(l.slice(tab + 1))
      } catch (err) {
        return unreadable(`line ${line}: ${(err as Error).message}`)
      }
      const decoded = decodeEvent(json)
      if (E.isLeft(decoded)) return unreadable(`line ${line}: ${decoded.left.map((p) => `${p.path}: ${p.message}`).join('; ')}`)
      const last = events[events.length - 1]
      if (last !== undefined && position <= last.position) return unreadable(`line ${line}: position ${position} after ${last.position}`)
      events.push({ event: decoded.right, position })
      line++
    }
    start = end + 1
  }
  return E.right(History.of(events))
}
