import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { htmlDocument } from '@ansinh/report-html'
import { A4_TEXT_WIDTH, checkPage, openBrowser, whyNoChromium } from '@ansinh/testing/chromium'
import { htmlFormats } from '../format/html.js'
import { main } from '../main.js'
import { cleanHistory, line } from '../test/histories.js'

// Screenshots and PDFs are kept for a person to look at: out/ is git-ignored.
const ARTEFACTS = fileURLToPath(new URL('../../../../out/test-artefacts/', import.meta.url))
const dir = mkdtempSync(join(tmpdir(), 'ansinh-html-'))

// 300 participants in three communes of Phan Thiết, each commune with its own target, and debts.
const lines = [
  ...cleanHistory(300),
  line('QuotaAssigned', {
    unit: '22816',
    scheme: 'voluntary',
    year: 2020,
    target: 40,
    assignedOn: '2020-01-15',
    decision: '1/QĐ',
  }),
  line('QuotaAssigned', {
    unit: '22819',
    scheme: 'voluntary',
    year: 2020,
    target: 80,
    assignedOn: '2020-01-15',
    decision: '2/QĐ',
  }),
  line('QuotaAssigned', {
    unit: '22822',
    scheme: 'voluntary',
    year: 2020,
    target: 180,
    assignedOn: '2020-01-15',
    decision: '3/QĐ',
  }),
  line('PopulationEstimated', { unit: '593', year: 2020, population: 230_000, labourForce: 130_000 }),
  line('DebtRecorded', {
    employer: 'Công ty <Hải Hà> & "con"',
    unit: '22816',
    scheme: 'compulsory',
    period: '2019-03',
    amount: 9_000_000,
    recordedOn: '2019-04-15',
  }),
  line('DebtRecorded', {
    employer: 'Công ty Hải Hà',
    unit: '22816',
    scheme: 'health',
    period: '2020-05',
    amount: 2_000_000,
    recordedOn: '2020-06-15',
  }),
]
const file = join(dir, 'history.ndjson')
writeFileSync(file, lines.join('\n') + '\n')

const run = async (argv: string[]) => {
  const out: string[] = []
  const err: string[] = []
  const code = await main([...argv, '--events', file], { out: (t) => out.push(t), err: (t) => err.push(t) })
  return { code, out: out.join('\n'), err }
}

// Each report page, and what its charts must draw: one mark per data point, counted here from the question.
const PAGES = [
  {
    name: 'plan-vi',
    argv: ['report', 'plan', '-u', '593', '--scheme', 'voluntary', '-a', '2020-09-30', '-l', 'vi'],
    charts: { 'participants-over-time': 9, 'achievement-bands': 3 },
  },
  {
    name: 'coverage-en',
    argv: ['report', 'coverage', '-u', '593', '--scheme', 'voluntary', '-a', '2020-06-15', '-l', 'en'],
    charts: { 'participants-over-time': 6 },
  },
  {
    name: 'debt-vi',
    argv: ['report', 'debt', '-u', '60', '-a', '2020-06-30', '-l', 'vi'],
    charts: { 'debt-by-age': 4 },
  },
  // renewals for the fourth quarter are recorded on 1 October: as known on 30 September, 75 more
  // expire and 75 more recruits are needed; one cause (late renewal) for each of the two fields
  {
    name: 'diff-en',
    argv: [
      'diff',
      'plan',
      '-u',
      '593',
      '--scheme',
      'voluntary',
      '-a',
      '2020-09-30',
      '--known-at',
      '2020-09-30',
      '-l',
      'en',
    ],
    charts: { 'delta-by-cause': 2 },
  },
  // six month ends; columns: the month ends January–May, then now (the last column is now): row k
  // is known from its own month end on, 6 + 5 + 4 + 3 + 2 + 1 figures
  {
    name: 'revisions-vi',
    argv: [
      'revisions',
      'plan',
      'participants',
      '-u',
      '593',
      '--scheme',
      'voluntary',
      '--as-of-range',
      '2020-01-31..2020-06-30',
      '--every',
      'month',
      '-l',
      'vi',
    ],
    charts: { 'revision-triangle': 21 },
  },
] as const

const pageHtml = async (argv: readonly string[]): Promise<string> => {
  const r = await run([...argv, '--format', 'html'])
  expect(r.err).toEqual([])
  expect(r.code).toBe(0)
  return r.out + '\n'
}

// Every page the browser opens: the reports through the CLI, the audit page from its typed values.
const BROWSED: readonly {
  readonly name: string
  readonly html: () => Promise<string>
  readonly charts: Readonly<Record<string, number>>
}[] = [
  ...PAGES.map((p) => ({ name: p.name, html: () => pageHtml(p.argv), charts: p.charts })),
  // the triangle's 9 known figures; participants' two causes and remaining's one
  { name: 'audit-vi', html: () => auditPage(), charts: { 'revision-triangle': 9, 'delta-by-cause': 3 } },
]

