/**
 * `@ansinh/store`: the EventStore port, the in-memory store, the hash chain and the contract
 * suite every adapter runs.
 */
export * from './port.js'
