import { type BusinessDate, type PopulationEstimated, type QuotaAssigned, type Scheme, dayNumber } from '@ansinh/core'
import { describe, expect, it } from 'vitest'
import { Denominators, Quotas, denominatorOf } from './registers.js'

const date = (s: string): BusinessDate => s as BusinessDate

const estimate = (unit: string, year: number, population: number, labourForce?: number): PopulationEstimated =>
  ({ unit, year, population, ...(labourForce === undefined ? {} : { labourForce }) }) as PopulationEstimated

const quota = (unit: string, scheme: Scheme, year: number, target: number, assignedOn: string): QuotaAssigned =>
  ({ unit, scheme, year, target, assignedOn: date(assignedOn) }) as QuotaAssigned

describe('Denominators', () => {
  it('answers the estimate of the greatest year not after the one asked, the later position on a tie', () => {
    const d = new Denominators()
    d.add(estimate('60', 2019, 1000, 600), 10)
    d.add(estimate('60', 2021, 1300, 700), 11)
    // two estimates of 2020, the later position folded first
    d.add(estimate('60', 2020, 1200, 650), 30)
    d.add(estimate('60', 2020, 1100), 20)
    d.add(estimate('61', 2020, 5), 40)
    expect(d.latest('60', 2018)).toBeNull()
    expect(d.latest('60', 2019)).toEqual({ year: 2019, population: 1000, labourForce: 600, position: 10 })
    expect(d.latest('60', 2020)).toEqual({ year: 2020, population: 1200, labourForce: 650, position: 30 })
    expect(d.latest('60', 2030)?.year).toBe(2021)
    expect(d.latest('62', 2020)).toBeNull()
    // folded the other way round, the later position still wins the tie
    const other = new Denominators()
    other.add(estimate('60', 2020, 1100), 20)
    other.add(estimate('60', 2020, 1200, 650), 30)
    expect(other.latest('60', 2020)?.position).toBe(30)
  })

  it('keeps records in fold order with their ordinals, and cuts them by recording instant', () => {
    const d = new Denominators()
    d.add(estimate('60', 2019, 1000), 1)
    d.add(estimate('60', 2020, 1100), 2)
    d.add(estimate('61', 2020, 50), 5, 7)
    expect(d.records().map((r) => [r.unit, r.estimate.year, r.estimate.labourForce, r.ordinal])).toEqual([
      ['60', 2019, null, 0],
      ['60', 2020, null, 1],
      ['61', 2020, null, 7],
    ])
    const recordedAt = new Float64Array([100, 300, 0, 0, 0, 0, 0, 200])
    const cut = d.knownAt(recordedAt, 200)
    expect(cut.records().map((r) => r.ordinal)).toEqual([0, 7])
    expect(cut.latest('60', 2020)?.year).toBe(2019)
    expect(cut.latest('61', 2020)?.population).toBe(50)
  })

  it('measures health against the population and every other scheme against the labour force', () => {
    const e = { year: 2020, population: 1000, labourForce: 600, position: 1 }
    expect(denominatorOf(e, 'health')).toBe(1000)
    expect(['compulsory', 'voluntary', 'unemployment'].map((s) => denominatorOf(e, s as Scheme))).toEqual([
      600, 600, 600,
    ])
    expect(denominatorOf({ ...e, labourForce: null }, 'voluntary')).toBeNull()
  })
})

describe('Quotas', () => {
  it('answers the target in force on a day: the latest assignment by then, the later position on a tie', () => {
    const q = new Quotas()
    q.add(quota('60', 'voluntary', 2020, 100, '2020-01-15'), 1)
    q.add(quota('60', 'voluntary', 2020, 120, '2020-06-01'), 9)
    // the same day twice, the later position folded first
    q.add(quota('60', 'voluntary', 2020, 130, '2020-03-01'), 8)
    q.add(quota('60', 'voluntary', 2020, 110, '2020-03-01'), 4)
    q.add(quota('60', 'health', 2020, 999, '2020-01-01'), 5)
    q.add(quota('60', 'voluntary', 2021, 777, '2020-01-01'), 6)
    const on = (s: string): number => dayNumber(date(s))
    expect(q.target('60', 'voluntary', 2020, on('2020-01-14'))).toBeNull()
    expect(q.target('60', 'voluntary', 2020, on('2020-01-15'))).toBe(100)
    expect(q.target('60', 'voluntary', 2020, on('2020-03-01'))).toBe(130)
    expect(q.target('60', 'voluntary', 2020, on('2020-05-31'))).toBe(130)
    expect(q.target('60', 'voluntary', 2020, on('2020-06-01'))).toBe(120)
    expect(q.target('60', 'health', 2020, on('2020-12-31'))).toBe(999)
    expect(q.target('60', 'voluntary', 2021, on('2020-12-31'))).toBe(777)
    expect(q.target('61', 'voluntary', 2020, on('2020-12-31'))).toBeNull()
    const other = new Quotas()
    other.add(quota('60', 'voluntary', 2020, 110, '2020-03-01'), 4)
    other.add(quota('60', 'voluntary', 2020, 130, '2020-03-01'), 8)
    expect(other.target('60', 'voluntary', 2020, on('2020-03-01'))).toBe(130)
    // an assignment recorded later with an earlier day does not displace the one in force since
    const late = new Quotas()
    late.add(quota('60', 'voluntary', 2020, 120, '2020-06-01'), 2)
    late.add(quota('60', 'voluntary', 2020, 110, '2020-03-01'), 3)
    expect(late.target('60', 'voluntary', 2020, on('2020-05-31'))).toBe(110)
    expect(late.target('60', 'voluntary', 2020, on('2020-07-01'))).toBe(120)
  })

  it('keeps records in fold order under their key, and cuts them by recording instant', () => {
    const q = new Quotas()
    q.add(quota('60', 'voluntary', 2020, 100, '2020-01-15'), 1)
    q.add(quota('60', 'voluntary', 2020, 120, '2020-06-01'), 2, 5)
    expect(q.records()).toEqual([
      { key: '60|voluntary|2020', assignedOn: dayNumber(date('2020-01-15')), target: 100, position: 1, ordinal: 0 },
      { key: '60|voluntary|2020', assignedOn: dayNumber(date('2020-06-01')), target: 120, position: 2, ordinal: 5 },
    ])
    const cut = q.knownAt(new Float64Array([10, 0, 0, 0, 0, 20]), 19)
    expect(cut.records().map((r) => r.ordinal)).toEqual([0])
    expect(cut.target('60', 'voluntary', 2020, dayNumber(date('2020-12-31')))).toBe(100)
    // recorded at the cut-off itself: known by then
    expect(
      q
        .knownAt(new Float64Array([10, 0, 0, 0, 0, 20]), 20)
        .records()
        .map((r) => r.ordinal),
    ).toEqual([0, 5])
  })
})
