/**
 * The participants of a generated province. Each person is one of three kinds — health cards only,
 * an employee (compulsory + unemployment, open-ended, moving between employers, retiring), or a
 * voluntary payer (monthly, quarterly, 6-monthly or yearly renewals) — and most also hold a yearly
 * health card. Their next actions wait in per-day buckets; the state is a few typed arrays.
 *
 * Why every event obeys the write rules: a person's renewal starts the day after the paid-through
 * date (no overlap); a lapse falls at least 26 days after the start of the period it cuts and no
 * later than its end; an employer move lapses the open enrolments on day D and enrols again from D;
 * a late record is emitted at most 25 days late, before any later action on the same scheme.
 *
 * @module participants
 */
import type { DomainEvent, LapseReason, ParticipantEnrolled, Scheme } from '@ansinh/core'
import type { Rng } from '@ansinh/testing/prng'
import { type ProvinceLayout, drawCommune, employerReference } from './province.js'
import { Calendar, type Recorder } from './recorder.js'

/** The scheduled actions of a day, and who took part. */
export interface ParticipantActions {
  /** The events of the actions due on `day`. */
  day(day: number): Generator<DomainEvent>
  /** How many distinct people enrolled at least once so far. */
  enrolledPeople(): number
}

const HEALTH = 1,
  HEALTH_LAPSE = 2,
  VOLUNTARY = 3,
  VOLUNTARY_LAPSE = 4,
  VOLUNTARY_TO_WORK = 5,
  WORK_START = 6,
  WORK_CHANGE = 7
/** Payment modes of voluntary participants, in months, and how common each is. */
const MODES = [1, 3, 6, 12]
const MODE_SHARE = [0.2, 0.35, 0.25, 0.2]
/** Share of enrolments recorded late, and by how many days at most. */
const LATE_SHARE = 0.03
const MAX_LATE_DAYS = 25

