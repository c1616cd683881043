/**
 * Histories with a reform (geography.md, version 2): a small two-province geography that, on
 * random days, gets merges (units dissolved into an existing unit or into a unit established
 * later), moves (UnitChanged of a parent: a commune placed under its province when its district
 * goes), renames, level changes, chains and cycles of successors, and participants who are named by
 * a 12-digit personal id as well as a 10-digit number, joined by ParticipantIdentified links.
 * Events are well-formed but need not obey the write rules (like rough histories), so the read
 * models' definitions are exercised on every shape, recorded in any order.
 *
 * @module history/reform
 */
import fc from 'fast-check'
import {
  type BusinessDate,
  type DomainEvent,
  type EventDataMap,
  type ParticipantId,
  type Scheme,
  type UnitCode,
  civilToDays,
  fromDayNumber,
} from '@ansinh/core'
import { formatInstant } from '../brands.js'
import { type BuiltUnits, eventIdOf, participantIdOf } from './build.js'
import type { GeneratedHistory } from './index.js'
import type { HistoryPlan, Size } from './plan.js'

/** Options of {@link reformHistory}. */
export interface ReformHistoryOptions {
  /** How many events besides the units and the reform (default 0–30). */
  readonly events?: Size
  /** How many reform events (changes, dissolutions, late establishments, links; default 0–8). */
  readonly reforms?: Size
  /** The years the days fall in (default 2024–2026). */
  readonly years?: { readonly from: number; readonly to: number }
}

const unit = (code: string, name: string, level: string, parent?: string): EventDataMap['UnitEstablished'] =>
  ({
    code,
    name,
    level,
    ...(parent === undefined ? {} : { parent }),
    establishedOn: '2000-01-01',
  }) as unknown as EventDataMap['UnitEstablished']

/** The geography before the reform: two provinces, a district each, three communes under districts, one under its province. */
const BEFORE: ReadonlyArray<EventDataMap['UnitEstablished']> = [
  unit('30', 'Hải Dương', 'province'),
  unit('31', 'Hải Phòng', 'province'),
  unit('300', 'Huyện 300', 'district', '30'),
  unit('310', 'Huyện 310', 'district', '31'),
  unit('30000', 'Xã 30000', 'commune', '300'),
  unit('30001', 'Xã 30001', 'commune', '300'),
  unit('31000', 'Xã 31000', 'commune', '310'),
  unit('31001', 'Xã 31001', 'commune', '31'),
]
/** A province established later (the "new unit" of a merge), and a code nobody establishes. */
const NEW_UNIT = '32'
const NOBODY = '39'
/** Every code a reform history names. */
export const REFORM_UNITS: readonly string[] = [...BEFORE.map((u) => u.code as string), NEW_UNIT, NOBODY, '32000']
const COMMUNES = ['30000', '30001', '31000', '31001', '32000', NOBODY] as UnitCode[]
const INSURANCE_NUMBERS = [1, 2, 3].map(participantIdOf)
const PERSONAL_IDS = ['000000000001', '000000000002'] as ParticipantId[]
const IDS = [...INSURANCE_NUMBERS, ...PERSONAL_IDS]
const SCHEMES: readonly Scheme[] = ['voluntary', 'compulsory']
const EMPLOYERS = ['Công ty A', 'Công ty B']

const EMPTY_PLAN: HistoryPlan = {
  units: { provinces: 0, districts: [], communes: [] },
  participants: [],
  quotas: [],
  populations: [],
  employers: [],
}

const sizeOf = (s: Size | undefined, max: number): { minLength: number; maxLength: number } =>
  s === undefined
    ? { minLength: 0, maxLength: max }
    : typeof s === 'number'
      ? { minLength: s, maxLength: s }
      : { minLength: s.min, maxLength: s.max }

const dropUndefined = (data: unknown): unknown =>
  Object.fromEntries(Object.entries(data as Record<string, unknown>).filter(([, v]) => v !== undefined))

