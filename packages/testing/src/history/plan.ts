/**
 * The plan of a history: a small structure (units, participants with their spells, quotas,
 * estimates, employer ledgers) that {@link buildHistory} turns into events. Shrinking works on the
 * plan, so a shrunk plan still maps to a history that obeys every write rule.
 *
 * Numbers in the plan are offsets and indexes, never dates or codes: whatever fast-check shrinks
 * them to, the builder reads them modulo what exists, so every plan is a valid one.
 *
 * @module history/plan
 */
import fc from 'fast-check'
import { DEBT_SCHEMES, type DebtScheme, SCHEMES, type Scheme } from '@ansinh/core'

// -------------------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------------------

/** The administrative units: provinces, districts (each under a province), communes (each under a district or a province). */
export interface UnitsPlan {
  readonly provinces: number
  /** Per district: the index of its province. */
  readonly districts: readonly number[]
  /** Per commune: the index of its parent among the districts, then the provinces. */
  readonly communes: readonly number[]
}

/** When an event is recorded, relative to the business day of its fact. */
export interface RecordingPlan {
  /** Minutes after 08:00 on the day of the fact. */
  readonly delay: number
  /** Whole days later (a late record); 0 unless late records are asked for. */
  readonly late: number
  /** Minutes the written `recordedAt` runs behind the history order; 0 unless asked for. */
  readonly skew: number
}

/** One enrolled period, and maybe the lapse that cuts it. */
export interface SpellPlan {
  /** Days between the end of the previous spell (or the scheme's start) and this one's `coveredFrom`. */
  readonly gap: number
  /** Days covered (when not open-ended). */
  readonly length: number
  /** Open-ended (compulsory and unemployment only; ignored otherwise). */
  readonly openEnded: boolean
  /** Days after `coveredFrom` + 1 on which a lapse cuts the spell; null: no lapse. */
  readonly lapse: number | null
  /** Index of the lapse reason. */
  readonly reason: number
  /** Commune index for this spell (used when moves are asked for). */
  readonly commune: number
  /** Index of the collection agent (voluntary only), or null. */
  readonly agent: number | null
  /** Index of the employer (compulsory and unemployment), or null. */
  readonly employer: number | null
  readonly enrolRecorded: RecordingPlan
  readonly lapseRecorded: RecordingPlan
}

/** A participant's spells under one scheme, from a start offset in the window. */
export interface SchemePlan {
  readonly start: number
  readonly spells: readonly SpellPlan[]
}

/** A participant: home commune and, per scheme, maybe a list of spells. */
export interface ParticipantPlan {
  readonly home: number
  readonly schemes: Readonly<Record<Scheme, SchemePlan | null>>
}

/** A quota stream: a unit, a scheme, a plan year and its assignments (later ones revise earlier ones). */
export interface QuotaPlan {
  readonly unit: number
  readonly scheme: Scheme
  readonly year: number
  readonly assignments: ReadonlyArray<{
    readonly day: number
    readonly target: number
    readonly decision: number | null
    readonly recorded: RecordingPlan
  }>
}

/** A published estimate for a unit and year. */
export interface PopulationPlan {
  readonly unit: number
  readonly year: number
  readonly population: number
  /** Labour force as a share of the population, or null when not published. */
  readonly labourShare: number | null
  readonly recorded: RecordingPlan
}

/** One step of an employer's ledger under one scheme: a debt, or a settlement of a share of what is owed. */
export interface LedgerStep {
  readonly gap: number
  readonly debt: { readonly monthsBack: number; readonly amount: number } | null
  /** Share of the outstanding debt a settlement pays (when `debt` is null). */
  readonly share: number
  readonly recorded: RecordingPlan
}

/** An employer: its commune and, per debt scheme, maybe a ledger. */
export interface EmployerPlan {
  readonly unit: number
  readonly start: number
  readonly ledgers: Readonly<Record<DebtScheme, readonly LedgerStep[] | null>>
}

/** A payment received (version 2, agents-revenue): unit, scheme, day in the window, amount, agent. */
export interface CollectionPlan {
  readonly unit: number
  readonly scheme: Scheme
  readonly day: number
  readonly amount: number
  /** The agent who took it (an index of the agents), or null. */
  readonly agent: number | null
  readonly recorded: RecordingPlan
}

/** A revenue plan stream: a unit, a year and its assignments (later ones revise earlier ones). */
export interface RevenuePlanPlan {
  readonly unit: number
  readonly year: number
  readonly assignments: ReadonlyArray<{
    readonly day: number
    readonly amount: number
    readonly recorded: RecordingPlan
  }>
}

/** Everything a history is built from. */
export interface HistoryPlan {
  readonly units: UnitsPlan
  readonly participants: readonly ParticipantPlan[]
  readonly quotas: readonly QuotaPlan[]
  readonly populations: readonly PopulationPlan[]
  readonly employers: readonly EmployerPlan[]
  /** Version 2: payments and revenue plans (absent: none). */
  readonly collections?: readonly CollectionPlan[]
  readonly revenuePlans?: readonly RevenuePlanPlan[]
}

