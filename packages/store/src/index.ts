/**
 * `@ansinh/store`: the EventStore port, the in-memory store, the hash chain, the append
 * semantics adapters share, and polling subscriptions. The contract suite every adapter runs is
 * the package `@ansinh/store-testing` (it imports vitest).
 */
export * from './port.js'
export * from './chain.js'
export * from './plan.js'
export * from './writes.js'
export * from './subscription.js'
export * from './memory.js'
export * from './unavailable.js'
export * from './checkpoint.js'
