// Mutation testing (`pnpm test:mutation`, on demand, not in CI): StrykerJS 9.6 with its vitest
// runner (10.x needs Node 22). One file at a time: `pnpm test:mutation --mutate <file>`.
// See docs/testing.md §9 for the scores and the survivors that are equivalent.
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)

export default {
  testRunner: 'vitest',
  // Under pnpm, Stryker cannot find the runner by name from its own folder: name it by path.
  plugins: [require.resolve('@stryker-mutator/vitest-runner')],
  // The unit and property specs of the mutated packages (no PostgreSQL server); `related` runs just
  // the spec files that import the mutated file, directly or through other packages.
  vitest: { configFile: 'vitest.mutation.config.ts', related: true },
  // Mutate the worktree itself, so that other packages' tests, which import workspace packages by
  // their `source` export, load the mutated file. Stryker restores every file when it ends; do not
  // kill it with SIGKILL (a `git status` afterwards shows any file left mutated).
  inPlace: true,
  // The machine is shared: two workers at most.
  concurrency: 2,
  coverageAnalysis: 'perTest',
  mutate: [
    // the temporal engine (packages/projection), the report packages and the deciders
    'packages/projection/src/**/*.ts',
    'packages/projection-coverage/src/**/*.ts',
    'packages/projection-plan/src/**/*.ts',
    'packages/projection-debt/src/**/*.ts',
    'packages/projection-agents/src/**/*.ts',
    'packages/projection-revenue/src/**/*.ts',
    'packages/core/src/deciders/**/*.ts',
    '!**/*.spec.ts',
    '!**/index.ts',
    '!packages/core/src/deciders/test-utils.ts',
  ],
  ignoreStatic: true,
  timeoutMS: 60_000,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  tempDirName: 'node_modules/.stryker-tmp',
  cleanTempDir: 'always',
}
