/**
 * One (participant, scheme) pair's timeline "day → unit counted in", built by painting the
 * effective intervals of its enrolments in increasing (coveredFrom, position) order, each over the
 * earlier ones: what remains on a day is the covering enrolment with the greatest
 * (coveredFrom, position), which is the spec's counting rule.
 *
 * @module timeline
 */

/** Sorts `order[lo, hi)` by `before`; groups are usually tiny, so insertion sort first. */
export const sortRange = (order: Int32Array, lo: number, hi: number, before: (i: number, j: number) => boolean): void => {
  if (hi - lo <= 24) {
    for (let k = lo + 1; k < hi; k++) {
      const x = order[k]!
      let j = k - 1
      while (j >= lo && before(x, order[j]!)) {
        order[j + 1] = order[j]!
        j--
      }
      order[j + 1] = x
    }
    return
  }
  const part = Array.from(order.subarray(lo, hi)).sort((i, j) => (before(i, j) ? -1 : before(j, i) ? 1 : 0))
  order.set(part, lo)
}

/**
 * One pair's timeline under construction: disjoint segments sorted by start. Each painted interval
 * starts at or after every earlier one, so only the tail of the list is ever rewritten.
 */
export class Painter {
  private s: number[] = []
  private e: number[] = []
  private u: number[] = []

  /** Starts a new pair's timeline. */
  clear(): void {
    this.s.length = 0
    this.e.length = 0
    this.u.length = 0
  }

  /** Paints [a, b] with unit `unit` over whatever the timeline held there. */
  paint(a: number, b: number, unit: number): void {
    const { s, e, u } = this
    let i = s.length
    // the usual case: a renewal after the previous period rewrites nothing
    if (i === 0 || e[i - 1]! < a) return this.push(a, b, unit)
    while (i > 0 && e[i - 1]! >= a) i--
    const tailS = s.splice(i), tailE = e.splice(i), tailU = u.splice(i)
    for (let k = 0; k < tailS.length; k++) if (tailS[k]! < a) this.push(tailS[k]!, a - 1, tailU[k]!)
    this.push(a, b, unit)
    for (let k = 0; k < tailS.length; k++) if (tailE[k]! > b) this.push(Math.max(tailS[k]!, b + 1), tailE[k]!, tailU[k]!)
  }

  /** Hands out the segments, merging touching ones of the same unit. */
  emit(out: (a: number, b: number, unit: number) => void): void {
    const { s, e, u } = this
    let k = 0
    while (k < s.length) {
      const a = s[k]!, unit = u[k]!
      let b = e[k]!
      while (k + 1 < s.length && u[k + 1] === unit && s[k + 1] === b + 1) b = e[++k]!
      out(a, b, unit)
      k++
    }
  }

  private push(a: number, b: number, unit: number): void {
    this.s.push(a)
    this.e.push(b)
    this.u.push(unit)
  }
}
