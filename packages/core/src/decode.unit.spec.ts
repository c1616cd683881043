import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { canonicalJson, decodeEvent, encodeEvent } from './decode.js'
import type { EventType } from './events.js'
import { decodeHistory, encodeHistory } from './ndjson.js'
import type { Problem } from './problem.js'

const ID = '7d9c0a52-5a0e-4f39-9d44-0b8f0c7c4f01'
const AT = '2020-03-02T09:15:00+07:00'

/** One valid event of each type, with every optional field given. */
const VALID: Record<EventType, Record<string, unknown>> = {
  ParticipantEnrolled: {
    participantId: '0123456789',
    scheme: 'voluntary',
    unit: '22816',
    coveredFrom: '2020-03-01',
    coveredThrough: '2020-05-31',
    agent: 'BD-PHANTHIET',
    employer: 'CTY-A',
  },
  ParticipantLapsed: {
    participantId: '0123456789',
    scheme: 'voluntary',
    lapsedOn: '2020-04-01',
    reason: 'stopped-paying',
  },
  QuotaAssigned: {
    unit: '22',
    scheme: 'health',
    year: 2020,
    target: 1_046_000,
    assignedOn: '2020-01-15',
    assignedBy: 'UBND',
    decision: '417/QĐ-UBND',
  },
  DebtRecorded: {
    employer: 'CTY-A',
    unit: '22816',
    scheme: 'compulsory',
    period: '2019-01',
    amount: 806_000_000,
    recordedOn: '2019-02-01',
  },
  DebtSettled: { employer: 'CTY-A', scheme: 'compulsory', amount: 6_000_000, settledOn: '2019-03-31' },
  UnitEstablished: { code: '22816', name: 'Hàm Trí', level: 'commune', parent: '593', establishedOn: '2000-01-01' },
  PopulationEstimated: { unit: '22', year: 2020, population: 1_230_000, labourForce: 730_000, source: 'GSO' },
  ContributionCollected: {
    unit: '22816',
    scheme: 'health',
    amount: 704_025,
    collectedOn: '2020-02-29',
    participantId: '0123456789',
    employer: 'CTY-A',
    agent: 'BUU-DIEN',
  },
  RevenuePlanAssigned: {
    unit: '22',
    year: 2020,
    amount: 5_063_500_000_000,
    assignedOn: '2020-01-15',
    decision: '100/QĐ-BHXH',
  },
  UnitChanged: { code: '22816', effectiveOn: '2025-07-01', name: 'Hàm Trí mới', parent: '22', level: 'commune' },
  UnitDissolved: { code: '30', dissolvedOn: '2025-07-01', successor: '31' },
  ParticipantIdentified: { participantId: '0123456789', personalId: '001234567890', identifiedOn: '2025-08-01' },
}

const envelope = (type: string, data: unknown): Record<string, unknown> => ({ id: ID, type, recordedAt: AT, data })
const problems = (u: unknown): Problem[] => {
  const r = decodeEvent(u)
  if (E.isRight(r)) throw new Error('decoded, expected problems')
  return r.left
}

