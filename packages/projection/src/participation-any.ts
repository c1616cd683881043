/**
 * Everyone covered (coverage with scheme `any`, agents-revenue): a person is covered on d when some
 * enrolment of any scheme covers d, and counted in the unit of the covering enrolment with the
 * greatest coveredFrom over all schemes (ties: later position).
 *
 * Built from the participation columns on the first question after a change, like the per-scheme
 * index: each enrolment is first cut at the first lapse of its own (participant, scheme) after its
 * coveredFrom (its effective period), then the effective periods of a person, all schemes together,
 * are painted in (coveredFrom, position) order — the same painting as participation.ts, with the
 * person in place of the pair and one pseudo-scheme — so a count is binary searches per unit.
 *
 * @module participation-any
 */
import { type FullIndex, buildIndex, countIn } from './participation-index.js'
import type { Participation } from './participation.js'
import { groupBy, sortDays } from './segments.js'

const built = new WeakMap<Participation, { key: string; index: FullIndex }>()

/** The people covered under any scheme on `day` and counted in one of `units` (null: anywhere). */
export const participantsAnyScheme = (
  participation: Participation,
  units: readonly string[] | null,
  day: number,
): number => {
  const ix = anyIndex(participation)
  if (units === null) return countIn(ix.national, 0, day)
  const ids = participation.interned.units
  let n = 0
  for (const code of units) {
    const id = ids.get(code)
    if (id !== undefined) n += countIn(ix.byUnit, id * 4, day)
  }
  return n
}

const anyIndex = (participation: Participation): FullIndex => {
  const c = participation.columns()
  const ids = participation.interned
  const key = `${c.enrPair.length}|${c.lapPair.length}|${ids.pairScheme.length}|${ids.units.size}`
  const cached = built.get(participation)
  if (cached !== undefined && cached.key === key) return cached.index
  const pairs = ids.pairScheme.length
  // the person of each pair: numeric keys are participant · 4 + scheme; odd ids by their string
  const person = new Int32Array(pairs)
  const numbers = new Map<number, number>(),
    odd = new Map<string, number>()
  const oddOwner = new Map<number, string>()
  for (const [k, p] of ids.odd) oddOwner.set(p, k.slice(k.indexOf('|') + 1))
  for (let p = 0; p < pairs; p++) {
    const k = ids.pairKey.at(p)
    if (k >= 0) {
      const n = Math.floor(k / 4)
      let id = numbers.get(n)
      if (id === undefined) numbers.set(n, (id = numbers.size + odd.size))
      person[p] = id
    } else {
      const s = oddOwner.get(p)!
      let id = odd.get(s)
      if (id === undefined) odd.set(s, (id = numbers.size + odd.size))
      person[p] = id
    }
  }
  const people = numbers.size + odd.size
  // effective ends: cut at the pair's first lapse strictly after coveredFrom
  const lap = groupBy(c.lapPair, c.lapPair.length, pairs)
  const laps = new Int32Array(lap.order.length)
  for (let k = 0; k < laps.length; k++) laps[k] = c.lapDay[lap.order[k]!]!
  for (let p = 0; p < pairs; p++) {
    const lo = lap.offsets[p]!,
      hi = lap.offsets[p + 1]!
    if (hi - lo > 1) sortDays(laps, lo, hi)
  }
  const n = c.enrPair.length
  const keep: number[] = []
  const through = new Int32Array(n)
  for (let i = 0; i < n; i++) {
    const p = c.enrPair[i]!,
      from = c.enrFrom[i]!
    let lo = lap.offsets[p]!,
      hi = lap.offsets[p + 1]!
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (laps[mid]! <= from) lo = mid + 1
      else hi = mid
    }
    const end = lo < lap.offsets[p + 1]! ? Math.min(c.enrThrough[i]!, laps[lo]! - 1) : c.enrThrough[i]!
    through[i] = end
    if (end >= from) keep.push(i)
  }
  // rows in history order (a row's index breaks ties as its position would)
  const m = keep.length
  const rows = {
    pair: new Int32Array(m),
    from: new Int32Array(m),
    through: new Int32Array(m),
    unit: new Int32Array(m),
    lapPair: new Int32Array(0),
    lapDay: new Int32Array(0),
  }
  for (let k = 0; k < m; k++) {
    const i = keep[k]!
    rows.pair[k] = person[c.enrPair[i]!]!
    rows.from[k] = c.enrFrom[i]!
    rows.through[k] = through[i]!
    rows.unit[k] = c.enrUnit[i]!
  }
  const index = buildIndex(rows, new Int32Array(people), ids.units.size * 4)
  built.set(participation, { key, index })
  return index
}
