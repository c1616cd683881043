/**
 * Interning of (participant, scheme) pairs to dense integers without a string per pair: a
 * participant id is 10 digits (or 12 in version 2, numbered above), so `id · 4 + scheme` is an exact
 * double below 2^53, kept in an open-addressing table over typed arrays (12 bytes a slot). A
 * `Map<string, number>` holds the id string, a map entry and a hash per pair: about six times as
 * much, and hashing a fresh string per event was the fold's heaviest function. An id outside that
 * layout (a history built in code, not decoded) goes to a small string map, so any id still works.
 *
 * @module intern
 */

/** 12-digit ids (version 2's personal identity number) are numbered from here on, above every 10-digit id. */
const TWELVE_DIGIT_BASE = 1e10

/**
 * The numeric key of a participant id of 10 digits, or of 12 digits (numbered above the 10-digit
 * ones: `(10^10 + id) · 4 + scheme` stays an exact double), and a scheme index; -1 for any other id.
 */
export const pairKeyOf = (participantId: string, scheme: number): number => {
  const length = participantId.length
  if (length !== 10 && length !== 12) return -1
  let n = 0
  for (let i = 0; i < length; i++) {
    const d = participantId.charCodeAt(i) - 48
    if (d < 0 || d > 9) return -1
    n = n * 10 + d
  }
  return (length === 10 ? n : TWELVE_DIGIT_BASE + n) * 4 + scheme
}

/** The participant id (10 or 12 digits, zero-padded) of a numeric pair key. */
export const participantOfKey = (key: number): string => {
  const n = Math.floor(key / 4)
  return n < TWELVE_DIGIT_BASE ? String(n).padStart(10, '0') : String(n - TWELVE_DIGIT_BASE).padStart(12, '0')
}

/** A hash table from numeric keys (exact non-negative doubles) to dense ids 0, 1, 2, … */
export class KeyTable {
  /** Slots: key + 1 (0: empty), and the id of the key. */
  keys: Float64Array
  ids: Int32Array
  size = 0

  constructor(capacity = 1024) {
    let n = 1024
    while (n < capacity * 2) n *= 2
    this.keys = new Float64Array(n)
    this.ids = new Int32Array(n)
  }

  /** The id of `key`, or -1. */
  get(key: number): number {
    const keys = this.keys
    const mask = keys.length - 1
    const stored = key + 1
    for (let i = hash(key) & mask; ; i = (i + 1) & mask) {
      const k = keys[i]!
      if (k === stored) return this.ids[i]!
      if (k === 0) return -1
    }
  }

  /** The id of `key`, giving it `next` when it has none (callers pass the next dense id). */
  intern(key: number, next: number): number {
    const keys = this.keys
    const mask = keys.length - 1
    const stored = key + 1
    let i = hash(key) & mask
    for (; ; i = (i + 1) & mask) {
      const k = keys[i]!
      if (k === stored) return this.ids[i]!
      if (k === 0) break
    }
    keys[i] = stored
    this.ids[i] = next
    if (++this.size * 2 > keys.length) this.grow()
    return next
  }

  private grow(): void {
    const oldKeys = this.keys,
      oldIds = this.ids
    this.keys = new Float64Array(oldKeys.length * 2)
    this.ids = new Int32Array(oldKeys.length * 2)
    const mask = this.keys.length - 1
    for (let j = 0; j < oldKeys.length; j++) {
      const k = oldKeys[j]!
      if (k === 0) continue
      let i = hash(k - 1) & mask
      while (this.keys[i] !== 0) i = (i + 1) & mask
      this.keys[i] = k
      this.ids[i] = oldIds[j]!
    }
  }
}

/** Mixes the low and high 32 bits of a key (pair keys differ mostly in their low digits). */
const hash = (key: number): number => {
  const lo = (key % 4294967296) | 0
  const hi = (key / 4294967296) | 0
  let h = Math.imul(lo ^ Math.imul(hi, 0x85ebca6b), 0x9e3779b1)
  h ^= h >>> 15
  return Math.imul(h, 0x2c1b3c6d) ^ (h >>> 13)
}
