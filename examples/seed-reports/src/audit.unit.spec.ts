import { describe, expect, it } from 'vitest'
import { type BusinessDate, type DomainEvent, decodeEvent, parseKnownAt } from '@ansinh/core'
import { History } from '@ansinh/projection'
import { type EventFacts, explainKnownAt, factsOf, renewedAfterPublication } from './audit.js'

let n = 0
const event = (type: string, recordedAt: string, data: object): DomainEvent => {
  const id = `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`
  const decoded = decodeEvent({ id, type, recordedAt, data })
  if (decoded._tag === 'Left') throw new Error(JSON.stringify(decoded.left))
  return decoded.right
}
const enrol = (p: string, from: string, through: string, at: string) =>
  event('ParticipantEnrolled', `${at}T09:00:00+07:00`, {
    participantId: p,
    scheme: 'voluntary',
    unit: '593',
    coveredFrom: from,
    coveredThrough: through,
  })
const lapse = (p: string, on: string, at: string) =>
  event('ParticipantLapsed', `${at}T09:00:00+07:00`, {
    participantId: p,
    scheme: 'voluntary',
    lapsedOn: on,
    reason: 'deceased',
  })

const history: DomainEvent[] = [
  event('UnitEstablished', '2016-01-04T07:00:00+07:00', {
    code: '60',
    name: 'Tỉnh Bình Thuận',
    level: 'province',
    establishedOn: '2004-07-08',
  }),
  event('UnitEstablished', '2016-01-04T07:00:00+07:00', {
    code: '593',
    name: 'Thành phố Phan Thiết',
    level: 'district',
    parent: '60',
    establishedOn: '2004-07-08',
  }),
  enrol('6000000001', '2020-07-01', '2020-09-30', '2020-06-25'), // expiring, renews later
  enrol('6000000002', '2020-01-01', '2020-12-31', '2020-01-03'), // dies in September, reported late
  enrol('6000000003', '2020-09-01', '2020-09-30', '2020-09-02'), // stays
  lapse('6000000002', '2020-09-12', '2020-10-20'),
  enrol('6000000004', '2020-09-01', '2021-08-31', '2020-10-14'), // September intake recorded late
  enrol('6000000001', '2020-10-01', '2020-12-31', '2020-10-28'), // renewal after publication
]
const folded = History.of(history.map((event, i) => ({ event, position: i + 1 })))
const at = (p: number): EventFacts => factsOf(history[p - 1]!)
const knownAt = parseKnownAt('2020-10-05')!
const asOf = '2020-09-30' as BusinessDate

describe('explainKnownAt', () => {
  // one more September intake recorded late: +2 − 1
  const more = [...history, enrol('6000000005', '2020-08-01', '2020-12-31', '2020-10-16')]
  const foldedMore = History.of(more.map((event, i) => ({ event, position: i + 1 })))
  it('counts at publication and today, and names the late records between (the diff of the coverage report)', () => {
    const d = explainKnownAt(foldedMore, (p) => factsOf(more[p - 1]!), {
      unit: '60',
      scheme: 'voluntary',
      asOf,
      knownAt,
    })
    expect(d.atPublication).toBe(3)
    expect(d.today).toBe(4)
    expect(d.lateEnrolments).toEqual({ participants: 2, recordedFrom: '2020-10-14', recordedTo: '2020-10-16' })
    expect(d.lateLapses).toEqual({
      participants: 1,
      recordedFrom: '2020-10-20',
      recordedTo: '2020-10-20',
      reasons: { deceased: 1 },
    })
  })
  it('names nothing when the late records cancel out: the count did not move (a diff lists the figures that differ)', () => {
    const d = explainKnownAt(folded, at, { unit: '60', scheme: 'voluntary', asOf, knownAt })
    expect([d.atPublication, d.today]).toEqual([3, 3])
    expect(d.lateEnrolments).toEqual({ participants: 0, recordedFrom: null, recordedTo: null })
    expect(d.lateLapses).toEqual({ participants: 0, recordedFrom: null, recordedTo: null, reasons: {} })
  })
  it('finds nothing late when known at the end of time', () => {
    const d = explainKnownAt(foldedMore, (p) => factsOf(more[p - 1]!), {
      unit: '60',
      scheme: 'voluntary',
      asOf,
      knownAt: parseKnownAt('2030-01-01')!,
    })
    expect(d.lateEnrolments.participants + d.lateLapses.participants).toBe(0)
  })
})

describe('renewedAfterPublication', () => {
  it('finds the expiring participants whose renewal came after publication', () => {
    expect(renewedAfterPublication(history, { unit: '60', scheme: 'voluntary', asOf, year: 2020, knownAt })).toEqual({
      expiringAtPublication: 2,
      expiringToday: 1,
      renewedLater: 1,
    })
  })
})
