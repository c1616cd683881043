import * as E from 'fp-ts/lib/Either.js'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { arbitraries } from '@ansinh/testing'
import { canonicalJson, decodeEvent, encodeEvent } from './decode.js'
import { type DomainEvent, EVENT_TYPES, type EventType } from './events.js'
import { decodeHistory, encodeHistory } from './ndjson.js'

// Well-formed events come from the testing kit, which derives them from these very codecs (optional
// fields absent rather than undefined, brands in every written form the codecs accept). They are
// plain JSON values, so they serve as the text a file would hold.

/** A JSON value of an event of `type`. */
const eventJson = (
  type: EventType,
): fc.Arbitrary<Record<string, unknown> & { id: string; data: Record<string, unknown> }> =>
  arbitraries.event(type) as unknown as fc.Arbitrary<
    Record<string, unknown> & { id: string; data: Record<string, unknown> }
  >

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
      fc.property(
        fc.array(
          fc.oneof(
            fc.jsonValue().map((v) => JSON.stringify(v)),
            anyEventJson.map((e) => JSON.stringify(e)),
          ),
        ),
        (lines) => {
          const r = decodeHistory(lines.join('\n'))
          if (E.isLeft(r)) for (const e of r.left) expect(e.problems.length).toBeGreaterThan(0)
        },
      ),
      { numRuns: 200 },
    )
  })
})
