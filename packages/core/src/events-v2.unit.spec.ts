import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { canonicalJson, decodeEvent, encodeEvent } from './decode.js'
import { EVENT_TYPES, type EventType } from './events.js'
import { SCHEMAS, currentVersion, upcast, writtenVersion } from './schema.js'

const ID = '7d9c0a52-5a0e-4f39-9d44-0b8f0c7c4f01'
const AT = '2025-08-02T09:15:00+07:00'
const envelope = (type: string, data: unknown): Record<string, unknown> => ({ id: ID, type, recordedAt: AT, data })

const enrolment = (participantId: string) => ({
  participantId,
  scheme: 'voluntary',
  unit: '22816',
  coveredFrom: '2025-08-01',
  coveredThrough: '2025-12-31',
})

describe('schema version 2', () => {
  it('reads a version-1 line unchanged: decoded at version 1 (a store row) or at the current version (a file), the same event and the same text', () => {
    const v1 = decodeEvent(envelope('ParticipantEnrolled', enrolment('0123456789')), { version: 1 })
    const current = decodeEvent(envelope('ParticipantEnrolled', enrolment('0123456789')))
    expect(E.isRight(v1) && E.isRight(current)).toBe(true)
    if (E.isRight(v1) && E.isRight(current)) {
      expect(v1.right).toEqual(current.right)
      expect(canonicalJson(v1.right)).toBe(canonicalJson(current.right))
      expect(encodeEvent(v1.right)).toEqual(envelope('ParticipantEnrolled', enrolment('0123456789')))
    }
  })

  it('accepts a 12-digit personal id in version 2 and refuses it in version 1, naming field and value', () => {
    expect(E.isRight(decodeEvent(envelope('ParticipantEnrolled', enrolment('001234567890'))))).toBe(true)
    expect(decodeEvent(envelope('ParticipantEnrolled', enrolment('001234567890')), { version: 1 })).toEqual(
      E.left([
        { path: 'data.participantId', message: 'not a participant id of exactly 10 digits', value: '001234567890' },
      ]),
    )
    for (const bad of ['01234567890', '0012345678901', '12345678a012']) {
      expect(
        decodeEvent(
          envelope('ParticipantLapsed', {
            participantId: bad,
            scheme: 'health',
            lapsedOn: '2025-09-01',
            reason: 'other',
          }),
        ),
      ).toEqual(
        E.left([
          { path: 'data.participantId', message: 'not a participant id of exactly 10 or 12 digits', value: bad },
        ]),
      )
    }
  })

  it('has an upcaster from every version below the current one, and the v1 → v2 one keeps version-1 data as it is', () => {
    for (const type of EVENT_TYPES) {
      const s = SCHEMAS[type]
      const first = Math.min(...Object.keys(s.codecs).map(Number))
      for (let v = first; v < s.current; v++) expect(s.upcasters[v], `${type} v${v}`).toBeTypeOf('function')
      expect(s.codecs[s.current]).toBe(s.codec)
    }
    const data = { participantId: '0123456789', scheme: 'health', lapsedOn: '2025-09-01', reason: 'other' }
    expect(upcast('ParticipantLapsed', 1, data)).toEqual(data)
    expect(currentVersion('ParticipantEnrolled')).toBe(2)
  })

  it('writes an event in the first version that can hold it, so version-1 content keeps its version (and its hash)', () => {
    const at = (type: EventType, data: unknown) => {
      const r = decodeEvent(envelope(type, data))
      if (E.isLeft(r)) throw new Error(JSON.stringify(r.left))
      return writtenVersion(r.right)
    }
    expect(at('ParticipantEnrolled', enrolment('0123456789'))).toBe(1)
    expect(at('ParticipantEnrolled', enrolment('001234567890'))).toBe(2)
    expect(
      at('QuotaAssigned', { unit: '91', scheme: 'voluntary', year: 2025, target: 80_000, assignedOn: '2025-07-15' }),
    ).toBe(1)
    expect(at('UnitDissolved', { code: '30', dissolvedOn: '2025-07-01', successor: '31' })).toBe(2)
  })

  it('refuses the types new in version 2 when read as version 1', () => {
    expect(
      decodeEvent(envelope('UnitDissolved', { code: '30', dissolvedOn: '2025-07-01', successor: '31' }), {
        version: 1,
      }),
    ).toEqual(E.left([{ path: 'type', message: 'no schema version 1 of UnitDissolved', value: 1 }]))
  })

  it('keeps UnitChanged parent null ("no parent from this day") apart from an absent parent', () => {
    const withNull = decodeEvent(envelope('UnitChanged', { code: '91', effectiveOn: '2025-07-01', parent: null }))
    const absent = decodeEvent(envelope('UnitChanged', { code: '91', effectiveOn: '2025-07-01', name: 'An Giang' }))
    expect(E.isRight(withNull) && withNull.right.data).toEqual({ code: '91', effectiveOn: '2025-07-01', parent: null })
    expect(E.isRight(absent) && absent.right.data).toEqual({ code: '91', effectiveOn: '2025-07-01', name: 'An Giang' })
    if (E.isRight(withNull))
      expect(encodeEvent(withNull.right).data).toEqual({ code: '91', effectiveOn: '2025-07-01', parent: null })
    expect(decodeEvent(envelope('UnitChanged', { code: '91', effectiveOn: '2025-07-01', parent: '9' }))).toEqual(
      E.left([{ path: 'data.parent', message: 'not a unit code of 2, 3 or 5 digits', value: '9' }]),
    )
  })

  it('links a 10-digit and a 12-digit id, each checked for its own length', () => {
    expect(
      E.isRight(
        decodeEvent(
          envelope('ParticipantIdentified', {
            participantId: '0123456789',
            personalId: '001234567890',
            identifiedOn: '2025-08-01',
          }),
        ),
      ),
    ).toBe(true)
    expect(
      decodeEvent(
        envelope('ParticipantIdentified', {
          participantId: '001234567890',
          personalId: '0123456789',
          identifiedOn: '2025-08-01',
        }),
      ),
    ).toEqual(
      E.left([
        {
          path: 'data.participantId',
          message: 'not a social-insurance number of exactly 10 digits',
          value: '001234567890',
        },
        {
          path: 'data.personalId',
          message: 'not a personal identity number of exactly 12 digits',
          value: '0123456789',
        },
      ]),
    )
  })
})
