/**
 * Rows of `ansinh_events` to recorded events and back. The data column holds the canonical JSON
 * of the event's data as written (a `json` column keeps the text); reading decodes it through
 * core's codecs at the stored schema version, so what comes back is exactly what was appended.
 *
 * @module internal/rows
 */
import * as E from 'fp-ts/lib/Either.js'
import { decodeEvent, instantMillis } from '@ansinh/core'
import type { RecordedEvent, StoreError } from '@ansinh/store'
import type { SqlQueryable } from '../driver.js'

/** The columns of a stored row, in the order {@link copyText} writes them. */
export const COLUMNS = [
  'position',
  'stream',
  'revision',
  'id',
  'type',
  'schema_version',
  'data',
  'recorded_at',
  'recorded_at_ms',
  'hash',
] as const

/** A row as read: `[position, stream, revision, id, type, schema_version, data, recorded_at, hash]`. */
export type EventRow = readonly [
  position: number,
  stream: string,
  revision: number,
  id: string,
  type: string,
  schemaVersion: number,
  data: unknown,
  recordedAt: string,
  hash: string,
]

/**
 * A query giving the selected rows as ONE text value, a JSON array of {@link EventRow}s in
 * position order. PGlite pays per field it hands to JavaScript, so one value per page reads about
 * twice as fast there; a server hands plain rows over faster (see {@link readRows}).
 */
const pageQuery = (where: string, limit: string): string =>
  `SELECT coalesce(json_agg(json_build_array(position, stream, revision, id, type, schema_version, data, recorded_at, hash) ORDER BY position), '[]')::text AS page
   FROM (SELECT * FROM ansinh_events WHERE ${where} ORDER BY position ${limit}) AS e`

/** The same rows as plain rows; `pg` parses the json column itself. */
const rowQuery = (where: string, limit: string): string =>
  `SELECT position, stream, revision, id, type, schema_version, data, recorded_at, hash FROM ansinh_events WHERE ${where} ORDER BY position ${limit}`

interface PlainRow {
  readonly position: string | number
  readonly stream: string
  readonly revision: number
  readonly id: string
  readonly type: string
  readonly schema_version: number
  readonly data: unknown
  readonly recorded_at: string
  readonly hash: string
}

/**
 * The rows matching `where` (with `limit`, e.g. `LIMIT $2`) in position order, read the way the
 * engine hands them over fastest: one JSON page from PGlite, plain rows from a server.
 *
 * @example readRows(tx, 'pglite', 'position >= $1', [1, 1000], 'LIMIT $2')
 */
export const readRows = async (
  sql: SqlQueryable,
  kind: 'postgres' | 'pglite',
  where: string,
  params: readonly unknown[],
  limit = '',
): Promise<EventRow[]> => {
  if (kind === 'pglite') {
    const [result] = await sql.query<{ page: string }>(pageQuery(where, limit), params)
    return JSON.parse(result?.page ?? '[]') as EventRow[]
  }
  const rows = await sql.query<PlainRow>(rowQuery(where, limit), params)
  return rows.map((r) => [
    Number(r.position),
    r.stream,
    r.revision,
    r.id,
    r.type,
    r.schema_version,
    r.data,
    r.recorded_at,
    r.hash,
  ])
}

/** Decodes a row; a row the codecs refuse is a `CorruptEvent` naming its position. */
export const decodeRow = (row: EventRow): E.Either<StoreError, RecordedEvent> => {
  const [position, stream, revision, id, type, version, data, recordedAt, hash] = row
  const decoded = decodeEvent({ id, type, recordedAt, data }, { version })
  if (E.isLeft(decoded)) {
    const first = decoded.left[0]
    return E.left({
      _tag: 'CorruptEvent',
      position,
      message: first ? `${first.path}: ${first.message}` : 'does not decode',
      problems: decoded.left,
    })
  }
  return E.right({ event: decoded.right, stream, revision, position, version, hash: hash.trim() })
}

/** COPY text format treats backslash, tab and line breaks specially; JSON text only ever holds backslashes. */
const SPECIAL = /[\\\t\n\r]/
const escaped = (s: string): string =>
  SPECIAL.test(s) ? s.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r') : s

/**
 * Rows in COPY text format, {@link COLUMNS} in order, one line each: `dataJson[i]` is the
 * canonical JSON of `rows[i]`'s data (as `planAppend` gives it). Only the stream and the data can
 * hold a character COPY treats specially: the codecs admitted the id (a UUID), the type and
 * `recordedAt` (an ISO instant) already.
 */
export const copyText = (
  rows: readonly RecordedEvent[],
  dataJson: readonly string[],
  from = 0,
  to = rows.length,
): string => {
  let text = ''
  // Imports often repeat a recording instant; parsing it once per run of equal ones is enough.
  let instant = ''
  let millis = 0
  for (let i = from; i < to; i++) {
    const r = rows[i]!
    const e = r.event
    if (e.recordedAt !== instant) {
      instant = e.recordedAt
      millis = instantMillis(instant)
    }
    text += `${r.position}\t${escaped(r.stream)}\t${r.revision}\t${e.id}\t${e.type}\t${r.version}\t${escaped(dataJson[i]!)}\t${instant}\t${millis}\t${r.hash}\n`
  }
  return text
}
