/**
 * From a {@link HistoryPlan} to events that obey every write rule, by construction: units come
 * first; each participant's spells follow one another (a renewal starts the day after the paid
 * period, a return after a gap, never before a lapse that cut the previous spell); a lapse falls
 * inside the spell it cuts; a settlement pays at most what is owed on its day.
 *
 * The events of one stream and scheme keep their order; the streams are interleaved by the time
 * each fact was recorded (the history order of an agency that appends as it learns).
 *
 * @module history/build
 */
import {
  DEBT_SCHEMES,
  type DomainEvent,
  type EventDataMap,
  type EventId,
  type EventType,
  type LapseReason,
  type LineEvent,
  type ParticipantId,
  SCHEMES,
  type UnitCode,
  civilToDays,
  fromDayNumber,
  monthNumberOfDate,
} from '@ansinh/core'
import { formatInstant } from '../brands.js'
import type { HistoryPlan, RecordingPlan, SpellPlan, UnitsPlan } from './plan.js'

// -------------------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------------------

/** The units a built history establishes. */
export interface BuiltUnits {
  readonly provinces: readonly UnitCode[]
  readonly districts: readonly UnitCode[]
  readonly communes: readonly UnitCode[]
  /** Parent of each district and commune. */
  readonly parentOf: ReadonlyMap<string, UnitCode>
}

/** What a plan was built into. */
export interface BuiltHistory {
  /** The events in history order. */
  readonly events: readonly DomainEvent[]
  /** The same events with their 1-based position (and line, the same number). */
  readonly positioned: readonly LineEvent[]
  readonly units: BuiltUnits
  readonly participants: readonly ParticipantId[]
  readonly employers: readonly string[]
}

/** The collection agents enrolments name (voluntary). */
export const AGENTS = ['BD-PHANTHIET', 'BD-HAMTHUANBAC', 'UBND-XA-HAMHIEP', 'HTX-TANLAP', 'DL-THUONGTIN-07'] as const

const REASONS: readonly LapseReason[] = [
  'stopped-paying',
  'moved-to-compulsory',
  'lump-sum-withdrawal',
  'retired',
  'deceased',
  'other',
]

const MINUTE = 60_000
const DAY = 86_400_000
/** Vietnam is seven hours ahead of UTC. */
const VN_OFFSET_MINUTES = 420

/** The participant id of the n-th participant, e.g. `participantIdOf(7)` = `0000000007`. */
export const participantIdOf = (n: number): ParticipantId => String(n).padStart(10, '0') as ParticipantId

/** The event id of the n-th position: a fixed UUID, so shrunk counterexamples read easily. */
export const eventIdOf = (n: number): EventId =>
  `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}` as EventId

// -------------------------------------------------------------------------------------------------
// building
// -------------------------------------------------------------------------------------------------

interface Draft {
  readonly chain: string
  key: number
  readonly skew: number
  readonly type: EventType
  readonly data: EventDataMap[EventType]
}

/** 08:00 in Vietnam on day number `day`, in epoch milliseconds. */
const morningOf = (day: number): number => day * DAY + (8 * 60 - VN_OFFSET_MINUTES) * MINUTE

const keyOf = (day: number, r: RecordingPlan): number => morningOf(day + r.late) + r.delay * MINUTE

const buildUnits = (plan: UnitsPlan): BuiltUnits => {
  const provinces = Array.from({ length: Math.min(plan.provinces, 89) }, (_, i) => String(10 + i) as UnitCode)
  const districts = plan.districts.slice(0, 899).map((_, i) => String(100 + i) as UnitCode)
  const communes = plan.communes.slice(0, 89_999).map((_, i) => String(10_000 + i) as UnitCode)
  const parentOf = new Map<string, UnitCode>()
  districts.forEach((d, i) => parentOf.set(d, provinces[plan.districts[i]! % provinces.length]!))
  const parents = [...districts, ...provinces]
  communes.forEach((c, i) => parentOf.set(c, parents[plan.communes[i]! % parents.length]!))
  return { provinces, districts, communes, parentOf }
}

const LEVEL_NAMES = { province: 'Tỉnh', district: 'Huyện', commune: 'Xã' } as const

/**
 * Builds the events of a plan over the window of plan years `years`, e.g.
 * `buildHistory(plan, { from: 2019, to: 2021 }, options)`.
 */
