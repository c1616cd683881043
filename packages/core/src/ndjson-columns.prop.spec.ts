import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { arbitraries } from '@ansinh/testing'
import type { DomainEvent } from './events.js'
import { EVENT_TYPES } from './events.js'
import { ColumnDecoder, type ColumnSink } from './ndjson-columns.js'
import { type LineEvent, HistoryDecoder, encodeLine } from './ndjson.js'

/** A sink that rebuilds the events the fast path read, so both paths can be compared as events. */
const collecting = (): { sink: ColumnSink; events: LineEvent[] } => {
  const events: LineEvent[] = []
  const sink: ColumnSink = {
    enrolment: (
      position,
      line,
      id,
      recordedAt,
      participantId,
      scheme,
      unit,
      coveredFrom,
      coveredThrough,
      agent,
      employer,
    ) => {
      const data = {
        participantId,
        scheme,
        unit,
        coveredFrom,
        coveredThrough,
        ...(agent === undefined ? {} : { agent }),
        ...(employer === undefined ? {} : { employer }),
      }
      events.push({
        event: { id, type: 'ParticipantEnrolled', recordedAt, data } as unknown as DomainEvent,
        position,
        line,
      })
    },
    lapse: (position, line, id, recordedAt, participantId, scheme, lapsedOn, reason) => {
      events.push({
        event: {
          id,
          type: 'ParticipantLapsed',
          recordedAt,
          data: { participantId, scheme, lapsedOn, reason },
        } as unknown as DomainEvent,
        position,
        line,
      })
    },
    event: (e) => events.push(e),
  }
  return { sink, events }
}

const both = (lines: readonly string[]) => {
  const full = new HistoryDecoder()
  const { sink, events } = collecting()
  const columns = new ColumnDecoder(sink)
  for (const l of lines) {
    full.push(l)
    columns.push(l)
  }
  return {
    full: { events: full.events, errors: full.errors },
    columns: { events, errors: columns.errors },
    fast: columns.fast,
  }
}

// Enrolments and lapses most of the time: the layout the fast path reads.
const eventArb = fc.oneof(
  { weight: 4, arbitrary: arbitraries.event('ParticipantEnrolled') },
  { weight: 2, arbitrary: arbitraries.event('ParticipantLapsed') },
  { weight: 1, arbitrary: fc.constantFrom(...EVENT_TYPES).chain((t) => arbitraries.event(t)) },
) as fc.Arbitrary<DomainEvent>

/** Ways a canonical line is changed: each must give what the full path gives, valid or not. */
const mutate = (line: string, how: number, at: number, ch: string): string => {
  const i = line.length === 0 ? 0 : at % line.length
  switch (how) {
    case 0:
      return line.slice(0, i) + line.slice(i + 1) // a character lost
    case 1:
      return line.slice(0, i) + ch + line.slice(i) // a character added
    case 2:
      return line.slice(0, i) + ch + line.slice(i + 1) // a character replaced
    case 3:
      return line.replace('"scheme":', '"scheme":"health","scheme":') // a repeated key
    case 4:
      return line.replace('{"id"', '{ "id"') // whitespace
    case 5:
      return '\uFEFF' + line // a byte-order mark
    case 6:
      return line + ' ' // trailing space
    case 7:
      return line.replace('"data":{', '"data":{"extra":1,') // an unknown key
    case 8:
      return line.replace(/"coveredFrom":"\d{4}/, '"coveredFrom":"1899') // a year out of range
    case 9:
      return line.replace(/"participantId":"(\d)/, '"participantId":"\\u003$1') // an escape
    case 10:
      return line.replace('"agent":"', '"agent":"\u202e') // an invisible format character
    case 11:
      return line.replace(/,"coveredThrough":null/, '') // the nullable field left out
    default:
      return line
  }
}

const lineArb = fc.oneof(
  { weight: 3, arbitrary: eventArb.map(encodeLine) },
  {
    weight: 3,
    arbitrary: fc
      .tuple(eventArb, fc.nat(11), fc.nat(400), fc.constantFrom('"', '\\', '}', ',', 'x', '1', ' ', 'é', '\u0000', '{'))
      .map(([e, how, at, ch]) => mutate(encodeLine(e), how, at, ch)),
  },
  { weight: 1, arbitrary: fc.constantFrom('', '   ', 'not json', '{}', '[]', 'null') },
)

describe('ColumnDecoder (differential against HistoryDecoder)', () => {
  it('gives the same events, positions, lines and errors as the full path, for valid and mutated lines', () => {
    fc.assert(
      fc.property(fc.array(lineArb, { maxLength: 12 }), (lines) => {
        const { full, columns } = both(lines)
        expect(columns.errors).toEqual(full.errors)
        expect(columns.events).toEqual(full.events)
      }),
      { numRuns: 400 },
    )
  })

  it('treats a repeated id like the full path: one event for the same content, an error for other content', () => {
    fc.assert(
      fc.property(
        fc.array(eventArb, { minLength: 1, maxLength: 5 }),
        fc.array(fc.nat(20), { minLength: 1, maxLength: 6 }),
        fc.boolean(),
        (events, picks, change) => {
          const lines = events.map(encodeLine)
          for (const k of picks) {
            const e = events[k % events.length]!
            const again = change && k % 2 === 0 ? { ...e, recordedAt: `2001-01-0${1 + (k % 3)}T00:00:00Z` } : e
            // odd picks repeat through the full path (a space before the brace), even ones as written
            lines.push(k % 4 === 1 ? ' ' + encodeLine(again as DomainEvent) : encodeLine(again as DomainEvent))
          }
          const { full, columns } = both(lines)
          expect(columns.errors).toEqual(full.errors)
          expect(columns.events).toEqual(full.events)
        },
      ),
      { numRuns: 200 },
    )
  })

  it('counts a line that is not text like the full path, and keeps numbering after it', () => {
    const { sink, events } = collecting()
    const columns = new ColumnDecoder(sink)
    const full = new HistoryDecoder()
    const p = { path: '', message: 'not UTF-8 at byte 3', value: undefined } as never
    for (const d of [columns, full]) {
      d.pushUnreadable(p)
      d.push('\uFEFF{}')
    }
    expect(columns.errors).toEqual(full.errors)
    expect(columns.errors.map((e) => e.line)).toEqual([1, 2])
    expect(events).toEqual([])
  })

  it("reads the library's own enrolment and lapse lines by the fast path", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            arbitraries.event('ParticipantEnrolled'),
            arbitraries.event('ParticipantLapsed'),
          ) as fc.Arbitrary<DomainEvent>,
          { minLength: 1, maxLength: 8 },
        ),
        (events) => {
          const lines = events.map(encodeLine)
          const ascii = lines.filter((l) => /^[\x20-\x7e]*$/.test(l) && !l.includes('\\'))
          const { fast, full } = both(ascii)
          expect(fast).toBe(full.events.length)
        },
      ),
      { numRuns: 100 },
    )
  })
})
