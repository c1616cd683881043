/**
 * Decoding events from JSON values: the envelope, the data codec of the event's schema version,
 * the upcaster chain, and problems in the one shape every caller prints.
 *
 * @module decode
 */
import type * as t from 'io-ts'
import * as E from 'fp-ts/lib/Either.js'
import { type DomainEvent, type EventOf, type EventType, isEventType } from './events.js'
import { expected, instantMessage } from './messages.js'
import { type Problem, problem } from './problem.js'
import { SCHEMAS, upcast } from './schema.js'
import { EventId, Instant } from './values.js'

/** Turns io-ts errors into problems, with field paths under `prefix` (e.g. `data`). */
export const problemsOf = (errors: t.Errors, prefix: string): Problem[] =>
  errors.map((e) => {
    const keys = e.context.map((c) => c.key).filter((k) => k !== '')
    const path = [prefix, ...keys].filter((k) => k !== '').join('.')
    const last = e.context[e.context.length - 1]
    const message =
      e.message ??
      (e.value === undefined
        ? 'missing'
        : ((last && expected(last.type.name, e.value)) ?? `not a valid ${last?.type.name ?? 'value'}`))
    return problem(path, message, e.value)
  })

const ENVELOPE_KEYS = new Set(['id', 'type', 'recordedAt', 'data'])

/** Options of {@link decodeEvent}. */
export interface DecodeOptions {
  /**
   * The schema version the data is written in (a store's row says it). Absent: the type's current
   * version, as NDJSON files are read — every version-1 line is a valid version-2 line with the
   * same meaning, since version 2 only adds types and widens `participantId`.
   */
  readonly version?: number
  /** Whether `recordedAt` may be missing (API appends: the store's clock sets it). */
  readonly recordedAtOptional?: boolean
}

/**
 * Decodes one event from a parsed JSON value: every problem at once, never a throw.
 *
 * @example decodeEvent(JSON.parse(line)) // Right(event) or Left([{ path: 'data.unit', ... }])
 */
export const decodeEvent = (u: unknown, options: DecodeOptions = {}): E.Either<Problem[], DomainEvent> => {
  if (typeof u !== 'object' || u === null || Array.isArray(u)) return E.left([problem('', 'not a JSON object', u)])
  const o = u as Record<string, unknown>
  const problems: Problem[] = []
  for (const k of Object.keys(o)) if (!ENVELOPE_KEYS.has(k)) problems.push(problem(k, 'unknown field', o[k]))
  if (!EventId.is(o.id)) problems.push(problem('id', o.id === undefined ? 'missing' : 'not a UUID', o.id))
  if (o.recordedAt === undefined) {
    if (options.recordedAtOptional !== true) problems.push(problem('recordedAt', 'missing', undefined))
  } else if (!Instant.is(o.recordedAt)) {
    problems.push(problem('recordedAt', instantMessage(o.recordedAt), o.recordedAt))
  }
  if (!isEventType(o.type)) {
    problems.push(problem('type', o.type === undefined ? 'missing' : 'unknown event type', o.type))
    return E.left(problems)
  }
  const type: EventType = o.type
  const schema = SCHEMAS[type]
  const version = options.version ?? schema.current
  const codec = schema.codecs[version]
  if (codec === undefined) {
    problems.push(problem('type', `no schema version ${version} of ${type}`, version))
    return E.left(problems)
  }
  const data = codec.validate(o.data, [{ key: '', type: codec, actual: o.data }])
  if (data._tag === 'Left') {
    if (o.data === undefined) problems.push(problem('data', 'missing', undefined))
    else problems.push(...problemsOf(data.left, 'data'))
  }
  if (problems.length > 0 || data._tag === 'Left') return E.left(problems)
  const event = { id: o.id, type, recordedAt: o.recordedAt, data: upcast(type, version, data.right) }
  return E.right(event as DomainEvent)
}

/** The JSON value of an event at the current schema version, keys in canonical order. */
export const encodeEvent = (e: DomainEvent | EventOf<EventType>): Record<string, unknown> => ({
  id: e.id,
  type: e.type,
  recordedAt: e.recordedAt,
  data: SCHEMAS[e.type].codec.encode(e.data as never),
})

/**
 * The canonical text of an event: JSON with keys in declared order and no optional field that is
 * absent. Two events are the same event exactly when their canonical texts are equal.
 */
export const canonicalJson = (e: DomainEvent): string => JSON.stringify(encodeEvent(e))

/** The canonical text of an event's data alone. */
export const canonicalDataJson = (e: DomainEvent): string =>
  JSON.stringify(SCHEMAS[e.type].codec.encode(e.data as never))
