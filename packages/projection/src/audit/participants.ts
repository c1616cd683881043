/**
 * The participants behind a count, one record each: who, where they are counted, the enrolment
 * that counts them and the lapse that ends it. The matching rows are found first and kept as
 * three integers per participant; records are built (with the ids fetched from the source) only
 * as they are read, so a province's hundreds of thousands stream to a csv without all being held.
 *
 * @module audit/participants
 */
import type { Scheme } from '@ansinh/core'
import type { History, HistoryView } from '../history.js'
import { SCHEME_INDEX } from '../participation.js'
import type { EventIds } from './causes.js'
import { PairRows, countingRow, dateOf, endingLapse, firstRow, lastCoveredDay } from './pairs.js'
import { type Scope, scopeOf } from './scope.js'

/** An enrolment as an explanation names it. */
export interface EnrolmentRef {
  readonly id: string
  readonly position: number
  readonly coveredFrom: string
  readonly coveredThrough: string | null
}

/** A lapse as an explanation names it. */
export interface LapseRef {
  readonly id: string
  readonly position: number
  readonly lapsedOn: string
}

/** One participant behind a count. */
export interface ParticipantRecord {
  readonly participantId: string
  /** The unit of the enrolment that counts the participant. */
  readonly unit: string
  /** The report's child unit the participant counts in (null: the report's own unit, or no child holds it). */
  readonly countedIn: string | null
  /** The counting enrolment (for `newInYear`: the first enrolment). */
  readonly enrolment: EnrolmentRef
  /** The known lapse that ends that enrolment, if any. */
  readonly lapse: LapseRef | null
  /** `expiringBeforeYearEnd` only: the last day the counting enrolment covers. */
  readonly coverageEnds?: string | null
}

/** Which participants: counted on a day, counted on it and not covered on a later day, or first enrolled in a range. */
export type ParticipantQuestion =
  | { readonly kind: 'counted'; readonly day: number }
  | { readonly kind: 'expiring'; readonly day: number; readonly laterDay: number }
  | { readonly kind: 'new'; readonly fromDay: number; readonly toDay: number }

/** The participants a count rests on: how many, and their records on demand. */
export interface ParticipantList {
  readonly count: number
  /** The records, in participant order, built as they are read. */
  records(): Generator<ParticipantRecord>
}

/**
 * The participants of `scheme` in `unit`'s subtree that answer `question` in `view` (a known-at
 * view of `history`), their ids fetched by position through `ids`.
 *
 * @example participantList(history, history.view(k), '60', 'voluntary', { kind: 'counted', day }, ids).count // 7215
 */
export const participantList = (
  history: History,
  view: HistoryView,
  unit: string | null,
  scheme: Scheme,
  question: ParticipantQuestion,
  ids: EventIds,
  scope: Scope = scopeOf(view.geography, unit),
): ParticipantList => {
  const rows = PairRows.of(view.participation)
  const c = rows.columns
  const s = SCHEME_INDEX[scheme]
  // pair, enrolment row, lapse row (or -1), three per match
  const found: number[] = []
  for (let p = 0; p < rows.pairs; p++) {
    if (rows.schemeOf(p) !== s) continue
    const enr = rows.enrolmentsOf(p)
    if (enr.length === 0) continue
    const lap = rows.lapsesOf(p)
    let row: number
    if (question.kind === 'new') {
      row = firstRow(c, enr)
      const from = c.enrFrom[row]!
      if (from < question.fromDay || from > question.toDay) continue
    } else {
      row = countingRow(c, enr, lap, question.day)
      if (row < 0) continue
      if (
        question.kind === 'expiring' &&
        (question.day >= question.laterDay || countingRow(c, enr, lap, question.laterDay) >= 0)
      )
        continue
    }
    if (!scope.inUnit(rows.unitOf(row))) continue
    found.push(p, row, endingLapse(c, row, lap))
  }
  const positionOf = (ordinal: number): number => history.positionAt(ordinal)
  return {
    count: found.length / 3,
    *records() {
      for (let k = 0; k < found.length; k += 3) {
        const p = found[k]!,
          row = found[k + 1]!,
          l = found[k + 2]!
        const unitCode = rows.unitOf(row)
        const position = positionOf(c.enrEvent[row]!)
        const lapsePosition = l < 0 ? -1 : positionOf(c.lapEvent[l]!)
        const record: ParticipantRecord = {
          participantId: rows.participation.pairOwner(p).participantId,
          unit: unitCode,
          countedIn: unitCode === scope.unit ? null : (scope.childrenOf(unitCode)[0] ?? null),
          enrolment: {
            id: ids(position),
            position,
            coveredFrom: dateOf(c.enrFrom[row]!)!,
            coveredThrough: dateOf(c.enrThrough[row]!),
          },
          lapse: l < 0 ? null : { id: ids(lapsePosition), position: lapsePosition, lapsedOn: dateOf(c.lapDay[l]!)! },
        }
        if (question.kind !== 'expiring') yield record
        else {
          const end = lastCoveredDay(c, row, rows.lapsesOf(p))
          yield { ...record, coverageEnds: end === null ? null : dateOf(end) }
        }
      }
    },
  }
}
