import * as E from 'fp-ts/lib/Either.js'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { canonicalJson, decodeEvent, encodeEvent } from './decode.js'
import { type DomainEvent, EVENT_TYPES, type EventType } from './events.js'
import { decodeHistory, encodeHistory } from './ndjson.js'
import { Reference, UnitName, fromDayNumber } from './values.js'

// Hand-written arbitraries of well-formed events (the testing kit will derive them from the codecs).

const date = fc.integer({ min: 7305, max: 47482 }).map(fromDayNumber) // 1990-01-01 .. 2099-12-31
const month = fc.tuple(fc.integer({ min: 1990, max: 2099 }), fc.integer({ min: 1, max: 12 })).map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`)
const two = (max: number) => fc.integer({ min: 0, max }).map((n) => String(n).padStart(2, '0'))
const instant = fc
  .tuple(date, two(23), two(59), two(59), fc.constantFrom('Z', '+07:00', '-05:30', '+0700', '+14:00'))
  .map(([d, h, m, s, z]) => `${d}T${h}:${m}:${s}${z}`)
const participantId = fc.stringMatching(/^\d{10}$/)
const unit = fc.oneof(fc.stringMatching(/^\d{2}$/), fc.stringMatching(/^\d{3}$/), fc.stringMatching(/^\d{5}$/))
const scheme = fc.constantFrom('voluntary', 'compulsory', 'health', 'unemployment')
const debtScheme = fc.constantFrom('compulsory', 'health', 'unemployment')
const vnd = fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER })
const count = fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER })
const positive = fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER })
const year = fc.integer({ min: 1990, max: 2100 })
const reference = fc.string({ unit: 'binary', minLength: 1, maxLength: 64 }).filter((s) => Reference.is(s))
const name = fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }).filter((s) => UnitName.is(s))
const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined })

const dataOf: Record<EventType, fc.Arbitrary<Record<string, unknown>>> = {
  ParticipantEnrolled: fc.record({ participantId, scheme, unit, coveredFrom: date, coveredThrough: fc.option(date, { nil: null }), agent: opt(reference), employer: opt(reference) }),
  ParticipantLapsed: fc.record({ participantId, scheme, lapsedOn: date, reason: fc.constantFrom('stopped-paying', 'moved-to-compulsory', 'lump-sum-withdrawal', 'retired', 'deceased', 'other') }),
  QuotaAssigned: fc.record({ unit, scheme, year, target: count, assignedOn: date, assignedBy: opt(reference), decision: opt(reference) }),
  DebtRecorded: fc.record({ employer: reference, unit, scheme: debtScheme, period: month, amount: vnd, recordedOn: date }),
  DebtSettled: fc.record({ employer: reference, scheme: debtScheme, amount: vnd, settledOn: date }),
  UnitEstablished: fc.record({ code: unit, name, level: fc.constantFrom('province', 'district', 'commune'), parent: opt(unit), establishedOn: date }),
  PopulationEstimated: fc.record({ unit, year, population: positive, labourForce: opt(positive), source: opt(reference) }),
}

/** A JSON value of an event of `type`, with optional fields absent rather than undefined. */
const eventJson = (type: EventType) =>
  fc.record({ id: fc.uuid(), recordedAt: instant, data: dataOf[type] }).map(({ id, recordedAt, data }) => ({
    id,
    type,
    recordedAt,
    data: Object.fromEntries(Object.entries(data).filter(([, v]) => v !== undefined)),
  }))

const anyEventJson = fc.constantFrom(...EVENT_TYPES).chain(eventJson)

describe('codecs round-trip', () => {
  it.each(EVENT_TYPES)('decode ∘ encode is the identity on %s, and decode accepts what encode writes', (type) => {
    fc.assert(
      fc.property(eventJson(type), (json) => {
        const decoded = decodeEvent(json)
        if (E.isLeft(decoded)) throw new Error(JSON.stringify(decoded.left))
        const encoded = encodeEvent(decoded.right)
        expect(encoded).toEqual(json)
        const again = decodeEvent(JSON.parse(JSON.stringify(encoded)))
        expect(again).toEqual(decoded)
        expect(E.isRight(again) && canonicalJson(again.right)).toBe(canonicalJson(decoded.right))
      }),
      { numRuns: 150 },
    )
  })

  it('a history of events survives encodeHistory then decodeHistory', () => {
    fc.assert(
      fc.property(fc.uniqueArray(anyEventJson, { selector: (e) => e.id, maxLength: 20 }), (jsons) => {
        const events = jsons.map((j) => {
          const r = decodeEvent(j)
          if (E.isLeft(r)) throw new Error(JSON.stringify(r.left))
          return r.right
        })
        const r = decodeHistory(encodeHistory(events))
        expect(E.isRight(r) && r.right.map((l) => l.event)).toEqual(events satisfies DomainEvent[])
      }),
      { numRuns: 100 },
    )
  })
})

describe('decoding never throws', () => {
  it('decodeEvent returns problems for any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (u) => {
        expect(() => decodeEvent(u)).not.toThrow()
      }),
      { numRuns: 300 },
    )
  })

  it('decodeEvent returns problems for events with a field replaced by any JSON value', () => {
    fc.assert(
      fc.property(anyEventJson, fc.jsonValue(), fc.nat(), (json, value, pick) => {
        const keys = Object.keys(json.data)
        const key = keys[pick % keys.length]!
        const broken = { ...json, data: { ...json.data, [key]: value } }
        const r = decodeEvent(broken)
        // Either the replacement happened to be valid, or the problem names that field.
        if (E.isLeft(r)) expect(r.left.map((p) => p.path)).toContain(`data.${key}`)
      }),
      { numRuns: 300 },
    )
  })

  it('decodeHistory returns line errors for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        expect(() => decodeHistory(text)).not.toThrow()
      }),
      { numRuns: 300 },
    )
  })

  it('decodeHistory returns line errors for lines of any JSON', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.jsonValue().map((v) => JSON.stringify(v)), anyEventJson.map((e) => JSON.stringify(e)))), (lines) => {
        const r = decodeHistory(lines.join('\n'))
        if (E.isLeft(r)) for (const e of r.left) expect(e.problems.length).toBeGreaterThan(0)
      }),
      { numRuns: 200 },
    )
  })
})
