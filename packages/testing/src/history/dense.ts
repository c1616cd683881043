/**
 * Edge-dense histories: rough histories tuned so that a test run hits the awkward cases often.
 * Up to 40 events over tiny pools (three participants, ten unit codes, three employers), days
 * mostly from a dozen awkward ones (29 February, year and half-year ends) or next to them,
 * "echo" events that tie with an earlier one on every key a tie-break reads, units established
 * twice or in cycles, recording instants in any order. The projections' own suites were tuned on
 * these (planted bugs — a lapse on a first day, a reversed tie-break, the 31 December boundary,
 * payment order — each made a test fail), so they stay as they are.
 *
 * @module history/dense
 */
import fc from 'fast-check'
import {
  type BusinessDate,
  type DomainEvent,
  type EventDataMap,
  type EventType,
  type Scheme,
  type UnitCode,
  dayNumber,
  fromDayNumber,
  instantMillis,
  instantOfMillis,
} from '@ansinh/core'
import { type BuiltUnits, eventIdOf, participantIdOf } from './build.js'
import type { GeneratedHistory } from './index.js'
import type { HistoryPlan, Size } from './plan.js'

/** The years every dense history and its days lie in. */
export const DENSE_YEARS = { from: 2019, to: 2021 } as const
const FIRST_DAY = 17_897 // 2019-01-01
const LAST_DAY = 18_992 // 2021-12-31
const FIRST_MS = Date.UTC(2019, 0, 1)
const LAST_MS = Date.UTC(2022, 0, 1)

/** The dozen days where boundaries bite: leap day and its neighbours, half-year and year ends. */
export const AWKWARD_DAYS: readonly BusinessDate[] = [
  '2019-06-30',
  '2019-12-31',
  '2020-01-01',
  '2020-02-28',
  '2020-02-29',
  '2020-03-01',
  '2020-06-30',
  '2020-09-30',
  '2020-12-31',
  '2021-01-01',
  '2021-02-28',
  '2021-06-30',
] as BusinessDate[]
const QUOTA_DAYS = ['2019-12-31', '2020-01-01', '2020-06-30', '2021-01-01'] as BusinessDate[]

/** The participants of dense histories. */
export const DENSE_PARTICIPANTS = [1, 2, 3].map(participantIdOf)
/** The unit codes dense histories use: provinces 10 and 11, districts, communes, and 99999 (never in a proper tree). */
export const DENSE_UNITS = ['10', '11', '101', '102', '111', '10101', '10102', '10201', '11101', '99999'] as UnitCode[]
/** The employers of dense histories. */
export const DENSE_EMPLOYERS = ['Alpha', 'Beta', 'Gamma']
/** The schemes participation events are drawn from (two, so that queries often hit). */
export const DENSE_PARTICIPATION_SCHEMES: readonly Scheme[] = ['voluntary', 'health']
/** The collection agents of dense money histories. */
export const DENSE_AGENTS = ['Bưu điện', 'HTX', 'UBND xã']
/** The schemes debts are drawn from. */
export const DENSE_DEBT_SCHEMES = ['compulsory', 'health', 'unemployment'] as const

// The proper tree of `tree: 'proper'`: every code one parent a level up (11101 sits directly under
// its province), established first; events then name communes only.
const PROPER_TREE: ReadonlyArray<readonly [string, string | undefined]> = [
  ['10', undefined],
  ['11', undefined],
  ['101', '10'],
  ['102', '10'],
  ['111', '11'],
  ['10101', '101'],
  ['10102', '101'],
  ['10201', '102'],
  ['11101', '11'],
]
const PROPER_COMMUNES = ['10101', '10102', '10201', '11101'] as UnitCode[]

