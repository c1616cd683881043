import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { KeyedSum, figuresOf, flattenFigures, telescope } from './causes.js'
import { reproduction, savedQuestion } from './reproduce.js'
import { periodEnds, revisionTriangle } from './revisions.js'

const ref = (ordinal: number) => ({
  id: `e${ordinal}`,
  position: ordinal + 1,
  recordedAt: '2020-10-06T09:00:00.000+07:00',
})

describe('telescope', () => {
  it('gives each step what it changed, so the causes add up to the delta, and leaves out steps that change nothing', () => {
    const sums = new KeyedSum()
    sums.set('a', new Map([['n', 2]]))
    const fields = () =>
      new Map([
        ['n', sums.get('n')],
        ['ratio', sums.get('n') / 4],
      ])
    const steps = [
      { ordinal: 0, cause: 'late-enrolment' as const, apply: () => sums.set('b', new Map([['n', 1]])) },
      { ordinal: 1, cause: 'late-lapse' as const, apply: () => sums.set('a', new Map([['n', 1]])) },
      { ordinal: 2, cause: 'late-lapse' as const, apply: () => sums.set('c', new Map()) },
    ]
    // +1 then −1: n is back at 2, nothing differs
    expect(telescope(fields, steps, ref)).toEqual([])
    sums.set('d', new Map([['n', 3]]))
    const moved = telescope(
      fields,
      [{ ordinal: 3, cause: 'late-renewal', apply: () => sums.set('d', new Map([['n', 5]])) }],
      ref,
    )
    expect(moved).toEqual([
      {
        field: 'n',
        before: 5,
        after: 7,
        delta: 2,
        causes: [{ cause: 'late-renewal', total: 2, records: [{ ...ref(3), contribution: 2 }] }],
      },
      {
        field: 'ratio',
        before: 1.25,
        after: 1.75,
        delta: 0.5,
        causes: [{ cause: 'late-renewal', total: 0.5, records: [{ ...ref(3), contribution: 0.5 }] }],
      },
    ])
  })

  it('measures a ratio that was null on the way from its last number, so the causes still add up', () => {
    // a share of the same date last year: −1 (0 of 1), then null (0 of 0: geography moved the
    // year-ago participant out), then 0 (1 of 1: a late renewal brought both back)
    const state = { now: 0, then: 1 }
    const fields = () => new Map([['pct', state.then === 0 ? null : (state.now - state.then) / state.then]])
    const steps = [
      { ordinal: 0, cause: 'geography' as const, apply: () => ((state.then = 0), true) },
      { ordinal: 1, cause: 'late-renewal' as const, apply: () => ((state.now = 1), (state.then = 1), true) },
    ]
    expect(telescope(fields, steps, ref)).toEqual([
      {
        field: 'pct',
        before: -1,
        after: 0,
        delta: 1,
        causes: [
          { cause: 'late-renewal', total: 1, records: [{ ...ref(1), contribution: 1 }] },
          { cause: 'geography', total: 0, records: [{ ...ref(0), contribution: null }] },
        ],
      },
    ])
    // ending null there is no delta to add up to: the cause that made it null has no total
    state.now = 0
    state.then = 1
    expect(telescope(fields, steps.slice(0, 1), ref)).toEqual([
      {
        field: 'pct',
        before: -1,
        after: null,
        delta: null,
        causes: [{ cause: 'geography', total: null, records: [{ ...ref(0), contribution: null }] }],
      },
    ])
  })

  it('has no number for a field that starts null: its records and causes say null, never a number resumed', () => {
    // a rate without a denominator at first: null, then 4 (a late estimate), then 6 (a late renewal
    // of the same cause as a later record); before is null, so nothing adds up to a delta
    const state = { value: null as number | null }
    const fields = () => new Map([['rate', state.value]])
    const steps = [
      { ordinal: 0, cause: 'late-estimate' as const, apply: () => ((state.value = 4), true) },
      { ordinal: 1, cause: 'late-estimate' as const, apply: () => ((state.value = 6), true) },
    ]
    expect(telescope(fields, steps, ref)).toEqual([
      {
        field: 'rate',
        before: null,
        after: 6,
        delta: null,
        causes: [
          {
            cause: 'late-estimate',
            total: null,
            records: [
              { ...ref(0), contribution: null },
              { ...ref(1), contribution: 2 },
            ],
          },
        ],
      },
    ])
  })

  it("lists under a field only the records that moved it, and a field's departure as a move to 0 where missing is 0", () => {
    // an employer owing 3 pays 3 (listed with 0), is then no longer listed (still 0: no record for
    // that), then owes 2 again; a second employer moves only in the second step
    const owed = new Map([
      ['employers.A.outstanding', 3],
      ['employers.B.outstanding', 1],
    ])
    const fields = () => new Map(owed)
    const steps = [
      { ordinal: 0, cause: 'late-settlement' as const, apply: () => (owed.set('employers.A.outstanding', 0), true) },
      {
        ordinal: 1,
        cause: 'late-settlement' as const,
        apply: () => (owed.delete('employers.A.outstanding'), owed.set('employers.B.outstanding', 4), true),
      },
      { ordinal: 2, cause: 'late-debt' as const, apply: () => (owed.set('employers.A.outstanding', 2), true) },
      { ordinal: 3, cause: 'late-debt' as const, apply: () => (owed.delete('employers.B.outstanding'), true) },
    ]
    const missingAsZero = (f: string) => f.startsWith('employers.')
    expect(telescope(fields, steps, ref, missingAsZero)).toEqual([
      {
        field: 'employers.A.outstanding',
        before: 3,
        after: 2,
        delta: -1,
        causes: [
          { cause: 'late-debt', total: 2, records: [{ ...ref(2), contribution: 2 }] },
          { cause: 'late-settlement', total: -3, records: [{ ...ref(0), contribution: -3 }] },
        ],
      },
      {
        field: 'employers.B.outstanding',
        before: 1,
        after: 0,
        delta: -1,
        causes: [
          { cause: 'late-debt', total: -4, records: [{ ...ref(3), contribution: -4 }] },
          { cause: 'late-settlement', total: 3, records: [{ ...ref(1), contribution: 3 }] },
        ],
      },
    ])
    // where missing is not 0, a field that goes is a move to null
    owed.clear()
    owed.set('children.1.participants', 5)
    const gone = [{ ordinal: 4, cause: 'geography' as const, apply: () => (owed.clear(), true) }]
    expect(telescope(fields, gone, ref)).toEqual([
      {
        field: 'children.1.participants',
        before: 5,
        after: null,
        delta: null,
        causes: [{ cause: 'geography', total: null, records: [{ ...ref(4), contribution: null }] }],
      },
    ])
  })

  it('sums contributions by key, replacing a key’s own, and names the non-zero totals of a prefix', () => {
    const sums = new KeyedSum()
    expect(sums.names('e|')).toEqual([])
    expect(sums.set('a', new Map([['e|A', 2]]))).toBe(true)
    expect(sums.set('b', new Map([['e|B', 1]]))).toBe(true)
    sums.addFixed(
      new Map([
        ['e|A', 1],
        ['n', 4],
      ]),
    )
    expect(sums.set('c', new Map([['x|C', 3]]))).toBe(true)
    expect([sums.get('e|A'), sums.get('e|B'), sums.get('n'), sums.get('none')]).toEqual([3, 1, 4, 0])
    // the same contribution again changes nothing; a new one replaces the key's own, not the fixed part
    expect(sums.set('a', new Map([['e|A', 2]]))).toBe(false)
    expect(sums.set('b', new Map([['e|B', 0]]))).toBe(true)
    expect(sums.set('a', new Map())).toBe(true)
    expect([sums.get('e|A'), sums.get('e|B')]).toEqual([1, 0])
    // B's total is 0 and C's prefix is another: only A is named
    expect(sums.names('e|')).toEqual(['A'])
    expect(sums.names('x|')).toEqual(['C'])
    sums.clear()
    expect([sums.get('e|A'), sums.get('n'), sums.names('e|')]).toEqual([0, 0, []])
  })

  it('flattens a report body by row keys and leaves text out', () => {
    expect([
      ...flattenFigures({
        participants: 3,
        rate: null,
        name: 'x',
        children: [{ unit: '593', name: 'P', participants: 2 }],
        employers: [
          { employer: 'E', outstanding: 5, oldestPeriod: '2020-01' },
          // an employer of no unit: the row is keyed by its employer, and neither key is a figure
          { employer: 'F', unit: null, outstanding: 1 },
        ],
        // a row without a key names no figure
        rows: [{ participants: 7 }],
      }),
    ]).toEqual([
      ['participants', 3],
      ['rate', null],
      ['children.593.participants', 2],
      ['employers.E.outstanding', 5],
      ['employers.F.outstanding', 1],
    ])
    // a unit row whose employer is null: keyed by the unit
    expect([...flattenFigures({ children: [{ unit: '1', employer: null, participants: 2 }] })]).toEqual([
      ['children.1.participants', 2],
    ])
    expect([...figuresOf({ report: 'plan', year: 2020, basis: { events: 1 }, target: 9 }).keys()]).toEqual(['target'])
  })
})

