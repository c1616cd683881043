/**
 * The deciders: one per kind of stream, each enforcing the write rules of its events.
 *
 * @module deciders
 */
export * from './domain-error.js'
export * from './decider.js'
export * from './participant.js'
export * from './quota.js'
export * from './employer.js'
export * from './unit.js'
export * from './population.js'
export * from './commands.js'
