import { mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { A4_TEXT_WIDTH, checkPage, openBrowser, whyNoChromium } from '@ansinh/testing/chromium'
import { describe, expect, it } from 'vitest'
import { runSeedReports } from './run.js'

// The page is kept for a person to look at: out/ is git-ignored.
const ARTEFACTS = fileURLToPath(new URL('../../../out/test-artefacts/', import.meta.url))

const noBrowser = whyNoChromium()
if (noBrowser !== null) process.stderr.write(`html.e2e.spec.ts: the browser test is skipped: ${noBrowser}\n`)

describe.skipIf(noBrowser !== null)(
  `the seed run's HTML page in headless Chromium${noBrowser === null ? '' : ` (skipped: ${noBrowser})`}`,
  () => {
    // Hải Phòng's 750,000 events are left out: the page of the other three seeds has every kind of chart.
    it('loads with no console error and no request, with one mark per data point in every chart, and fits A4', async () => {
      mkdirSync(ARTEFACTS, { recursive: true })
      const html = join(ARTEFACTS, 'seed-reports.vi.html')
      const lines: string[] = []
      const run = await runSeedReports({ seeds: ['binh-thuan', 'a-luoi', 'thuong-tin'], langs: ['vi'], html }, (l) =>
        lines.push(l),
      )
      expect(run.ok).toBe(true)
      expect(lines).toContain(`báo cáo kèm biểu đồ: ${html}`)
      const browser = await openBrowser()
      try {
        const page = await checkPage(browser, html, { screenshot: join(ARTEFACTS, 'seed-reports.vi.png') })
        expect(page.problems).toEqual([])
        expect(page.requests).toEqual([])
        for (const c of page.charts) expect(c.marks, c.id).toBe(c.points)
        // Bình Thuận, A Lưới and Thường Tín plans (each over time and by band), Thường Tín's coverage, A Lưới's debt
        const ids = page.charts.map((c) => c.id)
        expect(ids.filter((i) => i === 'participants-over-time')).toHaveLength(4)
        expect(ids.filter((i) => i === 'achievement-bands')).toHaveLength(3)
        expect(ids.filter((i) => i === 'debt-by-age')).toHaveLength(1)
        // the A Lưới picture: 21 communes with a target drawn, 12 below it
        expect(page.charts.filter((c) => c.id === 'achievement-bands').map((c) => c.marks)).toContain(21)
        expect(readFileSync(html, 'utf8')).toContain('12/21 xã, phường, thị trấn chưa đạt chỉ tiêu')
        expect(page.printWidth.widest).toBeLessThanOrEqual(A4_TEXT_WIDTH)
      } finally {
        await browser.close()
      }
    }, 180_000)
  },
)