/** Options of {@link denseHistory}. */
export interface DenseHistoryOptions {
  /** How many drawn events (default 0–40, lengths spread evenly), before echoes. */
  readonly events?: Size
  /**
   * `all` version-1 event types (default); `debts`: debts and settlements (with units), for dense
   * ledgers; `money`: enrolments (many through one of {@link DENSE_AGENTS}), lapses, collections and
   * revenue plans (version 2, agents-revenue), with units and populations.
   */
  readonly focus?: 'all' | 'debts' | 'money'
  /** `true` (default): up to 6 echoes tie with earlier events. `false`: no tie-break by position can matter, and recording instants are distinct. */
  readonly ties?: boolean
  /** `any` (default): units drawn like any event (twice, in cycles, never). `proper`: a fixed proper tree first, events in its communes only. */
  readonly tree?: 'any' | 'proper'
}

type Body = { [T in EventType]: { type: T; data: EventDataMap[T] } }[EventType]
const body = (type: EventType, data: unknown): Body => ({ type, data }) as Body
const pick = <A>(xs: readonly A[]): fc.Arbitrary<A> => fc.constantFrom(...xs)
const shift = (d: BusinessDate, days: number): BusinessDate => fromDayNumber(dayNumber(d) + days)
const levelOf = (code: string): string => (code.length === 2 ? 'province' : code.length === 3 ? 'district' : 'commune')

/** A day of 2019–2021, mostly an awkward one or within two days of one, so events and questions share days. */
export const awkwardDay = (): fc.Arbitrary<BusinessDate> =>
  fc.oneof(
    { arbitrary: pick(AWKWARD_DAYS), weight: 4 },
    {
      arbitrary: fc.tuple(pick(AWKWARD_DAYS), fc.integer({ min: -2, max: 2 })).map(([d, k]) => shift(d, k)),
      weight: 2,
    },
    { arbitrary: fc.integer({ min: FIRST_DAY, max: LAST_DAY }).map(fromDayNumber), weight: 1 },
  )

