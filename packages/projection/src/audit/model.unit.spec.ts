import { type BusinessDate, dayNumber, instantMillis } from '@ansinh/core'
import { describe, expect, it } from 'vitest'
import { assigned, enrolled, established, estimated, lapsed, owed, positioned, settled } from '@ansinh/testing/fixtures'
import { History } from '../history.js'
import { SCHEME_INDEX } from '../participation.js'
import { countingRow } from './pairs.js'
import { type FigureModel, modelDiff, modelRevisions } from './model.js'

// The engine behind every report's diff (model.ts), with a model of its own: the participants
// counted on a day in a unit and under each of its children. The report packages' properties check
// that causes add up to deltas; these examples pin what each late record is called and in which
// order the records are applied: by recording instant (ties: position), whatever their position,
// and the geography before everything else.

const T0 = '2020-01-01T08:00:00+07:00' // the cut: known
const T1 = '2020-02-01T08:00:00+07:00'
const T2 = '2020-03-05T08:00:00+07:00'
const T3 = '2020-04-01T08:00:00+07:00'
const T4 = '2020-05-01T08:00:00+07:00'
const DAY = dayNumber('2020-06-30')

const counted = (unit: string | null, pairsOfScopeOnly: boolean, day = DAY): FigureModel => ({
  unit,
  pairScheme: SCHEME_INDEX.voluntary,
  pairsOfScopeOnly,
  pair: ({ columns: c, rows }, enr, lap, scope) => {
    const m = new Map<string, number>()
    const row = countingRow(c, enr, lap, day)
    if (row < 0) return m
    const u = rows.unitOf(row)
    if (scope.inUnit(u)) m.set('participants', 1)
    for (const ch of scope.childrenOf(u)) m.set(`c|${ch}`, 1)
    return m
  },
  derive: (sums, scope) => ({
    participants: sums.get('participants'),
    children: scope.children.map((ch) => ({ unit: ch, participants: sums.get(`c|${ch}`) })),
  }),
})

const events = positioned([
  established('60', 'P', undefined, T0),
  established('601', 'D1', '60', T0),
  established('602', 'D2', '60', T0),
  established('70', 'Q', undefined, T0),
  established('701', 'D3', '70', T0),
  // P1 known and unchanged: a settled pair
  enrolled('0000000001', 'voluntary', '601', '2020-01-01', null, T0),
  // P2 known, its lapse late
  enrolled('0000000002', 'voluntary', '601', '2020-01-01', null, T0),
  lapsed('0000000002', 'voluntary', '2020-03-01', T2),
  // P3 unknown: an enrolment written first but recorded last (closed before the day), then an open
  // one recorded first. The one recorded first is the late enrolment, the other a renewal.
  enrolled('0000000003', 'voluntary', '602', '2020-02-01', '2020-03-31', T3),
  enrolled('0000000003', 'voluntary', '602', '2020-02-15', null, T1),
  // P4 known until February, renewed late
  enrolled('0000000004', 'voluntary', '601', '2020-01-01', '2020-02-28', T0),
  enrolled('0000000004', 'voluntary', '601', '2020-03-01', null, T1),
  // P5 in a district recorded after its enrolment; Q's P6 never counts in P
  enrolled('0000000005', 'voluntary', '603', '2020-01-01', null, T1),
  established('603', 'D4', '60', T4),
  enrolled('0000000006', 'voluntary', '701', '2020-01-01', null, T1),
])

const history = History.of(events)
const ids = (position: number): string => `e${position}`
const ref = (position: number, recordedAt: string) => ({
  id: `e${position}`,
  position,
  recordedAt: recordedAt.replace('+07:00', '.000+07:00'),
})
const cut = instantMillis(T0)
/** Whether the record at an ordinal of `h` was recorded by `until` (epoch milliseconds). */
const knownBy = (h: History, until: number): ((ordinal: number) => boolean) => {
  const { recordedAt } = h.columns()
  return (ordinal) => recordedAt[ordinal]! <= until
}
const known = knownBy(history, cut)
/** Each field of a diff with its causes, each cause with the positions of its records. */
const causePositions = (diff: ReturnType<typeof modelDiff>) =>
  diff.fields.map((f) => [f.field, f.causes.map((c) => [c.cause, c.records.map((r) => r.position)])])

