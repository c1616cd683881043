import { describe, expect, it } from 'vitest'
import { type AchievementRow, achievementBands, bandOf, debtByAge, participantsOverTime } from './charts.js'
import type { Formats, Lang } from './formats.js'
import { escapeHtml } from './html.js'
import { monthEnds } from './reports.js'
import { chartFigure, chartSvg } from './svg.js'

// A plain stand-in for the CLI's formatting (the CLI's own is tested with the CLI).
const formats = (lang: Lang): Formats => {
  const n = new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-US', { maximumFractionDigits: 0 })
  return {
    lang,
    count: (v) => (v === null ? '—' : n.format(v)),
    delta: (v) => (v === null ? '—' : n.format(v)),
    percent: (r) => (r === null ? '—' : `${(r * 100).toFixed(1)}%`),
    deltaPercent: (r) => (r === null ? '—' : `${(r * 100).toFixed(1)}%`),
    vnd: (v) => `${n.format(v)} VND`,
    date: (d) => (lang === 'vi' ? d.split('-').reverse().join('/') : d),
    month: (m) => m,
    instant: (i) => i,
    label: (k) => k,
    scheme: (s) => s ?? 'all',
  }
}

/** The items of the SVG group of a chart's data mark. */
const items = (svg: string, mark: string): number => {
  const start = svg.indexOf(`${mark}_marks"`)
  if (start < 0) return -1
  const open = svg.indexOf('>', start) + 1
  let depth = 0
  let count = 0
  for (const m of svg.slice(open).matchAll(/<(\/?)(\w+)[^>]*?(\/?)>/g)) {
    if (m[1] === '/') {
      if (depth === 0) break
      depth--
    } else if (m[3] !== '/') {
      if (depth === 0) count++
      depth++
    } else if (depth === 0) count++
  }
  return count
}

// A Lưới on 12 August 2019 (the seed article): 21 communes with a target, 12 of them below it.
const aLuoi: AchievementRow[] = [
  ...Array.from({ length: 9 }, (_, i) => ({
    unit: String(20266 + 3 * i),
    name: `Xã ${i}`,
    target: 20,
    participants: 20 + i,
  })),
  ...Array.from({ length: 7 }, (_, i) => ({
    unit: String(20300 + 3 * i),
    name: `Xã B${i}`,
    target: 20,
    participants: 11 + i,
  })),
  ...Array.from({ length: 4 }, (_, i) => ({
    unit: String(20330 + 3 * i),
    name: `Xã C${i}`,
    target: 20,
    participants: 5 + i,
  })),
  { unit: '20311', name: 'Xã Đông Sơn', target: 12, participants: 0 },
  { unit: '20400', name: 'no target', target: null, participants: 7 },
]

describe('monthEnds', () => {
  it('asks each month end of the year up to the as-of day, and the day itself', () => {
    expect(monthEnds('2020-03-15')).toEqual(['2020-01-31', '2020-02-29', '2020-03-15'])
    expect(monthEnds('2019-02-28')).toEqual(['2019-01-31', '2019-02-28'])
    expect(monthEnds('2020-01-01')).toEqual(['2020-01-01'])
    expect(monthEnds('2020-12-31')).toHaveLength(12)
  })
})

describe('bands', () => {
  it('puts a child in one band: met, below, below 50%, none', () => {
    expect(bandOf(20, 20)).toBe('met')
    expect(bandOf(10, 20)).toBe('below')
    expect(bandOf(9, 20)).toBe('below50')
    expect(bandOf(0, 20)).toBe('zero')
  })
})

describe('charts drawn to SVG in Node', () => {
  it('draws one point per month end and the target as a rule, axes in Vietnamese numbers', async () => {
    const series = monthEnds('2020-09-30').map((asOf, i) => ({ asOf, value: 3000 + 500 * i }))
    const chart = participantsOverTime(series, 12045, formats('vi'))
    expect(chart.points).toBe(9)
    const svg = await chartSvg(chart, 'vi')
    expect(items(svg, 'points')).toBe(9)
    expect(svg).toContain('target_')
    expect(svg).toContain('>10.000<')
    expect(svg).not.toContain('>10,000<')
    expect(svg).toContain('>30/09/2020<')
    expect(svg).not.toMatch(/<script|<image|href=/)
    expect(await chartSvg(chart, 'en')).toContain('>10,000<')
  })

  it('draws a bar per child with a target and counts those below it (12 of 21 communes)', async () => {
    const chart = achievementBands(aLuoi, formats('en'))
    expect(chart.points).toBe(21)
    expect(chart.caption).toBe('12 of 21 communes below target')
    expect(items(await chartSvg(chart, 'en'), 'bars')).toBe(21)
    expect(achievementBands(aLuoi, formats('vi')).caption).toBe('12/21 xã, phường, thị trấn chưa đạt chỉ tiêu')
    expect(
      achievementBands(
        [
          { unit: '593', name: null, target: 5, participants: 5 },
          { unit: '60', name: null, target: 5, participants: 1 },
        ],
        formats('en'),
      ).caption,
    ).toBe('1 of 2 units below target')
  })

  it('draws the four debt age buckets', async () => {
    const chart = debtByAge(
      { upTo3Months: 6_000_000, upTo6Months: 0, upTo12Months: 1, over12Months: 800_000_000 },
      formats('vi'),
    )
    const svg = await chartSvg(chart, 'vi')
    expect(items(svg, 'bars')).toBe(4)
    expect(svg).toContain('>800.000.000<')
  })

  it('wraps a chart in a figure that says what to count, escaping its title', async () => {
    const chart = {
      ...debtByAge({ upTo3Months: 1, upTo6Months: 2, upTo12Months: 3, over12Months: 4 }, formats('en')),
      title: 'A <b> & "c"',
    }
    const figure = await chartFigure(chart, 'en')
    expect(figure).toMatch(/^<figure class="chart" data-chart="debt-by-age" data-mark="bars_marks" data-points="4">/)
    expect(figure).toContain('aria-label="A &lt;b&gt; &amp; &quot;c&quot;"')
    expect(escapeHtml('Phú Thủy'.normalize('NFD'))).toBe('Phú Thủy')
  })
})