export const buildHistory = (
  plan: HistoryPlan,
  years: { readonly from: number; readonly to: number },
  options: { readonly moves?: boolean } = {},
): BuiltHistory => {
  const start = civilToDays(years.from, 1, 1)
  const end = civilToDays(years.to, 12, 31)
  const units = buildUnits(plan.units)
  const allUnits = [...units.provinces, ...units.districts, ...units.communes]
  const drafts: Draft[] = []
  const add = (chain: string, day: number, r: RecordingPlan, type: EventType, data: EventDataMap[EventType]): void => {
    drafts.push({ chain, key: keyOf(day, r), skew: r.skew * MINUTE, type, data })
  }

  // Units: established the year before the window, recorded before anything else.
  const establishedOn = fromDayNumber(civilToDays(years.from - 1, 1, 1))
  const unitStart = morningOf(civilToDays(years.from - 1, 1, 1))
  for (const [level, codes] of [
    ['province', units.provinces],
    ['district', units.districts],
    ['commune', units.communes],
  ] as const) {
    for (const code of codes) {
      const parent = units.parentOf.get(code)
      const data =
        parent === undefined
          ? { code, name: `${LEVEL_NAMES[level]} ${code}`, level, establishedOn }
          : { code, name: `${LEVEL_NAMES[level]} ${code}`, level, parent, establishedOn }
      drafts.push({
        chain: `unit-${code}`,
        key: unitStart + drafts.length * MINUTE,
        skew: 0,
        type: 'UnitEstablished',
        data: data as EventDataMap['UnitEstablished'],
      })
    }
  }

  const participants = plan.participants.map((_, i) => participantIdOf(i + 1))
  const employers = plan.employers.map((_, i) => `Công ty TNHH số ${i + 1}`)
  plan.participants.forEach((p, i) => {
    const participantId = participants[i]!
    const home = units.communes[p.home % units.communes.length]!
    for (const scheme of SCHEMES) {
      const sp = p.schemes[scheme]
      if (sp === null) continue
      const chain = `participant-${participantId}-${scheme}`
      let cursor = start + sp.start
      for (const s of sp.spells) {
        const from = cursor + s.gap
        if (from > end) break
        const open = s.openEnded && (scheme === 'compulsory' || scheme === 'unemployment')
        const through = open ? null : from + s.length - 1
        const unit = options.moves === true ? units.communes[s.commune % units.communes.length]! : home
        add(
          chain,
          from,
          s.enrolRecorded,
          'ParticipantEnrolled',
          enrolment(participantId, scheme, unit, from, through, s, employers),
        )
        const lapsedOn = lapseDay(s, from, through)
        if (lapsedOn !== null) {
          add(chain, lapsedOn, s.lapseRecorded, 'ParticipantLapsed', {
            participantId,
            scheme,
            lapsedOn: fromDayNumber(lapsedOn),
            reason: REASONS[s.reason % REASONS.length]!,
          })
          cursor = lapsedOn
        } else if (through === null) break
        else cursor = through + 1
      }
    }
  })

  for (const q of plan.quotas) {
    const unit = allUnits[q.unit % allUnits.length]!
    const year = years.from + (q.year % (years.to - years.from + 1))
    const yearStart = civilToDays(year, 1, 1)
    for (const a of q.assignments) {
      // Plans are assigned from December of the year before through the plan year.
      const day = yearStart - 31 + (a.day % 396)
      const data =
        a.decision === null
          ? { unit, scheme: q.scheme, year, target: a.target, assignedOn: fromDayNumber(day) }
          : {
              unit,
              scheme: q.scheme,
              year,
              target: a.target,
              assignedOn: fromDayNumber(day),
              assignedBy: 'UBND tỉnh',
              decision: `${a.decision + 1}/QĐ-UBND`,
            }
      add(`quota-${unit}-${q.scheme}-${year}`, day, a.recorded, 'QuotaAssigned', data as EventDataMap['QuotaAssigned'])
    }
  }

  for (const e of plan.populations) {
    const unit = allUnits[e.unit % allUnits.length]!
    const year = years.from + (e.year % (years.to - years.from + 1))
    const labourForce = e.labourShare === null ? undefined : Math.max(1, Math.floor(e.population * e.labourShare))
    const data =
      labourForce === undefined
        ? { unit, year, population: e.population, source: 'Tổng cục Thống kê' }
        : { unit, year, population: e.population, labourForce }
    add(
      `population-${unit}`,
      civilToDays(year, 6, 30),
      e.recorded,
      'PopulationEstimated',
      data as EventDataMap['PopulationEstimated'],
    )
  }

  plan.employers.forEach((emp, i) => {
    const employer = employers[i]!
    const unit = units.communes[emp.unit % units.communes.length]!
    for (const scheme of DEBT_SCHEMES) {
      const steps = emp.ledgers[scheme]
      if (steps === null) continue
      let day = start + emp.start
      let owed = 0
      for (const step of steps) {
        day += step.gap
        if (day > end) break
        if (step.debt !== null) {
          const m = monthNumberOfDate(fromDayNumber(day)) - 1 - step.debt.monthsBack
          const period = `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`
          owed += step.debt.amount
          add(`employer-${employer}-${scheme}`, day, step.recorded, 'DebtRecorded', {
            employer,
            unit,
            scheme,
            period,
            amount: step.debt.amount,
            recordedOn: fromDayNumber(day),
          } as EventDataMap['DebtRecorded'])
        } else if (owed >= 1) {
          // Every earlier settlement was paid in full, so what is owed now is debts minus payments.
          const amount = Math.min(owed, Math.max(1, Math.ceil(step.share * owed)))
          owed -= amount
          add(`employer-${employer}-${scheme}`, day, step.recorded, 'DebtSettled', {
            employer,
            scheme,
            amount,
            settledOn: fromDayNumber(day),
          } as EventDataMap['DebtSettled'])
        }
      }
    }
  })

  // Version 2: payments (in a commune, through an agent or not) and revenue plans (any unit).
  for (const c of plan.collections ?? []) {
    const unit = units.communes[c.unit % units.communes.length]!
    const day = start + (c.day % (end - start + 1))
    const data = {
      unit,
      scheme: c.scheme,
      amount: c.amount,
      collectedOn: fromDayNumber(day),
      ...(c.agent === null ? {} : { agent: AGENTS[c.agent % AGENTS.length]! }),
    }
    add(`collection-${unit}`, day, c.recorded, 'ContributionCollected', data as EventDataMap['ContributionCollected'])
  }
  for (const r of plan.revenuePlans ?? []) {
    const unit = allUnits[r.unit % allUnits.length]!
    const year = years.from + (r.year % (years.to - years.from + 1))
    const yearStart = civilToDays(year, 1, 1)
    for (const a of r.assignments) {
      const day = yearStart - 31 + (a.day % 396)
      add(`revenue-plan-${unit}-${year}`, day, a.recorded, 'RevenuePlanAssigned', {
        unit,
        year,
        amount: a.amount,
        assignedOn: fromDayNumber(day),
      } as EventDataMap['RevenuePlanAssigned'])
    }
  }

  const events = order(drafts)
  return {
    events,
    positioned: events.map((event, i) => ({ event, position: i + 1, line: i + 1 })),
    units,
    participants,
    employers,
  }
}

