/**
 * The package's version, read from its own package.json (beside `src/` and `dist/` alike), so
 * `ansinh --version` can never disagree with what was installed.
 *
 * @module version
 */
import { readFileSync } from 'node:fs'

/** `@ansinh/cli`'s version, e.g. `0.1.0`. */
export const VERSION: string = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
).version
