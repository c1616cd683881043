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

/**
 * A query giving the selected rows as ONE text value, a JSON array of
 * `[position, stream, revision, id, type, schema_version, data, recorded_at, hash]` in position
 * order. PGlite pays per field it hands to JavaScript; one value per page reads about twice as
 * fast, and the server driver does not mind.
 *
 * @example selectRows('position >= $1', 'LIMIT $2')
 */
export const selectRows = (where: string, limit = ''): string =>
  `SELECT coalesce(json_agg(json_build_array(position, stream, revision, id, type, schema_version, data, recorded_at, hash) ORDER BY position), '[]')::text AS page
   FROM (SELECT * FROM ansinh_events WHERE ${where} ORDER BY position ${limit}) AS e`

/** A row as {@link selectRows} gives it. */
export type EventRow = readonly [position: number, stream: string, revision: number, id: string, type: string, schemaVersion: number, data: unknown, recordedAt: string, hash: string]

/** The rows of a {@link selectRows} result. */
export const rowsOf = (result: readonly { page: string }[]): EventRow[] => JSON.parse(result[0]?.page ?? '[]') as EventRow[]

/** Decodes a row; a row the codecs refuse is a `CorruptEvent` naming its position. */
export const decodeRow = (row: EventRow): E.Either<StoreError, RecordedEvent> => {
  const [position, stream, revision, id, type, version, data, recordedAt, hash] = row
  const decoded = decodeEvent({ id, type, recordedAt, data }, { version })
  if (E.isLeft(decoded)) {
    const first = decoded.left[0]
    return E.left({ _tag: 'CorruptEvent', position, message: first ? `${first.path}: ${first.message}` : 'does not decode', problems: decoded.left })
  }
  return E.right({ event: decoded.right, stream, revision, position, version, hash: hash.trim() })
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
