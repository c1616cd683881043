/**
 * Events for store tests: valid by the codecs, with fresh ids, one builder per stream kind the
 * suite needs.
 *
 * @module contract/fixtures
 */
import { randomUUID } from 'node:crypto'
import type { BusinessDate, EventId, Instant, NewEvent, ParticipantId, Reference, UnitCode, Vnd } from '@ansinh/core'

/** A fresh event id. */
export const freshId = (): EventId => randomUUID() as EventId

/** A participant id of 10 digits made from a small number, e.g. `participantNo(7)` = `0000000007`. */
export const participantNo = (n: number): ParticipantId => String(n).padStart(10, '0') as ParticipantId

/** The stream of a participant number. */
export const participantStream = (n: number): string => `participant-${participantNo(n)}`

/** A ParticipantEnrolled of participant `n` (voluntary, commune 22816), month `month` of 2020; `recordedAt` null leaves it out. */
export const enrolment = (
  n: number,
  month = 1,
  recordedAt: Instant | null = '2020-03-02T09:15:00+07:00' as Instant,
): NewEvent => {
  const mm = String(((month - 1) % 12) + 1).padStart(2, '0')
  const event = {
    id: freshId(),
    type: 'ParticipantEnrolled' as const,
    data: {
      participantId: participantNo(n),
      scheme: 'voluntary' as const,
      unit: '22816' as UnitCode,
      coveredFrom: `2020-${mm}-01` as BusinessDate,
      coveredThrough: `2020-${mm}-28` as BusinessDate,
      agent: 'BD-PHANTHIET' as Reference,
    },
  }
  return recordedAt === null ? event : { ...event, recordedAt }
}

/** A DebtRecorded of an employer, with an amount that stresses number round trips. */
export const debt = (employer: string, amount: number = Number.MAX_SAFE_INTEGER): NewEvent => ({
  id: freshId(),
  type: 'DebtRecorded',
  recordedAt: '2021-01-05T08:00:00.123Z' as Instant,
  data: {
    employer: employer as Reference,
    unit: '22816' as UnitCode,
    scheme: 'compulsory',
    period: '2020-12' as never,
    amount: amount as Vnd,
    recordedOn: '2021-01-04' as BusinessDate,
  },
})

/** A UnitEstablished with a Vietnamese name (non-ASCII round trip). */
export const unitEstablished = (code: string, name: string, parent?: string): NewEvent => ({
  id: freshId(),
  type: 'UnitEstablished',
  recordedAt: '2019-12-31T23:59:59.999-05:30' as Instant,
  data: {
    code: code as UnitCode,
    name: name as never,
    level: code.length === 2 ? 'province' : code.length === 3 ? 'district' : 'commune',
    ...(parent === undefined ? {} : { parent: parent as UnitCode }),
    establishedOn: '1992-04-01' as BusinessDate,
  },
})

/** The same event with other data (same id): a conflicting duplicate. */
export const withOtherData = (e: NewEvent): NewEvent =>
  e.type === 'ParticipantEnrolled' ? { ...e, data: { ...e.data, agent: 'OTHER-AGENT' as Reference } } : e
