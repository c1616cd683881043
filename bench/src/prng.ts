/**
 * A small seeded pseudo-random generator (sfc32): the scale generator must produce the same history
 * for the same seed on every machine, and Math.random cannot be seeded.
 *
 * @module prng
 */

/** A deterministic stream of pseudo-random numbers. */
export class Prng {
  private a: number
  private b: number
  private c: number
  private d: number

  /** A generator for `seed` (any 32-bit integer); the same seed gives the same stream. */
  constructor(seed: number) {
    this.a = 0x9e3779b9
    this.b = 0x243f6a88
    this.c = 0xb7e15162
    this.d = seed | 0
    // Mix the seed in before the first draw, as sfc32's authors advise.
    for (let i = 0; i < 15; i++) this.next()
  }

  /** The next 32-bit unsigned integer. */
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0
    this.d = (this.d + 1) | 0
    this.a = this.b ^ (this.b >>> 9)
    this.b = (this.c + (this.c << 3)) | 0
    this.c = (this.c << 21) | (this.c >>> 11)
    this.c = (this.c + t) | 0
    return t >>> 0
  }

  /** A float in [0, 1). */
  float(): number {
    return this.next() / 4294967296
  }

  /** An integer in [lo, hi] (inclusive). */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.float() * (hi - lo + 1))
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.float() < p
  }

  /** An exponentially distributed number of mean `mean`. */
  exponential(mean: number): number {
    return -Math.log(1 - this.float()) * mean
  }

  /** A log-normally distributed weight: most values near 1, a long tail of big ones. */
  logNormal(sigma: number): number {
    const u = 1 - this.float(), v = this.float()
    return Math.exp(sigma * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v))
  }
}
