/**
 * Headless Chromium for the HTML tests: Debian's `chromium` binary driven by `playwright-core`
 * (nothing downloads a browser), on a fresh profile, refusing every request but the page's own
 * file; and the checks every HTML page of ansinh passes there.
 *
 * @module chromium
 */
import { existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { type BrowserContext, chromium } from 'playwright-core'

/** Where Debian's `chromium` package puts the browser (`ANSINH_CHROMIUM` names another binary). */
export const CHROMIUM = process.env['ANSINH_CHROMIUM'] ?? '/usr/bin/chromium'

/** Why the browser tests cannot run here, or null when they can. */
export const whyNoChromium = (): string | null =>
  existsSync(CHROMIUM)
    ? null
    : `no Chromium binary at ${CHROMIUM} (install it with apt-get install -y chromium; .ci/run does)`

/** The switches the browser runs with: headless, no sandbox (root in a container), nothing phoning home. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

/** A4's printable width under the pages' `@page` margins: 184 mm, in CSS pixels (96 per inch). */
export const A4_TEXT_WIDTH = 695

/**
 * A browser on a fresh user-data-dir, `width` wide, that refuses every request but `file:` ones
 * (so a page that tried to fetch anything would fail visibly, and the attempt is still counted).
 */
export const openBrowser = async (width = A4_TEXT_WIDTH): Promise<BrowserContext> => {
  const browser = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'ansinh-chromium-')), {
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
    headless: true,
    viewport: { width, height: 1000 },
  })
  await browser.route('**/*', (route) => (route.request().url().startsWith('file:') ? route.continue() : route.abort()))
  return browser
}

/** One chart of a page: its id, the data points it declares and the marks its SVG draws. */
export interface ChartCount {
  readonly id: string
  readonly points: number
  readonly marks: number
}

/** What a page did in the browser. */
export interface PageCheck {
  /** Console errors and warnings, and uncaught page errors. */
  readonly problems: readonly string[]
  /** Every request but the page's own. */
  readonly requests: readonly string[]
  readonly charts: readonly ChartCount[]
  /** The page's scroll width and the right edge of its widest element, printed (media print). */
  readonly printWidth: { readonly page: number; readonly widest: number }
}

/**
 * Opens the HTML file at `path`, records what it logs and requests, counts each chart's marks
 * (`figure.chart[data-mark][data-points]`), takes a full-page screenshot to `screenshot`, then
 * measures it as printed and, with `pdf`, prints it to A4.
 */
export const checkPage = async (
  browser: BrowserContext,
  path: string,
  artefacts: { readonly screenshot: string; readonly pdf?: string },
): Promise<PageCheck> => {
  const url = pathToFileURL(path).href
  const page = await browser.newPage()
  const problems: string[] = []
  const requests: string[] = []
  page.on('console', (m) =>
    m.type() === 'error' || m.type() === 'warning' ? problems.push(`${m.type()}: ${m.text()}`) : undefined,
  )
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`))
  page.on('request', (q) => (q.url() === url ? undefined : requests.push(q.url())))
  try {
    await page.goto(url, { waitUntil: 'load' })
    // In-page code as text: the packages' type checks have no DOM library.
    const charts = await page.evaluate<ChartCount[]>(`[...document.querySelectorAll('figure.chart')].map((f) => {
      const marks = f.querySelector('svg g.' + f.getAttribute('data-mark'))
      return { id: f.getAttribute('data-chart'), points: Number(f.getAttribute('data-points')), marks: marks === null ? -1 : marks.children.length }
    })`)
    await page.screenshot({ path: artefacts.screenshot, fullPage: true })
    await page.emulateMedia({ media: 'print' })
    const printWidth = await page.evaluate<{ page: number; widest: number }>(`({
      page: document.documentElement.scrollWidth,
      widest: Math.max(...[...document.querySelectorAll('body *')].map((e) => e.getBoundingClientRect().right)),
    })`)
    if (artefacts.pdf !== undefined) await page.pdf({ format: 'A4', path: artefacts.pdf })
    return { problems, requests, charts, printWidth }
  } finally {
    await page.close()
  }
}
