import * as E from 'fp-ts/lib/Either.js'
import type { DomainEvent } from '@ansinh/core'
import { History, endOfDayMillis, figuresOf } from '@ansinh/projection'
import { day, enrolled, established, estimated, lapsed, positioned } from '@ansinh/testing/fixtures'
import { INTACT_CHAIN, checkReproduces, checkTriangle, refusalOf } from '@ansinh/testing/vitest'
import { describe, expect, it } from 'vitest'
import { coverageReport, coverageRevisions, diffCoverage, explainCoverage, reproduceCoverage } from './index.js'
import { idsOf } from '@ansinh/testing/vitest'

const events: DomainEvent[] = [
  established('04', 'Tỉnh Bốn'),
  established('041', 'Huyện Một', '04'),
  enrolled('0000000001', 'compulsory', '041', '2020-01-01', null),
  enrolled('0000000001', 'health', '041', '2020-01-01', '2020-12-31'),
  enrolled('0000000002', 'health', '041', '2020-02-01', '2020-12-31'),
  lapsed('0000000002', 'health', '2020-04-15'),
]
const history = History.of(positioned(events))
const intact = INTACT_CHAIN
/** The question most tests ask: health in province 04 at the end of March. */
const march = { asOf: day('2020-03-31'), scheme: 'health' as const, unit: '04' }
/** A report as `--format json` saves it. */
const saved = (query: Parameters<typeof coverageReport>[1]): Record<string, unknown> =>
  JSON.parse(JSON.stringify(coverageReport(history, query))) as Record<string, unknown>

describe('coverageRevisions', () => {
  it('with scheme any, every cell is the report as known at the end of its column', () => {
    const t = coverageRevisions(
      history,
      { scheme: 'any', unit: '04' },
      'participants',
      '2020-01-01',
      '2020-06-30',
      'month',
    )
    if (E.isLeft(t)) throw new Error(t.left._tag)
    expect(t.right.rows.map((r) => r.now)).toEqual([1, 2, 2, 1, 1, 1])
    checkTriangle(
      t.right,
      'participants',
      endOfDayMillis,
      (asOf, knownAt) =>
        figuresOf(coverageReport(history, { asOf, scheme: 'any', unit: '04', knownAt })).get('participants') ?? null,
    )
  })

  it('refuses a field the coverage report does not have, naming some that it has', () => {
    const t = coverageRevisions(
      history,
      { scheme: 'health', unit: '04' },
      'target',
      '2020-01-01',
      '2020-03-31',
      'month',
    )
    expect(E.isLeft(t) && t.left).toMatchObject({ _tag: 'NotAFigure', field: 'target' })
    const fields = [
      ...figuresOf(coverageReport(history, { asOf: day('2020-01-31'), scheme: 'health', unit: '04' })).keys(),
    ]
    expect(E.isLeft(t) && t.left.message).toBe(
      `not a figure of the coverage report; e.g. ${fields.slice(0, 6).join(', ')}`,
    )
  })

  it('refuses a range that ends before it starts', () => {
    const t = coverageRevisions(
      history,
      { scheme: 'health', unit: '04' },
      'participants',
      '2020-06-30',
      '2020-01-01',
      'month',
    )
    expect(E.isLeft(t) && t.left).toMatchObject({ _tag: 'BadRange' })
  })
})

describe('explainCoverage and diffCoverage refusals', () => {
  const ids = idsOf(positioned(events))
  it('names the children a child figure could be of', () => {
    const e = explainCoverage(history, { ...march, knownAt: null }, 'children.042.participants', ids)
    expect(E.isLeft(e) && e.left).toMatchObject({ _tag: 'NotAFigure', field: 'children.042.participants' })
    expect(E.isLeft(e) && e.left.message).toContain('042 is not a child unit of 04 (children: 041)')
  })

  it('refuses a second cut-off earlier than the first', () => {
    const d = diffCoverage(history, march, 2_000, 1_000, ids)
    expect(d).toEqual(E.left({ _tag: 'BadKnownAt', message: 'the first --known-at must not be later than the second' }))
  })
})

describe('reproduceCoverage', () => {
  it('reproduces a saved report, names the figure a saved file changed, and refuses another kind', () => {
    checkReproduces((file, evidence) => reproduceCoverage(history, file, evidence), coverageReport(history, march), {
      name: 'coverage',
      other: 'plan',
      lastPosition: events.length,
      field: 'participants',
      edited: 5,
    })
  })

  it('refuses a saved report without a scheme, or with a date it cannot read, naming the field', () => {
    expect(reproduceCoverage(history, { ...saved(march), scheme: null }, intact)).toEqual(
      E.left({ _tag: 'NotAReport', field: 'scheme', message: 'a coverage report has a scheme (got null)' }),
    )
    expect(reproduceCoverage(history, { ...saved(march), asOf: '31/03/2020' }, intact)).toMatchObject(
      E.left({ _tag: 'NotAReport', field: 'asOf' }),
    )
  })
})