describe('decodeEvent', () => {
  it.each(Object.entries(VALID))('decodes a %s and encodes it back to the same JSON', (type, data) => {
    const r = decodeEvent(envelope(type, data))
    expect(E.isRight(r)).toBe(true)
    if (E.isRight(r)) expect(encodeEvent(r.right)).toEqual(envelope(type, data))
  })

  it('refuses an unknown field at the envelope and at the data level, naming each', () => {
    expect(problems({ ...envelope('DebtSettled', VALID.DebtSettled), extra: 1 })).toEqual([
      { path: 'extra', message: 'unknown field', value: 1 },
    ])
    expect(problems(envelope('DebtSettled', { ...VALID.DebtSettled, amout: 5 }))).toEqual([
      { path: 'data.amout', message: 'unknown field', value: 5 },
    ])
  })

  it('refuses an unknown or missing type', () => {
    expect(problems(envelope('ParticipantEnroled', VALID.ParticipantEnrolled))).toEqual([
      { path: 'type', message: 'unknown event type', value: 'ParticipantEnroled' },
    ])
    const { type: _type, ...rest } = envelope('DebtSettled', VALID.DebtSettled)
    expect(problems(rest)[0]).toMatchObject({ path: 'type', message: 'missing' })
  })

  it('refuses a 9-digit participant id and a 2023-02-30, reporting both at once', () => {
    const ps = problems(
      envelope('ParticipantEnrolled', {
        ...VALID.ParticipantEnrolled,
        participantId: '123456789',
        coveredFrom: '2023-02-30',
      }),
    )
    expect(ps.map((p) => [p.path, p.value])).toEqual([
      ['data.participantId', '123456789'],
      ['data.coveredFrom', '2023-02-30'],
    ])
    expect(ps[1]!.message).toBe('not a real calendar day YYYY-MM-DD')
  })

  it('accepts 2024-02-29', () => {
    expect(
      E.isRight(decodeEvent(envelope('ParticipantLapsed', { ...VALID.ParticipantLapsed, lapsedOn: '2024-02-29' }))),
    ).toBe(true)
  })

  it('reads a null or absent coveredThrough as open-ended (null) and writes it as null', () => {
    for (const coveredThrough of [null, undefined]) {
      const r = decodeEvent(
        envelope('ParticipantEnrolled', { ...VALID.ParticipantEnrolled, scheme: 'compulsory', coveredThrough }),
      )
      if (E.isLeft(r)) throw new Error(JSON.stringify(r.left))
      expect(r.right.data).toMatchObject({ coveredThrough: null })
      expect(canonicalJson(r.right)).toContain('"coveredThrough":null')
    }
  })

  it('reads an optional field given as null as absent, and leaves it out when encoding', () => {
    const r = decodeEvent(
      envelope('ParticipantEnrolled', { ...VALID.ParticipantEnrolled, agent: null, employer: null }),
    )
    if (E.isLeft(r)) throw new Error(JSON.stringify(r.left))
    expect('agent' in r.right.data).toBe(false)
    expect(canonicalJson(r.right)).not.toContain('agent')
    const unit = decodeEvent(
      envelope('UnitEstablished', {
        code: '22',
        name: 'Bình Thuận',
        level: 'province',
        parent: null,
        establishedOn: '2000-01-01',
      }),
    )
    expect(E.isRight(unit)).toBe(true)
  })

  it('refuses a required field given as null or missing', () => {
    expect(problems(envelope('DebtSettled', { ...VALID.DebtSettled, amount: null }))[0]).toMatchObject({
      path: 'data.amount',
      value: null,
    })
    const { amount: _amount, ...rest } = VALID.DebtSettled
    expect(problems(envelope('DebtSettled', rest))).toEqual([
      { path: 'data.amount', message: 'missing', value: undefined },
    ])
    expect(problems({ id: ID, type: 'DebtSettled', recordedAt: AT })).toEqual([
      { path: 'data', message: 'missing', value: undefined },
    ])
  })

  it('requires recordedAt in files and lets an API append leave it out', () => {
    const { recordedAt: _at, ...rest } = envelope('DebtSettled', VALID.DebtSettled)
    expect(problems(rest)).toEqual([{ path: 'recordedAt', message: 'missing', value: undefined }])
    expect(E.isRight(decodeEvent(rest, { recordedAtOptional: true }))).toBe(true)
    expect(problems({ ...rest, recordedAt: '2020-03-02 09:15' })[0]!.path).toBe('recordedAt')
  })

  it('refuses what is not an object, and a bad id', () => {
    for (const u of [null, 1, 'x', [], true]) expect(problems(u)[0]!.path).toBe('')
    expect(problems({ ...envelope('DebtSettled', VALID.DebtSettled), id: 'not-a-uuid' })[0]).toMatchObject({
      path: 'id',
      message: 'not a UUID',
    })
  })

  it('refuses a debt under the voluntary scheme', () => {
    expect(problems(envelope('DebtRecorded', { ...VALID.DebtRecorded, scheme: 'voluntary' }))[0]!.path).toBe(
      'data.scheme',
    )
  })
})

describe('decodeHistory', () => {
  const lineOf = (type: EventType, id = ID) => JSON.stringify({ ...envelope(type, VALID[type]), id })

  it('ignores blank lines, accepts CRLF, numbers positions among events and lines in the file', () => {
    const text = `${lineOf('UnitEstablished')}\r\n\r\n   \n${lineOf('DebtSettled', '7d9c0a52-5a0e-4f39-9d44-0b8f0c7c4f02')}\n`
    const r = decodeHistory(text)
    if (E.isLeft(r)) throw new Error(JSON.stringify(r.left))
    expect(r.right.map((e) => [e.position, e.line, e.event.type])).toEqual([
      [1, 1, 'UnitEstablished'],
      [2, 4, 'DebtSettled'],
    ])
  })

  it('keeps one event for the same id with the same content, refuses other content', () => {
    const same = decodeHistory(`${lineOf('DebtSettled')}\n${lineOf('DebtSettled')}\n`)
    expect(E.isRight(same) && same.right.length).toBe(1)
    const other = decodeHistory(`${lineOf('DebtSettled')}\n${lineOf('UnitEstablished')}\n`)
    expect(E.isLeft(other) && other.left).toEqual([
      { line: 2, problems: [{ path: 'id', message: 'duplicate id with other content than line 1', value: ID }] },
    ])
  })

  it('reports every bad line with its number, including lines that are not JSON', () => {
    const r = decodeHistory(`{oops\n${lineOf('DebtSettled')}\n{"id":1}\n`)
    expect(E.isLeft(r) && r.left.map((e) => e.line)).toEqual([1, 3])
  })

  it('round-trips through encodeHistory', () => {
    const r = decodeHistory(
      `${lineOf('QuotaAssigned')}\n${lineOf('PopulationEstimated', '7d9c0a52-5a0e-4f39-9d44-0b8f0c7c4f02')}\n`,
    )
    if (E.isLeft(r)) throw new Error(JSON.stringify(r.left))
    const text = encodeHistory(r.right.map((e) => e.event))
    expect(decodeHistory(text)).toEqual(r)
  })
})
