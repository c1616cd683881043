/**
 * The participation rules of the read models, written as plainly as possible to serve as an oracle
 * in laws: which enrolment counts a participant on a day (if any), and which units a unit's subtree
 * holds. Slow on purpose (a scan of the events per question): clarity is the point.
 *
 * @module oracle
 */
import { type ParticipantEnrolled, type PositionedEvent, type Scheme, instantMillis } from '@ansinh/core'

/** The events known at `knownAt` (epoch ms; null: all of them). */
export const knownEvents = <E extends PositionedEvent>(events: readonly E[], knownAt: number | null): E[] =>
  knownAt === null ? [...events] : events.filter((e) => instantMillis(e.event.recordedAt) <= knownAt)

/**
 * Who is counted under `scheme` on `asOf` (a business date), as known at `knownAt`, and by which
 * enrolment: an enrolment covers a day from its `coveredFrom` through its `coveredThrough` (open
 * when null) unless a lapse of the same participant and scheme falls after its start and on or
 * before the day; of the covering enrolments the one with the latest `coveredFrom` counts (ties:
 * the later position).
 */
export const countedParticipants = (
  events: readonly PositionedEvent[],
  scheme: Scheme,
  asOf: string,
  knownAt: number | null = null,
): Map<string, ParticipantEnrolled> => {
  const known = knownEvents(events, knownAt)
  const lapses = new Map<string, string[]>()
  for (const { event } of known) {
    if (event.type === 'ParticipantLapsed' && event.data.scheme === scheme) {
      lapses.set(event.data.participantId, [...(lapses.get(event.data.participantId) ?? []), event.data.lapsedOn])
    }
  }
  const counted = new Map<string, ParticipantEnrolled>()
  for (const { event } of known) {
    if (event.type !== 'ParticipantEnrolled' || event.data.scheme !== scheme) continue
    const e = event.data
    // ISO dates compare as strings.
    const covers =
      e.coveredFrom <= asOf &&
      (e.coveredThrough === null || asOf <= e.coveredThrough) &&
      !(lapses.get(e.participantId) ?? []).some((l) => e.coveredFrom < l && l <= asOf)
    if (!covers) continue
    const before = counted.get(e.participantId)
    // Events come in position order, so an equal coveredFrom later on wins the tie.
    if (before === undefined || e.coveredFrom >= before.coveredFrom) counted.set(e.participantId, e)
  }
  return counted
}

/** The codes in the subtree of `unit` (itself and its descendants by the known parent links); null: every unit. */
export const subtreeOf = (events: readonly PositionedEvent[], unit: string | null): ((code: string) => boolean) => {
  if (unit === null) return () => true
  const parent = new Map<string, string>()
  for (const { event } of events) {
    if (event.type === 'UnitEstablished' && event.data.parent !== undefined)
      parent.set(event.data.code, event.data.parent)
  }
  return (code) => {
    let current: string | undefined = code
    // Bounded walk: a history broken elsewhere may hold a loop.
    for (let steps = 0; current !== undefined && steps <= parent.size + 1; steps++) {
      if (current === unit) return true
      current = parent.get(current)
    }
    return false
  }
}
