import fc from 'fast-check'
import { DateTime } from 'luxon'
import { describe, expect, it } from 'vitest'
import {
  ZONE,
  dayNumber,
  endOfBusinessDay,
  fromDayNumber,
  instantMillis,
  instantOfMillis,
  isBusinessDate,
  parseKnownAt,
  sameDateLastYear,
} from './values.js'

// The hot-path calendar code is hand-written for speed; luxon is the oracle.
const day = fc.integer({ min: -30_000, max: 80_000 }) // 1887 … 2189: both edges of the date range

describe('calendar arithmetic agrees with luxon', () => {
  it('fromDayNumber / dayNumber are inverse and match luxon', () => {
    fc.assert(
      fc.property(day, (n) => {
        const d = fromDayNumber(n)
        expect(d).toBe(DateTime.fromMillis(n * 86_400_000, { zone: 'UTC' }).toISODate())
        expect(dayNumber(d)).toBe(n)
        // Every real day is a business date exactly when it falls in 1900-01-01 … 2100-12-31.
        expect(isBusinessDate(d)).toBe(d >= '1900-01-01' && d <= '2100-12-31')
      }),
      { numRuns: 500 },
    )
  })

  it('isBusinessDate accepts exactly the days luxon accepts', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1900, max: 2100 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
        (y, m, d) => {
          const s = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`
          expect(isBusinessDate(s)).toBe(DateTime.fromISO(s, { zone: 'UTC' }).isValid)
        },
      ),
      { numRuns: 1000 },
    )
  })

  it('instantMillis matches luxon for instants with offsets', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 4_102_444_800_000 }),
        fc.integer({ min: -12 * 60, max: 14 * 60 }).map((m) => m - (m % 15)),
        (ms, offset) => {
          const iso = DateTime.fromMillis(ms, { zone: 'UTC' })
            .setZone(
              offset === 0
                ? 'UTC'
                : `UTC${offset > 0 ? '+' : '-'}${Math.floor(Math.abs(offset) / 60)}:${String(Math.abs(offset) % 60).padStart(2, '0')}`,
            )
            .toISO()!
          expect(instantMillis(iso)).toBe(ms)
        },
      ),
      { numRuns: 500 },
    )
  })

  it('rejects malformed instants', () => {
    for (const s of [
      '2020-02-30T00:00:00Z',
      '2020-01-01T24:00:00Z',
      '2020-01-01T10:00:00',
      '2020-01-01 10:00:00Z',
      '2020-01-01T10:00:00+19:00',
      'x',
    ])
      expect(instantMillis(s)).toBeNaN()
    expect(instantMillis('2020-03-02T09:15:00.123456+07:00')).toBe(Date.UTC(2020, 2, 2, 2, 15, 0, 123))
  })

  // The parsers read characters, not a regex; the regexes below are the grammar they replaced, with
  // the range checks written as before. Strings are built from the grammar's pieces and then cut,
  // doubled or given a stray character, so that most are near misses.
  const INSTANT_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})$/
  const byRegex = (s: string): number => {
    const m = INSTANT_RE.exec(s)
    if (m === null) return NaN
    const [y, mo, d, h, mi] = [1, 2, 3, 4, 5].map((i) => +m[i]!) as [number, number, number, number, number]
    const se = m[6] === undefined ? 0 : +m[6]
    if (mo < 1 || mo > 12 || d < 1 || d > new Date(Date.UTC(y, mo, 0)).getUTCDate() || h > 23 || mi > 59 || se > 59)
      return NaN
    const ms = m[7] === undefined ? 0 : +m[7].padEnd(3, '0').slice(0, 3)
    const z = m[8]!
    let offset = 0
    if (z !== 'Z') {
      const dd = z.replace(':', '')
      const oh = +dd.slice(1, 3),
        om = +dd.slice(3, 5)
      if (oh > 18 || om > 59) return NaN
      offset = (z[0] === '-' ? -1 : 1) * (oh * 60 + om)
    }
    const date = new Date(0)
    date.setUTCFullYear(y, mo - 1, d)
    return date.getTime() + ((h * 60 + mi - offset) * 60 + se) * 1000 + ms
  }
  const dateByRegex = (s: string): boolean => {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s)
    if (m === null) return false
    const y = +m[1]!,
      mo = +m[2]!,
      d = +m[3]!
    return y >= 1900 && y <= 2100 && mo >= 1 && mo <= 12 && d >= 1 && d <= new Date(Date.UTC(y, mo, 0)).getUTCDate()
  }
  const digitsOf = (min: number, max: number) => fc.stringMatching(new RegExp(`^[0-9]{${min},${max}}$`))
  // mostly in range, so that the valid instants (fractions, offsets) are well covered too
  const field = (min: number, max: number, width: number) =>
    fc.oneof(
      { weight: 4, arbitrary: fc.integer({ min, max }).map((n) => String(n).padStart(width, '0')) },
      { weight: 1, arbitrary: digitsOf(width, width) },
    )
  const piece = fc.oneof(
    digitsOf(1, 4),
    fc.constantFrom('-', 'T', ':', '.', ',', 'Z', '+', '-', ' ', 'a', '\u0661', '０'),
  )
  const nearMiss = (valid: fc.Arbitrary<string>) =>
    fc.oneof(
      valid,
      fc.tuple(valid, fc.nat(), fc.string({ maxLength: 2 })).map(([s, at, x]) => s.slice(0, at % (s.length + 1)) + x),
      fc
        .tuple(valid, fc.nat(), piece)
        .map(([s, at, x]) => s.slice(0, at % (s.length + 1)) + x + s.slice(at % (s.length + 1))),
      fc.tuple(valid, fc.nat()).map(([s, at]) => s.slice(0, at % s.length) + s.slice((at % s.length) + 1)),
      fc.array(piece, { maxLength: 12 }).map((p) => p.join('')),
    )
  const instant = fc
    .tuple(
      field(1890, 2110, 4),
      field(1, 12, 2),
      field(1, 31, 2),
      field(0, 23, 2),
      field(0, 59, 2),
      fc.option(fc.tuple(field(0, 59, 2), fc.option(fc.tuple(fc.constantFrom('.', ','), digitsOf(1, 10))))),
      fc.oneof(
        fc.constant('Z'),
        fc
          .tuple(fc.constantFrom('+', '-'), field(0, 19, 2), fc.constantFrom(':', ''), field(0, 59, 2))
          .map((z) => z.join('')),
      ),
    )
    .map(
      ([y, mo, d, h, mi, sec, z]) =>
        `${y}-${mo}-${d}T${h}:${mi}${sec === null ? '' : `:${sec[0]}${sec[1] === null ? '' : sec[1].join('')}`}${z}`,
    )
  const date = fc.tuple(field(1890, 2110, 4), field(1, 12, 2), field(1, 31, 2)).map((p) => p.join('-'))

  it('instantMillis reads exactly the instants of its grammar, to the millisecond', () => {
    fc.assert(
      fc.property(nearMiss(instant), (s) => {
        expect(instantMillis(s)).toBe(byRegex(s))
      }),
      { numRuns: 5000 },
    )
  })

  it('isBusinessDate reads exactly the dates of its grammar', () => {
    fc.assert(
      fc.property(nearMiss(date), (s) => {
        expect(isBusinessDate(s)).toBe(dateByRegex(s))
      }),
      { numRuns: 5000 },
    )
    for (const s of [undefined, null, 20200101, ['2020-01-01']]) expect(isBusinessDate(s)).toBe(false)
  })

  // Both take a fixed +07:00 from 1976 on and ask the tz database before: the offsets of 1900–1975
  // (+07:06:40, +07, +08, +09) and the edges of the fixed span are where a shortcut would slip.
  const edgeDay = fc.constantFrom('1900-01-01', '1975-06-12', '1975-06-13', '1975-12-31', '1976-01-01', '2100-12-31')
  const businessDay = fc.oneof(
    day.map(fromDayNumber).filter((d) => isBusinessDate(d)),
    edgeDay,
  )

  it('endOfBusinessDay is the last millisecond of that local day, as luxon reads the tz database', () => {
    fc.assert(
      fc.property(businessDay, (d) => {
        expect(endOfBusinessDay(d as never)).toBe(DateTime.fromISO(d, { zone: ZONE }).endOf('day').toMillis())
      }),
      { numRuns: 400 },
    )
  })

  it('instantOfMillis writes what luxon writes in Vietnam, to the millisecond', () => {
    const ms = fc.oneof(
      fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2100, 11, 31, 23, 59, 59, 999) }),
      businessDay.chain((d) => fc.integer({ min: -2, max: 2 }).map((k) => endOfBusinessDay(d as never) + k)),
    )
    fc.assert(
      fc.property(ms, (t) => {
        const written = instantOfMillis(t)
        expect(written).toBe(DateTime.fromMillis(t, { zone: ZONE }).toISO({ suppressMilliseconds: false }))
        // Read back exactly, except under the +07:06:40 of 1906–1911, which an ISO offset can only
        // write to the minute (luxon writes +07:06).
        if (!written.endsWith('+07:06')) expect(instantMillis(written)).toBe(t)
      }),
      { numRuns: 1000 },
    )
  })

  it('a date cut-off means the end of that day in Vietnam', () => {
    expect(endOfBusinessDay('2020-10-05' as never)).toBe(
      DateTime.fromISO('2020-10-05T23:59:59.999', { zone: ZONE }).toMillis(),
    )
    expect(parseKnownAt('2020-10-05')).toBe(Date.UTC(2020, 9, 5, 16, 59, 59, 999))
    expect(parseKnownAt('2020-10-05T08:00:00Z')).toBe(Date.UTC(2020, 9, 5, 8))
    expect(parseKnownAt('2020-13-05')).toBeNull()
  })

  it('sameDateLastYear turns 29 February into 28 February', () => {
    expect(sameDateLastYear('2024-02-29' as never)).toBe('2023-02-28')
    expect(sameDateLastYear('2020-09-30' as never)).toBe('2019-09-30')
  })
})
