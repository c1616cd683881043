import { defineConfig } from 'vitest/config'

// Workspace packages resolve to their TypeScript sources through the `source` export condition,
// so tests never run against a stale `dist/`.
export default defineConfig({
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source'] } },
  test: {
    include: ['packages/*/src/**/*.spec.ts', 'scripts/**/*.spec.ts', 'examples/*/src/**/*.spec.ts', 'bench/src/**/*.spec.ts'],
    exclude: ['**/node_modules/**', '**/dist/**'],
    // One throw-away PostgreSQL server for the whole run (skipped, with the reason, without binaries).
    globalSetup: ['packages/store-testing/src/postgres-server.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
})
