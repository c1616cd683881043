/**
 * Arbitraries of the branded value types of `@ansinh/core`, by brand name. The codec walker
 * ({@link arbitraryOf}) looks brands up here, so a new brand in core without an entry here fails
 * loudly the first time an event using it is generated.
 *
 * @module brands
 */
import fc from 'fast-check'
import {
  type BusinessDate,
  FORBIDDEN_CHARACTER,
  type Instant,
  type Month,
  civilToDays,
  daysToCivil,
  fromDayNumber,
} from '@ansinh/core'

// -------------------------------------------------------------------------------------------------
// calendar
// -------------------------------------------------------------------------------------------------

/** The years dates are drawn from by default: the plan years the codecs accept. */
export const DEFAULT_YEARS = { from: 1990, to: 2100 } as const

const pad2 = (n: number): string => (n < 10 ? '0' + n : String(n))

/** A business date between 1 January of `from` and 31 December of `to`, e.g. `businessDate({ from: 2020, to: 2020 })`. */
export const businessDate = (years: { from: number; to: number } = DEFAULT_YEARS): fc.Arbitrary<BusinessDate> =>
  fc.integer({ min: civilToDays(years.from, 1, 1), max: civilToDays(years.to, 12, 31) }).map(fromDayNumber)

/** A month `YYYY-MM` between January of `from` and December of `to`. */
export const month = (years: { from: number; to: number } = DEFAULT_YEARS): fc.Arbitrary<Month> =>
  fc
    .integer({ min: years.from * 12, max: years.to * 12 + 11 })
    .map((m) => `${Math.floor(m / 12)}-${pad2((m % 12) + 1)}` as Month)

/**
 * Writes epoch milliseconds as an ISO-8601 instant at a UTC offset in minutes, with or without
 * milliseconds, e.g. `formatInstant(0, 420, false)` = `1970-01-01T07:00:00+07:00`.
 */
export const formatInstant = (ms: number, offsetMinutes: number, withMillis: boolean): Instant => {
  const local = ms + offsetMinutes * 60_000
  const day = Math.floor(local / 86_400_000)
  const [y, m, d] = daysToCivil(day)
  let rest = local - day * 86_400_000
  const h = Math.floor(rest / 3_600_000)
  rest -= h * 3_600_000
  const mi = Math.floor(rest / 60_000)
  rest -= mi * 60_000
  const s = Math.floor(rest / 1000)
  const milli = rest - s * 1000
  const fraction = withMillis ? '.' + String(milli).padStart(3, '0') : ''
  const sign = offsetMinutes < 0 ? '-' : '+'
  const abs = Math.abs(offsetMinutes)
  const zone = offsetMinutes === 0 && !withMillis ? 'Z' : `${sign}${pad2(Math.floor(abs / 60))}:${pad2(abs % 60)}`
  return `${String(y).padStart(4, '0')}-${pad2(m)}-${pad2(d)}T${pad2(h)}:${pad2(mi)}:${pad2(s)}${fraction}${zone}` as Instant
}

/** Vietnam's offset, the one agencies write; other offsets appear in imported files. */
const OFFSETS = [420, 0, -300, 330, 840, -720] as const

/**
 * An instant between the given years, written at one of a few offsets (mostly +07:00), now and then
 * with the offset's colon left out (`+0700`), as ISO 8601's basic form allows and some exports write.
 */
export const instant = (years: { from: number; to: number } = DEFAULT_YEARS): fc.Arbitrary<Instant> =>
  fc
    .record({
      ms: fc.integer({
        min: civilToDays(years.from, 1, 1) * 86_400_000,
        max: civilToDays(years.to, 12, 31) * 86_400_000,
      }),
      offset: fc.constantFrom(...OFFSETS),
      withMillis: fc.boolean(),
      compact: fc.integer({ min: 0, max: 4 }).map((n) => n === 0),
    })
    .map(({ ms, offset, withMillis, compact }) => {
      const written = formatInstant(withMillis ? ms : ms - (ms % 1000), offset, withMillis)
      return (compact ? written.replace(/([+-]\d{2}):(\d{2})$/, '$1$2') : written) as Instant
    })

