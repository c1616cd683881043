/**
 * Small fast-check arbitraries of histories and report queries for the projection property tests
 * (test code only). Pools are tiny on purpose, so histories collide: the same participant enrolled
 * twice on one day, lapses on a first day, debts settled several times, units established twice,
 * cycles in the hierarchy. Read models are defined for every well-formed history, so nothing here
 * obeys the write rules unless a test asks for it.
 */
import fc from 'fast-check'
import {
  type BusinessDate,
  type DomainEvent,
  type EventDataMap,
  type EventId,
  type EventType,
  type Instant,
  type Scheme,
  fromDayNumber,
  instantOfMillis,
} from '@ansinh/core'
import type { PositionedEvent } from '../src/index.js'

const FIRST_DAY = 17_897 // 2019-01-01
const LAST_DAY = 18_992 // 2021-12-31
const SPECIAL_DATES = [
  '2019-06-30', '2019-12-31', '2020-01-01', '2020-02-28', '2020-02-29', '2020-03-01', '2020-06-30',
  '2020-09-30', '2020-12-31', '2021-01-01', '2021-02-28', '2021-06-30',
]
const FIRST_MS = Date.UTC(2019, 0, 1)
const LAST_MS = Date.UTC(2022, 0, 1)

/** Participant ids, unit codes, employers used by the arbitraries. */
export const PARTICIPANTS = ['0000000001', '0000000002', '0000000003']
export const UNITS = ['10', '11', '101', '102', '111', '10101', '10102', '10201', '11101', '99999']
export const EMPLOYERS = ['Alpha', 'Beta', 'Gamma']
/** Schemes participation events are drawn from (two, so that queries often hit). */
export const PARTICIPATION_SCHEMES: readonly Scheme[] = ['voluntary', 'health']
const DEBT_SCHEMES = ['compulsory', 'health', 'unemployment'] as const

const shift = (d: BusinessDate, days: number): BusinessDate => {
  const [y, m, dd] = d.split('-').map(Number) as [number, number, number]
  return fromDayNumber(Date.UTC(y, m - 1, dd) / 86_400_000 + days)
}

/**
 * A business date in 2019–2021, mostly one of a dozen awkward ones (29 February, year ends), so
 * that events and queries often fall on the same day and boundaries get exercised.
 */
export const dateArb: fc.Arbitrary<BusinessDate> = fc.oneof(
  { arbitrary: fc.constantFrom(...SPECIAL_DATES).map((s) => s as BusinessDate), weight: 4 },
  { arbitrary: fc.constantFrom(...SPECIAL_DATES).chain((s) => fc.integer({ min: -2, max: 2 }).map((k) => shift(s as BusinessDate, k))), weight: 2 },
  { arbitrary: fc.integer({ min: FIRST_DAY, max: LAST_DAY }).map((n) => fromDayNumber(n)), weight: 1 },
)

/** An instant between 2019 and 2021, written with Vietnam's offset. */
export const instantArb: fc.Arbitrary<Instant> = fc.integer({ min: FIRST_MS, max: LAST_MS }).map((ms) => instantOfMillis(ms))

type Body = { [T in EventType]: { type: T; data: EventDataMap[T] } }[EventType]
const body = <T extends EventType>(type: T, data: unknown): Body => ({ type, data }) as Body

const enrolmentArb = fc
  .record({
    participantId: fc.constantFrom(...PARTICIPANTS),
    scheme: fc.constantFrom(...PARTICIPATION_SCHEMES),
    unit: fc.constantFrom(...UNITS),
    coveredFrom: dateArb,
    through: fc.oneof(
      fc.constant<BusinessDate | number | null>(null),
      dateArb,
      fc.integer({ min: -3, max: 400 }),
    ),
  })
  .map(({ through, ...e }) =>
    body('ParticipantEnrolled', { ...e, coveredThrough: typeof through === 'number' ? shift(e.coveredFrom, through) : through }),
  )

const lapseArb = fc
  .record({ participantId: fc.constantFrom(...PARTICIPANTS), scheme: fc.constantFrom(...PARTICIPATION_SCHEMES), lapsedOn: dateArb })
  .map((e) => body('ParticipantLapsed', { ...e, reason: 'stopped-paying' }))

const QUOTA_DATES = ['2019-12-31', '2020-01-01', '2020-06-30', '2021-01-01']

const quotaArb = fc
  .record({
    unit: fc.constantFrom(...UNITS),
    scheme: fc.constantFrom(...PARTICIPATION_SCHEMES),
    year: fc.constantFrom(2019, 2020, 2020, 2021),
    target: fc.integer({ min: 0, max: 6 }),
    // few distinct days, so that revisions on the same day (a position tie) are common
    assignedOn: fc.oneof(fc.constantFrom(...QUOTA_DATES).map((s) => s as BusinessDate), dateArb),
  })
  .map((e) => body('QuotaAssigned', e))

