import type { BusinessDate, Month, UnitCode } from '@ansinh/core'
import { describe, expect, it } from 'vitest'
import stringWidth from 'string-width'
import { neutralise, renderCsv } from './csv.js'
import {
  formatCount,
  formatDate,
  formatDelta,
  formatDeltaPercent,
  formatInstant,
  formatMonth,
  formatPercent,
  formatVnd,
} from './numbers.js'
import type { AgentsView, CoverageView, DebtView, PlanView, RevenueView } from './reports.js'
import { columns, renderTable } from './table.js'

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

const head = {
  asOf: '2020-09-30' as BusinessDate,
  geography: '2020-09-30' as BusinessDate,
  knownAt: '2020-10-05T23:59:59.999+07:00',
  basis: { events: 12, lastPosition: 12 },
}

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
    const csv = renderCsv({
      ...plan,
      children: [
        { unit: '593' as UnitCode, name: 'Phan Thiết, "TP"', target: 3000, participants: 1500, achievement: 0.5 },
      ],
    })
    expect(csv).toBe('unit,name,target,participants,achievement\n593,"Phan Thiết, ""TP""",3000,1500,0.5\n')
  })
  it('leaves nulls empty', () => {
    const csv = renderCsv({
      ...plan,
      children: [{ unit: '593' as UnitCode, name: null, target: null, participants: 0, achievement: null }],
    })
    expect(csv.split('\n')[1]).toBe('593,,,0,')
  })
})

describe('numbers and dates by Intl', () => {
  it('keeps the spec form of percentages in both languages, rounding half away from zero', () => {
    expect(formatPercent(0.59901, 'vi')).toBe('59,9%')
    expect(formatPercent(-0.125, 'vi', 2)).toBe('-12,50%')
    expect(formatPercent(0.00045, 'en', 1)).toBe('0.0%')
    expect(formatDeltaPercent(0, 'vi')).toBe('0,0%')
    expect(formatDeltaPercent(-0.5, 'en')).toBe('-50.0%')
    expect(formatDelta(-1234567, 'vi')).toBe('-1.234.567')
    expect(formatCount(999.6, 'en')).toBe('1,000')
  })
  it('writes Vietnamese dates day first, English ones ISO', () => {
    expect(formatDate('2020-09-30', 'vi')).toBe('30/09/2020')
    expect(formatDate('2020-01-01', 'vi')).toBe('01/01/2020')
    expect(formatDate('2020-09-30', 'en')).toBe('2020-09-30')
    expect(formatMonth('2017-05', 'vi')).toBe('05/2017')
    expect(formatMonth('2017-05', 'en')).toBe('2017-05')
  })
  it('writes a known-at instant in Vietnam time: the end of a day, or the time of day', () => {
    expect(formatInstant('2020-10-05T23:59:59.999+07:00', 'vi')).toBe('hết ngày 05/10/2020')
    expect(formatInstant('2020-10-05T05:00:00Z', 'vi')).toBe('12:00:00 ngày 05/10/2020')
    expect(formatInstant('2020-10-05T23:59:59.999+07:00', 'en')).toBe('2020-10-05T23:59:59.999+07:00')
  })
  it('puts Vietnamese dates in Vietnamese tables and keeps ISO in English ones', () => {
    const vi = renderTable(plan, 'vi', 'Bình Thuận').split('\n')[1]
    expect(vi).toBe('tính đến ngày 30/09/2020, theo số liệu ghi nhận đến hết ngày 05/10/2020')
    expect(renderTable(plan, 'en', 'Bình Thuận').split('\n')[1]).toBe(
      'as of 2020-09-30, as known at 2020-10-05T23:59:59.999+07:00',
    )
  })
})

describe('table layout by display width', () => {
  // the column where each cell of `line` starts, counted in terminal cells
  const starts = (line: string, cells: readonly string[]): number[] => {
    const out: number[] = []
    let from = 0
    for (const c of cells) {
      const i = line.indexOf(c, from)
      out.push(stringWidth(line.slice(0, i)))
      from = i + c.length
    }
    return out
  }
  const child = (unit: string, name: string, participants: number) => ({
    unit: unit as UnitCode,
    name,
    target: 3000,
    participants,
    achievement: participants / 3000,
  })

  it('lines up a name written in decomposed Unicode (NFD) and prints it composed', () => {
    const nfd = 'Phú Thủy'.normalize('NFD')
    expect(nfd.length).toBeGreaterThan('Phú Thủy'.length)
    const t = renderTable(
      { ...plan, children: [child('22816', nfd, 1500), child('22819', 'Phường 2', 1234)] },
      'vi',
      'Bình Thuận',
    ).split('\n')
    const rows = t.filter((l) => /^228\d\d /.test(l))
    expect(rows).toHaveLength(2)
    expect(rows[0]).toContain('Phú Thủy'.normalize('NFC'))
    expect(starts(rows[0]!, ['22816', 'Phú', '3.000', '1.500'])).toEqual(
      starts(rows[1]!, ['22819', 'Phường', '3.000', '1.234']),
    )
    // and the numbers end in the same column
    expect(stringWidth(rows[0]!)).toBe(stringWidth(rows[1]!))
  })

  it('counts wide characters as two cells', () => {
    const lines = columns(
      ['name', 'participants'],
      [
        ['東京都', '12'],
        ['Huế', '1,234'],
      ],
    )
    // the name column is 6 cells wide (東京都), so the right-aligned numbers all end at cell 20
    expect(lines.map((l) => stringWidth(l))).toEqual([20, 20, 20, 20])
    expect(lines[2]).toBe('東京都' + '  ' + ' '.repeat(10) + '12')
    expect(lines[3]).toBe('Huế   ' + '  ' + ' '.repeat(7) + '1,234')
  })
})

