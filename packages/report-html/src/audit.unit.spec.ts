import { describe, expect, it } from 'vitest'
import {
  type DiffInput,
  type TriangleInput,
  causeLabel,
  deltaByCause,
  diffSection,
  revisionHeatMap,
  revisionsSection,
} from './audit.js'
import type { Formats, Lang } from './formats.js'
import { chartSvg } from './svg.js'

const formats = (lang: Lang): Formats => {
  const n = new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-US', { maximumFractionDigits: 0 })
  const signed = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0, signDisplay: 'exceptZero' })
  return {
    lang,
    count: (v) => (v === null ? '—' : n.format(v)),
    delta: (v) => (v === null ? '—' : signed.format(v)),
    percent: (r, d = 1) => (r === null ? '—' : `${(r * 100).toFixed(d)}%`),
    deltaPercent: (r, d = 1) => (r === null ? '—' : `${r > 0 ? '+' : ''}${(r * 100).toFixed(d)}%`),
    vnd: (v) => `${n.format(v)} VND`,
    date: (d) => (lang === 'vi' ? d.split('-').reverse().join('/') : d),
    month: (m) => m,
    instant: (i) => i,
    label: (k) => k,
    scheme: (s) => s ?? 'all',
  }
}

// Three month ends of 2020 as known at the end of each month and now: the upper right is empty.
const triangle: TriangleInput = {
  field: 'participants',
  knownAt: ['2020-01-31T23:59:59.999+07:00', '2020-02-29T23:59:59.999+07:00', '2020-03-31T23:59:59.999+07:00', null],
  rows: [
    { asOf: '2020-01-31', cells: [100, 104, 105, 107], firstPublished: 100, totalRevision: 7 },
    { asOf: '2020-02-29', cells: [null, 120, 118, 121], firstPublished: 120, totalRevision: 1 },
    { asOf: '2020-03-31', cells: [null, null, 130, 133], firstPublished: 130, totalRevision: 3 },
  ],
  meanAbsoluteRevision: 11 / 3,
}

const diff: DiffInput = {
  before: {
    report: 'plan',
    unit: '60',
    scheme: 'voluntary',
    asOf: '2020-09-30',
    knownAt: '2020-10-05T23:59:59.999+07:00',
  },
  after: { report: 'plan', unit: '60', scheme: 'voluntary', asOf: '2020-09-30', knownAt: null },
  fields: [
    {
      field: 'participants',
      before: 7215,
      after: 7240,
      delta: 25,
      causes: [
        {
          cause: 'late-enrolment',
          total: 43,
          records: Array.from({ length: 43 }, (_, i) => ({
            id: `e${i}`,
            position: 30000 + i,
            recordedAt: '2020-10-08T09:00:00+07:00',
            contribution: 1,
          })),
        },
        {
          cause: 'late-lapse',
          total: -18,
          records: Array.from({ length: 18 }, (_, i) => ({
            id: `l${i}`,
            position: 31000 + i,
            recordedAt: '2020-10-09T09:00:00+07:00',
            contribution: -1,
          })),
        },
      ],
    },
    {
      field: 'achievement',
      before: 7215 / 12045,
      after: 7240 / 12045,
      delta: 25 / 12045,
      causes: [{ cause: 'late-enrolment', total: 25 / 12045, records: [] }],
    },
    {
      field: 'children.593.participants',
      before: 1815,
      after: 1820,
      delta: 5,
      causes: [
        {
          cause: 'geography',
          total: 5,
          records: [{ id: 'g1', position: 32000, recordedAt: '2020-11-01T09:00:00+07:00', contribution: 5 }],
        },
      ],
    },
  ],
}

describe('the revision triangle', () => {
  it('draws one heat-map cell per figure known, none where it was not yet published', async () => {
    const chart = revisionHeatMap(triangle, formats('vi'))
    expect(chart.points).toBe(4 + 3 + 2)
    const svg = await chartSvg(chart, 'vi')
    expect(svg.match(/class="mark-rect role-mark cells_marks"[^>]*>(.*?)<\/g>/s)?.[1]?.match(/<path /g)).toHaveLength(9)
    expect(svg).toContain('>hiện nay<')
    expect(svg).toContain('>31/01/2020<')
  })
  it('writes the triangle as a table with each row’s total revision and the mean absolute revision', async () => {
    const html = await revisionsSection(
      {
        kind: 'revisions',
        head: { report: 'plan', unit: '60', scheme: 'voluntary' },
        unitName: 'Bình Thuận',
        triangle,
      },
      formats('en'),
    )
    expect(html).toContain('<h2>Revision triangle: participants — plan — voluntary — 60 Bình Thuận</h2>')
    expect(html).toContain('<td class="n">+7</td>')
    expect(html).toContain('mean absolute revision: 4')
  })
})

describe('the diff', () => {
  it('charts the change of whole-number fields by cause, and leaves ratios to the table', async () => {
    const chart = deltaByCause(diff, formats('en'))
    expect(chart.points).toBe(3)
    const svg = await chartSvg(chart, 'en')
    expect(svg.match(/class="mark-rect role-mark bars_marks"[^>]*>(.*?)<\/g>/s)?.[1]?.match(/<path /g)).toHaveLength(3)
  })
  it('lists the fields, then the records of each cause, the first ten of them', async () => {
    const html = await diffSection({ kind: 'diff', diff }, formats('vi'))
    expect(html).toContain(
      '<td>participants</td><td class="n">7.215</td><td class="n">7.240</td><td class="n">+25</td>',
    )
    expect(html).toContain('participants — hồ sơ tham gia ghi nhận muộn: +43 (43 hồ sơ)')
    expect(html).toContain('… và 33 hồ sơ khác')
    expect(html).toContain('<td class="n">+0.21%</td>')
    expect(html.match(/<td>e\d+<\/td>/g)).toHaveLength(10)
    expect(causeLabel('late-settlement', 'en')).toBe('late settlement')
    expect(causeLabel('something-new', 'vi')).toBe('something-new')
  })
})