const monthArb = fc.record({ y: fc.integer({ min: 2018, max: 2021 }), m: fc.integer({ min: 1, max: 12 }) }).map(({ y, m }) => `${y}-${String(m).padStart(2, '0')}`)

const debtArb = fc
  .record({
    employer: fc.constantFrom(...EMPLOYERS),
    unit: fc.constantFrom(...UNITS),
    scheme: fc.constantFrom(...DEBT_SCHEMES),
    period: monthArb,
    amount: fc.integer({ min: 1, max: 100 }),
    recordedOn: dateArb,
  })
  .map((e) => body('DebtRecorded', e))

const settlementArb = fc
  .record({ employer: fc.constantFrom(...EMPLOYERS), scheme: fc.constantFrom(...DEBT_SCHEMES), amount: fc.integer({ min: 1, max: 150 }), settledOn: dateArb })
  .map((e) => body('DebtSettled', e))

const unitArb = fc
  .record({ code: fc.constantFrom(...UNITS), parent: fc.option(fc.constantFrom(...UNITS), { nil: undefined }), name: fc.constantFrom('Một', 'Hai', 'Ba') })
  .map(({ code, parent, name }) =>
    body('UnitEstablished', {
      code,
      name,
      level: code.length === 2 ? 'province' : code.length === 3 ? 'district' : 'commune',
      ...(parent === undefined ? {} : { parent }),
      establishedOn: '2000-01-01',
    }),
  )

const populationArb = fc
  .record({
    unit: fc.constantFrom(...UNITS),
    year: fc.integer({ min: 2018, max: 2022 }),
    population: fc.integer({ min: 1, max: 1000 }),
    labourForce: fc.option(fc.integer({ min: 1, max: 1000 }), { nil: undefined }),
  })
  .map(({ labourForce, ...e }) => body('PopulationEstimated', labourForce === undefined ? e : { ...e, labourForce }))

/** Any event body, participation events more often. */
export const bodyArb: fc.Arbitrary<Body> = fc.oneof(
  { arbitrary: enrolmentArb, weight: 6 },
  { arbitrary: lapseArb, weight: 3 },
  { arbitrary: quotaArb, weight: 3 },
  { arbitrary: debtArb, weight: 3 },
  { arbitrary: settlementArb, weight: 2 },
  { arbitrary: unitArb, weight: 3 },
  { arbitrary: populationArb, weight: 2 },
)

/** Debt-only event bodies (with units to place them), for tests that need dense ledgers. */
export const debtBodyArb: fc.Arbitrary<Body> = fc.oneof(
  { arbitrary: debtArb, weight: 4 },
  { arbitrary: settlementArb, weight: 3 },
  { arbitrary: unitArb, weight: 2 },
)

/** Wraps bodies into events with ids and recording instants, positioned 1, 2, 3, … */
export const toHistory = (bodies: readonly Body[], recordedAt: readonly Instant[]): PositionedEvent[] =>
  bodies.map((b, i) => ({
    event: { id: `00000000-0000-4000-8000-${(i + 1).toString(16).padStart(12, '0')}` as EventId, recordedAt: recordedAt[i]!, ...b } as DomainEvent,
    position: i + 1,
  }))

/**
 * A copy of an event that ties with it on every key a tie-break looks at (same participant, scheme
 * and coveredFrom; same quota key and assignedOn; …) but differs in what the tie decides.
 */
const echo = (b: Body, seed: number): Body => {
  const unit = UNITS[seed % UNITS.length]!
  switch (b.type) {
    case 'ParticipantEnrolled':
      return body(b.type, { ...b.data, unit })
    case 'QuotaAssigned':
      return body(b.type, { ...b.data, target: seed % 7 })
    case 'PopulationEstimated': {
      const { labourForce: _dropped, ...rest } = b.data
      return body(b.type, seed % 3 === 0 ? { ...rest, population: 1 + (seed % 997) } : { ...rest, population: 1 + (seed % 997), labourForce: 1 + (seed % 499) })
    }
    case 'UnitEstablished': {
      const { parent: _dropped, ...rest } = b.data
      return body(b.type, seed % 4 === 0 ? { ...rest, name: 'Bốn' } : { ...rest, name: 'Năm', parent: unit })
    }
    case 'DebtRecorded':
      return body(b.type, { ...b.data, unit, amount: 1 + (seed % 100) })
    case 'DebtSettled':
      return body(b.type, { ...b.data, amount: 1 + (seed % 150) })
    case 'ParticipantLapsed':
      return b
  }
}

