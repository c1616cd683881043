/**
 * The EventStore port: what every store adapter (memory, PostgreSQL, PGlite, EventStoreDB)
 * implements, and the contract suite checks.
 *
 * Positions are global, 1-based and gapless, in commit order. Revisions are per stream, 0-based
 * (the first event of a stream has revision 0). Expected failures are values, never throws: every
 * method answers a `StoreError` as the Left of an `Either`, and `readAll` hands it out as the last
 * element of the read (see {@link EventRead}).
 *
 * @module port
 */
import type { DomainEvent, NewEvent, Problem } from '@ansinh/core'
import type * as E from 'fp-ts/lib/Either.js'

/** What the writer expects of the stream: any state, no stream yet, or exactly this revision. */
export type ExpectedRevision = 'any' | 'no-stream' | { readonly exact: number }

/** An event as stored: the event, where it sits, its schema version and its chain hash. */
export interface RecordedEvent {
  readonly event: DomainEvent
  readonly stream: string
  /** 0-based index within the stream. */
  readonly revision: number
  /** 1-based global position, gapless. */
  readonly position: number
  /** The schema version the event was written in. */
  readonly version: number
  /** Hex SHA-256 chaining this event to the previous one (see `chainHash` in chain.ts). */
  readonly hash: string
}

/** One stream's part of an append. */
export interface StreamWrite {
  readonly stream: string
  readonly events: readonly NewEvent[]
  readonly expectedRevision?: ExpectedRevision
}

/** What an append did. */
export interface AppendResult {
  /** The positions given to the new events, in order (empty for an idempotent no-op). */
  readonly positions: readonly number[]
  /** The revision of each written stream after the append (-1 for a stream that still has none). */
  readonly revisions: Readonly<Record<string, number>>
}

/** Why a store refused or failed. */
export type StoreError =
  | {
      readonly _tag: 'WrongExpectedRevision'
      readonly stream: string
      readonly expected: ExpectedRevision
      readonly actual: number | 'no-stream'
    }
  | { readonly _tag: 'DuplicateEventId'; readonly id: string; readonly stream: string; readonly message: string }
  | { readonly _tag: 'EventNotInStream'; readonly id: string; readonly stream: string; readonly expectedStream: string }
  | { readonly _tag: 'InvalidEvent'; readonly id: string; readonly problems: readonly Problem[] }
  | { readonly _tag: 'StoreUnavailable'; readonly message: string }
  | {
      readonly _tag: 'CorruptEvent'
      readonly position: number
      readonly message: string
      readonly problems: readonly Problem[]
    }
  | { readonly _tag: 'SubscriberFailed'; readonly position: number; readonly message: string }

/**
 * One element of {@link EventStore.readAll}: the next event, or why the read cannot go on. A Left
 * is always the last element (the read ends there), as Effect's `Stream.either` lifts a failing
 * stream into one that cannot fail. `E.isLeft(r)` first, then `r.right` is the event.
 *
 * @example
 * for await (const r of store.readAll()) {
 *   if (E.isLeft(r)) return r // StoreUnavailable, CorruptEvent, ...
 *   use(r.right)
 * }
 */
export type EventRead = E.Either<StoreError, RecordedEvent>

// A record, so that a tag added to StoreError must be added here too.
const STORE_ERROR_TAGS: Readonly<Record<StoreError['_tag'], true>> = {
  WrongExpectedRevision: true,
  DuplicateEventId: true,
  EventNotInStream: true,
  InvalidEvent: true,
  StoreUnavailable: true,
  CorruptEvent: true,
  SubscriberFailed: true,
}

/** Whether a tagged error is the store's (a {@link StoreError}), e.g. among a snapshot check's Lefts. */
export const isStoreError = (e: { readonly _tag: string }): e is StoreError => Object.hasOwn(STORE_ERROR_TAGS, e._tag)

