import { defineConfig } from 'vitest/config'
import unit from './vitest.unit.config.js'

/**
 * The tests a mutation run executes (stryker.config.mjs): the unit and property specs of the code
 * it mutates — the temporal engine, the report packages and the deciders. Tests elsewhere (the kit,
 * the seeds, the CLI) also read this code, but a two-core machine cannot rerun them for every mutant.
 */
export default defineConfig({
  ...unit,
  test: {
    ...unit.test,
    // Stryker's runner manages its own workers and reloads modules per mutant: keep vitest's
    // defaults here rather than the shared module graph of the unit config.
    isolate: true,
    maxWorkers: undefined,
    include: [
      'packages/projection/src/**/*.{unit,prop}.spec.ts',
      'packages/projection-{coverage,plan,debt,agents,revenue}/src/**/*.{unit,prop}.spec.ts',
      'packages/core/src/deciders/**/*.{unit,prop}.spec.ts',
      // the snapshot payload's property: every report of a restored history, with no store
      'packages/projection-runner/src/history-snapshot.prop.spec.ts',
    ],
  },
})