describe('renderCsv for spreadsheets', () => {
  const rows = {
    ...plan,
    children: [{ unit: '593' as UnitCode, name: 'Phan Thiết', target: 3000, participants: 1500, achievement: 0.5 }],
  }
  it('starts with a byte-order mark and separates with ; and a decimal comma for Excel in vi-VN', () => {
    const csv = renderCsv(rows, { bom: true, separator: ';' })
    expect(csv.charCodeAt(0)).toBe(0xfeff)
    expect(csv.slice(1)).toBe('unit;name;target;participants;achievement\n593;Phan Thiết;3000;1500;0,5\n')
    expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]))
  })
  it('separates with tabs when asked', () => {
    expect(renderCsv(rows, { bom: false, separator: '\t' }).split('\n')[1]).toBe('593\tPhan Thiết\t3000\t1500\t0.5')
  })
  it('quotes a name holding the separator', () => {
    expect(
      renderCsv(
        { ...rows, children: [{ ...rows.children[0]!, name: 'Xã A; B' }] },
        { bom: false, separator: ';' },
      ).split('\n')[1],
    ).toBe('593;"Xã A; B";3000;1500;0,5')
  })
  it('neutralises text cells that a spreadsheet would run as a formula, and leaves numbers alone', () => {
    const named = (name: string) => renderCsv({ ...rows, children: [{ ...rows.children[0]!, name }] }).split('\n')[1]
    expect(named('=HYPERLINK("http://x","y")')).toBe(`593,"'=HYPERLINK(""http://x"",""y"")",3000,1500,0.5`)
    expect(named('+84 Phường')).toBe(`593,"'+84 Phường",3000,1500,0.5`)
    expect(named('-2+3')).toBe(`593,"'-2+3",3000,1500,0.5`)
    expect(named('@SUM(A1)')).toBe(`593,"'@SUM(A1)",3000,1500,0.5`)
    expect(named('\tTab')).toBe(`593,"'\tTab",3000,1500,0.5`)
    expect(named('\rCR')).toBe(`593,"'\rCR",3000,1500,0.5`)
    expect(named('Phường 1 = trung tâm')).toBe('593,Phường 1 = trung tâm,3000,1500,0.5')
    // a negative number ansinh writes stays a number
    const debt = {
      ...head,
      report: 'debt' as const,
      unit: '60' as UnitCode,
      scheme: null,
      outstanding: -5,
      byScheme: { compulsory: -5, health: 0, unemployment: 0 },
      aging: { upTo3Months: 0, upTo6Months: 0, upTo12Months: 0, over12Months: 0 },
      credit: 5,
      employers: [],
      children: [{ unit: '593' as UnitCode, name: 'Phan Thiết', outstanding: -5_000_000 }],
    }
    expect(renderCsv(debt as DebtView).split('\n')[1]).toBe('593,Phan Thiết,-5000000')
    expect(neutralise('-5')).toEqual({ value: "'-5", quoted: true })
  })
})

describe('agent and revenue reports', () => {
  const basis = { events: 10, lastPosition: 10 }
  const agents: AgentsView = {
    report: 'agents',
    asOf: '2020-09-30' as BusinessDate,
    geography: '2020-09-30' as BusinessDate,
    knownAt: null,
    unit: '60',
    scheme: 'voluntary',
    basis,
    from: '2020-01-01' as BusinessDate,
    to: '2020-09-30' as BusinessDate,
    participants: 6974,
    new: 3421,
    continuing: 3553,
    returning: 0,
    withoutAgent: 241,
    agents: [
      { agent: 'Đại lý Bưu điện', participants: 4200, new: 2000, continuing: 2200, returning: 0 },
      { agent: 'UBND xã Hàm Trí', participants: 2774, new: 1421, continuing: 1353, returning: 0 },
    ],
  }
  const revenue: RevenueView = {
    report: 'revenue',
    asOf: '2020-09-30' as BusinessDate,
    geography: '2020-09-30' as BusinessDate,
    knownAt: null,
    unit: '04',
    scheme: null,
    basis,
    year: 2020,
    collected: 3_620_400_000_000,
    byScheme: { voluntary: 1, compulsory: 2, health: 3, unemployment: 4 },
    target: 5_063_496_503_497,
    achievement: 0.715,
    samePeriodLastYear: 3_312_654_400_000,
    changeVsSamePeriodPct: 0.0929,
    children: [{ unit: '041', name: 'Huyện Một', collected: 3_620_400_000_000, target: null, achievement: null }],
  }

  it('ranks the agents in the table, post office first, with the press wording in Vietnamese', () => {
    const vi = renderTable(agents, 'vi', 'Bình Thuận')
    expect(vi).toContain('tham gia mới                  3.421 người')
    expect(vi).toContain('tiếp tục tham gia             3.553 người')
    const rows = vi.split('\n').slice(-2)
    expect(rows[0]).toMatch(/^1 {2}Đại lý Bưu điện/)
    expect(rows[1]).toMatch(/^2 {2}UBND xã Hàm Trí/)
  })

  it('writes revenue in VND against the plan, and the agents as csv rows', () => {
    const vi = renderTable(revenue, 'vi', 'Tỉnh Bốn')
    expect(vi).toContain('3.620.400.000.000 đồng')
    expect(vi).toContain('71,5% kế hoạch')
    expect(vi).toContain('+9,29%')
    expect(renderCsv(agents).trimEnd().split('\n')).toEqual([
      'agent,participants,new,continuing,returning',
      'Đại lý Bưu điện,4200,2000,2200,0',
      'UBND xã Hàm Trí,2774,1421,1353,0',
    ])
    expect(renderCsv(revenue).split('\n')[1]).toBe('041,Huyện Một,3620400000000,,')
  })
})
