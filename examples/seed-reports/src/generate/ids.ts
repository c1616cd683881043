/**
 * Deterministic identifiers: event UUIDs derived from the seed and a counter, and 10-digit
 * social-insurance numbers that start with the issuing province's code.
 *
 * @module generate/ids
 */
import type { EventId, ParticipantId } from '@ansinh/core'
import { hashString } from '@ansinh/testing/prng'

const HEX_CODES = [...'0123456789abcdef'].map((c) => c.charCodeAt(0))
const DASH = 45

const fmix = (h: number): number => {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b)
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35)
  return (h ^ (h >>> 16)) >>> 0
}

// Character codes of one UUID, turned into a flat string in one call (concatenation would build a
// rope of small strings per id, several times the memory of the id itself).
const uuidCodes: number[] = new Array<number>(36).fill(DASH)
const POSITIONS = [
  0, 1, 2, 3, 4, 5, 6, 7, 9, 10, 11, 12, 14, 15, 16, 17, 19, 20, 21, 22, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35,
]

const uuidOf = (words: readonly number[]): string => {
  for (let k = 0; k < 32; k++) {
    const nibble = (words[k >>> 3]! >>> (28 - 4 * (k & 7))) & 15
    uuidCodes[POSITIONS[k]!] = HEX_CODES[nibble]!
  }
  return String.fromCharCode.apply(null, uuidCodes)
}

/** Hands out version-4-shaped UUIDs that depend only on the seed, the namespace and the call count. */
export class IdFactory {
  private n = 0
  private readonly base: number

  /** A factory for one seed and namespace (e.g. the seed article's name). */
  constructor(seed: number, namespace: string) {
    this.base = fmix(seed ^ hashString(namespace))
  }

  /** The next event id. */
  next(): EventId {
    const i = this.n++
    const w0 = fmix(this.base ^ Math.imul(i, 0x9e3779b1))
    const w1 = fmix(w0 ^ 0x7f4a7c15 ^ i)
    const w2 = fmix(w1 + 0x165667b1)
    const w3 = fmix(w2 ^ this.base)
    // Version 4 in the third group, variant 10xx in the fourth.
    const w1v = ((w1 & 0xffff0fff) | 0x00004000) >>> 0
    const w2v = ((w2 & 0x3fffffff) | 0x80000000) >>> 0
    return uuidOf([w0, w1v, w2v, w3]) as EventId
  }
}

/**
 * Unique 10-digit participant ids `PP dddddddd`: the province prefix, then an affine permutation of
 * the counter modulo 10^8 (a multiplier coprime to 10 makes it a bijection, so ids never collide).
 */
export class ParticipantIds {
  private n = 0
  private readonly multiplier: number
  private readonly offset: number

  /** Ids for participants first registered in province `prefix` (2 digits). */
  constructor(
    seed: number,
    private readonly prefix: string,
  ) {
    const h = fmix(seed ^ hashString(prefix))
    const candidates = [37_139_213, 48_271_877, 69_069_421, 91_815_137, 22_695_477]
    this.multiplier = candidates[h % candidates.length]!
    this.offset = fmix(h) % 100_000_000
  }

  /** The next participant id. */
  next(): ParticipantId {
    const i = this.n++
    // (m·i + o) mod 10^8 without losing precision: split m into high and low parts.
    const hi = Math.floor(this.multiplier / 10_000),
      lo = this.multiplier % 10_000
    const v = (((hi * i) % 10_000) * 10_000 + lo * i + this.offset) % 100_000_000
    return (this.prefix + String(v).padStart(8, '0')) as ParticipantId
  }
}
