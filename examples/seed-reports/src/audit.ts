/**
 * The auditor's question: the figure as known at publication against the figure as known today,
 * and which records, arriving after publication, make the difference.
 *
 * @module audit
 */
import { type BusinessDate, type DomainEvent, type LapseReason, type Scheme, dayNumber, instantMillis } from '@ansinh/core'
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

/** Explains the difference, for `unit` and `scheme` on `asOf`, between known at `knownAt` and today. */
export const explainKnownAt = (
  events: readonly DomainEvent[],
  query: { readonly unit: string; readonly scheme: Scheme; readonly asOf: BusinessDate; readonly knownAt: number },
  tally: Tally = new Tally(events),
): KnownAtDifference => {
  const { unit, scheme, asOf, knownAt } = query
  const inUnit = (p: { unit: string }): boolean => tally.inSubtree(p.unit, unit)
  const before = new Set(tally.covered(scheme, asOf, knownAt).filter(inUnit).map((p) => p.participantId))
  const after = new Set(tally.covered(scheme, asOf, null).filter(inUnit).map((p) => p.participantId))
  const added = new Set([...after].filter((p) => !before.has(p)))
  const removed = new Set([...before].filter((p) => !after.has(p)))
  const day = dayNumber(asOf)
  const addedDays: string[] = []
  const removedDays: string[] = []
  const reasons: Partial<Record<LapseReason, number>> = {}
  for (const e of events) {
    if (instantMillis(e.recordedAt) <= knownAt) continue
    if (e.type === 'ParticipantEnrolled' && e.data.scheme === scheme && added.has(e.data.participantId)) {
      const d = e.data
      if (dayNumber(d.coveredFrom) <= day && (d.coveredThrough === null || dayNumber(d.coveredThrough) >= day)) addedDays.push(e.recordedAt.slice(0, 10))
    }
    if (e.type === 'ParticipantLapsed' && e.data.scheme === scheme && removed.has(e.data.participantId) && dayNumber(e.data.lapsedOn) <= day) {
      removedDays.push(e.recordedAt.slice(0, 10))
      reasons[e.data.reason] = (reasons[e.data.reason] ?? 0) + 1
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
    atPublication: before.size,
    today: after.size,
    lateEnrolments: { participants: added.size, ...span(addedDays) },
    lateLapses: { participants: removed.size, ...span(removedDays), reasons },
  }
}

/** Participants expiring before year end as known at publication who renewed in records that came later. */
export const renewedAfterPublication = (
  events: readonly DomainEvent[],
  query: { readonly unit: string; readonly scheme: Scheme; readonly asOf: BusinessDate; readonly year: number; readonly knownAt: number },
  tally: Tally = new Tally(events),
): { readonly expiringAtPublication: number; readonly expiringToday: number; readonly renewedLater: number } => {
  const { unit, scheme, asOf, year, knownAt } = query
  const yearEnd = `${year}-12-31`
  const expiring = (k: number | null): Set<string> => {
    const atYearEnd = new Set(tally.covered(scheme, yearEnd, k).map((p) => p.participantId))
    return new Set(tally.covered(scheme, asOf, k).filter((p) => tally.inSubtree(p.unit, unit) && !atYearEnd.has(p.participantId)).map((p) => p.participantId))
  }
  const then = expiring(knownAt)
  const now = expiring(null)
  const coveredAtYearEndToday = new Set(tally.covered(scheme, yearEnd, null).map((p) => p.participantId))
  return { expiringAtPublication: then.size, expiringToday: now.size, renewedLater: [...then].filter((p) => coveredAtYearEndToday.has(p)).length }
}