describe('explainCoverage and diffCoverage over two provinces', () => {
  // provinces 04 (districts 041 and 042) and 05; 04's estimate for 2020 has a labour force, 05's
  // has none, so no compulsory denominator is known nationally; a second estimate of 04 comes late
  const wide: DomainEvent[] = [
    established('04', 'Tỉnh Bốn'),
    established('041', 'Huyện Một', '04'),
    established('042', 'Huyện Hai', '04'),
    established('05', 'Tỉnh Năm'),
    estimated('04', 2020, 1_000, 600),
    estimated('05', 2020, 800),
    enrolled('0000000001', 'compulsory', '041', '2020-01-01', null),
    enrolled('0000000002', 'compulsory', '042', '2020-01-01', null),
    enrolled('0000000003', 'health', '05', '2020-01-01', null),
  ]
  const wideHistory = History.of(positioned(wide))
  const ids = idsOf(positioned(wide))
  const q = { asOf: day('2020-03-31'), scheme: 'compulsory' as const, unit: '04' }
  const explained = (query: Parameters<typeof explainCoverage>[1], field: string) => {
    const e = explainCoverage(wideHistory, query, field, ids)
    if (E.isLeft(e)) throw new Error(e.left.message)
    return e.right
  }
  const refusal = (query: Parameters<typeof explainCoverage>[1], field: string): string =>
    refusalOf(explainCoverage(wideHistory, query, field, ids))

  it('explains the national denominator by each province’s estimate, and none when one lacks the field', () => {
    expect(explained({ ...q, scheme: 'health', unit: null }, 'denominator')).toMatchObject({
      kind: 'records',
      records: 'estimates',
      value: 1_800,
      count: 1_800,
      size: 2,
    })
    // 05's estimate has no labour force: the national compulsory denominator is unknown
    expect(explained({ ...q, unit: null }, 'denominator')).toMatchObject({ value: null, count: null, size: 2 })
    expect(explained(q, 'participants')).toMatchObject({ kind: 'records', records: 'participants', value: 2, size: 2 })
    expect(explained(q, 'rate')).toMatchObject({ kind: 'formula', formula: 'participants / denominator' })
    expect(explained(q, 'children.041.rate')).toMatchObject({ kind: 'formula', formula: 'participants / denominator' })
  })

  it('refuses, in full, a field near a figure, a child that is not one and a child’s field that is not one', () => {
    const generic =
      'NotAFigure: not a figure of the coverage report; one of participants, denominator, rate, children.CODE.participants, children.CODE.denominator, children.CODE.rate'
    expect([refusal(q, 'children.041'), refusal(q, 'a.b.c'), refusal(q, 'children')]).toEqual([
      generic,
      generic,
      generic,
    ])
    expect(refusal(q, 'children.999.participants')).toBe(
      'NotAFigure: 999 is not a child unit of 04 (children: 041, 042)',
    )
    expect(refusal({ ...q, unit: null }, 'children.041.participants')).toBe(
      'NotAFigure: 041 is not a child unit of the nation (children: 04, 05)',
    )
    expect(refusal({ ...q, unit: '041' }, 'children.999.participants')).toBe(
      'NotAFigure: 999 is not a child unit of 041 (children: none)',
    )
    expect(refusal(q, 'children.041.ratio')).toBe(
      `NotAFigure: a child's figures are participants, denominator and rate (got "ratio")`,
    )
  })

  it('keeps the national denominator unknown while a province lacks it, though another province’s comes in', () => {
    const late = positioned([...wide, estimated('04', 2020, 1_100, 650, '2020-02-03T09:00:00+07:00')])
    const lateHistory = History.of(late)
    // the first estimate of 04 came with the others (the fixtures' instant, 1 January 2020), so
    // the late one revises 04's denominator, the country's stays unknown
    const d = diffCoverage(
      lateHistory,
      { ...q, unit: null },
      Date.parse('2020-02-01T00:00:00+07:00'),
      null,
      idsOf(late),
    )
    if (E.isLeft(d)) throw new Error(d.left._tag)
    expect(d.right.fields.map((f) => [f.field, f.before, f.after])).toEqual([
      ['children.04.denominator', 600, 650],
      ['children.04.rate', 2 / 600, 2 / 650],
    ])
  })

  it('names six of the figures a triangle could be of', () => {
    const t = coverageRevisions(
      wideHistory,
      { scheme: 'compulsory', unit: '04' },
      'share',
      '2020-01-01',
      '2020-03-31',
      'month',
    )
    expect(E.isLeft(t) && t.left.message).toBe(
      'not a figure of the coverage report; e.g. participants, denominator, rate, children.041.participants, children.041.denominator, children.041.rate',
    )
  })
})