/** The people of a province over [day0, dayEnd], their employers drawn from `employers` (count) with `employerUnit`. */
export const participantActions = (
  scale: { readonly participants: number; readonly employers: number; readonly province: string },
  layout: ProvinceLayout,
  employerUnit: (e: number) => number,
  rng: Rng,
  recorder: Recorder,
  calendar: Calendar,
  day0: number,
  dayEnd: number,
): ParticipantActions => {
  const n = scale.participants
  const unit = new Uint16Array(n)
  const mode = new Uint8Array(n)
  const healthNext = new Int32Array(n),
    voluntaryNext = new Int32Array(n),
    workNext = new Int32Array(n)
  const enrolled = new Uint8Array(n)
  let people = 0
  const buckets: number[][] = Array.from({ length: dayEnd - day0 + 1 }, () => [])
  const schedule = (day: number, p: number, action: number): void => {
    if (day <= dayEnd) buckets[day - day0]!.push(p * 8 + action)
  }
  // Enrolments are sometimes recorded late: the action runs up to 25 days after its business date.
  const scheduleEnrolment = (day: number, p: number, action: number): void =>
    schedule(rng.chance(LATE_SHARE) ? day + rng.int(5, MAX_LATE_DAYS) : day, p, action)
  const drawMode = (): number => {
    let x = rng.next()
    for (let k = 0; k < MODES.length; k++) if ((x -= MODE_SHARE[k]!) < 0) return MODES[k]!
    return 12
  }
  const span = dayEnd - day0 + 1
  for (let p = 0; p < n; p++) {
    unit[p] = drawCommune(layout, rng)
    // Most people are already taking part when the history starts: they are registered in its first quarter.
    const join = day0 + (rng.chance(0.55) ? rng.int(0, 89) : rng.int(0, span - 1))
    const kind = rng.next()
    if (kind < 0.55) {
      healthNext[p] = join
      scheduleEnrolment(join, p, HEALTH)
    } else if (kind < 0.83) {
      workNext[p] = join
      scheduleEnrolment(join, p, WORK_START)
      if (rng.chance(0.7)) scheduleEnrolment((healthNext[p] = join + rng.int(0, 60)), p, HEALTH)
    } else {
      mode[p] = drawMode()
      voluntaryNext[p] = join
      scheduleEnrolment(join, p, VOLUNTARY)
      if (rng.chance(0.6)) scheduleEnrolment((healthNext[p] = join + rng.int(0, 60)), p, HEALTH)
    }
  }

  const participantId = (p: number): never => {
    const digits = String(p)
    return (layout.code + '00000000'.slice(digits.length) + digits) as never
  }
  const agents = Array.from({ length: 50 }, (_, k) => `DL-${layout.code}-${String(k).padStart(3, '0')}`)
  const text = (d: number): never => calendar.text(d) as never
  const count = (p: number): void => {
    if (enrolled[p] === 0) {
      enrolled[p] = 1
      people++
    }
  }
  const enrol = (
    p: number,
    scheme: Scheme,
    u: number,
    from: number,
    through: number | null,
    agent: string | null,
    employerRef: string | null,
  ): DomainEvent => {
    count(p)
    const data: ParticipantEnrolled = {
      participantId: participantId(p),
      scheme,
      unit: layout.communes[u]!.code as never,
      coveredFrom: text(from),
      coveredThrough: through === null ? null : text(through),
    }
    if (agent !== null) (data as { agent?: string }).agent = agent
    if (employerRef !== null) (data as { employer?: string }).employer = employerRef
    return recorder.record('ParticipantEnrolled', data)
  }
  const lapse = (p: number, scheme: Scheme, on: number, reason: LapseReason): DomainEvent =>
    recorder.record('ParticipantLapsed', { participantId: participantId(p), scheme, lapsedOn: text(on), reason })
  /** A lapse day inside the period [from, through], at least 26 days after its start. */
  const lapseDayIn = (from: number, through: number): number => rng.int(from + 26, through)

  function* startWork(p: number, from: number): Generator<DomainEvent> {
    const e = rng.int(0, scale.employers - 1)
    const ref = employerReference(layout.code, e)
    yield enrol(p, 'compulsory', employerUnit(e), from, null, null, ref)
    yield enrol(p, 'unemployment', employerUnit(e), from, null, null, ref)
    schedule(from + Math.max(60, Math.round(rng.exponential(3 * 365))), p, WORK_CHANGE)
  }

  function* act(day: number, p: number, action: number): Generator<DomainEvent> {
    switch (action) {
      case HEALTH: {
        const from = healthNext[p]!,
          through = Calendar.addMonths(from, 12) - 1
        yield enrol(p, 'health', unit[p]!, from, through, null, null)
        const r = rng.next()
        if (r < 0.86) scheduleEnrolment((healthNext[p] = through + 1), p, HEALTH)
        else if (r < 0.9) schedule(lapseDayIn(from, through), p, HEALTH_LAPSE)
        else scheduleEnrolment((healthNext[p] = through + 1 + rng.int(30, 400)), p, HEALTH)
        return
      }
      case HEALTH_LAPSE:
        yield lapse(p, 'health', day, rng.chance(0.3) ? 'deceased' : 'other')
        return
      case VOLUNTARY: {
        const from = voluntaryNext[p]!,
          through = Calendar.addMonths(from, mode[p]!) - 1
        yield enrol(p, 'voluntary', unit[p]!, from, through, agents[p % 50]!, null)
        // About a quarter of voluntary payers stop within a year.
        if (!rng.chance(1 - Math.pow(0.78, mode[p]! / 12))) {
          scheduleEnrolment((voluntaryNext[p] = through + 1), p, VOLUNTARY)
          return
        }
        const s = rng.next()
        if (s < 0.1) schedule(lapseDayIn(from, through), p, VOLUNTARY_LAPSE)
        else if (s < 0.25) schedule(lapseDayIn(from, through), p, VOLUNTARY_TO_WORK)
        else if (s < 0.55) {
          // Returning after a gap (tham gia lại), sometimes with another payment mode.
          if (rng.chance(0.3)) mode[p] = drawMode()
          scheduleEnrolment((voluntaryNext[p] = through + 1 + rng.int(31, 365)), p, VOLUNTARY)
        }
        return
      }
      case VOLUNTARY_LAPSE:
        yield lapse(p, 'voluntary', day, 'lump-sum-withdrawal')
        return
      case VOLUNTARY_TO_WORK:
        yield lapse(p, 'voluntary', day, 'moved-to-compulsory')
        yield* startWork(p, day)
        return
      case WORK_START:
        yield* startWork(p, workNext[p]!)
        return
      case WORK_CHANGE: {
        const r = rng.next()
        if (r < 0.65) {
          yield lapse(p, 'compulsory', day, 'other')
          yield lapse(p, 'unemployment', day, 'other')
          yield* startWork(p, day)
        } else if (r < 0.85) {
          const retired = rng.chance(0.4)
          yield lapse(p, 'compulsory', day, retired ? 'retired' : 'stopped-paying')
          yield lapse(p, 'unemployment', day, retired ? 'retired' : 'stopped-paying')
          if (!retired && rng.chance(0.6)) scheduleEnrolment((workNext[p] = day + rng.int(60, 500)), p, WORK_START)
        } else {
          schedule(day + Math.max(60, Math.round(rng.exponential(3 * 365))), p, WORK_CHANGE)
        }
        return
      }
    }
  }

  return {
    *day(day: number) {
      const bucket = buckets[day - day0]!
      // Actions scheduled for today while today runs (a same-day move) join the end of the bucket.
      for (let k = 0; k < bucket.length; k++) yield* act(day, Math.floor(bucket[k]! / 8), bucket[k]! % 8)
      buckets[day - day0] = []
    },
    enrolledPeople: () => people,
  }
}
