/**
 * `@ansinh/projection-coverage/reference`: the coverage report computed the slow, obvious way,
 * straight from the definitions over the known events (`Known` of `@ansinh/projection/reference`):
 * every query folds the whole history again and nothing is indexed. It shares no code with the
 * indexed fold, so property tests can compare the two, and benchmarks use it as the naive peer.
 *
 * @module reference
 */
import type { PositionedEvent } from '@ansinh/core'
import { type At, Known } from '@ansinh/projection/reference'
import type { CoverageQuery, CoverageReport, CoverageScheme } from './report.js'

/**
 * Everyone covered on `day` in subtree(unit): each person once, in the unit of their covering
 * enrolment with the greatest coveredFrom over all schemes (ties: the later position).
 */
const coveredByAny = (k: Known, unit: string | null, day: string): number => {
  const lapses = k.of('ParticipantLapsed')
  const covers = (en: At<'ParticipantEnrolled'>['e']): boolean =>
    en.coveredFrom <= day &&
    (en.coveredThrough == null || day <= en.coveredThrough) &&
    !lapses.some(
      (l) =>
        l.e.participantId === en.participantId &&
        l.e.scheme === en.scheme &&
        en.coveredFrom < l.e.lapsedOn &&
        l.e.lapsedOn <= day,
    )
  const best = new Map<string, At<'ParticipantEnrolled'>>()
  for (const en of k.of('ParticipantEnrolled')) {
    if (!covers(en.e)) continue
    const b = best.get(en.e.participantId)
    if (
      b === undefined ||
      en.e.coveredFrom > b.e.coveredFrom ||
      (en.e.coveredFrom === b.e.coveredFrom && en.position > b.position)
    )
      best.set(en.e.participantId, en)
  }
  return [...best.values()].filter((en) => k.inSubtree(en.e.unit, unit)).length
}

const participantsOf = (k: Known, unit: string | null, scheme: CoverageScheme, day: string): number =>
  scheme === 'any' ? coveredByAny(k, unit, day) : k.participants(unit, scheme, day)

/** The coverage report, folded from scratch. */
export const referenceCoverageReport = (events: Iterable<PositionedEvent>, query: CoverageQuery): CoverageReport => {
  const geography = query.geography ?? query.asOf
  // every question, the comparisons included, on the map of G (geography.md)
  const k = new Known(events, query.knownAt ?? null).onMap(geography)
  const unit = query.unit ?? null
  const { asOf, scheme } = query
  const year = +asOf.slice(0, 4)
  const denominatorScheme = scheme === 'any' ? 'health' : scheme
  const participants = participantsOf(k, unit, scheme, asOf)
  let denominator: number | null
  let denominatorYear: number | null = null
  if (unit === null) {
    const roots = k.children(null)
    const parts = roots.map((r) => k.denominator(r, denominatorScheme, year).value)
    denominator = roots.length === 0 || parts.some((v) => v === null) ? null : parts.reduce<number>((a, b) => a + b!, 0)
  } else {
    const d = k.denominator(unit, denominatorScheme, year)
    denominator = d.value
    denominatorYear = d.value === null ? null : d.year
  }
  const rate = (p: number, den: number | null): number | null => (den === null || den === 0 ? null : p / den)
  return {
    ...k.header('coverage', asOf, unit, null, query.knownAt ?? null, geography),
    scheme,
    participants,
    denominator,
    denominatorYear,
    rate: rate(participants, denominator),
    children: k.children(unit).map((c) => {
      const p = participantsOf(k, c, scheme, asOf)
      const den = k.denominator(c, denominatorScheme, year).value
      return { unit: c, name: k.nameOf(c), participants: p, denominator: den, rate: rate(p, den) }
    }),
  }
}