/** One line saying what a store error is, e.g. `stream participant-0123456789: expected no-stream, found revision 2`. */
export const describeStoreError = (e: StoreError): string => {
  switch (e._tag) {
    case 'WrongExpectedRevision': {
      const expected = typeof e.expected === 'string' ? e.expected : `revision ${e.expected.exact}`
      const actual = e.actual === 'no-stream' ? 'no stream' : `revision ${e.actual}`
      return `stream ${e.stream}: expected ${expected}, found ${actual}`
    }
    case 'DuplicateEventId':
      return `event ${e.id} (stream ${e.stream}): ${e.message}`
    case 'EventNotInStream':
      return `event ${e.id} belongs to stream ${e.expectedStream}, not ${e.stream}`
    case 'InvalidEvent':
      return `event ${e.id} is not valid: ${e.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`
    case 'StoreUnavailable':
      return `store unavailable: ${e.message}`
    case 'CorruptEvent':
      return `stored event at position ${e.position} is corrupt: ${e.message}`
    case 'SubscriberFailed':
      return `subscriber failed at position ${e.position}: ${e.message}`
  }
}

/** Options of a read of all events. */
export interface ReadAllOptions {
  /** First position to read (inclusive, 1-based); default 1. */
  readonly fromPosition?: number
  /** How many events per page fetched from the backing store; default 1,000. */
  readonly pageSize?: number
}

/** Options of a stream read. */
export interface ReadStreamOptions {
  /** First revision to read (inclusive); default 0. */
  readonly fromRevision?: number
}

/** A live subscription. */
export interface Subscription {
  /**
   * Resolves once the subscriber has been handed every event committed when it started (Right),
   * or with the StoreError that stopped it first (Left; `onError` gets it too). Never rejects; stays
   * pending when `stop` comes first.
   */
  readonly caughtUp: Promise<E.Either<StoreError, void>>
  /** Stops delivery; resolves when no handler runs any more. */
  stop(): Promise<void>
}

/** Options of a subscription. */
export interface SubscribeOptions {
  /** First position to deliver (inclusive, 1-based); default 1. */
  readonly fromPosition?: number
  /** Called once per event, in position order, never concurrently; awaited before the next. */
  readonly onEvent: (e: RecordedEvent) => void | Promise<void>
  /** Called when the subscription fails; delivery has stopped. */
  readonly onError?: (error: StoreError) => void
}

/** Options of {@link EventStore.appendMany}. */
export interface AppendManyOptions {
  /**
   * Called as the append's events are written, with how many of them are (for a progress bar);
   * nothing is committed before the append returns. An adapter that writes in one step may never call it.
   */
  readonly onProgress?: (written: number) => void
}

/** The event store. */
export interface EventStore {
  /**
   * Appends events to one stream, atomically. An event whose id is stored with the same content
   * is skipped (idempotent); with other content the whole append is refused.
   */
  append(
    stream: string,
    events: readonly NewEvent[],
    expectedRevision?: ExpectedRevision,
  ): Promise<E.Either<StoreError, AppendResult>>
  /** Appends to several streams as one transaction: all or nothing (imports). */
  appendMany(writes: readonly StreamWrite[], options?: AppendManyOptions): Promise<E.Either<StoreError, AppendResult>>
  /** The events of one stream in revision order. */
  readStream(stream: string, options?: ReadStreamOptions): Promise<E.Either<StoreError, readonly RecordedEvent[]>>
  /**
   * Every event from a position, in position order, fetched in pages. Each element is Right(event);
   * a store that fails (unreachable, closed, a row that does not decode) ends the read with one
   * Left. Iterating never rejects for an expected failure.
   */
  readAll(options?: ReadAllOptions): AsyncIterable<EventRead>
  /** Catches up from a position, then follows live appends. */
  subscribe(options: SubscribeOptions): Subscription
  /** The position of the last committed event (0 when empty), or why the store cannot say. */
  headPosition(): Promise<E.Either<StoreError, number>>
  /** Releases connections. */
  close(): Promise<void>
}