describe('revisions', () => {
  it('lists the month and quarter ends of a range, and refuses a backwards one', () => {
    expect(periodEnds('2020-01-15', '2020-03-01', 'month')).toEqual(E.right(['2020-01-31', '2020-02-29', '2020-03-31']))
    expect(periodEnds('2020-02-01', '2020-12-31', 'quarter')).toEqual(
      E.right(['2020-03-31', '2020-06-30', '2020-09-30', '2020-12-31']),
    )
    expect(E.isLeft(periodEnds('2020-03-01', '2020-01-01', 'month'))).toBe(true)
  })

  it('leaves cells before the end of the as-of day empty, and the last column is now', () => {
    const t = revisionTriangle('n', ['2020-01-31', '2020-02-29'] as never, (asOf, k) =>
      k === null ? 10 : asOf === '2020-01-31' ? 7 : 8,
    )
    expect(t.knownAt).toEqual(['2020-01-31T23:59:59.999+07:00', null])
    expect(t.rows.map((r) => [r.cells, r.firstPublished, r.now, r.totalRevision])).toEqual([
      [[7, 10], 7, 10, 3],
      [[null, 10], 10, 10, 0],
    ])
    expect(t.meanAbsoluteRevision).toBe(1.5)
  })
})

describe('reproduction', () => {
  const saved = {
    report: 'plan',
    asOf: '2020-09-30',
    knownAt: '2020-10-05T23:59:59.999+07:00',
    unit: '60',
    scheme: 'voluntary',
    year: 2020,
    basis: { events: 3, lastPosition: 3, hash: 'h3' },
    participants: 7,
  }
  const question = E.getOrElseW(() => {
    throw new Error('not a report')
  })(savedQuestion(saved))
  const recomputed = { ...saved, basis: { events: 3, lastPosition: 3 } }
  const evidence = { broken: null, hashAtLast: 'h3', after: [] }

  it('reproduces when the chain, the later events and the figures all agree', () => {
    expect(reproduction(question, saved, recomputed, evidence)).toEqual({
      outcome: 'reproduced',
      lastPosition: 3,
      hash: 'h3',
    })
  })

  it('is tampered at the first broken position up to the basis, or at the basis when the chain was rewritten', () => {
    expect(
      reproduction(question, saved, recomputed, { ...evidence, broken: { position: 2, reason: 'hash differs' } }),
    ).toEqual({ outcome: 'tampered', position: 2, reason: 'hash differs' })
    expect(reproduction(question, saved, recomputed, { ...evidence, hashAtLast: 'other' })).toMatchObject({
      outcome: 'tampered',
      position: 3,
    })
    // a break after the basis does not touch what the report rests on
    expect(
      reproduction(question, saved, recomputed, { ...evidence, broken: { position: 9, reason: 'x' } }).outcome,
    ).toBe('reproduced')
  })

  it('lists events appended later that say they were recorded by the known-at, and only those', () => {
    const after = [
      { id: 'late', position: 4, recordedAt: question.knownAt! + 1 },
      { id: 'back', position: 5, recordedAt: question.knownAt! - 1 },
    ]
    expect(reproduction(question, saved, recomputed, { ...evidence, after })).toEqual({
      outcome: 'backdated',
      records: [{ id: 'back', position: 5, recordedAt: '2020-10-05T23:59:59.998+07:00' }],
    })
  })

  it('differs when the saved figures are not the recomputed ones', () => {
    expect(reproduction(question, { ...saved, participants: 8 }, recomputed, evidence)).toEqual({
      outcome: 'differs',
      fields: [{ field: 'participants', saved: 8, recomputed: 7 }],
    })
  })

  it('names the bad field of a file that is not a report', () => {
    expect(savedQuestion({ ...saved, asOf: '2020-13-01' })).toEqual(
      E.left({ _tag: 'NotAReport', field: 'asOf', message: 'not a date YYYY-MM-DD (got "2020-13-01")' }),
    )
    expect(savedQuestion([1])).toMatchObject(E.left({ field: '' }))
  })
})
