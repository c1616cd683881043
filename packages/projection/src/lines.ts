/**
 * NDJSON lines folded straight into a `History`: a {@link ColumnSink} for core's `ColumnDecoder`,
 * so enrolments and lapses go from the line's text to the columns without an event object.
 *
 * @module lines
 */
import * as E from 'fp-ts/lib/Either.js'
import { ColumnDecoder, type ColumnSink } from '@ansinh/core'
import { dayOf } from './columns.js'
import type { History } from './history.js'
import { recordedMillis } from './instants.js'
import { SCHEME_INDEX } from './participation.js'
import { OPEN_END } from './segments.js'

/** A sink appending every decoded event to `history` (positions are the decoder's, increasing). */
export const historySink = (history: History, offset = 0): ColumnSink => {
  const refused = (position: number): never => {
    throw new RangeError(
      `position ${position + offset} is not after the history's last position ${history.lastPosition}`,
    )
  }
  return {
    enrolment: (position, _line, _id, recordedAt, participantId, scheme, unit, coveredFrom, coveredThrough, agent) => {
      const r = history.appendEnrolment(
        position + offset,
        recordedMillis(recordedAt),
        participantId,
        SCHEME_INDEX[scheme],
        unit,
        dayOf(coveredFrom),
        coveredThrough === null ? OPEN_END : dayOf(coveredThrough),
        agent,
      )
      if (E.isLeft(r)) refused(position)
    },
    lapse: (position, _line, _id, recordedAt, participantId, scheme, lapsedOn) => {
      const r = history.appendLapse(
        position + offset,
        recordedMillis(recordedAt),
        participantId,
        SCHEME_INDEX[scheme],
        dayOf(lapsedOn),
      )
      if (E.isLeft(r)) refused(position)
    },
    event: (e) => {
      const r = history.append({ event: e.event, position: e.position + offset })
      if (E.isLeft(r)) refused(e.position)
    },
  }
}

/** A decoder of NDJSON lines folding into `history` (positions 1, 2, … after `offset`). */
export const historyDecoder = (history: History, offset = 0): ColumnDecoder =>
  new ColumnDecoder(historySink(history, offset))
