/**
 * `@ansinh/core`: the domain of social-insurance participation — value types, event codecs,
 * NDJSON, deciders and their errors. No I/O.
 */
export * from './values.js'
export * from './problem.js'
export * from './strict.js'
export * from './events.js'
export * from './schema.js'
export * from './decode.js'
export * from './ndjson.js'
export * from './deciders/index.js'
export * from './history-check.js'
export * from './text.js'
export * from './messages.js'
export * from './json-line.js'
export * from './utf8.js'
