/**
 * `node examples/reform-2025/dist/main.js` (part of `pnpm start`): prints the 2025 reform section
 * in English and Vietnamese and ends with "reproduced N of N published figures"; exits with 1
 * when a figure is not reproduced. `--include-health` also generates the 3.2 million health card
 * holders (and checks the two health figures).
 *
 * @module main
 */
import { reformLines, summaryLine } from './print.js'
import { runReform } from './reform.js'

const includeHealth = process.argv.includes('--include-health')
const run = runReform({ includeHealth })
for (const lang of ['en', 'vi'] as const) for (const line of reformLines(run, lang)) process.stdout.write(line + '\n')
process.stdout.write(summaryLine(run, 'vi') + '\n' + summaryLine(run, 'en') + '\n')
process.exitCode = run.figures.every((f) => f.ok) ? 0 : 1
