import { defineConfig } from 'vitest/config'
import all, { SPEC_ROOTS } from './vitest.config.js'

/**
 * `pnpm test:unit`: the unit and property tests only, without the PostgreSQL server (they touch
 * no store, file or process), in well under a minute. The mutation run uses it too.
 */
export default defineConfig({
  ...all,
  test: {
    ...all.test,
    include: SPEC_ROOTS.flatMap((root) => [`${root}*.unit.spec.ts`, `${root}*.prop.spec.ts`]),
    globalSetup: [],
  },
})
