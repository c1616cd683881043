/**
 * The hash chain: every stored event carries a SHA-256 over its place in the history, its content
 * and the previous event's hash, so an edit, deletion, insertion or reordering of stored rows is
 * found by re-walking the chain from position 1. docs/hash-chain.md spells the form out for
 * auditors who recompute it by hand.
 *
 * @module chain
 */
import * as crypto from 'node:crypto'
import { type DomainEvent, canonicalJson, streamOf, writtenVersion } from '@ansinh/core'
import * as E from 'fp-ts/lib/Either.js'
import { type EventRead, type EventStore, type RecordedEvent, type StoreError, describeStoreError } from './port.js'

/** The "previous hash" of the event at position 1: 64 zeros. */
export const GENESIS_HASH = '0'.repeat(64)

/** A recorded event before its hash is known. */
export type UnhashedEvent = Omit<RecordedEvent, 'hash'>

/**
 * The exact text that is hashed: six lines joined by `\n` (no trailing newline) — position,
 * stream, revision, schema version, the event's canonical JSON, the previous hash.
 *
 * @example chainInput(GENESIS_HASH, e) // '1\nparticipant-0123456789\n0\n1\n{"id":…}\n0000…0000'
 */
export const chainInput = (
  previousHash: string,
  e: UnhashedEvent,
  canonical: string = canonicalJson(e.event),
): string => `${e.position}\n${e.stream}\n${e.revision}\n${e.version}\n${canonical}\n${previousHash}`

/**
 * The hash of an event chained to the previous one: lowercase hex SHA-256 of the UTF-8
 * {@link chainInput}. A caller that already holds the event's canonical JSON passes it, so a
 * bulk append encodes each event once.
 */
export const chainHash = (previousHash: string, e: UnhashedEvent, canonical?: string): string =>
  sha256Hex(chainInput(previousHash, e, canonical))

/**
 * Hex SHA-256 of a string's UTF-8 bytes. The one-shot `crypto.hash` (Node ≥ 20.12) costs about a
 * third of `createHash` on inputs this small; older Node takes the stream.
 */
const sha256Hex: (text: string) => string =
  typeof crypto.hash === 'function'
    ? (text) => crypto.hash('sha256', text, 'hex')
    : (text) => crypto.createHash('sha256').update(text, 'utf8').digest('hex')

/**
 * The hash and revision an event gets at `position` when it follows `previousHash` in a history;
 * `revisions` (stream → last revision) is updated. Lets a history read from a file carry the
 * hashes it would have in an empty store.
 */
export const chainHashOf = (
  previousHash: string,
  event: DomainEvent,
  position: number,
  revisions: Map<string, number>,
): { readonly hash: string; readonly revision: number } => {
  const stream = streamOf(event)
  const revision = (revisions.get(stream) ?? -1) + 1
  revisions.set(stream, revision)
  return {
    hash: chainHash(previousHash, { event, stream, revision, position, version: writtenVersion(event) }),
    revision,
  }
}

/** A place in the chain: a position and the chain hash after it (0 and {@link GENESIS_HASH} for the empty history). */
export interface ChainStamp {
  readonly position: number
  /** Lowercase hex SHA-256. */
  readonly hash: string
}

/** Where and why a chain does not verify. */
export interface ChainBreak {
  readonly position: number
  readonly reason: string
}

/** What {@link verifyChain} found. */
export type ChainVerdict =
  | { readonly ok: true; readonly checked: number; readonly lastPosition: number; readonly lastHash: string }
  | ({ readonly ok: false } & ChainBreak)

/**
 * Re-chains events as they are read: each {@link ChainWalk.step} checks the next event against the
 * walk so far (positions gapless, the event in the stream its content names, each stream's
 * revisions gapless, the stored hash equal to the one recomputed from the previous hash) and
 * moves the walk on. {@link ChainWalk.head} is then the hash of what was read, computed, never
 * copied from a stored column. Started from a trusted stamp (a snapshot's, or a published head),
 * the walk reads only the tail: a stream's first revision after the stamp is taken as found, and
 * every later one must follow it (the hash covers the revision).
 *
 * @example
 * const walk = new ChainWalk()
 * for await (const r of store.readAll()) { if (E.isLeft(r)) return r; const broken = walk.step(r.right); if (broken) return E.right(broken) }
 * walk.head // { position, hash } of the last event read
 */