const enrolment = (
  participantId: ParticipantId,
  scheme: (typeof SCHEMES)[number],
  unit: UnitCode,
  from: number,
  through: number | null,
  s: SpellPlan,
  employers: readonly string[],
): EventDataMap['ParticipantEnrolled'] => {
  const base = {
    participantId,
    scheme,
    unit,
    coveredFrom: fromDayNumber(from),
    coveredThrough: through === null ? null : fromDayNumber(through),
  }
  if (scheme === 'voluntary' && s.agent !== null)
    return { ...base, agent: AGENTS[s.agent % AGENTS.length]! } as EventDataMap['ParticipantEnrolled']
  if ((scheme === 'compulsory' || scheme === 'unemployment') && s.employer !== null && employers.length > 0) {
    return { ...base, employer: employers[s.employer % employers.length]! } as EventDataMap['ParticipantEnrolled']
  }
  return base as EventDataMap['ParticipantEnrolled']
}

/** The day a spell's lapse falls on: after `coveredFrom`, on or before `coveredThrough`; null for none. */
const lapseDay = (s: SpellPlan, from: number, through: number | null): number | null => {
  if (s.lapse === null) return null
  if (through === null) return from + 1 + s.lapse
  return through > from ? from + 1 + (s.lapse % (through - from)) : null
}

/**
 * History order: by recording time, each stream and scheme kept in its own order (an event is never
 * placed before an earlier event of its chain, even when recorded "earlier"); the written
 * `recordedAt` is that time minus the skew.
 */
const order = (drafts: Draft[]): DomainEvent[] => {
  const last = new Map<string, number>()
  for (const d of drafts) {
    const before = last.get(d.chain)
    if (before !== undefined && d.key <= before) d.key = before + MINUTE
    last.set(d.chain, d.key)
  }
  const sorted = drafts.map((d, i) => ({ d, i })).sort((a, b) => a.d.key - b.d.key || a.i - b.i)
  return sorted.map(
    ({ d }, i) =>
      ({
        id: eventIdOf(i + 1),
        type: d.type,
        recordedAt: formatInstant(d.key - d.skew, VN_OFFSET_MINUTES, false),
        data: d.data,
      }) as DomainEvent,
  )
}
