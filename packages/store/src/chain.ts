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
import { type RecordedEvent, StoreFailure } from './port.js'

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
export const chainInput = (previousHash: string, e: UnhashedEvent, canonical: string = canonicalJson(e.event)): string =>
  `${e.position}\n${e.stream}\n${e.revision}\n${e.version}\n${canonical}\n${previousHash}`

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
  return { hash: chainHash(previousHash, { event, stream, revision, position, version: writtenVersion(event) }), revision }
}

/** What {@link verifyChain} found. */
export type ChainVerdict =
  | { readonly ok: true; readonly checked: number; readonly lastPosition: number; readonly lastHash: string }
  | { readonly ok: false; readonly position: number; readonly reason: string }

/**
 * Re-checks a history from position 1 (or from just after `from`, a stamp already trusted, e.g. a
 * snapshot's whose hash the store's row at its position carries; `events` then start there): positions gapless from 1, each stream's revisions gapless
 * from 0, every event in the stream its content names, every hash equal to the recomputed one.
 * Returns the first position that does not verify. A `StoreFailure` thrown while reading a corrupt
 * row becomes a verdict at that row's position; any other failure of the store is re-thrown.
 */
export const verifyChain = async (events: AsyncIterable<RecordedEvent>, from?: { readonly position: number; readonly hash: string }): Promise<ChainVerdict> => {
  let previous = from?.hash ?? GENESIS_HASH
  let expected = (from?.position ?? 0) + 1
  const revisions = new Map<string, number>()
  // From a trusted stamp, a stream's revisions before it are not read: its first revision in the
  // tail is taken as found, and every later one must follow it (the hash covers the revision).
  const resumed = from !== undefined && from.position > 0
  try {
    for await (const e of events) {
      const fail = (reason: string): ChainVerdict => ({ ok: false, position: expected, reason })
      if (e.position !== expected) {
        return e.position > expected
          ? fail(`position ${expected} is missing (next stored position is ${e.position})`)
          : fail(`position ${e.position} appears where position ${expected} was expected`)
      }
      const owner = streamOf(e.event)
      if (e.stream !== owner) return fail(`event ${e.event.id} is stored in stream ${e.stream} but belongs to ${owner}`)
      const seen = revisions.get(e.stream)
      const revision = seen === undefined && resumed ? e.revision : (seen ?? -1) + 1
      if (e.revision !== revision) return fail(`stream ${e.stream} has revision ${e.revision} where ${revision} was expected`)
      const hash = chainHash(previous, e)
      if (e.hash !== hash) return fail(`hash ${e.hash} does not match the recomputed ${hash}`)
      revisions.set(e.stream, revision)
      previous = hash
      expected++
    }
  } catch (err) {
    if (err instanceof StoreFailure && err.error._tag === 'CorruptEvent') {
      return { ok: false, position: err.error.position, reason: err.message }
    }
    throw err
  }
  return { ok: true, checked: expected - 1 - (from?.position ?? 0), lastPosition: expected - 1, lastHash: previous }
}
