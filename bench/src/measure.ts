/**
 * Measuring: wall-clock timing, latency percentiles, heap and peak resident memory.
 *
 * @module measure
 */

/** Latency figures of repeated calls, in milliseconds. */
export interface Latency {
  readonly count: number
  readonly p50Ms: number
  readonly p99Ms: number
  readonly maxMs: number
}

/** Milliseconds since an arbitrary origin, sub-millisecond precision. */
export const now = (): number => performance.now()

/** The q-quantile (0–1) of sorted values: nearest rank. */
export const quantile = (sorted: readonly number[], q: number): number =>
  sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!

/** The latency figures of `durations` (ms, any order). */
export const latencyOf = (durations: readonly number[]): Latency => {
  const sorted = [...durations].sort((a, b) => a - b)
  return {
    count: sorted.length,
    p50Ms: round(quantile(sorted, 0.5), 4),
    p99Ms: round(quantile(sorted, 0.99), 4),
    maxMs: round(sorted[sorted.length - 1] ?? NaN, 4),
  }
}

/** Times each call of `run(i)` for i in [0, n) and returns the latency figures. */
export const latencies = (n: number, run: (i: number) => unknown): Latency => {
  const durations: number[] = []
  let sink = 0
  for (let i = 0; i < n; i++) {
    const t = now()
    const r = run(i)
    durations.push(now() - t)
    if (r !== undefined) sink++
  }
  void sink
  return latencyOf(durations)
}

/** The same for asynchronous calls, one after another. */
export const latenciesAsync = async (n: number, run: (i: number) => Promise<unknown>): Promise<Latency> => {
  const durations: number[] = []
  for (let i = 0; i < n; i++) {
    const t = now()
    await run(i)
    durations.push(now() - t)
  }
  return latencyOf(durations)
}

/** Rounds to `digits` decimals (for printing and JSON). */
export const round = (x: number, digits = 1): number => {
  const f = 10 ** digits
  return Math.round(x * f) / f
}

/** Events (or anything) per second. */
export const perSecond = (count: number, ms: number): number => Math.round((count * 1000) / ms)

/** Heap in use after a full collection (needs `--expose-gc`; without it, a plain reading). */
export const settledHeap = (): number => {
  const gc = (globalThis as { gc?: () => void }).gc
  if (gc !== undefined) {
    gc()
    gc()
  }
  return process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers
}

/** The peak resident set size of this process so far, in MB. */
export const peakRssMb = (): number => round(process.resourceUsage().maxRSS / 1024, 0)
