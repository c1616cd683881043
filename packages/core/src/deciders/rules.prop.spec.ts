import * as E from 'fp-ts/lib/Either.js'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { denseAsOf, denseHistory } from '@ansinh/testing'
import type { DomainEvent } from '../events.js'
import { dayNumber, fromDayNumber as fromDay, monthNumber } from '../values.js'
import { type DatedAmount, employerDecider, outstandingOn } from './employer.js'
import { participantDecider } from './participant.js'
import { debtRecorded, debtSettled, enrol, enrolled, lapse, lapsed } from '@ansinh/testing'

// Naive peers written straight from the definitions, day by day and debt by debt, to compare the
// deciders' shortcuts against. The facts come from the kit's edge-dense histories (days on and
// around a dozen awkward ones), all read as facts of ONE participant in one scheme, or of one
// employer in one scheme, so that periods, lapses, debts and settlements collide.

interface Period {
  from: number
  through: number | null
}

/** Read models: e covers d when from ≤ d ≤ through (or open) and no lapse l has from < l ≤ d. */
const covers = (e: Period, lapses: number[], d: number): boolean =>
  e.from <= d && (e.through === null || d <= e.through) && !lapses.some((l) => e.from < l && l <= d)

const periodOf = (e: DomainEvent & { type: 'ParticipantEnrolled' }): Period => ({
  from: dayNumber(e.data.coveredFrom),
  through: e.data.coveredThrough === null ? null : dayNumber(e.data.coveredThrough),
})

/**
 * The enrolled periods and lapse days of a dense history, as one participant's. A period that ends
 * before it starts is left out of the given facts: the decider refuses it, so its state never
 * holds one.
 */
const participationOf = (events: readonly DomainEvent[]): { periods: Period[]; lapses: number[] } => ({
  periods: events
    .flatMap((e) => (e.type === 'ParticipantEnrolled' ? [periodOf(e)] : []))
    .filter((p) => p.through === null || p.through >= p.from),
  lapses: events.flatMap((e) => (e.type === 'ParticipantLapsed' ? [dayNumber(e.data.lapsedOn)] : [])),
})

const givenOf = (
  scheme: 'compulsory' | 'unemployment',
  { periods, lapses }: { periods: Period[]; lapses: number[] },
) => [
  ...periods.map((p) =>
    enrolled({ scheme, coveredFrom: fromDay(p.from), coveredThrough: p.through === null ? null : fromDay(p.through) }),
  ),
  ...lapses.map((l) => lapsed({ scheme, lapsedOn: fromDay(l) })),
]

/** A dense history and the last enrolment drawn in it, as the command to decide. */
const enrolCase = denseHistory({ events: { min: 1, max: 30 } }).filter((h) =>
  h.events.some((e) => e.type === 'ParticipantEnrolled'),
)

