/**
 * Stamping generated events: a cached calendar of day texts, and ids and recording instants that
 * increase through each business day.
 *
 * @module recorder
 */
import {
  type DomainEvent,
  type EventDataMap,
  type EventId,
  type EventOf,
  type EventType,
  type Instant,
  civilToDays,
  daysInMonth,
  daysToCivil,
  fromDayNumber,
} from '@ansinh/core'
import type { Stamp } from './province.js'

/** What a generated history holds; filled in while it is generated. */
export interface ScaleStats {
  events: number
  /** Distinct participants with at least one enrolment. */
  participants: number
  /** Enrolments (participant-periods). */
  periods: number
  readonly byType: Record<EventType, number>
}

/** Empty statistics to pass to the generator. */
export const emptyStats = (): ScaleStats => ({
  events: 0,
  participants: 0,
  periods: 0,
  byType: {
    ParticipantEnrolled: 0,
    ParticipantLapsed: 0,
    QuotaAssigned: 0,
    DebtRecorded: 0,
    DebtSettled: 0,
    UnitEstablished: 0,
    PopulationEstimated: 0,
    ContributionCollected: 0,
    RevenuePlanAssigned: 0,
    UnitChanged: 0,
    UnitDissolved: 0,
    ParticipantIdentified: 0,
  },
})

/** Day numbers and their `YYYY-MM-DD` text, cached over the range a history touches. */
export class Calendar {
  private readonly texts: string[] = []
  constructor(
    readonly first: number,
    readonly last: number,
  ) {
    for (let d = first; d <= last; d++) this.texts.push(fromDayNumber(d))
  }

  /** The text of day `d`. */
  text(d: number): string {
    return d >= this.first && d <= this.last ? this.texts[d - this.first]! : fromDayNumber(d)
  }

  /** The day `months` months after `d` (day of month clamped to the month's length). */
  static addMonths(d: number, months: number): number {
    const [y, m, day] = daysToCivil(d)
    const total = y * 12 + (m - 1) + months
    const ny = Math.floor(total / 12),
      nm = (total % 12) + 1
    return civilToDays(ny, nm, Math.min(day, daysInMonth(ny, nm)))
  }
}

/** The `Thh:mm:ss+07:00` tail of an instant, for each second of a day. */
const CLOCK: string[] = Array.from({ length: 86_400 }, (_, s) => {
  const two = (n: number): string => (n < 10 ? '0' : '') + n
  return `T${two((s / 3600) | 0)}:${two(((s / 60) | 0) % 60)}:${two(s % 60)}+07:00`
})

/** Emits events with ids and recording instants in history order, and counts them. */
export class Recorder {
  private counter = 0
  private today = ''
  private seconds = 0
  private readonly prefix: string

  constructor(
    seed: number,
    province: string,
    readonly stats: ScaleStats,
  ) {
    const s = (seed >>> 0).toString(16).padStart(8, '0')
    this.prefix = `${s}-${(+province).toString(16).padStart(4, '0')}-4000-8000-`
  }

  /** Starts a business day: instants count up from 07:00 local time. */
  startDay(text: string): void {
    this.today = text
    this.seconds = 7 * 3600
  }

  /** The id and recording instant of the next event. */
  readonly stamp: Stamp = () => ({ id: this.nextId(), recordedAt: this.now() })

  /** The next event of type `type` with `data`, stamped and counted. */
  record<T extends EventType>(type: T, data: EventDataMap[T]): EventOf<T> {
    const e = { id: this.nextId(), type, recordedAt: this.now(), data }
    this.stats.events++
    this.stats.byType[type]++
    if (type === 'ParticipantEnrolled') this.stats.periods++
    return e
  }

  /** Counts an event stamped with {@link stamp} on its way out. */
  count(e: DomainEvent): DomainEvent {
    this.stats.events++
    this.stats.byType[e.type]++
    if (e.type === 'ParticipantEnrolled') this.stats.periods++
    return e
  }

  private nextId(): EventId {
    const hex = (this.counter++).toString(16)
    return (this.prefix + '000000000000'.slice(hex.length) + hex) as EventId
  }

  private now(): Instant {
    return (this.today + CLOCK[Math.min(this.seconds++, 86_399)]!) as Instant
  }
}
