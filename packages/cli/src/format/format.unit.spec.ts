import type { BusinessDate, Month, UnitCode } from '@ansinh/core'
import { describe, expect, it } from 'vitest'
import { renderCsv } from './csv.js'
import { formatCount, formatDelta, formatDeltaPercent, formatPercent, formatVnd } from './numbers.js'
import type { CoverageView, DebtView, PlanView } from './reports.js'
import { renderTable } from './table.js'

describe('numbers', () => {
  it('groups thousands per language', () => {
    expect(formatCount(7215, 'en')).toBe('7,215')
    expect(formatCount(7215, 'vi')).toBe('7.215')
    expect(formatCount(1000519, 'vi')).toBe('1.000.519')
    expect(formatCount(-4431, 'en')).toBe('-4,431')
    expect(formatCount(12, 'en')).toBe('12')
    expect(formatCount(null, 'en')).toBe('—')
  })
  it('formats percentages and deltas', () => {
    expect(formatPercent(7215 / 12045, 'vi')).toBe('59,9%')
    expect(formatPercent(7215 / 12045, 'en')).toBe('59.9%')
    expect(formatPercent(36520 / 50137, 'en', 2)).toBe('72.84%')
    expect(formatDelta(4431, 'en')).toBe('+4,431')
    expect(formatDelta(0, 'en')).toBe('0')
    expect(formatDeltaPercent(4431 / 2784, 'en')).toBe('+159.2%')
    expect(formatVnd(806_000_000, 'vi')).toBe('806.000.000 đồng')
  })
})

const head = { asOf: '2020-09-30' as BusinessDate, knownAt: '2020-10-05T23:59:59.999+07:00', basis: { events: 12, lastPosition: 12 } }

const plan: PlanView = {
  ...head,
  report: 'plan',
  unit: '60' as UnitCode,
  scheme: 'voluntary',
  year: 2020,
  target: 12045,
  participants: 7215,
  achievement: 7215 / 12045,
  remaining: 4830,
  expiringBeforeYearEnd: 1006,
  recruitsNeeded: 5836,
  sameDateLastYear: 2784,
  changeVsSameDate: 4431,
  changeVsSameDatePct: 4431 / 2784,
  endOfPreviousYear: 3000,
  changeVsEndOfPreviousYear: 4215,
  newInYear: 3421,
  children: [{ unit: '593' as UnitCode, name: 'Phan Thiết', target: 3000, participants: 1500, achievement: 0.5 }],
  bands: { withTarget: 1, met: 0, belowTarget: 1, below50: 0, zero: 0 },
}

describe('renderTable', () => {
  it('writes the plan report in Vietnamese with the press wording', () => {
    const t = renderTable(plan, 'vi', 'Bình Thuận')
    expect(t).toContain('Thực hiện kế hoạch 2020 — BHXH tự nguyện — 60 Bình Thuận')
    expect(t).toContain('7.215 người')
    expect(t).toContain('đạt 59,9% kế hoạch')
    expect(t).toContain('5.836 người')
    expect(t).toContain('+4.431 (+159,16%)')
    expect(t).toMatch(/593\s+Phan Thiết\s+3\.000\s+1\.500\s+50,0%/)
  })
  it('writes the plan report in English', () => {
    const t = renderTable(plan, 'en', 'Bình Thuận')
    expect(t).toContain('59.9% of plan')
    expect(t).toContain('recruits needed by year end')
    expect(t).toContain('as known at 2020-10-05T23:59:59.999+07:00')
  })
  it('writes coverage and debt reports', () => {
    const coverage: CoverageView = {
      ...head,
      report: 'coverage',
      unit: null,
      scheme: 'health',
      knownAt: null,
      participants: 1000519,
      denominator: 1158008,
      denominatorYear: null,
      rate: 1000519 / 1158008,
      children: [],
    }
    const c = renderTable(coverage, 'en')
    expect(c).toContain('health insurance — national')
    expect(c).toContain('1,000,519')
    expect(c).toContain('86.40%')
    const debt: DebtView = {
      ...head,
      report: 'debt',
      unit: '474' as UnitCode,
      scheme: null,
      outstanding: 806_000_000,
      byScheme: { compulsory: 806_000_000, health: 0, unemployment: 0 },
      aging: { upTo3Months: 6_000_000, upTo6Months: 0, upTo12Months: 0, over12Months: 800_000_000 },
      credit: 0,
      employers: [{ employer: 'Công ty A', outstanding: 806_000_000, oldestPeriod: '2017-05' as Month }],
      children: [],
    }
    const d = renderTable(debt, 'vi', 'A Lưới')
    expect(d).toContain('806.000.000 đồng')
    expect(d).toContain('Công ty A')
  })
})

describe('renderCsv', () => {
  it('writes the children with quoting', () => {
    const csv = renderCsv({ ...plan, children: [{ unit: '593' as UnitCode, name: 'Phan Thiết, "TP"', target: 3000, participants: 1500, achievement: 0.5 }] })
    expect(csv).toBe('unit,name,target,participants,achievement\n593,"Phan Thiết, ""TP""",3000,1500,0.5\n')
  })
  it('leaves nulls empty', () => {
    const csv = renderCsv({ ...plan, children: [{ unit: '593' as UnitCode, name: null, target: null, participants: 0, achievement: null }] })
    expect(csv.split('\n')[1]).toBe('593,,,0,')
  })
})