describe('participant rules agree with coverage day by day', () => {
  it('enrol is refused for overlap exactly when some day of the period is already covered', () => {
    fc.assert(
      fc.property(enrolCase, (h) => {
        const last = h.events.findLastIndex((e) => e.type === 'ParticipantEnrolled')
        const next = periodOf(h.events[last] as DomainEvent & { type: 'ParticipantEnrolled' })
        const facts = participationOf(h.events.filter((_, i) => i !== last))
        const state = givenOf('compulsory', facts).reduce(participantDecider.evolve, participantDecider.initialState)
        const command = enrol({
          scheme: 'compulsory',
          coveredFrom: fromDay(next.from),
          coveredThrough: next.through === null ? null : fromDay(next.through),
        })
        const result = participantDecider.decide(command, state)
        // past every named day nothing new starts, so an open period need not be followed further
        const horizon =
          Math.max(next.from, ...facts.periods.flatMap((p) => [p.from, p.through ?? p.from]), ...facts.lapses) + 1
        const end = next.through ?? horizon
        let overlaps = false
        for (let d = next.from; d <= end && !overlaps; d++)
          overlaps = facts.periods.some((p) => covers(p, facts.lapses, d))
        const expected =
          next.through !== null && next.through < next.from
            ? 'CoveredThroughBeforeCoveredFrom'
            : overlaps
              ? 'CoverageOverlap'
              : 'accepted'
        expect(E.isLeft(result) ? result.left._tag : 'accepted').toBe(expected)
      }),
      { numRuns: 300 },
    )
  })

  it('lapse is accepted exactly when some enrolment started before it still covers its day', () => {
    fc.assert(
      fc.property(
        denseHistory({ events: { min: 0, max: 30 } }).chain((h) =>
          denseAsOf(h).map((day) => ({ h, day: dayNumber(day) })),
        ),
        ({ h, day }) => {
          const facts = participationOf(h.events)
          const state = givenOf('unemployment', facts).reduce(
            participantDecider.evolve,
            participantDecider.initialState,
          )
          const result = participantDecider.decide(lapse({ scheme: 'unemployment', lapsedOn: fromDay(day) }), state)
          const cuts = facts.periods.some((p) => p.from < day && covers(p, facts.lapses, day))
          expect(E.isRight(result)).toBe(cuts)
        },
      ),
      { numRuns: 300 },
    )
  })
})

/** Read models, debt-balance report: allocate each settlement to debts, oldest period first. */
const naiveOutstanding = (
  debts: Array<DatedAmount & { period: number; position: number }>,
  settlements: Array<DatedAmount & { position: number }>,
  day: number,
): number => {
  const owed = debts.filter((d) => d.day <= day).map((d) => ({ ...d, left: d.amount }))
  owed.sort((a, b) => a.period - b.period || a.day - b.day || a.position - b.position)
  const paying = settlements.filter((s) => s.day <= day).sort((a, b) => a.day - b.day || a.position - b.position)
  for (const s of paying) {
    let money = s.amount
    for (const d of owed) {
      if (d.day > s.day || money === 0) continue
      const paid = Math.min(money, d.left)
      d.left -= paid
      money -= paid
    }
  }
  return owed.reduce((sum, d) => sum + d.left, 0)
}

describe('outstanding debt agrees with the allocation rule of the debt-balance report', () => {
  it('for any debts and settlements, on any day', () => {
    const ledgers = denseHistory({ focus: 'debts', events: { min: 0, max: 25 } }).chain((h) =>
      denseAsOf(h).map((day) => ({ h, day: dayNumber(day) })),
    )
    fc.assert(
      fc.property(ledgers, ({ h, day }) => {
        // every debt and settlement of the history, as one employer's in one scheme, in history order
        const debts = h.events.flatMap((e, position) =>
          e.type === 'DebtRecorded'
            ? [
                {
                  day: dayNumber(e.data.recordedOn),
                  amount: e.data.amount,
                  period: monthNumber(e.data.period),
                  month: e.data.period,
                  position,
                },
              ]
            : [],
        )
        const settlements = h.events.flatMap((e, position) =>
          e.type === 'DebtSettled' ? [{ day: dayNumber(e.data.settledOn), amount: e.data.amount, position }] : [],
        )
        // The ledger comes from evolve, interleaving debts and settlements, so its ordering is tested too.
        const events = [
          ...debts.map((d) => ({
            at: d.position,
            e: debtRecorded({ period: d.month, recordedOn: fromDay(d.day), amount: d.amount }),
          })),
          ...settlements.map((s) => ({
            at: s.position,
            e: debtSettled({ settledOn: fromDay(s.day), amount: s.amount }),
          })),
        ]
          .sort((a, b) => a.at - b.at)
          .map((x) => x.e)
        const state = events.reduce(employerDecider.evolve, employerDecider.initialState)
        const ledger = state.compulsory ?? { debts: [], settlements: [] }
        expect(outstandingOn(ledger, day)).toBe(naiveOutstanding(debts, settlements, day))
      }),
      { numRuns: 300 },
    )
  })
})
