/**
 * An independent, deliberately plain count of the figures straight from the read-model definitions:
 * the tests use it to check the generators without the projection packages, and the auditor story
 * uses it to list which participants a late record adds or removes.
 *
 * It indexes the history once (per participant and scheme) and folds that index per query.
 *
 * @module tally
 */
import { type DomainEvent, type Scheme, dayNumber, instantMillis } from '@ansinh/core'

interface Enrolment {
  readonly from: number
  readonly through: number
  readonly unit: string
  readonly position: number
  readonly recordedAt: number
}
interface Lapse {
  readonly on: number
  readonly recordedAt: number
}
interface Stream {
  readonly enrolments: Enrolment[]
  readonly lapses: Lapse[]
}
interface Quota {
  readonly unit: string
  readonly scheme: Scheme
  readonly year: number
  readonly target: number
  readonly assignedOn: number
  readonly position: number
  readonly recordedAt: number
}

/** A participant covered on a day and the unit counting them. */
export interface CoveredParticipant {
  readonly participantId: string
  readonly unit: string
}

const known = (recordedAt: number, knownAt: number | null): boolean => knownAt === null || recordedAt <= knownAt

/** The read-model figures of a history, counted naively. */
export class Tally {
  private readonly streams = new Map<string, Stream>()
  private readonly parents = new Map<string, string | null>()
  private readonly names = new Map<string, string>()
  private readonly quotas: Quota[] = []
  private readonly populations: {
    unit: string
    year: number
    population: number
    labourForce: number | null
    position: number
    recordedAt: number
  }[] = []
  private readonly debts: DomainEvent[] = []
  private readonly positions = new Map<DomainEvent, number>()

  /** Indexes a history (positions are 1-based, in the given order). */
  constructor(events: readonly DomainEvent[]) {
    events.forEach((e, i) => {
      const position = i + 1
      const recordedAt = instantMillis(e.recordedAt)
      switch (e.type) {
        case 'ParticipantEnrolled':
        case 'ParticipantLapsed': {
          const key = `${e.data.participantId}/${e.data.scheme}`
          let s = this.streams.get(key)
          if (s === undefined) this.streams.set(key, (s = { enrolments: [], lapses: [] }))
          if (e.type === 'ParticipantEnrolled') {
            const d = e.data
            s.enrolments.push({
              from: dayNumber(d.coveredFrom),
              through: d.coveredThrough === null ? Infinity : dayNumber(d.coveredThrough),
              unit: d.unit,
              position,
              recordedAt,
            })
          } else s.lapses.push({ on: dayNumber(e.data.lapsedOn), recordedAt })
          return
        }
        case 'UnitEstablished':
          this.parents.set(e.data.code, e.data.parent ?? null)
          this.names.set(e.data.code, e.data.name)
          return
        case 'QuotaAssigned':
          this.quotas.push({ ...e.data, assignedOn: dayNumber(e.data.assignedOn), position, recordedAt })
          return
        case 'PopulationEstimated':
          this.populations.push({
            unit: e.data.unit,
            year: e.data.year,
            population: e.data.population,
            labourForce: e.data.labourForce ?? null,
            position,
            recordedAt,
          })
          return
        case 'DebtRecorded':
        case 'DebtSettled':
          this.debts.push(e)
          this.positions.set(e, position)
          return
      }
    })
  }

  /** Whether `unit` is `root` or below it (parent links; a unit nobody established is its own subtree). */
  inSubtree(unit: string, root: string | null): boolean {
    if (root === null) return true
    for (let u: string | null | undefined = unit; u != null; u = this.parents.get(u)) if (u === root) return true
    return false
  }

  /** The children of a unit (null: the units without a parent), sorted by code. */
  children(unit: string | null): string[] {
    return [...this.parents]
      .filter(([, p]) => p === unit)
      .map(([c]) => c)
      .sort()
  }

  /** The name of an established unit. */
  nameOf(unit: string): string | undefined {
    return this.names.get(unit)
  }

  private readonly countsByUnit = new Map<string, Map<string, number>>()

  /** Every participant covered under `scheme` on `day`, with the unit counting them. */
  covered(scheme: Scheme, day: string, knownAt: number | null): CoveredParticipant[] {
    const d = dayNumber(day)
    const out: CoveredParticipant[] = []
    const suffix = '/' + scheme
    for (const [key, s] of this.streams) {
      if (!key.endsWith(suffix)) continue
      let best: Enrolment | null = null
      for (const e of s.enrolments) {
        if (!known(e.recordedAt, knownAt) || e.from > d || e.through < d) continue
        if (s.lapses.some((l) => known(l.recordedAt, knownAt) && e.from < l.on && l.on <= d)) continue
        if (best === null || e.from > best.from || (e.from === best.from && e.position > best.position)) best = e
      }
      if (best !== null) out.push({ participantId: key.slice(0, key.length - suffix.length), unit: best.unit })
    }
    return out
  }

