import { defineConfig } from 'vitest/config'
import all, { SPEC_ROOTS } from './vitest.config.js'

/**
 * `pnpm test:unit`: the unit and property tests only, without the PostgreSQL server (they touch
 * no store, file or process), in under a minute on two cores. The mutation run uses it too.
 *
 * These specs share no mutable state between files, so one module graph per worker serves them
 * all (`isolate: false`): importing the packages once per worker instead of once per file halves
 * the import time. Like the full run, a worker on every core.
 */
export default defineConfig({
  ...all,
  test: {
    ...all.test,
    include: SPEC_ROOTS.flatMap((root) => [`${root}*.unit.spec.ts`, `${root}*.prop.spec.ts`]),
    globalSetup: [],
    isolate: false,
  },
})
