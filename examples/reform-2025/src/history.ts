/**
 * The generated history: the old provinces An Giang (89) and Kiên Giang (91) from 2023, merged on
 * 1 July 2025 into the new An Giang (91): 89 dissolved into 91, 91 renamed, every district
 * abolished (dissolved into 91, their communes moved up under 91), and 256 old communes merged into
 * 102 (85 xã, 14 phường, 3 đặc khu). From 1 August 2025 participants who renew are recorded under
 * their 12-digit personal identity number, linked to their 10-digit number by a
 * ParticipantIdentified. Records dated on or after 1 July 2025 name the new units (a dissolved unit
 * takes none). Plans are re-assigned for the new province on 15 July 2025.
 *
 * Deterministic: the same history every run (no clock, no randomness beyond a fixed-seed walk).
 *
 * @module history
 */
import type {
  BusinessDate,
  DomainEvent,
  EventDataMap,
  EventId,
  EventType,
  Instant,
  PositionedEvent,
} from '@ansinh/core'

/** The day of the merger. */
export const REFORM_DAY = '2025-07-01' as BusinessDate
/** The day the personal identity number replaces the 10-digit number in new records. */
export const PERSONAL_ID_DAY = '2025-08-01' as BusinessDate

/** The old provinces, and the new one (which keeps Kiên Giang's code 91). */
export const OLD_AN_GIANG = '89'
export const KIEN_GIANG = '91'
export const NEW_AN_GIANG = '91'

const DISTRICTS_PER_PROVINCE = 8
const COMMUNES_PER_DISTRICT = 16
/** How many of each old province's communes carry on as the new communes (51 + 51 = 102). */
const SURVIVORS_PER_PROVINCE = 51

/**
 * The groups of participants of each old province, by scheme: covered on 30/9/2024 and on
 * 30/9/2025 (`both`), only on 30/9/2024 (`left`), only on 30/9/2025 (`joined`).
 */
export const GROUPS = {
  compulsory: {
    '89': { both: 95_000, left: 3_000, joined: 14_000 },
    '91': { both: 108_500, left: 3_500, joined: 15_395 },
  },
  voluntary: { '89': { both: 17_000, left: 4_400, joined: 5_500 }, '91': { both: 15_000, left: 3_950, joined: 5_179 } },
} as const

/** The plans of the new province for 2025 and its denominators (population, working-age labour force). */
export const PLAN_2025 = { compulsory: 245_697, voluntary: 80_679, health: 3_460_000 } as const
export const POPULATION_2025 = { population: 3_640_000, labourForce: 1_842_000 } as const
/** Health card holders on 30/9/2025 when `includeHealth` (88 % of the population: "more than 3.2 million"). */
export const HEALTH_HOLDERS = 3_203_200
/**
 * Money (VND): collected from 1 January to 30 September 2025 ("over 7,215 billion"), the same
 * period of 2024 (946 billion less, both old provinces: like for like on the new map), and the new
 * province's collection plan for 2025 (7,215.4 / 9,834 = 73.37 %).
 */
export const REVENUE_2025 = {
  collected: 7_215_400_000_000,
  samePeriod2024: 6_269_400_000_000,
  plan: 9_834_000_000_000,
} as const

/** Options of {@link reformHistory}. */
export interface ReformOptions {
  /** Also generate the health card holders (about 3.2 million more enrolments). */
  readonly includeHealth?: boolean
}