describe('modelDiff', () => {
  it.each([false, true])(
    'names each late record by what it did to its pair, in recording order, the geography first (pairsOfScopeOnly: %s)',
    (pairsOfScopeOnly) => {
      const diff = modelDiff(history, history.view(), known, counted('60', pairsOfScopeOnly), ids)
      expect(diff.before).toEqual({
        participants: 2,
        children: [
          { unit: '601', participants: 2 },
          { unit: '602', participants: 0 },
        ],
      })
      expect(diff.after).toEqual({
        participants: 4,
        children: [
          { unit: '601', participants: 2 },
          { unit: '602', participants: 1 },
          { unit: '603', participants: 1 },
        ],
      })
      expect(diff.fields).toEqual([
        {
          field: 'participants',
          before: 2,
          after: 4,
          delta: 2,
          causes: [
            // P3's open enrolment (position 10, recorded first) and P5's, once D4 is in P
            {
              cause: 'late-enrolment',
              total: 2,
              records: [
                { ...ref(10, T1), contribution: 1 },
                { ...ref(13, T1), contribution: 1 },
              ],
            },
            { cause: 'late-renewal', total: 1, records: [{ ...ref(12, T1), contribution: 1 }] },
            { cause: 'late-lapse', total: -1, records: [{ ...ref(8, T2), contribution: -1 }] },
          ],
        },
        {
          field: 'children.602.participants',
          before: 0,
          after: 1,
          delta: 1,
          causes: [{ cause: 'late-enrolment', total: 1, records: [{ ...ref(10, T1), contribution: 1 }] }],
        },
        {
          // D4 is a child only from its record on: no number before it
          field: 'children.603.participants',
          before: null,
          after: 1,
          delta: null,
          causes: [
            { cause: 'late-enrolment', total: 1, records: [{ ...ref(13, T1), contribution: 1 }] },
            { cause: 'geography', total: null, records: [{ ...ref(14, T4), contribution: null }] },
          ],
        },
      ])
    },
  )

  it("reads a unit's own pairs, whatever the others do, and the same figures nationally", () => {
    const q = modelDiff(history, history.view(), known, counted('70', true), ids)
    expect([q.before, q.after]).toEqual([
      { participants: 0, children: [{ unit: '701', participants: 0 }] },
      { participants: 1, children: [{ unit: '701', participants: 1 }] },
    ])
    expect(causePositions(q)).toEqual([
      ['participants', [['late-enrolment', [15]]]],
      ['children.701.participants', [['late-enrolment', [15]]]],
    ])
    const national = modelDiff(history, history.view(), known, counted(null, true), ids)
    expect(national.after).toMatchObject({ participants: 5 })
    expect(national.before).toMatchObject({ participants: 2 })
  })

  it('asks a scope-only model about a pair only once one of its enrolments names a unit of the scope', () => {
    // the history has a late district (603): the pairs are all read, but a pair asked about must
    // have an enrolment, known or inserted, in Q's subtree
    const asked: string[][] = []
    const model = counted('70', true)
    const spy: FigureModel = {
      ...model,
      pair: (ctx, enr, lap, scope) => {
        asked.push(enr.map((e) => ctx.rows.unitOf(e)))
        return model.pair!(ctx, enr, lap, scope)
      },
    }
    const diff = modelDiff(history, history.view(), known, spy, ids)
    expect(diff.after).toMatchObject({ participants: 1 })
    // P6, once its enrolment in D3 is in: a row of the pair, nothing else
    expect(asked).toEqual([['701']])
  })

  it("gives a model a pair's rows in row order, however they were recorded", () => {
    const lists: [number[], number[]][] = []
    const model = counted(null, false)
    const spy: FigureModel = {
      ...model,
      pair: (ctx, enr, lap, scope) => {
        lists.push([[...enr], [...lap]])
        return model.pair!(ctx, enr, lap, scope)
      },
    }
    modelDiff(history, history.view(), known, spy, ids)
    const increasing = (xs: readonly number[]): boolean => xs.every((x, k) => k === 0 || xs[k - 1]! < x)
    expect(lists.filter(([enr, lap]) => !increasing(enr) || !increasing(lap))).toEqual([])
    // P3's two enrolments, inserted in the order they were recorded (the second first)
    expect(lists.some(([enr]) => enr.length === 2)).toBe(true)
  })

  it('never reads the pairs of other units when the scope cannot change (no late geography record)', () => {
    const mapKnown = History.of(
      positioned([
        established('60', 'P', undefined, T0),
        established('601', 'D1', '60', T0),
        established('70', 'Q', undefined, T0),
        established('701', 'D3', '70', T0),
        enrolled('0000000001', 'voluntary', '601', '2020-01-01', null, T0),
        enrolled('0000000002', 'voluntary', '701', '2020-01-01', null, T0),
        lapsed('0000000002', 'voluntary', '2020-03-01', T2),
        enrolled('0000000003', 'voluntary', '701', '2020-02-01', null, T1),
        enrolled('0000000004', 'voluntary', '60', '2020-02-01', null, T1),
        lapsed('0000000004', 'voluntary', '2020-04-01', T3),
      ]),
    )
    const rowsOf = (scope: string | null): number[] => {
      const asked = new Set<number>()
      const knownAt = knownBy(mapKnown, cut)
      modelDiff(
        mapKnown,
        mapKnown.view(),
        (o) => {
          asked.add(o)
          return knownAt(o)
        },
        counted(scope, true),
        ids,
      )
      // the ordinals of the four unit records are asked for the geography
      return [...asked].filter((o) => o >= 4).sort((a, b) => a - b)
    }
    // Q's diff reads P2 and P3 (ordinals 5 to 7) only; P's reads P1 and P4; the national one every pair
    expect(rowsOf('70')).toEqual([5, 6, 7])
    expect(rowsOf('60')).toEqual([4, 8, 9])
    expect(rowsOf(null)).toEqual([4, 5, 6, 7, 8, 9])
  })

  it('calls an enrolment a renewal once the pair has a late enrolment, and a late lapse never makes one', () => {
    const late = History.of(
      positioned([
        established('60', 'P', undefined, T0),
        // P7 unknown: a late enrolment closed before the day (it counts for nothing), then an open one
        enrolled('0000000007', 'voluntary', '60', '2020-01-01', '2020-01-31', T1),
        enrolled('0000000007', 'voluntary', '60', '2020-02-01', null, T2),
        // P8 unknown: its enrolment written first but recorded after its lapse (which falls after the day)
        enrolled('0000000008', 'voluntary', '60', '2020-01-01', null, T3),
        lapsed('0000000008', 'voluntary', '2020-07-15', T1),
      ]),
    )
    const diff = modelDiff(late, late.view(), knownBy(late, cut), counted('60', true), ids)
    expect(causePositions(diff)).toEqual([
      [
        'participants',
        [
          ['late-enrolment', [4]],
          ['late-renewal', [3]],
        ],
      ],
    ])
  })

  it("gives a register's or an account's records to its model in position order, a late one inserted among them", () => {
    // each key's figure is its records' amounts written as digits in the order the model gets them;
    // the late records are recorded in another order than their positions
    const digits = (xs: readonly number[]): number => Number(xs.join(''))
    const registers = History.of(
      positioned([
        established('60', 'P', undefined, T0),
        assigned('60', 'voluntary', 2020, 1, '2020-01-01', T0),
        assigned('60', 'voluntary', 2020, 2, '2020-01-01', T2),
        assigned('60', 'voluntary', 2020, 3, '2020-01-01', T1),
        estimated('60', 2020, 1, undefined, T0),
        estimated('60', 2020, 2, undefined, T2),
        estimated('60', 2020, 3, undefined, T1),
        owed('0101234567', '60', 'compulsory', '2020-01', 1, '2020-01-10', T0),
        owed('0101234567', '60', 'compulsory', '2020-02', 2, '2020-02-10', T2),
        owed('0101234567', '60', 'compulsory', '2020-03', 3, '2020-03-10', T1),
        settled('0101234567', 'compulsory', 1, '2020-01-20', T0),
        settled('0101234567', 'compulsory', 2, '2020-02-20', T2),
        settled('0101234567', 'compulsory', 3, '2020-03-20', T1),
      ]),
    )
    const model: FigureModel = {
      unit: '60',
      pairScheme: null,
      pair: () => {
        throw new Error('a model without a pair scheme is asked about no pair')
      },
      quota: (rs) => new Map([['quota', digits(rs.map((r) => r.target))]]),
      estimate: (rs) => new Map([['estimate', digits(rs.map((r) => r.estimate.population))]]),
      account: (a) =>
        new Map([
          ['debts', digits(a.debts.map((d) => d.amount))],
          ['settlements', digits(a.settlements.map((x) => x.amount))],
        ]),
      derive: (sums) => Object.fromEntries(['quota', 'estimate', 'debts', 'settlements'].map((f) => [f, sums.get(f)])),
    }
    const diff = modelDiff(registers, registers.view(), knownBy(registers, cut), model, ids)
    expect(diff.before).toEqual({ quota: 1, estimate: 1, debts: 1, settlements: 1 })
    expect(diff.after).toEqual({ quota: 123, estimate: 123, debts: 123, settlements: 123 })
    // each applied in recording order: the third record (T1) first, which makes 13, then the second
    expect(
      diff.fields.map((f) => [f.field, f.causes.map((c) => [c.cause, c.records.map((r) => r.contribution)])]),
    ).toEqual([
      ['quota', [['quota-revision', [12, 110]]]],
      ['estimate', [['late-estimate', [12, 110]]]],
      ['debts', [['late-debt', [12, 110]]]],
      ['settlements', [['late-settlement', [12, 110]]]],
    ])
    expect(diff.fields.map((f) => [f.field, f.causes[0]!.records.map((r) => r.position)])).toEqual([
      ['quota', [4, 3]],
      ['estimate', [7, 6]],
      ['debts', [10, 9]],
      ['settlements', [13, 12]],
    ])
  })

  it("applies the late records of different pairs by recording instant, then position, whatever the pairs' order", () => {
    // A, B and C known until January and renewed late: A first among the pairs, but its renewal
    // recorded last; B's and C's at the same instant, B's at the lower position
    const renewals = History.of(
      positioned([
        established('60', 'P', undefined, T0),
        enrolled('0000000001', 'voluntary', '60', '2020-01-01', '2020-01-31', T0),
        enrolled('0000000002', 'voluntary', '60', '2020-01-01', '2020-01-31', T0),
        enrolled('0000000003', 'voluntary', '60', '2020-01-01', '2020-01-31', T0),
        enrolled('0000000002', 'voluntary', '60', '2020-02-01', null, T1),
        enrolled('0000000001', 'voluntary', '60', '2020-02-01', null, T2),
        enrolled('0000000003', 'voluntary', '60', '2020-02-01', null, T1),
        // D unknown: two enrolments recorded at one instant, the first (closed before the day) a
        // late enrolment that counts for nothing, the second (open) a renewal
        enrolled('0000000004', 'voluntary', '60', '2020-01-01', '2020-01-31', T3),
        enrolled('0000000004', 'voluntary', '60', '2020-02-01', null, T3),
      ]),
    )
    const diff = modelDiff(renewals, renewals.view(), knownBy(renewals, cut), counted('60', true), ids)
    expect(causePositions(diff)).toEqual([['participants', [['late-renewal', [5, 7, 6, 9]]]]])
  })

  it('finds nothing to say when everything was known', () => {
    const all = modelDiff(history, history.view(), () => true, counted('60', true), ids)
    expect(all.fields).toEqual([])
    expect(all.before).toEqual(all.after)
  })
})

