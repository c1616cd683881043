import { availableParallelism } from 'node:os'
import { defineConfig } from 'vitest/config'

/**
 * Every test: unit (`*.unit.spec.ts`) and property (`*.prop.spec.ts`) tests, fast and free of I/O;
 * integration tests (`*.int.spec.ts`: a store, a database, files); end-to-end tests
 * (`*.e2e.spec.ts`: the CLI or a whole seeded run). `vitest.unit.config.ts` runs the first two.
 */
export const SPEC_ROOTS = ['packages/*/src/**/', 'scripts/**/', 'examples/*/src/**/', 'bench/src/**/']

// Workspace packages resolve to their TypeScript sources through the `source` export condition,
// so tests never run against a stale `dist/`.
export default defineConfig({
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source'] } },
  test: {
    include: SPEC_ROOTS.map((root) => `${root}*.spec.ts`),
    exclude: ['**/node_modules/**', '**/dist/**'],
    // One throw-away PostgreSQL server for the whole run (skipped, with the reason, without binaries).
    globalSetup: ['packages/store-testing/src/postgres-server.ts'],
    // A worker on every core: vitest keeps one free by default, a single worker on two cores, and
    // most of an integration spec's time is waiting on a store.
    maxWorkers: availableParallelism(),
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // The last line of a run is `tests: N passed, N failed` (what CI reads).
    reporters: ['default', './scripts/tally-reporter.ts'],
  },
})
