/**
 * A vitest reporter that ends the run with the one line CI reads:
 * `tests: N passed, N failed[, N skipped]`.
 *
 * A test file that fails without a failing test (it did not load, or a `beforeAll` threw) counts
 * as one failure, and so does every unhandled error, so a broken file can never pass as "0 failed".
 * A run that failed or passed nothing leaves a non-zero exit code.
 *
 * @module scripts/tally-reporter
 */
import type { Reporter, SerializedError, TestModule } from 'vitest/node'

/** The counts of a run: tests by their state, plus files and errors that failed on their own. */
export interface Tally {
  readonly passed: number
  readonly failed: number
  readonly skipped: number
}

/** Counts the tests of `modules`; a module failed without a failing test is one failure more. */
export const tally = (modules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<SerializedError>): Tally => {
  let passed = 0
  let failed = unhandledErrors.length
  let skipped = 0
  for (const module of modules) {
    let failedHere = 0
    for (const test of module.children.allTests()) {
      const state = test.result().state
      if (state === 'passed') passed++
      else if (state === 'failed') failedHere++
      else skipped++
    }
    failed += failedHere
    if (failedHere === 0 && module.state() === 'failed') failed++
  }
  return { passed, failed, skipped }
}

/** `tests: 3 passed, 0 failed` (`, 2 skipped` when some were skipped). */
export const tallyLine = ({ passed, failed, skipped }: Tally): string =>
  `tests: ${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`

export default class TallyReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<SerializedError>): void {
    const counts = tally(modules, unhandledErrors)
    // After the default reporter's summary: the last line of the output.
    process.stdout.write(`${tallyLine(counts)}\n`)
    if (counts.failed > 0 || counts.passed === 0) process.exitCode = 1
  }
}
