/**
 * Rough histories: well-formed events that need not obey the write rules — overlapping periods,
 * lapses that cut nothing, periods that end before they start, settlements above the debt, units
 * nobody established, payments and revenue plans (version 2) — recorded in any order. Read models are defined for every well-formed
 * history (histories recorded elsewhere break rules), so laws should hold on these too. Small
 * pools of participants, units, employers and days make events collide: same participant, same
 * start day, same position ties.
 *
 * @module history/rough
 */
import fc from 'fast-check'
import {
  type DomainEvent,
  type EventDataMap,
  type LapseReason,
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

/** Options of {@link roughHistory}. */
export interface RoughHistoryOptions {
  /** How many events besides the units (default 0–25). */
  readonly events?: Size
  /** The plan years the days fall in (default 2019–2021). */
  readonly years?: { readonly from: number; readonly to: number }
}

// A fixed small geography: a province with a district and two communes, one commune directly
// under the province, a second province, and one commune code that is never established.
const ESTABLISHED: ReadonlyArray<EventDataMap['UnitEstablished']> = [
  { code: '10', name: 'Tỉnh 10', level: 'province', establishedOn: '2000-01-01' },
  { code: '11', name: 'Tỉnh 11', level: 'province', establishedOn: '2000-01-01' },
  { code: '100', name: 'Huyện 100', level: 'district', parent: '10', establishedOn: '2000-01-01' },
  { code: '10000', name: 'Xã 10000', level: 'commune', parent: '100', establishedOn: '2000-01-01' },
  { code: '10001', name: 'Xã 10001', level: 'commune', parent: '100', establishedOn: '2000-01-01' },
  { code: '10002', name: 'Xã 10002', level: 'commune', parent: '10', establishedOn: '2000-01-01' },
] as unknown as ReadonlyArray<EventDataMap['UnitEstablished']>
const UNESTABLISHED = '10009' as UnitCode
const UNITS = [...ESTABLISHED.map((u) => u.code), UNESTABLISHED]
const COMMUNES = ['10000', '10001', '10002', UNESTABLISHED] as UnitCode[]
const PARTICIPANTS = [1, 2, 3].map(participantIdOf)
const EMPLOYERS = ['Công ty A', 'Công ty B']
const REASONS: readonly LapseReason[] = ['stopped-paying', 'other']
const SCHEMES: readonly Scheme[] = ['voluntary', 'compulsory']

const EMPTY_PLAN: HistoryPlan = {
  units: { provinces: 0, districts: [], communes: [] },
  participants: [],
  quotas: [],
  populations: [],
  employers: [],
}

const sizeOf = (s: Size | undefined): { minLength: number; maxLength: number } =>
  s === undefined
    ? { minLength: 0, maxLength: 25 }
    : typeof s === 'number'
      ? { minLength: s, maxLength: s }
      : { minLength: s.min, maxLength: s.max }

/**
 * Histories of well-formed events that may break every write rule, as a {@link GeneratedHistory}
 * (its `plan` is empty), e.g. to check that laws hold beyond valid histories:
 * `projectionLaws(p, { queries, histories: roughHistory(), skip: ['additivity'] })`.
 */
export const roughHistory = (options: RoughHistoryOptions = {}): fc.Arbitrary<GeneratedHistory> => {
  const years = options.years ?? { from: 2019, to: 2021 }
  const first = civilToDays(years.from, 1, 1)
  const last = civilToDays(years.to, 12, 31)
  // Few distinct days, so starts, ends and lapses coincide often.
  const day = fc
    .oneof(fc.integer({ min: first, max: last }), fc.constantFrom(first, first + 30, first + 31, first + 365))
    .map(fromDayNumber)
  const pick = <A>(xs: readonly A[]): fc.Arbitrary<A> => fc.constantFrom(...xs)
  const amount = fc.integer({ min: 1, max: 1_000_000 })
  const year = fc.integer({ min: years.from, max: years.to })
  const body: fc.Arbitrary<{ type: DomainEvent['type']; data: unknown }> = fc.oneof(
    {
      weight: 4,
      arbitrary: fc
        .record({
          participantId: pick<ParticipantId>(PARTICIPANTS),
          scheme: pick(SCHEMES),
          unit: pick(COMMUNES),
          coveredFrom: day,
          coveredThrough: fc.option(day),
          agent: fc.option(pick(['BD-PHANTHIET', 'HTX-TANLAP']), { nil: undefined }),
        })
        .map((data) => ({ type: 'ParticipantEnrolled' as const, data })),
    },
    {
      weight: 2,
      arbitrary: fc
        .record({
          participantId: pick<ParticipantId>(PARTICIPANTS),
          scheme: pick(SCHEMES),
          lapsedOn: day,
          reason: pick(REASONS),
        })
        .map((data) => ({ type: 'ParticipantLapsed' as const, data })),
    },
    {
      weight: 1,
      arbitrary: fc
        .record({
          unit: pick(UNITS),
          scheme: pick(SCHEMES),
          year,
          target: fc.integer({ min: 0, max: 5 }),
          assignedOn: day,
        })
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
          unit: pick(UNITS),
          year,
          population: fc.integer({ min: 1, max: 100 }),
          labourForce: fc.option(fc.integer({ min: 1, max: 150 }), { nil: undefined }),
        })
        .map((data) => ({ type: 'PopulationEstimated' as const, data })),
    },
    // version 2 (agents-revenue): payments (also in units nobody established) and revenue plans
    {
      weight: 1,
      arbitrary: fc
        .record({
          unit: pick(UNITS),
          scheme: pick(SCHEMES),
          amount,
          collectedOn: day,
          agent: fc.option(pick(['BD-PHANTHIET', 'HTX-TANLAP']), { nil: undefined }),
        })
        .map((data) => ({ type: 'ContributionCollected' as const, data })),
    },
    {
      weight: 1,
      arbitrary: fc
        .record({ unit: pick(UNITS), year, amount: fc.integer({ min: 0, max: 1_000_000 }), assignedOn: day })
        .map((data) => ({ type: 'RevenuePlanAssigned' as const, data })),
    },
  )
  const recorded = fc
    .integer({ min: (first - 30) * 86_400_000, max: (last + 400) * 86_400_000 })
    .map((ms) => ms - (ms % 60_000))
  return fc
    .tuple(
      fc.subarray([...ESTABLISHED.keys()], { minLength: 0 }),
      fc.array(fc.tuple(body, recorded), sizeOf(options.events)),
    )
    .map(([established, facts]) => {
      // Units a parent of which is missing are left out too: a rough history still has no dangling tree.
      const kept = new Set(established.map((i) => ESTABLISHED[i]!.code as string))
      const unitEvents = ESTABLISHED.filter(
        (u) =>
          kept.has(u.code) && (u.parent === undefined || kept.has(u.parent)) && (u.parent !== '100' || kept.has('10')),
      )
      const bodies = [
        ...unitEvents.map((data, i) => ({
          type: 'UnitEstablished' as const,
          data,
          at: (first - 400) * 86_400_000 + i * 60_000,
        })),
        ...facts.map(([b, at]) => ({ ...b, data: dropUndefined(b.data), at })),
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
      const codes = new Set(unitEvents.map((u) => u.code as string))
      const units: BuiltUnits = {
        provinces: ['10', '11'].filter((c) => codes.has(c)) as UnitCode[],
        districts: ['100'].filter((c) => codes.has(c)) as UnitCode[],
        communes: COMMUNES,
        parentOf: new Map(unitEvents.filter((u) => u.parent !== undefined).map((u) => [u.code, u.parent!])),
      }
      return {
        events,
        positioned: events.map((event, i) => ({ event, position: i + 1, line: i + 1 })),
        units,
        participants: PARTICIPANTS,
        employers: EMPLOYERS,
        plan: EMPTY_PLAN,
        years,
      }
    })
}

const dropUndefined = (data: unknown): unknown =>
  Object.fromEntries(Object.entries(data as Record<string, unknown>).filter(([, v]) => v !== undefined))
