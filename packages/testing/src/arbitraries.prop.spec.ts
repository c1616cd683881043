import fc from 'fast-check'
import * as t from 'io-ts'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { EVENT_TYPES, SCHEMAS, decodeEvent, encodeEvent, instantMillis, strict, optional, nullable } from '@ansinh/core'
import { COMMAND_TYPES, EVENT_OF_COMMAND, VALUE_CODECS, VALUE_NAMES, arbitraries } from './arbitraries.js'
import * as core from '@ansinh/core'
import { BRAND_ARBITRARIES, formatInstant } from './brands.js'
import { UnsupportedCodec, arbitraryOf } from './codec.js'

const RUNS = { numRuns: 200 }

describe('arbitraries derived from the codecs', () => {
  it.each(VALUE_NAMES)('every generated %s decodes with its codec', (name) => {
    const codec = VALUE_CODECS[name] as t.Mixed
    fc.assert(
      fc.property(arbitraries.value(name), (v) => E.isRight(codec.decode(v))),
      RUNS,
    )
  })

  it.each(EVENT_TYPES)('every generated %s data decodes with its codec and encodes back the same', (type) => {
    const codec = SCHEMAS[type].codec
    fc.assert(
      fc.property(arbitraries.eventData(type), (data) => {
        const decoded = codec.decode(JSON.parse(JSON.stringify(data)))
        expect(decoded).toEqual(E.right(data))
      }),
      RUNS,
    )
  })

  it.each(EVENT_TYPES)('every generated %s event survives the NDJSON round trip', (type) => {
    fc.assert(
      fc.property(arbitraries.event(type), (event) => {
        expect(event.type).toBe(type)
        expect(decodeEvent(JSON.parse(JSON.stringify(encodeEvent(event))))).toEqual(E.right(event))
      }),
      RUNS,
    )
  })

  it('optional fields are sometimes present and sometimes absent, nullable ones sometimes null', () => {
    const samples = fc.sample(arbitraries.eventData('ParticipantEnrolled'), { numRuns: 300, seed: 7 })
    expect(samples.some((d) => d.agent !== undefined)).toBe(true)
    expect(samples.some((d) => !('agent' in d))).toBe(true)
    expect(samples.some((d) => d.coveredThrough === null)).toBe(true)
    expect(samples.some((d) => d.coveredThrough !== null)).toBe(true)
  })

  it.each(COMMAND_TYPES)('every generated %s command carries well-formed data of its event', (type) => {
    const eventType = EVENT_OF_COMMAND[type]
    fc.assert(
      fc.property(arbitraries.command(type), (command) => {
        expect(command.type).toBe(type)
        const event = {
          id: command.id,
          type: eventType,
          recordedAt: command.recordedAt ?? '2020-01-01T00:00:00Z',
          data: command.data,
        }
        expect(E.isRight(decodeEvent(JSON.parse(JSON.stringify(event))))).toBe(true)
      }),
      RUNS,
    )
  })

  it('knows every brand and every keyof codec core exports', () => {
    const codecs = Object.entries(core).filter(([, v]) => v instanceof t.Type) as Array<
      [string, t.Mixed & { _tag?: string }]
    >
    const brands = codecs.filter(([, c]) => c._tag === 'RefinementType').map(([, c]) => c.name)
    expect(brands.length).toBeGreaterThanOrEqual(12)
    expect(brands.filter((name) => BRAND_ARBITRARIES[name] === undefined)).toEqual([])
    const named = codecs
      .filter(([, c]) => c._tag === 'RefinementType' || c._tag === 'KeyofType')
      .map(([, c]) => c.name)
      .sort()
    expect(named.filter((name) => !(VALUE_NAMES as string[]).includes(name))).toEqual([])
  })

  it('an unknown brand fails loudly instead of generating the wrong thing', () => {
    interface ShoeSizeBrand {
      readonly ShoeSize: unique symbol
    }
    const ShoeSize = t.brand(t.number, (n): n is t.Branded<number, ShoeSizeBrand> => n > 30, 'ShoeSize')
    const Shoe = strict('Shoe', { size: ShoeSize })
    expect(() => arbitraryOf(Shoe)).toThrow(UnsupportedCodec)
    expect(() => arbitraryOf(Shoe)).toThrow(/ShoeSize/)
    const sizes = arbitraryOf(Shoe, { brands: { ShoeSize: () => fc.integer({ min: 31, max: 50 }) } })
    fc.assert(
      fc.property(sizes, (shoe) => E.isRight(Shoe.decode(shoe))),
      { numRuns: 50 },
    )
  })

  it('walks the plain io-ts combinators too', () => {
    const Note = strict('Note', {
      text: t.string,
      tags: t.array(t.union([t.literal('a'), t.literal('b')])),
      meta: optional(t.type({ ok: t.boolean, size: t.number })),
      parent: nullable(t.partial({ id: t.string })),
    })
    fc.assert(
      fc.property(arbitraryOf(Note), (note) => E.isRight(Note.decode(note))),
      { numRuns: 100 },
    )
  })

  it('formats instants that denote the same millisecond at every offset', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 4_102_444_800_000 }),
        fc.integer({ min: -720, max: 840 }),
        fc.boolean(),
        (ms, offset, withMillis) => {
          const exact = withMillis ? ms : ms - (ms % 1000)
          expect(instantMillis(formatInstant(exact, offset, withMillis))).toBe(exact)
        },
      ),
      RUNS,
    )
  })
})
