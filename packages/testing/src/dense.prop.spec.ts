import fc from 'fast-check'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { type DomainEvent, dayNumber, decodeHistory, encodeHistory, instantMillis } from '@ansinh/core'
import { AWKWARD_DAYS, denseAsOf, denseHistory, denseKnownAt, permutation, reorder, tieKeyOf } from './history/index.js'

const tieKeys = (events: readonly DomainEvent[]): string[] => events.flatMap((e) => tieKeyOf(e) ?? [])
const repeats = (xs: readonly unknown[]): boolean => new Set(xs).size < xs.length

describe('denseHistory(options)', () => {
  it('generates well-formed events that write and decode back unchanged, positioned 1, 2, 3, …', () => {
    fc.assert(
      fc.property(
        fc.oneof(denseHistory(), denseHistory({ focus: 'debts' }), denseHistory({ tree: 'proper', ties: false })),
        (h) => {
          expect(decodeHistory(encodeHistory(h.events))).toEqual(E.right(h.positioned))
          expect(h.events.length).toBeLessThanOrEqual(40 + 6 + 9)
        },
      ),
      { numRuns: 100 },
    )
  })

  it('is dense: ties, awkward days and long histories are common, not rare', () => {
    const sample = fc.sample(denseHistory(), { numRuns: 300, seed: 42 })
    const share = (p: (h: (typeof sample)[number]) => boolean): number => sample.filter(p).length / sample.length
    expect(share((h) => repeats(tieKeys(h.events)))).toBeGreaterThan(0.5)
    expect(share((h) => h.events.length >= 30)).toBeGreaterThan(0.2)
    const awkward = new Set<string>(AWKWARD_DAYS)
    expect(
      share((h) => h.events.some((e) => e.type === 'ParticipantEnrolled' && awkward.has(e.data.coveredFrom))),
    ).toBeGreaterThan(0.5)
    expect(
      share((h) =>
        h.events.some(
          (e, i) =>
            e.type === 'ParticipantLapsed' &&
            h.events.some(
              (f, j) => j !== i && f.type === 'ParticipantEnrolled' && f.data.coveredFrom === e.data.lapsedOn,
            ),
        ),
      ),
    ).toBeGreaterThan(0.2)
  })

  it('with ties: false, repeats no tie key and no recording instant', () => {
    fc.assert(
      fc.property(denseHistory({ ties: false }), (h) => {
        expect(repeats(tieKeys(h.events))).toBe(false)
        expect(repeats(h.events.map((e) => instantMillis(e.recordedAt)))).toBe(false)
      }),
      { numRuns: 150 },
    )
  })

  it('with tree: proper, establishes the tree first and names only its communes', () => {
    fc.assert(
      fc.property(denseHistory({ tree: 'proper' }), (h) => {
        const units = h.events.filter((e) => e.type === 'UnitEstablished')
        expect(h.events.slice(0, units.length)).toEqual(units)
        expect(h.units.provinces).toEqual(['10', '11'])
        for (const e of h.events) {
          if (
            e.type === 'ParticipantEnrolled' ||
            e.type === 'DebtRecorded' ||
            e.type === 'QuotaAssigned' ||
            e.type === 'PopulationEstimated'
          )
            expect(h.units.communes).toContain(e.data.unit)
        }
      }),
      { numRuns: 100 },
    )
  })

  it('with focus: debts, holds only debts, settlements and units', () => {
    fc.assert(
      fc.property(denseHistory({ focus: 'debts' }), (h) => {
        for (const e of h.events) expect(['DebtRecorded', 'DebtSettled', 'UnitEstablished']).toContain(e.type)
      }),
      { numRuns: 100 },
    )
  })

  it('asks on or next to the days a history names, and cuts at its recording instants', () => {
    fc.assert(
      fc.property(
        denseHistory({ events: { min: 1, max: 40 } }).chain((h) =>
          fc.tuple(fc.constant(h), denseAsOf(h), denseKnownAt(h)),
        ),
        ([, asOf, knownAt]) => {
          expect(dayNumber(asOf)).toBeGreaterThanOrEqual(dayNumber('2018-12-29'))
          expect(dayNumber(asOf)).toBeLessThanOrEqual(dayNumber('2023-02-05'))
          if (knownAt !== null) expect(Number.isInteger(knownAt)).toBe(true)
        },
      ),
      { numRuns: 100 },
    )
    const sample = fc.sample(
      denseHistory({ events: { min: 5, max: 40 } }).chain((h) =>
        fc.tuple(fc.constant(h), denseAsOf(h), denseKnownAt(h)),
      ),
      { numRuns: 300, seed: 7 },
    )
    const named = (h: (typeof sample)[number][0], d: number): boolean =>
      h.events.some((e) =>
        Object.values(e.data).some(
          (v) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) && Math.abs(dayNumber(v as never) - d) <= 1,
        ),
      )
    expect(sample.filter(([h, asOf]) => named(h, dayNumber(asOf))).length / sample.length).toBeGreaterThan(0.6)
    expect(
      sample.filter(([h, , k]) => h.events.some((e) => instantMillis(e.recordedAt) === k)).length / sample.length,
    ).toBeGreaterThan(0.2)
  })

  it('reorders a history by a permutation, keeping every event once', () => {
    fc.assert(
      fc.property(
        denseHistory().chain((h) => fc.tuple(fc.constant(h), permutation(h.events.length))),
        ([h, order]) => {
          const shuffled = reorder(h.positioned, order)
          expect(shuffled.map((e) => e.position)).toEqual(h.positioned.map((e) => e.position))
          expect([...shuffled.map((e) => e.event.id)].sort()).toEqual([...h.events.map((e) => e.id)].sort())
        },
      ),
      { numRuns: 50 },
    )
  })
})
