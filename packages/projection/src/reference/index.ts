/**
 * `@ansinh/projection/reference`: the shared part of the naive reference reports — the known events
 * of a history under a known-at cut, and the definitions of read-models.md read literally over them
 * (no index, no day numbers). Each report package builds its own reference on it
 * (`@ansinh/projection-coverage/reference`, `-plan/reference`, `-debt/reference`), sharing no code
 * with the indexes, so property tests can compare the two.
 *
 * @module reference
 */
export { Known, type At } from './known.js'
