/**
 * `@ansinh/store-testing`: the contract suite every EventStore adapter runs, its fixtures and
 * helpers, e.g. `describeEventStoreContract('my store', { create: () => myStore() })`. It imports
 * vitest and fast-check (peer dependencies), so it is a package of its own, out of the runtime
 * packages. A throw-away PostgreSQL server is `@ansinh/store-testing/postgres-server`.
 */
export { describeEventStoreContract, type ContractOptions } from './contract/suite.js'
export { eventually } from './contract/concurrency.js'
export { expectLeft, expectRight, readEverything, readToEnd, withStore } from './contract/helpers.js'
export { debt, enrolment, participantStream, unitEstablished, withOtherData } from './contract/fixtures.js'
