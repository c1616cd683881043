import * as E from 'fp-ts/lib/Either.js'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { fromDayNumber } from '../values.js'
import { type DatedAmount, employerDecider, outstandingOn } from './employer.js'
import { participantDecider } from './participant.js'
import { debtRecorded, debtSettled, enrol, enrolled, lapse, lapsed } from './test-utils.js'

// Naive peers written straight from the definitions, day by day and debt by debt, to compare the
// deciders' shortcuts against.

const HORIZON = 45 // every generated date lies in days 0..40, so no new fact starts after day 45

interface Period { from: number; through: number | null }

/** Read models: e covers d when from ≤ d ≤ through (or open) and no lapse l has from < l ≤ d. */
const covers = (e: Period, lapses: number[], d: number): boolean =>
  e.from <= d && (e.through === null || d <= e.through) && !lapses.some((l) => e.from < l && l <= d)

const periodArb = fc
  .tuple(fc.integer({ min: 0, max: 40 }), fc.option(fc.integer({ min: 0, max: 20 }), { nil: null }))
  .map(([from, length]): Period => ({ from, through: length === null ? null : from + length }))

const asDate = (n: number): string => fromDayNumber(18262 + n) // day 0 = 2020-01-01

describe('participant rules agree with coverage day by day', () => {
  it('enrol is refused for overlap exactly when some day of the period is already covered', () => {
    fc.assert(
      fc.property(fc.array(periodArb, { maxLength: 5 }), fc.array(fc.integer({ min: 0, max: 40 }), { maxLength: 3 }), periodArb, (periods, lapses, next) => {
        const given = [
          ...periods.map((p) => enrolled({ scheme: 'compulsory', coveredFrom: asDate(p.from), coveredThrough: p.through === null ? null : asDate(p.through) })),
          ...lapses.map((l) => lapsed({ scheme: 'compulsory', lapsedOn: asDate(l) })),
        ]
        const state = given.reduce(participantDecider.evolve, participantDecider.initialState)
        const command = enrol({ scheme: 'compulsory', coveredFrom: asDate(next.from), coveredThrough: next.through === null ? null : asDate(next.through) })
        const result = participantDecider.decide(command, state)
        const last = next.through ?? HORIZON
        let overlaps = false
        for (let d = next.from; d <= last && !overlaps; d++) overlaps = periods.some((p) => covers(p, lapses, d))
        expect(E.isLeft(result) ? result.left._tag : 'accepted').toBe(overlaps ? 'CoverageOverlap' : 'accepted')
      }),
      { numRuns: 300 },
    )
  })

  it('lapse is accepted exactly when some enrolment started before it still covers its day', () => {
    fc.assert(
      fc.property(fc.array(periodArb, { maxLength: 4 }), fc.array(fc.integer({ min: 0, max: 40 }), { maxLength: 3 }), fc.integer({ min: 0, max: 40 }), (periods, lapses, day) => {
        const given = [
          ...periods.map((p) => enrolled({ scheme: 'unemployment', coveredFrom: asDate(p.from), coveredThrough: p.through === null ? null : asDate(p.through) })),
          ...lapses.map((l) => lapsed({ scheme: 'unemployment', lapsedOn: asDate(l) })),
        ]
        const state = given.reduce(participantDecider.evolve, participantDecider.initialState)
        const result = participantDecider.decide(lapse({ scheme: 'unemployment', lapsedOn: asDate(day) }), state)
        const cuts = periods.some((p) => p.from < day && covers(p, lapses, day))
        expect(E.isRight(result)).toBe(cuts)
      }),
      { numRuns: 300 },
    )
  })
})

/** Read models, debt-balance report: allocate each settlement to debts, oldest period first. */
const naiveOutstanding = (debts: Array<DatedAmount & { period: number; position: number }>, settlements: Array<DatedAmount & { position: number }>, day: number): number => {
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
    const dated = fc.record({ day: fc.integer({ min: 0, max: 30 }), amount: fc.integer({ min: 1, max: 1000 }) })
    fc.assert(
      fc.property(fc.array(fc.tuple(dated, fc.integer({ min: 0, max: 5 })), { maxLength: 8 }), fc.array(dated, { maxLength: 6 }), fc.integer({ min: 0, max: 32 }), (debtList, settlementList, day) => {
        const debts = debtList.map(([d, period], position) => ({ ...d, period, position }))
        const settlements = settlementList.map((s, position) => ({ ...s, position }))
        // The ledger comes from evolve, interleaving debts and settlements, so its ordering is tested too.
        const events = [
          ...debts.map((d) => debtRecorded({ period: asDate(d.period).slice(0, 7), recordedOn: asDate(d.day), amount: d.amount })),
          ...settlements.map((s) => debtSettled({ settledOn: asDate(s.day), amount: s.amount })),
        ]
        const state = events.reduce(employerDecider.evolve, employerDecider.initialState)
        const ledger = state.compulsory ?? { debts: [], settlements: [] }
        expect(outstandingOn(ledger, 18262 + day)).toBe(naiveOutstanding(debts, settlements, day))
      }),
      { numRuns: 300 },
    )
  })
})