describe('modelRevisions', () => {
  // the seed's history, P7 recorded at the very last instant of 31 January in Vietnam (known at the
  // end of that day, the first column) and P9 at the last instant of 29 February (the second)
  const withLast = History.of(
    positioned([
      ...events.map((e) => e.event),
      enrolled('0000000007', 'voluntary', '602', '2020-01-15', null, '2020-01-31T23:59:59.999+07:00'),
      enrolled('0000000009', 'voluntary', '602', '2020-02-20', null, '2020-02-29T23:59:59.999+07:00'),
    ]),
  )
  const ends = ['2020-01-31', '2020-02-29', '2020-03-31', '2020-04-30', '2020-05-31'] as BusinessDate[]

  it('gives every cell the figure the view at its column tells, recomputed from nothing, geography included', () => {
    for (const field of ['participants', 'children.603.participants', 'children.602.participants']) {
      const triangle = modelRevisions(withLast, field, ends, (asOf) => counted('60', true, dayNumber(asOf)))
      const columns = [...ends.slice(0, -1).map((d) => instantMillis(`${d}T23:59:59.999+07:00`)), null]
      triangle.rows.forEach((row, r) =>
        row.cells.forEach((cell, j) => {
          if (j < r) return expect(cell).toBeNull()
          const k = columns[j]!
          const direct = modelDiff(
            withLast,
            withLast.view(),
            k === null ? () => true : knownBy(withLast, k),
            counted('60', true, dayNumber(row.asOf)),
            ids,
          ).before as { participants: number; children: { unit: string; participants: number }[] }
          const child = field.split('.')[1]
          const expected =
            field === 'participants'
              ? direct.participants
              : (direct.children.find((c) => c.unit === child)?.participants ?? null)
          expect([field, row.asOf, j, cell]).toEqual([field, row.asOf, j, expected])
        }),
      )
    }
  })

  it('counts a record recorded at the last instant of a column in that column', () => {
    const triangle = modelRevisions(withLast, 'children.602.participants', ends, (asOf) =>
      counted('60', true, dayNumber(asOf)),
    )
    // 31 January: P7 (recorded that evening) in every column; P3 is not yet enrolled
    expect(triangle.rows[0]!.cells).toEqual([1, 1, 1, 1, 1])
    // 29 February: P7, P3's open enrolment of 15 February (recorded 1 February) and P9
    expect(triangle.rows[1]!.cells).toEqual([null, 3, 3, 3, 3])
    // D4 exists only from its record of 1 May: the child is null in every earlier column
    const d4 = modelRevisions(withLast, 'children.603.participants', ends, (asOf) =>
      counted('60', true, dayNumber(asOf)),
    )
    expect(d4.rows.map((r) => r.cells)).toEqual([
      [null, null, null, null, 1],
      [null, null, null, null, 1],
      [null, null, null, null, 1],
      [null, null, null, null, 1],
      [null, null, null, null, 1],
    ])
  })

  it('draws a one-date triangle as the figure known now', () => {
    const triangle = modelRevisions(withLast, 'participants', ['2020-03-31' as BusinessDate], (asOf) =>
      counted('60', true, dayNumber(asOf)),
    )
    const now = modelDiff(withLast, withLast.view(), () => true, counted('60', true, dayNumber('2020-03-31')), ids)
    expect(triangle.rows.map((r) => r.cells)).toEqual([[(now.after as { participants: number }).participants]])
  })

  it('draws an empty triangle for no dates', () => {
    expect(modelRevisions(withLast, 'participants', [], (asOf) => counted('60', true, dayNumber(asOf))).rows).toEqual(
      [],
    )
  })
})
