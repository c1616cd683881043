/**
 * `@ansinh/store`: the EventStore port, the in-memory store, the hash chain, the append
 * semantics adapters share, and polling subscriptions. The contract suite is the separate entry
 * `@ansinh/store/contract` (it imports vitest).
 */
export * from './port.js'
export * from './chain.js'
export * from './plan.js'
export * from './subscription.js'
export * from './memory.js'
export * from './unavailable.js'
export * from './checkpoint.js'
export * from './snapshot.js'
export * from './snapshot-trust.js'
