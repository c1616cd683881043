/**
 * The set of event ids a decoder has seen, numbered in the order first seen. An id in the form the
 * library writes (a UUID in lower-case hex) is held as its 128 bits in typed arrays, behind an
 * open-addressing table: no string is kept, so a line's id does not keep the line's text (and its
 * read buffer) alive, and half a million ids cost a few megabytes instead of a `Map` of strings
 * that the collector walks. Any other id (upper-case hex, another shape) goes to a `Map`, copied
 * out of its line; both halves answer exactly as one `Map<string, number>` would.
 *
 * @module id-table
 */

const HEX = new Int8Array(128).fill(-1)
for (let d = 0; d < 10; d++) HEX[48 + d] = d
for (let d = 0; d < 6; d++) HEX[97 + d] = 10 + d

/** Where the 32 hex digits of `8-4-4-4-12` sit in the 36 characters. */
const DIGITS: readonly number[] = [...'xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx'].flatMap((c, i) => (c === 'x' ? [i] : []))

export class IdTable {
  /** Four 32-bit words per compact id, at `4 × its number`. */
  private words = new Uint32Array(4 * 1024)
  /** Each compact id's number (compact and other ids share one numbering). */
  private numbers = new Int32Array(1024)
  /** Open addressing: the compact id's number + 1 at its slot, 0 for an empty slot. */
  private slots = new Int32Array(2048)
  /** How many ids are held (compact or not): the next id's number. */
  private count = 0
  private compact = 0
  private readonly others = new Map<string, number>()
  private readonly key = new Uint32Array(4)

  /** How many distinct ids were added. */
  get size(): number {
    return this.count
  }

  /** The number `id` got when first added, or -1 after adding it now with the next number. */
  addOrGet(id: string): number {
    if (!this.parse(id)) {
      const known = this.others.get(id)
      if (known !== undefined) return known
      // a copy: the id alone, not a view into the line it was cut from
      this.others.set(JSON.parse(JSON.stringify(id)) as string, this.count++)
      return -1
    }
    const k = this.key
    const mask = this.slots.length - 1
    let slot = mix(k[0]!, k[1]!, k[2]!, k[3]!) & mask
    for (;;) {
      const held = this.slots[slot]!
      if (held === 0) break
      const at = 4 * (held - 1)
      const w = this.words
      if (w[at] === k[0] && w[at + 1] === k[1] && w[at + 2] === k[2] && w[at + 3] === k[3])
        return this.numbers[held - 1]!
      slot = (slot + 1) & mask
    }
    this.place(slot)
    return -1
  }

  private place(slot: number): void {
    if (4 * (this.compact + 1) > this.words.length) {
      const words = new Uint32Array(this.words.length * 2)
      words.set(this.words)
      this.words = words
      const numbers = new Int32Array(this.numbers.length * 2)
      numbers.set(this.numbers)
      this.numbers = numbers
    }
    const at = 4 * this.compact
    this.words.set(this.key, at)
    this.numbers[this.compact] = this.count++
    this.slots[slot] = ++this.compact
    // at most half full, so that a probe ends soon
    if (2 * this.compact > this.slots.length) this.rehash()
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2)
    const mask = slots.length - 1
    const w = this.words
    for (let n = 0; n < this.compact; n++) {
      let slot = mix(w[4 * n]!, w[4 * n + 1]!, w[4 * n + 2]!, w[4 * n + 3]!) & mask
      while (slots[slot] !== 0) slot = (slot + 1) & mask
      slots[slot] = n + 1
    }
    this.slots = slots
  }

  /** Reads a lower-case UUID's 128 bits into `key`; false for any other id. */
  private parse(id: string): boolean {
    if (id.length !== 36) return false
    if (id.charCodeAt(8) !== 45 || id.charCodeAt(13) !== 45 || id.charCodeAt(18) !== 45 || id.charCodeAt(23) !== 45)
      return false
    for (let word = 0; word < 4; word++) {
      let v = 0
      for (let d = 0; d < 8; d++) {
        const c = id.charCodeAt(DIGITS[8 * word + d]!)
        const h = c < 128 ? HEX[c]! : -1
        if (h < 0) return false
        v = (v << 4) | h
      }
      this.key[word] = v >>> 0
    }
    return true
  }
}

/** A 32-bit mix of the four words (random ids are already spread; this guards against ones that are not). */
const mix = (a: number, b: number, c: number, d: number): number => {
  let h = Math.imul(a ^ (b >>> 7), 0x9e3779b1) ^ Math.imul(c ^ (d << 3), 0x85ebca6b)
  h ^= h >>> 15
  h = Math.imul(h, 0xc2b2ae35)
  return (h ^ (h >>> 13)) >>> 0
}
