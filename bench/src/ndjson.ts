/**
 * NDJSON decode + fold: a generated history written as NDJSON (untimed), then read back line by
 * line through core's `ColumnDecoder` (enrolments and lapses by the fixed-layout fast path, every
 * other line by the full codec path; duplicate ids) straight into a `History`'s columns.
 *
 * @module ndjson
 */
import { createReadStream, createWriteStream } from 'node:fs'
import { once } from 'node:events'
import { LineSplitter, encodeLine } from '@ansinh/core'
import { History, historyDecoder } from '@ansinh/projection'
import type { DomainEvent } from '@ansinh/core'
import { warm } from './fold.js'
import { now, perSecond } from './measure.js'

/** Writes the first `limit` events as an NDJSON file; returns how many were written. */
export const writeNdjson = async (events: Iterable<DomainEvent>, file: string, limit: number): Promise<number> => {
  const out = createWriteStream(file)
  let n = 0
  let chunk = ''
  for (const e of events) {
    if (n === limit) break
    chunk += encodeLine(e) + '\n'
    n++
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await once(out, 'drain')
      chunk = ''
    }
  }
  out.end(chunk)
  await once(out, 'finish')
  return n
}

/** Reads `file`, decodes every line into a history's columns; events per second end to end. */
export const decodeAndFold = async (
  file: string,
  unit: string,
  asOf: string,
): Promise<{ events: number; ms: number; eventsPerSec: number; fastLines: number }> => {
  const t = now()
  const history = new History()
  const decoder = historyDecoder(history)
  // the library's own byte-to-line path (strict UTF-8, as the CLI's import reads a file)
  const lines = new LineSplitter(decoder)
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) lines.write(chunk as Buffer)
  lines.end()
  if (decoder.errors.length > 0) throw new Error(`generated NDJSON did not decode: line ${decoder.errors[0]!.line}`)
  warm(history, unit, asOf)
  const ms = now() - t
  return { events: decoder.events, ms, eventsPerSec: perSecond(decoder.events, ms), fastLines: decoder.fast }
}
