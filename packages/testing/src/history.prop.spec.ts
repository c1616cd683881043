import fc from 'fast-check'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { type DomainEvent, checkHistory, decodeHistory, encodeHistory, instantMillis } from '@ansinh/core'
import { asOfDate, history, interestingDays, knownAt, roughHistory } from './history/index.js'

const untidy = { lateRecords: true, outOfOrderRecordedAt: true, moves: true } as const

describe('history(options)', () => {
  it('generates histories that obey every write rule', () => {
    fc.assert(
      fc.property(history(), (h) => {
        expect(checkHistory(h.positioned)).toEqual([])
      }),
      { numRuns: 150 },
    )
  })

  it('generates untidy histories (late, out-of-order, moving) that still obey every write rule', () => {
    fc.assert(
      fc.property(history({ ...untidy, participants: { min: 1, max: 20 }, employers: { min: 1, max: 3 } }), (h) => {
        expect(checkHistory(h.positioned)).toEqual([])
      }),
      { numRuns: 150 },
    )
  })

  it('writes histories that decode back to the same events, positions and ids', () => {
    fc.assert(
      fc.property(history(untidy), (h) => {
        const decoded = decodeHistory(encodeHistory(h.events))
        expect(decoded).toEqual(E.right(h.positioned))
      }),
      { numRuns: 50 },
    )
  })

  it('honours the sizes asked for', () => {
    fc.assert(
      fc.property(history({ participants: 7, units: 3, employers: 0, quotas: 0, populations: 0 }), (h) => {
        expect(h.participants).toHaveLength(7)
        expect(h.units.communes).toHaveLength(3)
        expect(
          h.events.filter(
            (e) => e.type === 'DebtRecorded' || e.type === 'QuotaAssigned' || e.type === 'PopulationEstimated',
          ),
        ).toEqual([])
      }),
      { numRuns: 30 },
    )
  })

  it('establishes every unit before any event names it', () => {
    fc.assert(
      fc.property(history(untidy), (h) => {
        const established = new Set<string>()
        for (const e of h.events) {
          if (e.type === 'UnitEstablished') established.add(e.data.code)
          else if ('unit' in e.data) expect(established.has(e.data.unit)).toBe(true)
        }
      }),
      { numRuns: 50 },
    )
  })

  it('produces the untidiness asked for, and none without it', () => {
    const sample = fc.sample(history({ ...untidy, participants: { min: 5, max: 10 } }), { numRuns: 40, seed: 42 })
    const outOfOrder = (es: readonly DomainEvent[]): boolean =>
      es.some((e, i) => i > 0 && instantMillis(e.recordedAt) < instantMillis(es[i - 1]!.recordedAt))
    const late = (es: readonly DomainEvent[]): boolean =>
      es.some(
        (e) =>
          e.type === 'ParticipantEnrolled' &&
          instantMillis(e.recordedAt) - instantMillis(e.data.coveredFrom + 'T00:00:00+07:00') > 60 * 86_400_000,
      )
    const moved = (es: readonly DomainEvent[]): boolean => {
      const unitsOf = new Map<string, Set<string>>()
      for (const e of es)
        if (e.type === 'ParticipantEnrolled')
          unitsOf.set(e.data.participantId, (unitsOf.get(e.data.participantId) ?? new Set()).add(e.data.unit))
      return [...unitsOf.values()].some((s) => s.size > 1)
    }
    expect(sample.some((h) => outOfOrder(h.events))).toBe(true)
    expect(sample.some((h) => late(h.events))).toBe(true)
    expect(sample.some((h) => moved(h.events))).toBe(true)
    const tidy = fc.sample(history({ participants: { min: 5, max: 10 } }), { numRuns: 40, seed: 42 })
    expect(tidy.some((h) => outOfOrder(h.events) || moved(h.events) || late(h.events))).toBe(false)
  })

  it('covers every kind of event: renewals, returns, lapses, revisions, settlements, payments and revenue plans', () => {
    const sample = fc.sample(
      history({ participants: { min: 5, max: 12 }, employers: { min: 1, max: 3 }, quotas: { min: 2, max: 4 } }),
      { numRuns: 30, seed: 1 },
    )
    const events = sample.flatMap((h) => h.events)
    const types = new Set(events.map((e) => e.type))
    expect([...types].sort()).toEqual([
      'ContributionCollected',
      'DebtRecorded',
      'DebtSettled',
      'ParticipantEnrolled',
      'ParticipantLapsed',
      'PopulationEstimated',
      'QuotaAssigned',
      'RevenuePlanAssigned',
      'UnitEstablished',
    ])
    const renewals = sample.some((h) => {
      const ends = new Set(
        h.events.flatMap((e) =>
          e.type === 'ParticipantEnrolled' && e.data.coveredThrough !== null
            ? [`${e.data.participantId}/${e.data.scheme}/${e.data.coveredThrough}`]
            : [],
        ),
      )
      return h.events.some(
        (e) =>
          e.type === 'ParticipantEnrolled' &&
          ends.has(
            `${e.data.participantId}/${e.data.scheme}/${new Date(Date.parse(e.data.coveredFrom) - 86_400_000).toISOString().slice(0, 10)}`,
          ),
      )
    })
    expect(renewals).toBe(true)
  })

  it('shrinks to a small history that is still valid', () => {
    // A property that fails as soon as any participant lapses: the counterexample should be a
    // participant's first spell and its lapse (fast-check may leave one more small spell).
    const result = fc.check(
      fc.property(
        history({ participants: { min: 0, max: 30 } }),
        (h) => !h.events.some((e) => e.type === 'ParticipantLapsed'),
      ),
      { seed: 2026, numRuns: 200 },
    )
    expect(result.failed).toBe(true)
    const [h] = result.counterexample!
    expect(checkHistory(h.positioned)).toEqual([])
    const facts = h.events.filter((e) => e.type !== 'UnitEstablished').map((e) => e.type)
    expect(facts.slice(0, 2)).toEqual(['ParticipantEnrolled', 'ParticipantLapsed'])
    expect(facts.length).toBeLessThanOrEqual(3)
    expect(h.events.filter((e) => e.type === 'UnitEstablished')).toHaveLength(2)
  })

  it('offers as-of dates and cut-offs at the edges of the history', () => {
    fc.assert(
      fc.property(
        history().chain((h) => fc.tuple(fc.constant(h), asOfDate(h), knownAt(h))),
        ([h, asOf, cut]) => {
          expect(asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/)
          if (cut !== null) expect(h.events.some((e) => Math.abs(instantMillis(e.recordedAt) - cut) <= 1)).toBe(true)
        },
      ),
      { numRuns: 50 },
    )
    const days = interestingDays({ events: [], years: { from: 2020, to: 2020 } })
    expect(days).toHaveLength(2)
  })
})

describe('roughHistory()', () => {
  it('generates well-formed histories that break write rules, with units before the rest', () => {
    const sample = fc.sample(roughHistory({ events: { min: 10, max: 25 } }), { numRuns: 60, seed: 9 })
    for (const h of sample) expect(decodeHistory(encodeHistory(h.events))).toEqual(E.right(h.positioned))
    expect(sample.some((h) => checkHistory(h.positioned).length > 0)).toBe(true)
    const tags = new Set(sample.flatMap((h) => checkHistory(h.positioned).map((v) => v.error._tag)))
    expect(tags.has('CoverageOverlap') && tags.has('NoCoverageToCut') && tags.has('SettlementExceedsOutstanding')).toBe(
      true,
    )
  })
})
