/**
 * `@ansinh/store/contract`: the suite every adapter runs, its fixtures and helpers. Imports
 * vitest and fast-check, so it lives in its own entry point, out of the runtime package.
 */
export { describeEventStoreContract, type ContractOptions } from './suite.js'
export { eventually } from './concurrency.js'
export { expectLeft, expectRight, readEverything, withStore } from './helpers.js'
export * from './fixtures.js'