  /** participants(U, s, d) as known at `knownAt` (the count per unit is kept per question: tests ask often). */
  participants(unit: string | null, scheme: Scheme, day: string, knownAt: number | null): number {
    const key = `${scheme}/${day}/${knownAt}`
    let counts = this.countsByUnit.get(key)
    if (counts === undefined) {
      counts = new Map()
      for (const p of this.covered(scheme, day, knownAt)) counts.set(p.unit, (counts.get(p.unit) ?? 0) + 1)
      this.countsByUnit.set(key, counts)
    }
    let total = 0
    for (const [u, n] of counts) if (this.inSubtree(u, unit)) total += n
    return total
  }

  /** The target of (unit, scheme, year) in force on `asOf`, or null. */
  target(unit: string, scheme: Scheme, year: number, asOf: string, knownAt: number | null): number | null {
    const d = dayNumber(asOf)
    let best: Quota | null = null
    for (const q of this.quotas) {
      if (
        q.unit !== unit ||
        q.scheme !== scheme ||
        q.year !== year ||
        q.assignedOn > d ||
        !known(q.recordedAt, knownAt)
      )
        continue
      if (
        best === null ||
        q.assignedOn > best.assignedOn ||
        (q.assignedOn === best.assignedOn && q.position > best.position)
      )
        best = q
    }
    return best === null ? null : best.target
  }

  /** Participants counted in `unit` on `asOf` who are not covered on 31 December of `year`. */
  expiringBeforeYearEnd(unit: string, scheme: Scheme, asOf: string, year: number, knownAt: number | null): number {
    const yearEnd = `${year}-12-31`
    if (dayNumber(asOf) >= dayNumber(yearEnd)) return 0
    const atYearEnd = new Set(this.covered(scheme, yearEnd, knownAt).map((p) => p.participantId))
    return this.covered(scheme, asOf, knownAt).filter(
      (p) => this.inSubtree(p.unit, unit) && !atYearEnd.has(p.participantId),
    ).length
  }

  /** The known population estimate of `unit` with the greatest year ≤ `year`. */
  estimate(
    unit: string,
    year: number,
    knownAt: number | null,
  ): { year: number; population: number; labourForce: number | null } | null {
    let best: (typeof this.populations)[number] | null = null
    for (const p of this.populations) {
      if (p.unit !== unit || p.year > year || !known(p.recordedAt, knownAt)) continue
      if (best === null || p.year > best.year || (p.year === best.year && p.position > best.position)) best = p
    }
    return best
  }

  /** The outstanding employer debt in `unit` on `asOf`, by the debt report's allocation. */
  outstanding(unit: string | null, asOf: string, knownAt: number | null): number {
    const d = dayNumber(asOf)
    type Debt = { unit: string; period: string; recordedOn: number; position: number; left: number }
    const ledgers = new Map<
      string,
      { debts: Debt[]; settlements: { on: number; position: number; amount: number }[] }
    >()
    for (const e of this.debts) {
      if (!known(instantMillis(e.recordedAt), knownAt)) continue
      const position = this.positions.get(e)!
      if (e.type !== 'DebtRecorded' && e.type !== 'DebtSettled') continue
      const key = `${e.data.employer}/${e.data.scheme}`
      let l = ledgers.get(key)
      if (l === undefined) ledgers.set(key, (l = { debts: [], settlements: [] }))
      if (e.type === 'DebtRecorded') {
        if (dayNumber(e.data.recordedOn) <= d)
          l.debts.push({
            unit: e.data.unit,
            period: e.data.period,
            recordedOn: dayNumber(e.data.recordedOn),
            position,
            left: e.data.amount,
          })
      } else if (dayNumber(e.data.settledOn) <= d)
        l.settlements.push({ on: dayNumber(e.data.settledOn), position, amount: e.data.amount })
    }
    let total = 0
    for (const l of ledgers.values()) {
      l.debts.sort((a, b) =>
        a.period < b.period ? -1 : a.period > b.period ? 1 : a.recordedOn - b.recordedOn || a.position - b.position,
      )
      l.settlements.sort((a, b) => a.on - b.on || a.position - b.position)
      for (const s of l.settlements) {
        let amount = s.amount
        for (const debt of l.debts) {
          if (amount === 0) break
          if (debt.recordedOn > s.on || debt.left === 0) continue
          const paid = Math.min(amount, debt.left)
          debt.left -= paid
          amount -= paid
        }
      }
      for (const debt of l.debts) if (this.inSubtree(debt.unit, unit)) total += debt.left
    }
    return total
  }
}
