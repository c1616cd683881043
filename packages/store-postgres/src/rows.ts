/**
 * Rows of `ansinh_events` to recorded events and back. The data column holds the canonical JSON
 * of the event's data; reading decodes it through core's codecs at the stored schema version, so
 * what comes back is exactly what was appended (jsonb reorders keys; the codecs restore the
 * declared order).
 *
 * @module rows
 */
import * as E from 'fp-ts/lib/Either.js'
import { SCHEMAS, decodeEvent, instantMillis } from '@ansinh/core'
import type { RecordedEvent, StoreError } from '@ansinh/store'

/** The columns every read selects, data as text so both drivers hand back the same thing. */
export const EVENT_COLUMNS = 'position, stream, revision, id, type, schema_version, data::text AS data, recorded_at, hash'

/** A row as selected with {@link EVENT_COLUMNS}. */
export interface EventRow {
  readonly position: number | string | bigint
  readonly stream: string
  readonly revision: number
  readonly id: string
  readonly type: string
  readonly schema_version: number
  readonly data: string
  readonly recorded_at: string
  readonly hash: string
}

/** Decodes a row; a row the codecs refuse is a `CorruptEvent` naming its position. */
export const decodeRow = (row: EventRow): E.Either<StoreError, RecordedEvent> => {
  const position = Number(row.position)
  let data: unknown
  try {
    data = JSON.parse(row.data)
  } catch (err) {
    return E.left({ _tag: 'CorruptEvent', position, message: `data is not JSON: ${(err as Error).message}`, problems: [] })
  }
  const version = Number(row.schema_version)
  const decoded = decodeEvent({ id: row.id, type: row.type, recordedAt: row.recorded_at, data }, { version })
  if (E.isLeft(decoded)) {
    const first = decoded.left[0]
    return E.left({ _tag: 'CorruptEvent', position, message: first ? `${first.path}: ${first.message}` : 'does not decode', problems: decoded.left })
  }
  return E.right({ event: decoded.right, stream: row.stream, revision: Number(row.revision), position, version, hash: row.hash.trim() })
}

/** The JSON object of one row for `json_to_recordset` (see the insert in store.ts). */
export const rowOf = (r: RecordedEvent): Record<string, unknown> => ({
  position: r.position,
  stream: r.stream,
  revision: r.revision,
  id: r.event.id,
  type: r.event.type,
  schema_version: r.version,
  data: SCHEMAS[r.event.type].codec.encode(r.event.data as never),
  recorded_at: r.event.recordedAt,
  recorded_at_ms: instantMillis(r.event.recordedAt),
  hash: r.hash,
})

/** Inserts rows given as one JSON array: one statement, one parameter, any number of rows. */
export const INSERT_ROWS = `INSERT INTO ansinh_events
  (position, stream, revision, id, type, schema_version, data, recorded_at, recorded_at_ms, hash)
  SELECT position, stream, revision, id, type, schema_version, data, recorded_at, recorded_at_ms, hash
  FROM json_to_recordset($1::json) AS r(
    position bigint, stream text, revision integer, id text, type text, schema_version integer,
    data jsonb, recorded_at text, recorded_at_ms bigint, hash text)`
