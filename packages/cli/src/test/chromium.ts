/**
 * Headless Chromium for the HTML tests: Debian's `chromium` binary driven by `playwright-core`
 * (nothing downloads a browser), on a fresh profile, with no network of its own.
 */
import { existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type BrowserContext, chromium } from 'playwright-core'

/** Where Debian's `chromium` package puts the browser (`ANSINH_CHROMIUM` names another binary). */
export const CHROMIUM = process.env['ANSINH_CHROMIUM'] ?? '/usr/bin/chromium'

/** Why the browser tests cannot run here, or null when they can. */
export const whyNoChromium = (): string | null =>
  existsSync(CHROMIUM) ? null : `no Chromium binary at ${CHROMIUM} (install it with apt-get install -y chromium; .ci/run does)`

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

/** A browser on a fresh user-data-dir, A4's printable width (184 mm at 96 px per inch) by default. */
export const openBrowser = (width = 695): Promise<BrowserContext> =>
  chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'ansinh-chromium-')), {
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
    headless: true,
    viewport: { width, height: 1000 },
  })
