/**
 * The scale generator: a deterministic, streaming history of one province over several years —
 * units, yearly plans with revisions, population estimates, participants who renew, lapse, return,
 * change employer and retire, and employers who fall into debt and settle it. Events come out in
 * the order they are recorded, day by day; a few are recorded late (their business date is days
 * before the day they are recorded). Every event obeys the write rules of the deciders.
 *
 * Memory: a few typed arrays per participant and per employer, and the actions scheduled for each
 * day — never the history itself.
 *
 * @module generator
 */
import { type DomainEvent, civilToDays, daysToCivil } from '@ansinh/core'
import { EmployerBook } from './employers.js'
import { Rng } from '@ansinh/testing/prng'
import { layoutProvince, populationEvents, quotaEvents, unitEvents } from './province.js'
import { Calendar, Recorder, type ScaleStats, emptyStats } from './recorder.js'
import { type ParticipantActions, participantActions } from './participants.js'

/** The size and shape of a generated history. */
export interface ScaleOptions {
  readonly seed: number
  /** How many people take part at some time. */
  readonly participants: number
  /** How many employers (who employ the compulsory participants and owe debts). */
  readonly employers: number
  readonly communes: number
  readonly districts: number
  readonly startYear: number
  readonly years: number
  /** The 2-digit province code; participant ids and unit codes are derived from it. */
  readonly province: string
}

/** A province of ~2.5M participants, 200 communes, 10,000 employers over 2020–2024. */
export const FULL_SCALE: ScaleOptions = {
  seed: 20200930,
  participants: 2_500_000,
  employers: 10_000,
  communes: 200,
  districts: 10,
  startYear: 2020,
  years: 5,
  province: '60',
}

/** One tenth of {@link FULL_SCALE} (participants and employers); the same geography and years. */
export const QUICK_SCALE: ScaleOptions = { ...FULL_SCALE, participants: 250_000, employers: 1_000 }

/** A scale divided by `factor` (participants and employers), e.g. the small history of a growth comparison. */
export const scaledDown = (scale: ScaleOptions, factor: number): ScaleOptions => ({
  ...scale,
  participants: Math.max(1, Math.round(scale.participants / factor)),
  employers: Math.max(1, Math.round(scale.employers / factor)),
})

/**
 * The history of a generated province, event by event, in the order the events are recorded.
 * The same options give the same events.
 *
 * @example for (const e of generateHistory(QUICK_SCALE)) store(e)
 */
export function* generateHistory(scale: ScaleOptions, stats: ScaleStats = emptyStats()): Generator<DomainEvent> {
  const rng = new Rng(scale.seed ^ (+scale.province * 7919))
  const layout = layoutProvince(scale.province, scale.districts, scale.communes, rng)
  const day0 = civilToDays(scale.startYear, 1, 1)
  const dayEnd = civilToDays(scale.startYear + scale.years - 1, 12, 31)
  const calendar = new Calendar(day0 - 60, dayEnd + 400)
  const recorder = new Recorder(scale.seed, scale.province, stats)
  const employers = new EmployerBook(scale.employers, layout, rng, recorder, calendar)
  const people: ParticipantActions = participantActions(
    scale,
    layout,
    (e) => employers.unitOf(e),
    rng,
    recorder,
    calendar,
    day0,
    dayEnd,
  )
  for (let day = day0; day <= dayEnd; day++) {
    const text = calendar.text(day)
    recorder.startDay(text)
    const [y, m, d] = daysToCivil(day)
    if (day === day0) yield* counted(recorder, unitEvents(layout, text, recorder.stamp))
    if (m === 1 && d === 10)
      yield* counted(recorder, quotaEvents(layout, scale.participants, y, text, 1, rng, recorder.stamp))
    // In most years the province revises its plans at mid-year.
    if (m === 7 && d === 1 && rng.chance(0.6))
      yield* counted(
        recorder,
        quotaEvents(layout, scale.participants, y, text, 0.92 + 0.16 * rng.next(), rng, recorder.stamp),
      )
    if (m === 3 && d === 31)
      yield* counted(
        recorder,
        populationEvents(layout, scale.participants, y, 1 + 0.01 * (y - scale.startYear), recorder.stamp),
      )
    yield* people.day(day)
    yield* employers.day(day, d)
  }
  stats.participants = people.enrolledPeople()
}

function* counted(recorder: Recorder, events: Iterable<DomainEvent>): Generator<DomainEvent> {
  for (const e of events) yield recorder.count(e)
}

export { type ScaleStats, emptyStats }
