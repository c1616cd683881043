#!/usr/bin/env node
// Runs the whole test suite and ends with one line `tests: N passed, N failed` (what CI reads).
// Extra arguments go to vitest (e.g. a path filter).
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const dir = mkdtempSync(join(tmpdir(), 'ansinh-test-'))
const out = join(dir, 'results.json')
const run = spawnSync(
  'pnpm',
  ['exec', 'vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`, ...process.argv.slice(2)],
  { stdio: 'inherit' },
)
let passed = 0
let failed = 0
let skipped = 0
try {
  const r = JSON.parse(readFileSync(out, 'utf8'))
  passed = r.numPassedTests
  failed = r.numFailedTests
  skipped = r.numPendingTests + (r.numTodoTests ?? 0)
  // A file that fails to load counts as a failure even though it ran no test.
  failed += r.testResults.filter((f) => f.status === 'failed' && f.assertionResults.length === 0).length
} catch {
  failed += 1
}
rmSync(dir, { recursive: true, force: true })
console.log(`tests: ${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`)
process.exit(run.status === 0 && failed === 0 && passed > 0 ? 0 : 1)