// A revision triangle (3 as-of dates × 4 known-at columns, 9 figures known) and a diff (3 causes of
// whole-number fields), in the shapes the report packages' revisions and diff return.
const auditPage = (): Promise<string> =>
  htmlDocument(
    {
      title: 'Kiểm toán — 60 Bình Thuận',
      blocks: [
        {
          kind: 'revisions',
          head: { report: 'plan', unit: '60', scheme: 'voluntary' },
          unitName: 'Bình Thuận',
          triangle: {
            field: 'participants',
            knownAt: [
              '2020-01-31T23:59:59.999+07:00',
              '2020-02-29T23:59:59.999+07:00',
              '2020-03-31T23:59:59.999+07:00',
              null,
            ],
            rows: [
              { asOf: '2020-01-31', cells: [100, 104, 105, 107], firstPublished: 100, totalRevision: 7 },
              { asOf: '2020-02-29', cells: [null, 120, 118, 121], firstPublished: 120, totalRevision: 1 },
              { asOf: '2020-03-31', cells: [null, null, 130, 133], firstPublished: 130, totalRevision: 3 },
            ],
            meanAbsoluteRevision: 11 / 3,
          },
        },
        {
          kind: 'diff',
          unitName: 'Bình Thuận',
          diff: {
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
                field: 'remaining',
                before: 4830,
                after: 4805,
                delta: -25,
                causes: [{ cause: 'late-enrolment', total: -25, records: [] }],
              },
            ],
          },
        },
      ],
    },
    htmlFormats('vi'),
  )

describe('ansinh report --format html', () => {
  it('is refused by explain and reproduce, which have no page (exit 1, before reading)', async () => {
    const r = await run([
      'explain',
      'plan',
      'participants',
      '-u',
      '593',
      '--scheme',
      'voluntary',
      '-a',
      '2020-09-30',
      '--format',
      'html',
    ])
    expect(r.code).toBe(1)
    expect(r.err[0]).toBe(
      'ansinh: explain: --format html is for report, diff and revisions; use table, json or csv (got html)',
    )
    expect(r.out).toBe('')
  })

  it('writes one self-contained page: no script, no external reference, the CLI number formats', async () => {
    const r = await run([...PAGES[0].argv, '--format', 'html'])
    expect(r.err).toEqual([])
    expect(r.code).toBe(0)
    expect(r.out).toMatch(/^<!doctype html>/)
    expect(r.out).not.toMatch(/<script|<link|<img|@import|url\(/i)
    // the only URLs are SVG's namespace names and the Vega-Lite schema is not carried over
    expect(
      [...r.out.matchAll(/https?:\/\/[^"'\s)]+/g)].map((m) => m[0]).filter((u) => !u.startsWith('http://www.w3.org/')),
    ).toEqual([])
    expect(r.out).toContain('<html lang="vi">')
    expect(r.out).toContain('tính đến ngày 30/09/2020')
    expect(r.out).toContain('@page { size: A4;')
    // 1 of 3 communes met its target (40 of 40 is met; 50 of 80; 50 of 180)
    expect(r.out).toContain('2/3 xã, phường, thị trấn chưa đạt chỉ tiêu')
  })

  it('escapes names from the history', async () => {
    const r = await run([...PAGES[2].argv, '--format', 'html'])
    expect(r.code).toBe(0)
    expect(r.out).toContain('Công ty &lt;Hải Hà&gt; &amp; &quot;con&quot;')
    expect(r.out).not.toContain('<Hải Hà>')
  })
})

const noBrowser = whyNoChromium()
if (noBrowser !== null) process.stderr.write(`report-html.e2e.spec.ts: the browser tests are skipped: ${noBrowser}\n`)

describe.skipIf(noBrowser !== null)(
  `the html report in headless Chromium${noBrowser === null ? '' : ` (skipped: ${noBrowser})`}`,
  () => {
    let browser: Awaited<ReturnType<typeof openBrowser>>
    beforeAll(async () => {
      mkdirSync(ARTEFACTS, { recursive: true })
      browser = await openBrowser()
    })
    afterAll(async () => {
      await browser?.close()
    })

    for (const p of BROWSED) {
      it(`${p.name}: loads with no console error and no request, one mark per data point, fits A4 and prints`, async () => {
        const path = join(ARTEFACTS, `${p.name}.html`)
        writeFileSync(path, await p.html())
        const page = await checkPage(browser, path, {
          screenshot: join(ARTEFACTS, `${p.name}.png`),
          pdf: join(ARTEFACTS, `${p.name}.pdf`),
        })
        expect(page.problems).toEqual([])
        expect(page.requests).toEqual([])
        expect(Object.fromEntries(page.charts.map((c) => [c.id, c.marks]))).toEqual(p.charts)
        for (const c of page.charts) expect(c.marks).toBe(c.points)
        // On paper: nothing is wider than A4 less the page margins.
        expect(page.printWidth.page).toBeLessThanOrEqual(A4_TEXT_WIDTH)
        expect(page.printWidth.widest).toBeLessThanOrEqual(A4_TEXT_WIDTH)
        expect(
          readFileSync(join(ARTEFACTS, `${p.name}.pdf`))
            .subarray(0, 5)
            .toString(),
        ).toBe('%PDF-')
      })
    }
  },
)
