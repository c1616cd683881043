/**
 * `@ansinh/testing/prng`: the project's one seeded pseudo-random generator (sfc32, seeded through
 * splitmix32), so that every generated history — the seed reports', the bench's — is a pure
 * function of its seed on every machine: no `Math.random`, no clock. Property tests draw from
 * fast-check instead, which shrinks.
 *
 * @example new Rng(42, 'voluntary').int(1, 6)
 *
 * @module prng
 */

/** splitmix32: spreads a 32-bit state into a well-mixed 32-bit output. */
const splitmix32 = (state: number): [number, number] => {
  const next = (state + 0x9e3779b9) | 0
  let z = next
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b)
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35)
  return [next, (z ^ (z >>> 16)) >>> 0]
}

/** A 32-bit hash of a string (FNV-1a), used to derive independent streams from one seed. */
export const hashString = (s: string): number => {
  let h = 0x811c9dc5
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193)
  return h >>> 0
}

/** A deterministic random source; every method advances the same sfc32 state. */
export class Rng {
  private a: number
  private b: number
  private c: number
  private d: number

  /** A generator for `seed`, on the independent stream named `stream`. */
  constructor(seed: number, stream = '') {
    let s = (seed ^ hashString(stream)) | 0
    let out: number
    ;[s, out] = splitmix32(s)
    this.a = out
    ;[s, out] = splitmix32(s)
    this.b = out
    ;[s, out] = splitmix32(s)
    this.c = out
    ;[s, out] = splitmix32(s)
    this.d = out
    for (let i = 0; i < 12; i++) this.u32()
  }

  /** The next unsigned 32-bit integer. */
  u32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0
    this.d = (this.d + 1) | 0
    this.a = this.b ^ (this.b >>> 9)
    this.b = (this.c + (this.c << 3)) | 0
    this.c = (this.c << 21) | (this.c >>> 11)
    this.c = (this.c + t) | 0
    return t >>> 0
  }

  /** A float in [0, 1). */
  next(): number {
    return this.u32() / 4294967296
  }

  /** An integer in [lo, hi] (inclusive). */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1))
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.next() < p
  }

  /** One of `items`, uniformly. */
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!
  }

  /** One of `items`, with probability proportional to its weight. */
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    let total = 0
    for (const [, w] of items) total += w
    let r = this.next() * total
    for (const [item, w] of items) {
      r -= w
      if (r < 0) return item
    }
    return items[items.length - 1]![0]
  }

  /** Shuffles `items` in place (Fisher–Yates) and returns it. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1))
      const tmp = items[i]!
      items[i] = items[j]!
      items[j] = tmp
    }
    return items
  }

  /** An exponentially distributed number of mean `mean`. */
  exponential(mean: number): number {
    return -Math.log(1 - this.next()) * mean
  }

  /** A log-normally distributed weight: most values near 1, a long tail of big ones. */
  logNormal(sigma: number): number {
    const u = 1 - this.next(),
      v = this.next()
    return Math.exp(sigma * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v))
  }

  /** A child generator on its own stream, so adding draws here never shifts the child's draws. */
  fork(stream: string): Rng {
    return new Rng(this.u32(), stream)
  }
}