/** A random history of up to `max` events plus a few echoes (ties), recording instants in any order. */
export const historyArb = (max = 40, bodies: fc.Arbitrary<Body> = bodyArb): fc.Arbitrary<PositionedEvent[]> =>
  fc
    .tuple(
      fc.array(bodies, { maxLength: max, size: 'max' }),
      fc.array(fc.record({ of: fc.nat(), at: fc.nat(), seed: fc.nat() }), { maxLength: 6 }),
    )
    .map(([bodies, echoes]) => {
      const out = [...bodies]
      for (const { of, at, seed } of echoes) {
        if (out.length === 0) break
        out.splice(at % (out.length + 1), 0, echo(out[of % out.length]!, seed))
      }
      return out
    })
    .chain((bodies) => fc.array(instantArb, { minLength: bodies.length, maxLength: bodies.length }).map((at) => toHistory(bodies, at)))

/** A known-at cut: none, any instant, or exactly the instant of one of the events. */
export const knownAtArb = (events: readonly PositionedEvent[]): fc.Arbitrary<number | null> =>
  fc.oneof(
    fc.constant(null),
    fc.integer({ min: FIRST_MS, max: LAST_MS }),
    ...(events.length === 0 ? [] : [fc.constantFrom(...events.map((e) => Date.parse(e.event.recordedAt)))]),
  )

/** A unit for a query: national or one of the pool (some never established). */
export const queryUnitArb: fc.Arbitrary<string | null> = fc.option(fc.constantFrom(...UNITS), { nil: null })

/** The keys whose equality makes a position tie-break matter; a history without ties has each once. */
const tieKey = (e: DomainEvent): string | null => {
  switch (e.type) {
    case 'ParticipantEnrolled':
      return `enrolment|${e.data.participantId}|${e.data.scheme}|${e.data.coveredFrom}`
    case 'QuotaAssigned':
      return `quota|${e.data.unit}|${e.data.scheme}|${e.data.year}|${e.data.assignedOn}`
    case 'PopulationEstimated':
      return `population|${e.data.unit}|${e.data.year}`
    case 'UnitEstablished':
      return `unit|${e.data.code}`
    case 'DebtRecorded':
      return `debt|${e.data.employer}|${e.data.scheme}|${e.data.recordedOn}`
    case 'DebtSettled':
      return `settlement|${e.data.employer}|${e.data.scheme}|${e.data.settledOn}`
    case 'ParticipantLapsed':
      return null
  }
}

/** A random history in which no tie-break by position can matter, with distinct recording instants. */
export const historyWithoutTiesArb = (max = 40): fc.Arbitrary<PositionedEvent[]> =>
  fc.array(bodyArb, { maxLength: max, size: 'max' }).chain((bodies) => {
    const seen = new Set<string>()
    const kept = bodies.filter((b) => {
      const key = tieKey(b as DomainEvent)
      if (key === null) return true
      if (seen.has(key)) return false
      seen.add(key)
      return true
    })
    return fc
      .uniqueArray(fc.integer({ min: FIRST_MS, max: LAST_MS }), { minLength: kept.length, maxLength: kept.length })
      .map((ms) => toHistory(kept, ms.map((m) => instantOfMillis(m))))
  })

/** The same events in another order, positioned 1, 2, 3, … again. */
export const reorder = (events: readonly PositionedEvent[], order: readonly number[]): PositionedEvent[] =>
  order.map((i, k) => ({ event: events[i]!.event, position: k + 1 }))

/** A permutation of 0 … n − 1. */
export const permutationArb = (n: number): fc.Arbitrary<number[]> =>
  fc.shuffledSubarray(Array.from({ length: n }, (_, i) => i), { minLength: n, maxLength: n })

/** The dates an event names (the days its figures can change around). */
const datesOf = (e: DomainEvent): string[] => {
  switch (e.type) {
    case 'ParticipantEnrolled':
      return e.data.coveredThrough == null ? [e.data.coveredFrom] : [e.data.coveredFrom, e.data.coveredThrough]
    case 'ParticipantLapsed':
      return [e.data.lapsedOn]
    case 'QuotaAssigned':
      return [e.data.assignedOn]
    case 'DebtRecorded':
      return [e.data.recordedOn]
    case 'DebtSettled':
      return [e.data.settledOn]
    default:
      return []
  }
}

/** An as-of date, usually on or next to a day the history names, where off-by-one errors show. */
export const asOfArb = (events: readonly PositionedEvent[]): fc.Arbitrary<BusinessDate> => {
  const named = [...new Set(events.flatMap(({ event }) => datesOf(event)))] as BusinessDate[]
  if (named.length === 0) return dateArb
  return fc.oneof(
    { arbitrary: fc.tuple(fc.constantFrom(...named), fc.integer({ min: -1, max: 1 })).map(([d, k]) => shift(d, k)), weight: 3 },
    { arbitrary: dateArb, weight: 1 },
  )
}