export class ChainWalk {
  private previous: string
  private expected: number
  private readonly start: number
  private readonly resumed: boolean
  private readonly revisions = new Map<string, number>()
  private broken: ChainBreak | null = null

  constructor(from?: ChainStamp) {
    this.previous = from?.hash ?? GENESIS_HASH
    this.start = from?.position ?? 0
    this.expected = this.start + 1
    this.resumed = this.start > 0
  }

  /** The position and computed hash of the last event that verified (the start when none did). */
  get head(): ChainStamp {
    return { position: this.expected - 1, hash: this.previous }
  }

  /** How many events verified since the start. */
  get checked(): number {
    return this.expected - 1 - this.start
  }

  /** The first break found, or null. */
  get failure(): ChainBreak | null {
    return this.broken
  }

  /** Checks the next event read; null when it follows the walk, else the break (and every later step returns it too). */
  step(e: RecordedEvent): ChainBreak | null {
    if (this.broken !== null) return this.broken
    const fail = (reason: string): ChainBreak => (this.broken = { position: this.expected, reason })
    if (e.position !== this.expected) {
      return e.position > this.expected
        ? fail(`position ${this.expected} is missing (next stored position is ${e.position})`)
        : fail(`position ${e.position} appears where position ${this.expected} was expected`)
    }
    const owner = streamOf(e.event)
    if (e.stream !== owner) return fail(`event ${e.event.id} is stored in stream ${e.stream} but belongs to ${owner}`)
    const seen = this.revisions.get(e.stream)
    const revision = seen === undefined && this.resumed ? e.revision : (seen ?? -1) + 1
    if (e.revision !== revision)
      return fail(`stream ${e.stream} has revision ${e.revision} where ${revision} was expected`)
    const hash = chainHash(this.previous, e)
    if (e.hash !== hash) return fail(`hash ${e.hash} does not match the recomputed ${hash}`)
    this.revisions.set(e.stream, revision)
    this.previous = hash
    this.expected++
    return null
  }

  /** Records a break found outside the rows (a corrupt row, a missing tail); later steps return it. */
  fail(found: ChainBreak): ChainBreak {
    if (this.broken === null) this.broken = found
    return this.broken
  }
}

/** The break a read's `CorruptEvent` (a row that does not decode) stands for, or null for any other store error. */
export const breakOfReadError = (error: StoreError): ChainBreak | null =>
  error._tag === 'CorruptEvent' ? { position: error.position, reason: describeStoreError(error) } : null

/**
 * Re-checks a history from position 1 (or from just after `from`, a stamp already trusted, e.g. a
 * snapshot's whose hash the store's row at its position carries; `events` then start there) with a
 * {@link ChainWalk}. Returns the first position that does not verify. A `CorruptEvent` read (a row
 * that does not decode) becomes a verdict at that row's position; any other failure of the store
 * is the Left: no verdict, the store could not be read.
 *
 * With `expectHead` (a head published earlier, see {@link parseChainStamp}), the chain must also
 * reach that position with exactly that hash: a rewrite re-hashed from some position on, a
 * renumbering after a deletion, or a truncated tail then fails at the published position.
 *
 * `onHash` is told the hash the walk computed at each position that verifies, in order (a store
 * can keep them: see `KeepsEveryChainHash`).
 */
export const verifyChain = async (
  events: AsyncIterable<EventRead>,
  from?: ChainStamp,
  expectHead?: ChainStamp,
  onHash?: (position: number, hash: string) => void,
): Promise<E.Either<StoreError, ChainVerdict>> => {
  const walk = new ChainWalk(from)
  const check = expectHead === undefined ? null : headCheck(expectHead)
  if (expectHead !== undefined && expectHead.position < walk.head.position) {
    // a caller's mistake, not the store's: the walk cannot see a position before its start
    throw new Error(
      `verifyChain: the expected head's position ${expectHead.position} lies before the start ${walk.head.position}`,
    )
  }
  if (check !== null && expectHead!.position === walk.head.position) {
    const differs = check(walk.head)
    if (differs !== null) return E.right({ ok: false, ...differs })
  }
  for await (const r of events) {
    if (E.isLeft(r)) {
      const broken = breakOfReadError(r.left)
      return broken === null ? r : E.right({ ok: false, ...broken })
    }
    const broken = walk.step(r.right)
    if (broken !== null) return E.right({ ok: false, ...broken })
    onHash?.(walk.head.position, walk.head.hash)
    if (check !== null && r.right.position === expectHead!.position) {
      const differs = check(walk.head)
      if (differs !== null) return E.right({ ok: false, ...differs })
    }
  }
  const head = walk.head
  if (expectHead !== undefined && head.position < expectHead.position) {
    return E.right({
      ok: false,
      position: head.position + 1,
      reason: `the store ends at position ${head.position}, before the expected head at position ${expectHead.position}: events were removed from its end, or removed and the rest renumbered`,
    })
  }
  return E.right({ ok: true, checked: walk.checked, lastPosition: head.position, lastHash: head.hash })
}