/**
 * Histories with reform events, as a {@link GeneratedHistory} (its `plan` is empty), e.g. to
 * compare an indexed report with its naive reference on maps of any day:
 * `fc.property(reformHistory(), (h) => …)`. The reform's days cluster on 1 July of the middle year.
 */
export const reformHistory = (options: ReformHistoryOptions = {}): fc.Arbitrary<GeneratedHistory> => {
  const years = options.years ?? { from: 2024, to: 2026 }
  const first = civilToDays(years.from, 1, 1)
  const last = civilToDays(years.to, 12, 31)
  const reformDay = civilToDays(Math.floor((years.from + years.to) / 2), 7, 1)
  const day = fc
    .oneof(
      fc.integer({ min: first, max: last }),
      fc.constantFrom(first, reformDay - 1, reformDay, reformDay + 31, last),
    )
    .map(fromDayNumber)
  const reformOn = fc
    .oneof(
      { weight: 3, arbitrary: fc.constant(reformDay) },
      { weight: 1, arbitrary: fc.integer({ min: first, max: last }) },
    )
    .map(fromDayNumber)
  const pick = <A>(xs: readonly A[]): fc.Arbitrary<A> => fc.constantFrom(...xs)
  const codes = pick(REFORM_UNITS as UnitCode[])
  const amount = fc.integer({ min: 1, max: 1_000_000 })
  const year = fc.integer({ min: years.from, max: years.to })
  const fact: fc.Arbitrary<{ type: DomainEvent['type']; data: unknown }> = fc.oneof(
    {
      weight: 5,
      arbitrary: fc
        .record({
          participantId: pick(IDS),
          scheme: pick(SCHEMES),
          unit: pick(COMMUNES),
          coveredFrom: day,
          coveredThrough: fc.option(day),
        })
        .map((data) => ({ type: 'ParticipantEnrolled' as const, data })),
    },
    {
      weight: 2,
      arbitrary: fc
        .record({
          participantId: pick(IDS),
          scheme: pick(SCHEMES),
          lapsedOn: day,
          reason: fc.constant('stopped-paying'),
        })
        .map((data) => ({ type: 'ParticipantLapsed' as const, data })),
    },
    {
      weight: 1,
      arbitrary: fc
        .record({ unit: codes, scheme: pick(SCHEMES), year, target: fc.integer({ min: 0, max: 5 }), assignedOn: day })
        .map((data) => ({ type: 'QuotaAssigned' as const, data })),
    },
    {
      weight: 1,
      arbitrary: fc
        .record({
          employer: pick(EMPLOYERS),
          unit: pick(COMMUNES),
          scheme: pick(['compulsory', 'health'] as const),
          period: day.map((d) => d.slice(0, 7)),
          amount,
          recordedOn: day,
        })
        .map((data) => ({ type: 'DebtRecorded' as const, data })),
    },
    {
      weight: 1,
      arbitrary: fc
        .record({ employer: pick(EMPLOYERS), scheme: pick(['compulsory', 'health'] as const), amount, settledOn: day })
        .map((data) => ({ type: 'DebtSettled' as const, data })),
    },
    {
      weight: 1,
      arbitrary: fc
        .record({
          unit: codes,
          year,
          population: fc.integer({ min: 1, max: 100 }),
          labourForce: fc.option(fc.integer({ min: 1, max: 150 }), { nil: undefined }),
        })
        .map((data) => ({ type: 'PopulationEstimated' as const, data })),
    },
  )
  const reform: fc.Arbitrary<{ type: DomainEvent['type']; data: unknown }> = fc.oneof(
    // merges: into an existing unit, into the new one, chains, cycles, into a code nobody established
    {
      weight: 4,
      arbitrary: fc
        .record({
          code: codes,
          dissolvedOn: reformOn,
          successor: fc.oneof(pick(['31', NEW_UNIT] as UnitCode[]), codes),
        })
        .map((data) => ({ type: 'UnitDissolved' as const, data })),
    },
    // moves, renames, level changes; parent null: no parent from that day
    {
      weight: 4,
      arbitrary: fc
        .record(
          {
            code: codes,
            effectiveOn: reformOn,
            name: fc.constantFrom('Tên mới', 'Phường Mới'),
            parent: fc.option(codes, { nil: null }),
            level: fc.constantFrom('province', 'district', 'commune'),
          },
          { requiredKeys: ['code', 'effectiveOn'] },
        )
        .map((data) => ({ type: 'UnitChanged' as const, data })),
    },
    // the new province and a commune under it, established on a reform day
    {
      weight: 2,
      arbitrary: reformOn.map((on) => ({
        type: 'UnitEstablished' as const,
        data: { code: NEW_UNIT, name: 'Tỉnh mới', level: 'province', establishedOn: on },
      })),
    },
    {
      weight: 1,
      arbitrary: reformOn.map((on) => ({
        type: 'UnitEstablished' as const,
        data: { code: '32000', name: 'Xã mới', level: 'commune', parent: NEW_UNIT, establishedOn: on },
      })),
    },
    // links of a 10-digit number and a 12-digit personal id (some conflicting: histories recorded elsewhere)
    {
      weight: 3,
      arbitrary: fc
        .record({ participantId: pick(INSURANCE_NUMBERS), personalId: pick(PERSONAL_IDS), identifiedOn: day })
        .map((data) => ({ type: 'ParticipantIdentified' as const, data })),
    },
  )
  const recorded = fc
    .integer({ min: (first - 30) * 86_400_000, max: (last + 400) * 86_400_000 })
    .map((ms) => ms - (ms % 60_000))
  return fc
    .tuple(
      fc.array(fc.tuple(fact, recorded), sizeOf(options.events, 30)),
      fc.array(fc.tuple(reform, recorded), sizeOf(options.reforms, 8)),
      fc.array(fc.nat(), { maxLength: 40 }),
    )
    .map(([facts, reforms, shuffle]) => {
      const mixed = [...facts, ...reforms]
      // interleave the reform events among the facts (positions matter for tie-breaks)
      for (let i = 0; i < shuffle.length && mixed.length > 1; i++) {
        const a = shuffle[i]! % mixed.length,
          b = (shuffle[i]! >> 3) % mixed.length
        ;[mixed[a], mixed[b]] = [mixed[b]!, mixed[a]!]
      }
      const bodies = [
        ...BEFORE.map((data, i) => ({
          type: 'UnitEstablished' as const,
          data: data as unknown,
          at: (first - 400) * 86_400_000 + i * 60_000,
        })),
        ...mixed.map(([b, at]) => ({ ...b, data: dropUndefined(b.data), at })),
      ]
      const events = bodies.map(
        (b, i) =>
          ({
            id: eventIdOf(i + 1),
            type: b.type,
            recordedAt: formatInstant(b.at, 420, false),
            data: b.data,
          }) as DomainEvent,
      )
      const units: BuiltUnits = {
        provinces: ['30', '31'] as UnitCode[],
        districts: ['300', '310'] as UnitCode[],
        communes: COMMUNES,
        parentOf: new Map(BEFORE.filter((u) => u.parent !== undefined).map((u) => [u.code, u.parent!])),
      }
      return {
        events,
        positioned: events.map((event, i) => ({ event, position: i + 1, line: i + 1 })),
        units,
        participants: IDS,
        employers: EMPLOYERS,
        plan: EMPTY_PLAN,
        years,
      }
    })
}

/** A day of a reform history's years (often the reform day itself, or around it). */
export const reformDay = (h: GeneratedHistory): fc.Arbitrary<BusinessDate> => {
  const first = civilToDays(h.years.from, 1, 1)
  const last = civilToDays(h.years.to, 12, 31)
  const reform = civilToDays(Math.floor((h.years.from + h.years.to) / 2), 7, 1)
  return fc
    .oneof(fc.integer({ min: first, max: last }), fc.constantFrom(reform - 1, reform, reform + 91))
    .map(fromDayNumber)
}