// -------------------------------------------------------------------------------------------------
// options
// -------------------------------------------------------------------------------------------------

/** A count: exactly `n`, or between `min` and `max`. */
export type Size = number | { readonly min: number; readonly max: number }

/** What histories to generate. */
export interface HistoryOptions {
  /** How many participants (default 0–12). */
  readonly participants?: Size
  /** How many communes (default 1–5); provinces and districts come with them. */
  readonly units?: Size
  /** The plan years the history spans (default 2019–2021). */
  readonly years?: { readonly from: number; readonly to: number }
  /** The schemes participants enrol in (default all four). */
  readonly schemes?: readonly Scheme[]
  /** How many employers with debts (default 0–3). */
  readonly employers?: Size
  /** How many quota streams (default 0–4). */
  readonly quotas?: Size
  /** How many population estimates (default 0–4). */
  readonly populations?: Size
  /** How many payments received (default 0–6; version 2). */
  readonly collections?: Size
  /** How many revenue plan streams (default 0–2; version 2). */
  readonly revenuePlans?: Size
  /** Most spells per participant and scheme (default 4). */
  readonly maxSpells?: number
  /** Some events are recorded long (up to ~a year) after their fact. */
  readonly lateRecords?: boolean
  /** `recordedAt` does not always grow with the position (imports from several offices). */
  readonly outOfOrderRecordedAt?: boolean
  /** Participants move between communes from one spell to the next. */
  readonly moves?: boolean
}

const sizeOf = (
  s: Size | undefined,
  fallback: { min: number; max: number },
): { minLength: number; maxLength: number } =>
  s === undefined
    ? { minLength: fallback.min, maxLength: fallback.max }
    : typeof s === 'number'
      ? { minLength: s, maxLength: s }
      : { minLength: s.min, maxLength: s.max }

// -------------------------------------------------------------------------------------------------
// arbitraries
// -------------------------------------------------------------------------------------------------

const small = (max: number): fc.Arbitrary<number> => fc.integer({ min: 0, max })

// Spells are the bulk of a big history, so they are drawn as one tuple of integers (the cheapest
// arbitraries fast-check has) and decoded in one map. Each integer shrinks towards 0, and 0 decodes
// to the plainest choice: no gap, a one-month period, no lapse, no agent, recorded on the day.

/** `v` when positive, else 0 (drawing from a range below 0 makes 0 common). */
const atLeast0 = (v: number): number => (v > 0 ? v : 0)
/** `v − 1` when positive, else null. */
const maybe = (v: number): number | null => (v > 0 ? v - 1 : null)

const int = (min: number, max: number): fc.Arbitrary<number> => fc.integer({ min, max })

/** Integers of a recording plan: delay, late, skew (constant 0 when that untidiness is off). */
const recordingInts = (o: HistoryOptions): fc.Arbitrary<number>[] => [
  int(0, 600),
  o.lateRecords === true ? int(-1200, 400) : fc.constant(0),
  o.outOfOrderRecordedAt === true ? int(-2 * 86_400, 86_400) : fc.constant(0),
]

const recordingOf = (delay: number, late: number, skew: number): RecordingPlan => ({
  delay,
  late: atLeast0(late),
  skew: atLeast0(skew),
})

const recording = (o: HistoryOptions): fc.Arbitrary<RecordingPlan> =>
  fc.tuple(...recordingInts(o)).map(([delay, late, skew]) => recordingOf(delay!, late!, skew!))

/** Paid periods agencies sell (a month, a quarter, half a year, a year), and any length. */
const LENGTHS = [31, 92, 183, 365] as const

const spell = (o: HistoryOptions): fc.Arbitrary<SpellPlan> =>
  fc
    .tuple(
      int(-600, 400), // gap: 0 (a renewal) about half the time
      int(-400, 800), // length: a paid period when ≤ 0, else any number of days
      fc.boolean(),
      int(-1000, 500), // lapse: none when ≤ 0
      int(0, 5),
      int(0, 1000),
      int(-3, 5), // agent: none when ≤ 0
      int(-1000, 1000), // employer: none when ≤ 0
      ...recordingInts(o),
      ...recordingInts(o),
    )
    .map(([gap, length, openEnded, lapse, reason, commune, agent, employer, d1, l1, s1, d2, l2, s2]) => ({
      gap: atLeast0(gap as number),
      length: (length as number) > 0 ? (length as number) : LENGTHS[-(length as number) % LENGTHS.length]!,
      openEnded: openEnded as boolean,
      lapse: maybe(lapse as number),
      reason: reason as number,
      commune: commune as number,
      agent: maybe(agent as number),
      employer: maybe(employer as number),
      enrolRecorded: recordingOf(d1 as number, l1 as number, s1 as number),
      lapseRecorded: recordingOf(d2 as number, l2 as number, s2 as number),
    }))

