import fc from 'fast-check'
import { DateTime } from 'luxon'
import { describe, expect, it } from 'vitest'
import {
  ZONE,
  dayNumber,
  endOfBusinessDay,
  fromDayNumber,
  instantMillis,
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
