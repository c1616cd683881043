import type { DomainEvent } from '@ansinh/core'
import { referenceDebtReport } from './reference/index.js'
import { History } from '@ansinh/projection'
import { describe, expect, it } from 'vitest'
import { day, established, owed, positioned, settled } from '@ansinh/testing/fixtures'
import { debtReport } from './index.js'

const geography: DomainEvent[] = [
  established('46', 'Thừa Thiên Huế'),
  established('481', 'A Lưới', '46'),
  established('482', 'Phú Vang', '46'),
  established('19900', 'Hồng Kim', '481'),
]

const report = (events: DomainEvent[], query: Parameters<typeof debtReport>[1]) => {
  const indexed = debtReport(History.of(positioned(events)), query)
  expect(indexed).toEqual(referenceDebtReport(positioned(events), query))
  return indexed
}

describe('debtReport', () => {
  it('pays the oldest period first and ages what is left', () => {
    const events = [
      ...geography,
      owed('ACME', '19900', 'compulsory', '2018-02', 100, '2018-03-10'), // age 13 on 2019-03
      owed('ACME', '19900', 'compulsory', '2018-03', 100, '2018-04-10'), // 12
      owed('ACME', '19900', 'compulsory', '2018-09', 100, '2018-10-10'), // 6
      owed('ACME', '19900', 'compulsory', '2018-10', 100, '2018-11-10'), // 5 → upTo6
      owed('ACME', '19900', 'compulsory', '2018-11', 100, '2018-12-10'), // 4
      owed('ACME', '19900', 'compulsory', '2018-12', 100, '2019-01-10'), // 3
      owed('ACME', '19900', 'health', '2019-03', 50, '2019-03-15'), // 0
      settled('ACME', 'compulsory', 150, '2019-02-01'),
    ]
    const r = report(events, { asOf: day('2019-03-31') })
    expect(r).toEqual({
      report: 'debt',
      asOf: '2019-03-31',
      geography: '2019-03-31',
      knownAt: null,
      unit: null,
      scheme: null,
      basis: { events: 12, lastPosition: 12 },
      outstanding: 500,
      byScheme: { compulsory: 450, health: 50, unemployment: 0 },
      aging: { upTo3Months: 150, upTo6Months: 300, upTo12Months: 50, over12Months: 0 },
      credit: 0,
      employers: [{ employer: 'ACME', outstanding: 500, oldestPeriod: '2018-03' }],
      children: [{ unit: '46', name: 'Thừa Thiên Huế', outstanding: 500 }],
    })
    // before the settlement: periods 2018-10..12 are ≤ 3 months old, 2018-09 is 4, 2018-02/03 are 11 and 10
    const earlier = report(events, { asOf: day('2019-01-31') })
    expect(earlier.outstanding).toBe(600)
    expect(earlier.aging).toEqual({ upTo3Months: 300, upTo6Months: 100, upTo12Months: 200, over12Months: 0 })
  })

  it('turns what no debt can take into credit of the unit of the latest debt record, never consumed later', () => {
    const events = [
      ...geography,
      owed('ACME', '19900', 'compulsory', '2019-01', 100, '2019-02-01'),
      owed('ACME', '482', 'compulsory', '2018-12', 100, '2019-01-15'),
      settled('ACME', 'compulsory', 500, '2019-03-01'),
      owed('ACME', '482', 'compulsory', '2019-04', 70, '2019-05-01'),
    ]
    const march = report(events, { asOf: day('2019-03-31'), unit: '46' })
    expect([march.outstanding, march.credit]).toEqual([0, 300])
    expect(report(events, { asOf: day('2019-03-31'), unit: '481' }).credit).toBe(300)
    expect(report(events, { asOf: day('2019-03-31'), unit: '482' }).credit).toBe(0)
    const may = report(events, { asOf: day('2019-05-31'), unit: '46' })
    expect([may.outstanding, may.credit]).toEqual([70, 300])
    expect(report(events, { asOf: day('2019-05-31'), unit: '482' }).credit).toBe(300)
    expect(report(events, { asOf: day('2019-02-28') }).credit).toBe(0)
  })

  it('does not let a settlement pay a debt recorded after it; with no debt record the credit is national only', () => {
    const events = [
      ...geography,
      settled('ACME', 'health', 40, '2019-01-10'),
      owed('ACME', '19900', 'health', '2018-12', 100, '2019-01-20'),
      settled('NOBODY', 'health', 25, '2019-01-10'),
    ]
    const national = report(events, { asOf: day('2019-01-31') })
    expect([national.outstanding, national.credit]).toEqual([100, 65])
    const province = report(events, { asOf: day('2019-01-31'), unit: '46' })
    expect([province.outstanding, province.credit]).toEqual([100, 40])
    expect(report(events, { asOf: day('2019-01-15'), unit: '46' }).credit).toBe(0)
    expect(report(events, { asOf: day('2019-01-15') }).credit).toBe(65)
  })

  it('applies settlements in settledOn order and pays equal periods by earlier recordedOn, then position', () => {
    const events = [
      ...geography,
      owed('ACME', '481', 'compulsory', '2019-01', 100, '2019-02-10'),
      owed('ACME', '482', 'compulsory', '2019-01', 100, '2019-02-05'),
      owed('ACME', '19900', 'compulsory', '2019-01', 100, '2019-02-05'),
      settled('ACME', 'compulsory', 150, '2019-03-01'),
      settled('ACME', 'compulsory', 10, '2019-02-20'),
    ]
    const r = report(events, { asOf: day('2019-03-31') })
    expect(r.children).toEqual([{ unit: '46', name: 'Thừa Thiên Huế', outstanding: 140 }])
    expect(report(events, { asOf: day('2019-03-31'), unit: '46' }).children).toEqual([
      { unit: '481', name: 'A Lưới', outstanding: 140 },
      { unit: '482', name: 'Phú Vang', outstanding: 0 },
    ])
    expect(report(events, { asOf: day('2019-02-25'), unit: '482' }).outstanding).toBe(90)
  })

  it('filters every figure by scheme, and sorts employers by outstanding then name', () => {
    const events = [
      ...geography,
      owed('Beta', '19900', 'compulsory', '2019-01', 300, '2019-02-01'),
      owed('Alpha', '482', 'compulsory', '2019-01', 300, '2019-02-01'),
      owed('Gamma', '482', 'compulsory', '2018-12', 50, '2019-01-01'),
      owed('Gamma', '482', 'compulsory', '2019-01', 500, '2019-02-01'),
      owed('Gamma', '482', 'health', '2018-06', 999, '2018-07-01'),
      settled('Gamma', 'compulsory', 60, '2019-02-15'),
      settled('Beta', 'health', 5, '2019-02-15'),
    ]
    const r = report(events, { asOf: day('2019-03-31'), scheme: 'compulsory' })
    expect(r.scheme).toBe('compulsory')
    expect(r.byScheme).toEqual({ compulsory: 1_090, health: 0, unemployment: 0 })
    expect(r.credit).toBe(0)
    expect(r.employers).toEqual([
      { employer: 'Gamma', outstanding: 490, oldestPeriod: '2019-01' },
      { employer: 'Alpha', outstanding: 300, oldestPeriod: '2019-01' },
      { employer: 'Beta', outstanding: 300, oldestPeriod: '2019-01' },
    ])
    expect(report(events, { asOf: day('2019-03-31'), scheme: 'health' }).credit).toBe(5)
    expect(report(events, { asOf: day('2019-03-31'), unit: '481' }).employers).toEqual([
      { employer: 'Beta', outstanding: 300, oldestPeriod: '2019-01' },
    ])
  })

  it('counts debts of a unit never established nationally, and leaves out debts recorded after D', () => {
    const events = [
      ...geography,
      owed('X', '99', 'unemployment', '2019-01', 10, '2019-02-01'),
      owed('X', '19900', 'unemployment', '2019-02', 5, '2019-03-05'),
    ]
    const r = report(events, { asOf: day('2019-03-01') })
    expect([r.outstanding, r.children]).toEqual([10, [{ unit: '46', name: 'Thừa Thiên Huế', outstanding: 0 }]])
    expect(report(events, { asOf: day('2019-03-01'), unit: '99' }).outstanding).toBe(10)
  })
})