// -------------------------------------------------------------------------------------------------
// identifiers and text
// -------------------------------------------------------------------------------------------------

const digits = (n: number): fc.Arbitrary<string> =>
  fc.integer({ min: 0, max: 10 ** n - 1 }).map((v) => String(v).padStart(n, '0'))

// What core refuses in names and references (control, invisible and reordering characters).
const FORBIDDEN = new RegExp(FORBIDDEN_CHARACTER.source, 'gu')

/** Realistic references: agents, employers, decisions (Vietnamese, with diacritics and slashes). */
export const SAMPLE_REFERENCES = [
  'BD-PHANTHIET',
  'UBND-XA-HAMHIEP',
  '417/QĐ-UBND',
  'Công ty TNHH Hải Nam',
  'HTX Nông nghiệp Tân Lập',
  'Tổng cục Thống kê',
] as const

/** Free text of `min`–`max` code points without forbidden characters (they become `·`). */
const text = (min: number, max: number): fc.Arbitrary<string> =>
  fc.string({ unit: 'binary', minLength: min, maxLength: max }).map((s) => s.replace(FORBIDDEN, '·'))

/** A reference: 1–64 code points, no control characters; often a realistic one. */
export const reference = (): fc.Arbitrary<string> => fc.oneof(fc.constantFrom(...SAMPLE_REFERENCES), text(1, 64))

/** A unit name: 1–200 code points, not blank, no control characters. */
export const unitName = (): fc.Arbitrary<string> =>
  fc.oneof(
    fc.constantFrom('Phan Thiết', 'Hàm Thuận Bắc', 'Xã Hàm Hiệp', 'A Lưới', 'Thường Tín', 'Hải Phòng'),
    text(1, 199).map((s) => (s.trim() === '' ? 'X' + s : s)),
  )

// -------------------------------------------------------------------------------------------------
// the table
// -------------------------------------------------------------------------------------------------

/** Generators of branded values, by the brand's codec name. */
export type BrandArbitraries = Readonly<Record<string, () => fc.Arbitrary<unknown>>>

/** The arbitrary of every brand `@ansinh/core` declares, by codec name. */
export const BRAND_ARBITRARIES: BrandArbitraries = {
  BusinessDate: () => businessDate(),
  Month: () => month(),
  Instant: () => instant(),
  ParticipantId: () => digits(10),
  UnitCode: () => fc.oneof(digits(2), digits(3), digits(5)),
  Vnd: () => fc.oneof(fc.integer({ min: 1, max: 5_000_000_000 }), fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER })),
  Reference: reference,
  UnitName: unitName,
  PlanYear: () => fc.integer({ min: 1990, max: 2100 }),
  Count: () => fc.oneof(fc.integer({ min: 0, max: 100_000 }), fc.maxSafeNat()),
  PositiveCount: () =>
    fc.oneof(fc.integer({ min: 1, max: 10_000_000 }), fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER })),
  EventId: () => fc.uuid(),
  // version 2
  ParticipantIdV2: () => fc.oneof(digits(10), digits(12)),
  InsuranceNumber: () => digits(10),
  PersonalId: () => digits(12),
  /** UnitChanged keeps `parent: null` apart from an absent parent, so it is not a plain strict object. */
  UnitChanged: () =>
    fc.record(
      {
        code: fc.oneof(digits(2), digits(3), digits(5)),
        effectiveOn: businessDate(),
        name: unitName(),
        parent: fc.option(fc.oneof(digits(2), digits(3), digits(5)), { nil: null }),
        level: fc.constantFrom('province', 'district', 'commune'),
      },
      { requiredKeys: ['code', 'effectiveOn'] },
    ),
}