const headCheck =
  (expected: ChainStamp) =>
  (found: ChainStamp): ChainBreak | null =>
    found.hash === expected.hash
      ? null
      : {
          position: expected.position,
          reason: `the chain's hash at position ${expected.position} is ${found.hash}, not the expected head's ${expected.hash}: the history up to it was changed`,
        }

/** Why {@link chainHashAt} has no hash: the chain breaks at or before the position, the store does not reach it, or the store failed. */
export type ChainHashError =
  | ({ readonly _tag: 'ChainBroken' } & ChainBreak)
  | { readonly _tag: 'NotStored'; readonly position: number; readonly head: number }
  | { readonly _tag: 'StoreFailed'; readonly error: StoreError }

/** One line saying what a {@link ChainHashError} is. */
export const describeChainHashError = (e: ChainHashError): string =>
  e._tag === 'ChainBroken'
    ? `hash chain broken at position ${e.position}: ${e.reason}`
    : e._tag === 'NotStored'
      ? `position ${e.position} is not stored: the store ends at position ${e.head}`
      : describeStoreError(e.error)

/**
 * The chain's hash at `position`, recomputed by walking the store's events from position 1 (or
 * from just after `from`, a stamp already trusted) up to it: the hash a report with
 * `basis.lastPosition = position` cites, verified, never read from a stored column. Position 0 is
 * {@link GENESIS_HASH}. Reads nothing after `position`.
 */
export const chainHashAt = async (
  store: Pick<EventStore, 'readAll'>,
  position: number,
  from?: ChainStamp,
): Promise<E.Either<ChainHashError, string>> => {
  if (from !== undefined && from.position === position) return E.right(from.hash)
  if (position === 0) return E.right(GENESIS_HASH)
  if (from !== undefined && from.position > position) from = undefined
  const walk = new ChainWalk(from)
  for await (const r of store.readAll({
    fromPosition: walk.head.position + 1,
    pageSize: Math.min(5_000, position - walk.head.position),
  })) {
    if (E.isLeft(r)) {
      const broken = breakOfReadError(r.left)
      return E.left(broken !== null ? { _tag: 'ChainBroken', ...broken } : { _tag: 'StoreFailed', error: r.left })
    }
    const broken = walk.step(r.right)
    if (broken !== null) return E.left({ _tag: 'ChainBroken', ...broken })
    if (r.right.position === position) return E.right(walk.head.hash)
  }
  return E.left({ _tag: 'NotStored', position, head: walk.head.position })
}

/** The text form of a chain stamp: `POSITION:HASH` (what `ansinh head` prints and `--expect-head` takes). */
export const formatChainStamp = (stamp: ChainStamp): string => `${stamp.position}:${stamp.hash}`

/** Reads `POSITION:HASH` (a decimal position, a colon, 64 hex characters; capitals accepted), or says what is wrong. */
export const parseChainStamp = (text: string): E.Either<string, ChainStamp> => {
  const m = /^(0|[1-9][0-9]{0,15}):([0-9a-fA-F]{64})$/.exec(text.trim())
  if (m === null)
    return E.left(
      `not a head: expected POSITION:HASH, a position and the 64 hex characters of its sha256 (got "${text}")`,
    )
  const position = Number(m[1])
  if (!Number.isSafeInteger(position)) return E.left(`not a head: position ${m[1]} is too large (got "${text}")`)
  const hash = m[2]!.toLowerCase()
  if (position === 0 && hash !== GENESIS_HASH)
    return E.left(`not a head: the head at position 0 is 64 zeros (got "${text}")`)
  return E.right({ position, hash })
}