const schemePlan = (o: HistoryOptions, days: number): fc.Arbitrary<SchemePlan | null> =>
  fc.option(
    fc
      .tuple(int(0, days), fc.array(spell(o), { minLength: 1, maxLength: o.maxSpells ?? 4 }))
      .map(([start, spells]) => ({ start, spells })),
    { freq: 2 },
  )

const participant = (o: HistoryOptions, days: number): fc.Arbitrary<ParticipantPlan> => {
  const schemes = o.schemes ?? SCHEMES
  const parts = SCHEMES.map((s) => (schemes.includes(s) ? schemePlan(o, days) : fc.constant(null)))
  return fc.tuple(int(0, 1000), ...parts).map(([home, ...plans]) => ({
    home: home as number,
    schemes: Object.fromEntries(SCHEMES.map((s, i) => [s, plans[i] as SchemePlan | null])) as Record<
      Scheme,
      SchemePlan | null
    >,
  }))
}

const units = (o: HistoryOptions): fc.Arbitrary<UnitsPlan> =>
  fc.record({
    provinces: fc.integer({ min: 1, max: 3 }),
    districts: fc.array(small(1000), { maxLength: 4 }),
    communes: fc.array(small(1000), sizeOf(o.units, { min: 1, max: 5 })),
  })

const quota = (o: HistoryOptions, years: number): fc.Arbitrary<QuotaPlan> =>
  fc.record({
    unit: small(1000),
    scheme: fc.constantFrom(...(o.schemes ?? SCHEMES)),
    year: small(years - 1),
    assignments: fc.array(
      fc.record({
        day: small(400),
        target: fc.oneof(small(50), small(20_000)),
        decision: fc.option(small(999)),
        recorded: recording(o),
      }),
      { minLength: 1, maxLength: 3 },
    ),
  })

const population = (o: HistoryOptions, years: number): fc.Arbitrary<PopulationPlan> =>
  fc.record({
    unit: small(1000),
    year: small(years - 1),
    population: fc.integer({ min: 1, max: 3_000_000 }),
    labourShare: fc.option(fc.double({ min: 0, max: 1, noNaN: true })),
    recorded: recording(o),
  })

const ledger = (o: HistoryOptions): fc.Arbitrary<readonly LedgerStep[] | null> =>
  fc.option(
    fc.array(
      fc.record({
        gap: small(120),
        debt: fc.option(fc.record({ monthsBack: small(14), amount: fc.integer({ min: 1, max: 2_000_000_000 }) }), {
          freq: 3,
        }),
        share: fc.double({ min: 0, max: 1, noNaN: true }),
        recorded: recording(o),
      }),
      { minLength: 1, maxLength: 6 },
    ),
    { freq: 2 },
  )

const employer = (o: HistoryOptions, days: number): fc.Arbitrary<EmployerPlan> =>
  fc.record({
    unit: small(1000),
    start: small(days),
    ledgers: fc.record(
      Object.fromEntries(DEBT_SCHEMES.map((s) => [s, ledger(o)])) as Record<
        DebtScheme,
        fc.Arbitrary<readonly LedgerStep[] | null>
      >,
    ),
  })

const collection = (o: HistoryOptions, days: number): fc.Arbitrary<CollectionPlan> =>
  fc.record({
    unit: small(1000),
    scheme: fc.constantFrom(...(o.schemes ?? SCHEMES)),
    day: small(days),
    amount: fc.oneof(fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 1, max: 5_000_000_000 })),
    agent: fc.option(small(9)),
    recorded: recording(o),
  })

const revenuePlan = (o: HistoryOptions, years: number): fc.Arbitrary<RevenuePlanPlan> =>
  fc.record({
    unit: small(1000),
    year: small(years - 1),
    assignments: fc.array(
      fc.record({
        day: small(400),
        amount: fc.oneof(small(0), fc.integer({ min: 0, max: 50_000_000_000 })),
        recorded: recording(o),
      }),
      { minLength: 1, maxLength: 3 },
    ),
  })

/** The arbitrary of history plans under `options` (`days`: the length of the window). */
export const historyPlan = (o: HistoryOptions, days: number, years: number): fc.Arbitrary<HistoryPlan> =>
  fc.record({
    units: units(o),
    participants: fc.array(participant(o, days), sizeOf(o.participants, { min: 0, max: 12 })),
    quotas: fc.array(quota(o, years), sizeOf(o.quotas, { min: 0, max: 4 })),
    populations: fc.array(population(o, years), sizeOf(o.populations, { min: 0, max: 4 })),
    employers: fc.array(employer(o, days), sizeOf(o.employers, { min: 0, max: 3 })),
    collections: fc.array(collection(o, days), sizeOf(o.collections, { min: 0, max: 6 })),
    revenuePlans: fc.array(revenuePlan(o, years), sizeOf(o.revenuePlans, { min: 0, max: 2 })),
  })