const bodies = (
  units: readonly UnitCode[],
  focus: 'all' | 'debts' | 'money',
  withUnits: boolean,
): fc.Arbitrary<Body> => {
  const day = awkwardDay()
  const enrolment = fc
    .record({
      participantId: pick(DENSE_PARTICIPANTS),
      scheme: pick(DENSE_PARTICIPATION_SCHEMES),
      unit: pick(units),
      coveredFrom: day,
      through: fc.oneof(fc.constant<BusinessDate | number | null>(null), day, fc.integer({ min: -3, max: 400 })),
    })
    .map(({ through, ...e }) =>
      body('ParticipantEnrolled', {
        ...e,
        coveredThrough: typeof through === 'number' ? shift(e.coveredFrom, through) : through,
      }),
    )
  const lapse = fc
    .record({ participantId: pick(DENSE_PARTICIPANTS), scheme: pick(DENSE_PARTICIPATION_SCHEMES), lapsedOn: day })
    .map((e) => body('ParticipantLapsed', { ...e, reason: 'stopped-paying' }))
  // Few distinct assignment days, so that revisions on one day (a position tie) are common.
  const quota = fc
    .record({
      unit: pick(units),
      scheme: pick(DENSE_PARTICIPATION_SCHEMES),
      year: pick([2019, 2020, 2020, 2021]),
      target: fc.integer({ min: 0, max: 6 }),
      assignedOn: fc.oneof(pick(QUOTA_DAYS), day),
    })
    .map((e) => body('QuotaAssigned', e))
  const month = fc
    .tuple(fc.integer({ min: 2018, max: 2021 }), fc.integer({ min: 1, max: 12 }))
    .map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`)
  const debt = fc
    .record({
      employer: pick(DENSE_EMPLOYERS),
      unit: pick(units),
      scheme: pick(DENSE_DEBT_SCHEMES),
      period: month,
      amount: fc.integer({ min: 1, max: 100 }),
      recordedOn: day,
    })
    .map((e) => body('DebtRecorded', e))
  const settlement = fc
    .record({
      employer: pick(DENSE_EMPLOYERS),
      scheme: pick(DENSE_DEBT_SCHEMES),
      amount: fc.integer({ min: 1, max: 150 }),
      settledOn: day,
    })
    .map((e) => body('DebtSettled', e))
  const unit = fc
    .record({
      code: pick(DENSE_UNITS),
      parent: fc.option(pick(DENSE_UNITS), { nil: undefined }),
      name: pick(['Một', 'Hai', 'Ba']),
    })
    .map(({ code, parent, name }) =>
      body('UnitEstablished', {
        code,
        name,
        level: levelOf(code),
        ...(parent === undefined ? {} : { parent }),
        establishedOn: '2000-01-01',
      }),
    )
  const population = fc
    .record({
      unit: pick(units),
      year: fc.integer({ min: 2018, max: 2022 }),
      population: fc.integer({ min: 1, max: 1000 }),
      labourForce: fc.option(fc.integer({ min: 1, max: 1000 }), { nil: undefined }),
    })
    .map(({ labourForce, ...e }) => body('PopulationEstimated', labourForce === undefined ? e : { ...e, labourForce }))
  const units_ = withUnits ? [{ arbitrary: unit, weight: focus === 'debts' ? 2 : 3 }] : []
  if (focus === 'money') {
    // renewals the day after a period, or after a gap, are what the agent kinds turn on
    const recruited = fc
      .record({
        participantId: pick(DENSE_PARTICIPANTS),
        scheme: pick(DENSE_PARTICIPATION_SCHEMES),
        unit: pick(units),
        coveredFrom: day,
        length: fc.oneof(fc.integer({ min: 0, max: 120 }), fc.integer({ min: -2, max: 400 })),
        agent: fc.option(pick(DENSE_AGENTS), { nil: undefined, freq: 3 }),
      })
      .map(({ length, agent, ...e }) =>
        body('ParticipantEnrolled', {
          ...e,
          coveredThrough: shift(e.coveredFrom, length),
          ...(agent === undefined ? {} : { agent }),
        }),
      )
    const collection = fc
      .record({
        unit: pick(units),
        scheme: pick(['voluntary', 'compulsory', 'health', 'unemployment'] as const),
        amount: fc.integer({ min: 1, max: 1000 }),
        collectedOn: day,
        agent: fc.option(pick(DENSE_AGENTS), { nil: undefined }),
      })
      .map(({ agent, ...e }) => body('ContributionCollected', agent === undefined ? e : { ...e, agent }))
    const revenuePlan = fc
      .record({
        unit: pick(units),
        year: pick([2019, 2020, 2020, 2021]),
        amount: fc.integer({ min: 0, max: 5000 }),
        assignedOn: fc.oneof(pick(QUOTA_DAYS), day),
      })
      .map((e) => body('RevenuePlanAssigned', e))
    return fc.oneof(
      { arbitrary: recruited, weight: 7 },
      { arbitrary: lapse, weight: 2 },
      { arbitrary: collection, weight: 5 },
      { arbitrary: revenuePlan, weight: 3 },
      ...units_,
      { arbitrary: population, weight: 1 },
    )
  }
  if (focus === 'debts')
    return fc.oneof({ arbitrary: debt, weight: 4 }, { arbitrary: settlement, weight: 3 }, ...units_)
  return fc.oneof(
    { arbitrary: enrolment, weight: 6 },
    { arbitrary: lapse, weight: 3 },
    { arbitrary: quota, weight: 3 },
    { arbitrary: debt, weight: 3 },
    { arbitrary: settlement, weight: 2 },
    ...units_,
    { arbitrary: population, weight: 2 },
  )
}

/** A copy of an event that ties with it on every key a tie-break reads, but differs in what the tie decides. */
const echo = (b: Body, seed: number, units: readonly UnitCode[]): Body => {
  const unit = units[seed % units.length]!
  switch (b.type) {
    case 'ParticipantEnrolled':
      return body(b.type, { ...b.data, unit })
    case 'QuotaAssigned':
      return body(b.type, { ...b.data, target: seed % 7 })
    case 'PopulationEstimated': {
      const { labourForce: _dropped, ...rest } = b.data
      return body(
        b.type,
        seed % 3 === 0
          ? { ...rest, population: 1 + (seed % 997) }
          : { ...rest, population: 1 + (seed % 997), labourForce: 1 + (seed % 499) },
      )
    }
    case 'UnitEstablished': {
      const { parent: _dropped, ...rest } = b.data
      return body(b.type, seed % 4 === 0 ? { ...rest, name: 'Bốn' } : { ...rest, name: 'Năm', parent: unit })
    }
    case 'DebtRecorded':
      return body(b.type, { ...b.data, unit, amount: 1 + (seed % 100) })
    case 'DebtSettled':
      return body(b.type, { ...b.data, amount: 1 + (seed % 150) })
    case 'ContributionCollected':
      return body(b.type, { ...b.data, unit, amount: 1 + (seed % 100) })
    case 'RevenuePlanAssigned':
      return body(b.type, { ...b.data, amount: seed % 500 })
    case 'ParticipantLapsed':
    case 'UnitChanged':
    case 'UnitDissolved':
    case 'ParticipantIdentified':
      return b
  }
}

/** The key whose repeats make a position tie-break matter (null: the event never ties). */
export const tieKeyOf = (e: { readonly type: EventType; readonly data: unknown }): string | null => {
  const b = e as Body
  switch (b.type) {
    case 'ParticipantEnrolled':
      return `enrolment|${b.data.participantId}|${b.data.scheme}|${b.data.coveredFrom}`
    case 'QuotaAssigned':
      return `quota|${b.data.unit}|${b.data.scheme}|${b.data.year}|${b.data.assignedOn}`
    case 'PopulationEstimated':
      return `population|${b.data.unit}|${b.data.year}`
    case 'UnitEstablished':
      return `unit|${b.data.code}`
    case 'DebtRecorded':
      return `debt|${b.data.employer}|${b.data.scheme}|${b.data.recordedOn}`
    case 'DebtSettled':
      return `settlement|${b.data.employer}|${b.data.scheme}|${b.data.settledOn}`
    case 'RevenuePlanAssigned':
      return `revenue-plan|${b.data.unit}|${b.data.year}|${b.data.assignedOn}`
    case 'ContributionCollected':
    case 'ParticipantLapsed':
    case 'ParticipantIdentified':
      return null
    case 'UnitChanged':
      return `unit-change|${b.data.code}|${b.data.effectiveOn}`
    case 'UnitDissolved':
      return `unit-dissolution|${b.data.code}`
  }
}

const sizeOf = (s: Size | undefined): { minLength: number; maxLength: number } =>
  s === undefined
    ? { minLength: 0, maxLength: 40 }
    : typeof s === 'number'
      ? { minLength: s, maxLength: s }
      : { minLength: s.min, maxLength: s.max }

const EMPTY_PLAN: HistoryPlan = {
  units: { provinces: 0, districts: [], communes: [] },
  participants: [],
  quotas: [],
  populations: [],
  employers: [],
}

/**
 * Edge-dense rough histories (see the module comment), as a {@link GeneratedHistory} with an empty
 * plan: `denseHistory()` for everything, `{ focus: 'debts' }` for dense ledgers, `{ ties: false }`
 * where the order of events must not matter, `{ tree: 'proper' }` where children must add up.
 */
export const denseHistory = (options: DenseHistoryOptions = {}): fc.Arbitrary<GeneratedHistory> => {
  const proper = options.tree === 'proper'
  const ties = options.ties ?? true
  const units = proper ? PROPER_COMMUNES : DENSE_UNITS
  const instant = fc.integer({ min: FIRST_MS, max: LAST_MS })
  const drawn = fc.array(fc.tuple(bodies(units, options.focus ?? 'all', !proper), instant), {
    ...sizeOf(options.events),
    size: 'max',
  })
  const echoes = ties
    ? fc.array(fc.record({ of: fc.nat(), at: fc.nat(), seed: fc.nat(), ms: instant }), { maxLength: 6 })
    : fc.constant([])
  return fc.tuple(drawn, echoes).map(([facts, extra]) => {
    let out = facts.map(([b, ms]) => ({ b, ms }))
    for (const { of, at, seed, ms } of extra) {
      if (out.length === 0) break
      out.splice(at % (out.length + 1), 0, { b: echo(out[of % out.length]!.b, seed, units), ms })
    }
    if (!ties) out = withoutTies(out)
    const tree = proper
      ? PROPER_TREE.map(([code, parent], i) => ({
          b: body('UnitEstablished', {
            code,
            name: `Đơn vị ${code}`,
            level: levelOf(code),
            ...(parent === undefined ? {} : { parent }),
            establishedOn: '2000-01-01',
          }),
          ms: FIRST_MS - 86_400_000 + i * 60_000,
        }))
      : []
    const events = [...tree, ...out].map(
      ({ b, ms }, i) => ({ id: eventIdOf(i + 1), recordedAt: instantOfMillis(ms), ...b }) as DomainEvent,
    )
    return {
      events,
      positioned: events.map((event, i) => ({ event, position: i + 1, line: i + 1 })),
      units: unitsOf(events),
      participants: DENSE_PARTICIPANTS,
      employers: DENSE_EMPLOYERS,
      plan: EMPTY_PLAN,
      years: DENSE_YEARS,
    }
  })
}

// Keeps the first event of each tie key, and moves repeated recording instants a millisecond on.
const withoutTies = <E extends { b: Body; ms: number }>(facts: readonly E[]): E[] => {
  const keys = new Set<string>()
  const instants = new Set<number>()
  const kept: E[] = []
  for (const f of facts) {
    const key = tieKeyOf(f.b)
    if (key !== null && keys.has(key)) continue
    if (key !== null) keys.add(key)
    let ms = f.ms
    while (instants.has(ms)) ms++
    instants.add(ms)
    kept.push({ ...f, ms })
  }
  return kept
}

const unitsOf = (events: readonly DomainEvent[]): BuiltUnits => {
  const parentOf = new Map<UnitCode, UnitCode>()
  const levels = new Map<string, string>()
  for (const e of events) {
    if (e.type !== 'UnitEstablished') continue
    levels.set(e.data.code, e.data.level)
    if (e.data.parent === undefined) parentOf.delete(e.data.code)
    else parentOf.set(e.data.code, e.data.parent)
  }
  const at = (level: string) => DENSE_UNITS.filter((c) => levels.get(c) === level)
  return { provinces: at('province'), districts: at('district'), communes: at('commune'), parentOf }
}

/** An as-of date for a dense history: usually on or next to a day its events name, where off-by-one errors show; else an awkward day. */
export const denseAsOf = (h: { readonly events: readonly DomainEvent[] }): fc.Arbitrary<BusinessDate> => {
  const named = [...new Set(h.events.flatMap(datesOf))]
  if (named.length === 0) return awkwardDay()
  return fc.oneof(
    { arbitrary: fc.tuple(pick(named), fc.integer({ min: -1, max: 1 })).map(([d, k]) => shift(d, k)), weight: 3 },
    { arbitrary: awkwardDay(), weight: 1 },
  )
}

/** A known-at cut-off (epoch ms) for a dense history: none, any instant of its years, or exactly one event's `recordedAt`. */
export const denseKnownAt = (h: { readonly events: readonly DomainEvent[] }): fc.Arbitrary<number | null> =>
  fc.oneof(
    fc.constant(null),
    fc.integer({ min: FIRST_MS, max: LAST_MS }),
    ...(h.events.length === 0 ? [] : [pick(h.events.map((e) => instantMillis(e.recordedAt)))]),
  )

/** The dates an event names: the days its figures can change around. */
const datesOf = (e: DomainEvent): BusinessDate[] => {
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
    case 'ContributionCollected':
      return [e.data.collectedOn]
    case 'RevenuePlanAssigned':
      return [e.data.assignedOn]
    default:
      return []
  }
}

/** A permutation of 0 … n − 1. */
export const permutation = (n: number): fc.Arbitrary<number[]> =>
  fc.shuffledSubarray(
    Array.from({ length: n }, (_, i) => i),
    { minLength: n, maxLength: n },
  )

/** The same events in another order (`order[k]` is the index of the k-th), positioned 1, 2, 3, … again. */
export const reorder = <E extends { readonly event: DomainEvent }>(
  events: readonly E[],
  order: readonly number[],
): Array<{ event: DomainEvent; position: number; line: number }> =>
  order.map((i, k) => ({ event: events[i]!.event, position: k + 1, line: k + 1 }))
