/**
 * The auditor's question: the figure as known at publication against the figure as known today,
 * and which records, arriving after publication, make the difference.
 *
 * @module audit
 */
import * as E from 'fp-ts/lib/Either.js'
import type { BusinessDate, DomainEvent, LapseReason, Scheme } from '@ansinh/core'
import type { History } from '@ansinh/projection'
import { diffCoverage } from '@ansinh/projection-coverage'
import { Tally } from './tally.js'

/** Participants a late record adds to or removes from a count. */
export interface LateChange {
  readonly participants: number
  /** The first and last recording day of the records responsible. */
  readonly recordedFrom: string | null
  readonly recordedTo: string | null
}

/** How a participant count as known at publication differs from the count as known today. */
export interface KnownAtDifference {
  readonly unit: string
  readonly scheme: Scheme
  readonly asOf: BusinessDate
  readonly knownAt: number
  readonly atPublication: number
  readonly today: number
  /** Covered today, not at publication: an enrolment covering the day recorded after publication. */
  readonly lateEnrolments: LateChange
  /** Covered at publication, not today: a lapse on or before the day recorded after publication. */
  readonly lateLapses: LateChange & { readonly reasons: Readonly<Partial<Record<LapseReason, number>>> }
}

/** What {@link explainKnownAt} reads of the event at a position: its id, and a lapse's reason. */
export interface EventFacts {
  readonly id: string
  /** The reason of a `ParticipantLapsed`; null for any other event. */
  readonly lapseReason: LapseReason | null
}

/** The {@link EventFacts} of an event. */
export const factsOf = (e: DomainEvent): EventFacts => ({
  id: e.id,
  lapseReason: e.type === 'ParticipantLapsed' ? e.data.reason : null,
})

/**
 * Explains the difference, for `unit` and `scheme` on `asOf`, between known at `knownAt` and
 * today, with the library's diff of the coverage report: its `participants` delta is made of the
 * late enrolments and renewals that add a participant and the late lapses that remove one (their
 * contributions add up to the delta). `eventAt` tells the id of the event at a position of
 * `history`, and a lapse's reason.
 */
export const explainKnownAt = (
  history: History,
  eventAt: (position: number) => EventFacts,
  query: { readonly unit: string; readonly scheme: Scheme; readonly asOf: BusinessDate; readonly knownAt: number },
): KnownAtDifference => {
  const { unit, scheme, asOf, knownAt } = query
  const diffed = diffCoverage(history, { asOf, scheme, unit }, knownAt, null, (p) => eventAt(p).id)
  // a knownAt before now is never after it: the diff cannot refuse
  if (E.isLeft(diffed)) throw new Error(diffed.left.message)
  const d = diffed.right
  const field = d.fields.find((f) => f.field === 'participants')
  let added = 0,
    removed = 0
  const addedDays: string[] = []
  const removedDays: string[] = []
  const reasons: Partial<Record<LapseReason, number>> = {}
  for (const group of field?.causes ?? []) {
    for (const r of group.records) {
      const c = r.contribution ?? 0
      if (c > 0 && (group.cause === 'late-enrolment' || group.cause === 'late-renewal')) {
        added += c
        addedDays.push(r.recordedAt.slice(0, 10))
      } else if (c < 0 && group.cause === 'late-lapse') {
        removed -= c
        removedDays.push(r.recordedAt.slice(0, 10))
        const reason = eventAt(r.position).lapseReason
        if (reason !== null) reasons[reason] = (reasons[reason] ?? 0) + 1
      }
    }
  }
  const span = (days: string[]): { recordedFrom: string | null; recordedTo: string | null } => {
    days.sort()
    return { recordedFrom: days[0] ?? null, recordedTo: days[days.length - 1] ?? null }
  }
  return {
    unit,
    scheme,
    asOf,
    knownAt,
    atPublication: d.before.participants,
    today: d.after.participants,
    lateEnrolments: { participants: added, ...span(addedDays) },
    lateLapses: { participants: removed, ...span(removedDays), reasons },
  }
}

/** What {@link renewedAfterPublication} finds. */
export interface Renewals {
  readonly expiringAtPublication: number
  readonly expiringToday: number
  readonly renewedLater: number
}

/** Participants expiring before year end as known at publication who renewed in records that came later. */
export const renewedAfterPublication = (
  events: readonly DomainEvent[],
  query: {
    readonly unit: string
    readonly scheme: Scheme
    readonly asOf: BusinessDate
    readonly year: number
    readonly knownAt: number
  },
  tally: Tally = new Tally(events),
): Renewals => {
  const { unit, scheme, asOf, year, knownAt } = query
  const yearEnd = `${year}-12-31`
  const expiring = (k: number | null): Set<string> => {
    const atYearEnd = new Set(tally.covered(scheme, yearEnd, k).map((p) => p.participantId))
    return new Set(
      tally
        .covered(scheme, asOf, k)
        .filter((p) => tally.inSubtree(p.unit, unit) && !atYearEnd.has(p.participantId))
        .map((p) => p.participantId),
    )
  }
  const then = expiring(knownAt)
  const now = expiring(null)
  const coveredAtYearEndToday = new Set(tally.covered(scheme, yearEnd, null).map((p) => p.participantId))
  return {
    expiringAtPublication: then.size,
    expiringToday: now.size,
    renewedLater: [...then].filter((p) => coveredAtYearEndToday.has(p)).length,
  }
}
