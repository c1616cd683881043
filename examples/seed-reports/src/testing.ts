/**
 * Helpers the example's tests share: write-rule checking of a generated history, an order-sensitive
 * digest for determinism, and the figures recomputed by the independent tally.
 *
 * @module testing
 */
import { createHash } from 'node:crypto'
import { type DomainEvent, checkHistory, parseKnownAt } from '@ansinh/core'
import { type Figure, reproduces } from './figures.js'
import { type Tally } from './tally.js'

/** The write-rule violations of a history (none for a valid one). */
export const violationsOf = (events: readonly DomainEvent[]): ReturnType<typeof checkHistory> =>
  checkHistory(events.map((event, i) => ({ event, position: i + 1, line: i + 1 })))

/** A SHA-256 of the history's events as JSON, in order (the generators build keys in canonical order). */
export const digestOf = (events: readonly DomainEvent[]): string => {
  const h = createHash('sha256')
  for (const e of events) h.update(JSON.stringify(e) + '\n')
  return h.digest('hex')
}

/**
 * A figure recomputed by the tally (participants, targets, the plan arithmetic, the debt balance),
 * or undefined for a field the tally does not compute (bands, rates: the projection checks those).
 */
export const tallyValue = (tally: Tally, f: Figure): number | null | undefined => {
  const k = parseKnownAt(f.knownAt)
  const year = f.year ?? +f.asOf.slice(0, 4)
  if (f.report === 'debt') return f.field === 'outstanding' ? tally.outstanding(f.unit, f.asOf, k) : undefined
  // the version-2 reports (agents, revenue, everyone covered) are checked against their packages' naive references
  if (f.report === 'agents' || f.report === 'revenue' || f.scheme === 'any' || f.scheme === null) return undefined
  const scheme = f.scheme
  // Computed on demand: each is a pass over every participant of a large seed.
  const participants = tally.participants(f.unit, scheme, f.asOf, k)
  const lastYear = (): number => tally.participants(f.unit, scheme, `${+f.asOf.slice(0, 4) - 1}${f.asOf.slice(4)}`, k)
  const endOfPreviousYear = (): number => tally.participants(f.unit, scheme, `${year - 1}-12-31`, k)
  const target = tally.target(f.unit, scheme, year, f.asOf, k)
  const expiring = (): number => tally.expiringBeforeYearEnd(f.unit, scheme, f.asOf, year, k)
  switch (f.field) {
    case 'participants':
      return participants
    case 'target':
      return target
    case 'achievement':
      return target === null ? null : participants / target
    case 'remaining':
      return target === null ? null : Math.max(0, target - participants)
    case 'expiringBeforeYearEnd':
      return expiring()
    case 'recruitsNeeded':
      return target === null ? null : Math.max(0, target - (participants - expiring()))
    case 'sameDateLastYear':
      return lastYear()
    case 'changeVsSameDate':
      return participants - lastYear()
    case 'changeVsSameDatePct':
      return lastYear() === 0 ? null : (participants - lastYear()) / lastYear()
    case 'endOfPreviousYear':
      return endOfPreviousYear()
    case 'changeVsEndOfPreviousYear':
      return participants - endOfPreviousYear()
    case 'denominator':
      return tally.estimate(f.unit, year, k)?.labourForce ?? null
    case 'rate': {
      const e = tally.estimate(f.unit, year, k)
      const denominator = scheme === 'health' ? e?.population : e?.labourForce
      return denominator == null ? null : participants / denominator
    }
    default: {
      const child = /^children\[(\w+)\]\.participants$/.exec(f.field)
      return child === null ? undefined : tally.participants(child[1]!, scheme, f.asOf, k)
    }
  }
}

/** Figures the tally disagrees with (fields it does not compute are skipped). */
export const tallyMismatches = (tally: Tally, figures: readonly Figure[]): { id: string; actual: number | null }[] =>
  figures.flatMap((f) => {
    const actual = tallyValue(tally, f)
    return actual === undefined || reproduces(f, actual) ? [] : [{ id: f.id, actual }]
  })
