/**
 * `@ansinh/testing`: what property-based suites import — arbitraries derived from the codecs, valid
 * histories, refused commands, decider specs (given/when/then) and the laws every projection obeys.
 */
export * from './brands.js'
export * from './codec.js'
export * from './arbitraries.js'
export * from './history/index.js'
export * from './diff.js'
export * from './decider-spec.js'
export * from './builders.js'
export * from './invalid.js'
export * from './oracle.js'
export * from './laws.js'
export * from './report-laws.js'
