/**
 * `@ansinh/projection-coverage/reference`: the coverage report computed the slow, obvious way,
 * straight from the definitions over the known events (`Known` of `@ansinh/projection/reference`):
 * every query folds the whole history again and nothing is indexed. It shares no code with the
 * indexed fold, so property tests can compare the two, and benchmarks use it as the naive peer.
 *
 * @module reference
 */
import type { PositionedEvent } from '@ansinh/core'
import { Known } from '@ansinh/projection/reference'
import type { CoverageQuery, CoverageReport } from './report.js'

/** The coverage report, folded from scratch. */
export const referenceCoverageReport = (events: Iterable<PositionedEvent>, query: CoverageQuery): CoverageReport => {
  const geography = query.geography ?? query.asOf
  // every question, the comparisons included, on the map of G (geography.md)
  const k = new Known(events, query.knownAt ?? null).onMap(geography)
  const unit = query.unit ?? null
  const { asOf, scheme } = query
  const year = +asOf.slice(0, 4)
  const participants = k.participants(unit, scheme, asOf)
  let denominator: number | null
  let denominatorYear: number | null = null
  if (unit === null) {
    const roots = k.children(null)
    const parts = roots.map((r) => k.denominator(r, scheme, year).value)
    denominator = roots.length === 0 || parts.some((v) => v === null) ? null : parts.reduce<number>((a, b) => a + b!, 0)
  } else {
    const d = k.denominator(unit, scheme, year)
    denominator = d.value
    denominatorYear = d.value === null ? null : d.year
  }
  const rate = (p: number, den: number | null): number | null => (den === null || den === 0 ? null : p / den)
  return {
    ...k.header('coverage', asOf, unit, scheme, query.knownAt ?? null, geography),
    participants,
    denominator,
    denominatorYear,
    rate: rate(participants, denominator),
    children: k.children(unit).map((c) => {
      const p = k.participants(c, scheme, asOf)
      const den = k.denominator(c, scheme, year).value
      return { unit: c, name: k.nameOf(c), participants: p, denominator: den, rate: rate(p, den) }
    }),
  }
}