/** The generated history, and what the reports need to know of its geography. */
export interface ReformHistory {
  readonly events: PositionedEvent[]
  /** Old commune codes of each old province. */
  readonly oldCommunes: Readonly<Record<'89' | '91', readonly string[]>>
  /** The new communes (under 91 from 1 July 2025). */
  readonly newCommunes: readonly string[]
  /** How many participants were linked to a 12-digit personal id. */
  readonly linked: number
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0')

/** Builds the history. */
export const reformHistory = (options: ReformOptions = {}): ReformHistory => {
  const events: PositionedEvent[] = []
  let ids = 0
  const emit = <T extends EventType>(type: T, data: EventDataMap[T], recordedAt: string): void => {
    ids++
    const id = `2025a000-0000-4000-8000-${pad(ids, 12)}` as EventId
    events.push({
      event: { id, type, recordedAt: recordedAt as Instant, data } as DomainEvent,
      position: events.length + 1,
    })
  }
  const d = (s: string): BusinessDate => s as BusinessDate
  const at = (date: string): string => `${date}T09:00:00+07:00`

  // --- the old map (2023) -----------------------------------------------------------------------
  const oldCommunes: Record<'89' | '91', string[]> = { '89': [], '91': [] }
  const districts: string[] = []
  const establishedAt = at('2023-01-02')
  emit(
    'UnitEstablished',
    {
      code: OLD_AN_GIANG,
      name: 'An Giang',
      level: 'province',
      establishedOn: d('2004-01-01'),
    } as EventDataMap['UnitEstablished'],
    establishedAt,
  )
  emit(
    'UnitEstablished',
    {
      code: KIEN_GIANG,
      name: 'Kiên Giang',
      level: 'province',
      establishedOn: d('2004-01-01'),
    } as EventDataMap['UnitEstablished'],
    establishedAt,
  )
  for (const [p, firstDistrict, firstCommune] of [
    ['89', 883, 30_280],
    ['91', 899, 30_790],
  ] as const) {
    for (let i = 0; i < DISTRICTS_PER_PROVINCE; i++) {
      const district = String(firstDistrict + i)
      districts.push(district)
      emit(
        'UnitEstablished',
        {
          code: district,
          name: `Huyện ${district}`,
          level: 'district',
          parent: p,
          establishedOn: d('2004-01-01'),
        } as EventDataMap['UnitEstablished'],
        establishedAt,
      )
      for (let j = 0; j < COMMUNES_PER_DISTRICT; j++) {
        const commune = pad(firstCommune + i * COMMUNES_PER_DISTRICT + j, 5)
        oldCommunes[p].push(commune)
        emit(
          'UnitEstablished',
          {
            code: commune,
            name: `Xã ${commune}`,
            level: 'commune',
            parent: district,
            establishedOn: d('2004-01-01'),
          } as EventDataMap['UnitEstablished'],
          establishedAt,
        )
      }
    }
  }
  /** The new commune an old commune goes into on 1 July 2025 (itself when it carries on). */
  const successorOf = (p: '89' | '91', k: number): string => oldCommunes[p][k % SURVIVORS_PER_PROVINCE]!
  const newCommunes = [
    ...oldCommunes['89'].slice(0, SURVIVORS_PER_PROVINCE),
    ...oldCommunes['91'].slice(0, SURVIVORS_PER_PROVINCE),
  ]

  // plans and denominators of the old provinces
  for (const p of ['89', '91'] as const) {
    emit(
      'QuotaAssigned',
      {
        unit: p,
        scheme: 'compulsory',
        year: 2025,
        target: p === '89' ? 118_000 : 129_000,
        assignedOn: d('2025-01-15'),
      } as EventDataMap['QuotaAssigned'],
      at('2025-01-15'),
    )
    emit(
      'QuotaAssigned',
      {
        unit: p,
        scheme: 'voluntary',
        year: 2025,
        target: p === '89' ? 41_000 : 39_000,
        assignedOn: d('2025-01-15'),
      } as EventDataMap['QuotaAssigned'],
      at('2025-01-15'),
    )
  }

  // --- participants -----------------------------------------------------------------------------
  let person = 0
  let linked = 0
  const insuranceNumber = (n: number): string => pad(n, 10)
  const personalId = (n: number): string => `0${pad(89_000_000_000 + n, 11)}`
  /** Round-robin over an old province's communes, and the new commune it is counted in after the merger. */
  const place = (p: '89' | '91', n: number): { old: string; now: string } => {
    const k = n % oldCommunes[p].length
    return { old: oldCommunes[p][k]!, now: successorOf(p, k) }
  }
  const enrol = (
    id: string,
    scheme: 'compulsory' | 'voluntary' | 'health',
    unit: string,
    from: string,
    through: string | null,
    recorded: string,
  ): void =>
    emit(
      'ParticipantEnrolled',
      {
        participantId: id,
        scheme,
        unit,
        coveredFrom: d(from),
        coveredThrough: through === null ? null : d(through),
      } as EventDataMap['ParticipantEnrolled'],
      at(recorded),
    )
  /** A month in 2025 spread over the participant number: `2025-MM-01` with MM from `first` to `last`. */
  const month = (n: number, first: number, last: number): string =>
    `2025-${pad(first + (n % (last - first + 1)), 2)}-01`

  for (const p of ['89', '91'] as const) {
    // compulsory: open-ended employment
    const c = GROUPS.compulsory[p]
    for (let i = 0; i < c.both; i++) {
      const n = ++person
      const u = place(p, n)
      const from = `${2015 + (n % 9)}-${pad(1 + (n % 12), 2)}-01`
      enrol(insuranceNumber(n), 'compulsory', u.old, from, null, from)
    }
    for (let i = 0; i < c.left; i++) {
      const n = ++person
      const u = place(p, n)
      enrol(insuranceNumber(n), 'compulsory', u.old, '2022-03-01', null, '2022-03-01')
      const lapse = month(n, 1, 6)
      emit(
        'ParticipantLapsed',
        {
          participantId: insuranceNumber(n),
          scheme: 'compulsory',
          lapsedOn: d(lapse),
          reason: 'other',
        } as EventDataMap['ParticipantLapsed'],
        at(lapse),
      )
    }
    for (let i = 0; i < c.joined; i++) {
      const n = ++person
      const u = place(p, n)
      const from = month(n, 1, 9)
      // from 1 July the record names the new commune; from 1 August a first record uses the 12-digit id
      const unit = from >= REFORM_DAY ? u.now : u.old
      const id = from >= PERSONAL_ID_DAY ? personalId(n) : insuranceNumber(n)
      enrol(id, 'compulsory', unit, from, null, from)
    }
    // voluntary: paid-through periods, renewed
    const v = GROUPS.voluntary[p]
    for (let i = 0; i < v.both; i++) {
      const n = ++person
      const u = place(p, n)
      if (n % 2 === 0) {
        // renews on 1 July 2025 under the 10-digit number, in the new commune
        enrol(insuranceNumber(n), 'voluntary', u.old, '2024-07-01', '2025-06-30', '2024-07-01')
        enrol(insuranceNumber(n), 'voluntary', u.now, '2025-07-01', '2025-12-31', '2025-07-01')
      } else {
        // renews on 1 August 2025: recorded under the personal id, linked to the old number
        enrol(insuranceNumber(n), 'voluntary', u.old, '2024-08-01', '2025-07-31', '2024-08-01')
        emit(
          'ParticipantIdentified',
          {
            participantId: insuranceNumber(n),
            personalId: personalId(n),
            identifiedOn: PERSONAL_ID_DAY,
          } as EventDataMap['ParticipantIdentified'],
          at('2025-08-01'),
        )
        enrol(personalId(n), 'voluntary', u.now, '2025-08-01', '2026-01-31', '2025-08-01')
        linked++
      }
    }
    for (let i = 0; i < v.left; i++) {
      const n = ++person
      enrol(insuranceNumber(n), 'voluntary', place(p, n).old, '2024-04-01', '2025-03-31', '2024-04-01')
    }
    for (let i = 0; i < v.joined; i++) {
      const n = ++person
      const u = place(p, n)
      const from = month(n, 2, 9)
      const unit = from >= REFORM_DAY ? u.now : u.old
      const id = from >= PERSONAL_ID_DAY ? personalId(n) : insuranceNumber(n)
      enrol(id, 'voluntary', unit, from, '2026-02-28', from)
    }
  }

  // --- the merger (recorded the day before it takes effect) --------------------------------------
  const decided = at('2025-06-30')
  emit(
    'UnitDissolved',
    { code: OLD_AN_GIANG, dissolvedOn: REFORM_DAY, successor: NEW_AN_GIANG } as EventDataMap['UnitDissolved'],
    decided,
  )
  emit(
    'UnitChanged',
    { code: NEW_AN_GIANG, effectiveOn: REFORM_DAY, name: 'An Giang' } as EventDataMap['UnitChanged'],
    decided,
  )
  for (const district of districts)
    emit(
      'UnitDissolved',
      { code: district, dissolvedOn: REFORM_DAY, successor: NEW_AN_GIANG } as EventDataMap['UnitDissolved'],
      decided,
    )
  // 14 phường, 85 xã, and the three island special zones (Kiên Giang's last three survivors)
  const islands = ['Phú Quốc', 'Kiên Hải', 'Thổ Châu']
  newCommunes.forEach((code, i) => {
    const island = i - (newCommunes.length - islands.length)
    const name = island >= 0 ? `Đặc khu ${islands[island]}` : i < 14 ? `Phường ${code}` : `Xã ${code}`
    emit(
      'UnitChanged',
      { code, effectiveOn: REFORM_DAY, name, parent: NEW_AN_GIANG } as EventDataMap['UnitChanged'],
      decided,
    )
  })
  for (const p of ['89', '91'] as const) {
    oldCommunes[p].forEach((code, k) => {
      if (k >= SURVIVORS_PER_PROVINCE)
        emit(
          'UnitDissolved',
          { code, dissolvedOn: REFORM_DAY, successor: successorOf(p, k) } as EventDataMap['UnitDissolved'],
          decided,
        )
    })
  }
  // plans re-assigned for the new province, and its denominators
  emit(
    'QuotaAssigned',
    {
      unit: NEW_AN_GIANG,
      scheme: 'compulsory',
      year: 2025,
      target: PLAN_2025.compulsory,
      assignedOn: d('2025-07-15'),
      decision: '1520/QĐ-BHXH',
    } as EventDataMap['QuotaAssigned'],
    at('2025-07-15'),
  )
  emit(
    'QuotaAssigned',
    {
      unit: NEW_AN_GIANG,
      scheme: 'voluntary',
      year: 2025,
      target: PLAN_2025.voluntary,
      assignedOn: d('2025-07-15'),
      decision: '1520/QĐ-BHXH',
    } as EventDataMap['QuotaAssigned'],
    at('2025-07-15'),
  )
  emit(
    'QuotaAssigned',
    {
      unit: NEW_AN_GIANG,
      scheme: 'health',
      year: 2025,
      target: PLAN_2025.health,
      assignedOn: d('2025-07-15'),
      decision: '1520/QĐ-BHXH',
    } as EventDataMap['QuotaAssigned'],
    at('2025-07-15'),
  )
  emit(
    'PopulationEstimated',
    {
      unit: NEW_AN_GIANG,
      year: 2025,
      ...POPULATION_2025,
      source: 'Cục Thống kê tỉnh An Giang',
    } as EventDataMap['PopulationEstimated'],
    at('2025-07-20'),
  )

  // --- money: collections of the first nine months of 2024 and 2025, and the plans ---------------
  // Each month's takings by province and scheme, against an old commune before 1 July 2025 and
  // against the new commune it went into from then on (a dissolved unit takes no more records).
  const SHARES = [
    ['compulsory', 55],
    ['health', 38],
    ['voluntary', 5],
    ['unemployment', 2],
  ] as const
  for (const [year, total] of [
    [2024, REVENUE_2025.samePeriod2024],
    [2025, REVENUE_2025.collected],
  ] as const) {
    const slots: { month: number; p: '89' | '91'; scheme: (typeof SHARES)[number][0]; weight: number }[] = []
    for (let month = 1; month <= 9; month++)
      for (const p of ['89', '91'] as const)
        for (const [scheme, share] of SHARES) slots.push({ month, p, scheme, weight: share * (p === '89' ? 48 : 52) })
    const weights = slots.reduce((a, x) => a + x.weight, 0)
    let given = 0
    slots.forEach((x, i) => {
      const amount = i === slots.length - 1 ? total - given : Math.floor((total * x.weight) / weights)
      given += amount
      const day = `${year}-${pad(x.month, 2)}-15`
      const k = x.month * 7 + (x.scheme.length % 5)
      const unit =
        day >= REFORM_DAY
          ? successorOf(x.p, k % oldCommunes[x.p].length)
          : oldCommunes[x.p][k % oldCommunes[x.p].length]!
      emit(
        'ContributionCollected',
        { unit, scheme: x.scheme, amount, collectedOn: d(day) } as EventDataMap['ContributionCollected'],
        at(day),
      )
    })
  }
  // the old provinces' plans of January count for them alone; the new province gets its own
  emit(
    'RevenuePlanAssigned',
    {
      unit: OLD_AN_GIANG,
      year: 2025,
      amount: 4_700_000_000_000,
      assignedOn: d('2025-01-15'),
    } as EventDataMap['RevenuePlanAssigned'],
    at('2025-01-15'),
  )
  emit(
    'RevenuePlanAssigned',
    {
      unit: KIEN_GIANG,
      year: 2025,
      amount: 5_050_000_000_000,
      assignedOn: d('2025-01-15'),
    } as EventDataMap['RevenuePlanAssigned'],
    at('2025-01-15'),
  )
  emit(
    'RevenuePlanAssigned',
    {
      unit: NEW_AN_GIANG,
      year: 2025,
      amount: REVENUE_2025.plan,
      assignedOn: d('2025-07-15'),
      decision: '1520/QĐ-BHXH',
    } as EventDataMap['RevenuePlanAssigned'],
    at('2025-07-15'),
  )

  if (options.includeHealth === true) {
    // health cards of a year, bought from January to September 2025
    for (let i = 0; i < HEALTH_HOLDERS; i++) {
      const n = ++person
      const p = n % 2 === 0 ? '89' : '91'
      const u = place(p, n)
      const from = `2025-${pad(1 + (n % 9), 2)}-01`
      enrol(
        from >= PERSONAL_ID_DAY ? personalId(n) : insuranceNumber(n),
        'health',
        from >= REFORM_DAY ? u.now : u.old,
        from,
        `2026-${from.slice(5, 7)}-01`,
        from,
      )
    }
  }
  return { events, oldCommunes, newCommunes, linked }
}
