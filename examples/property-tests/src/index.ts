/** Example: a "voluntary participants per collection agent" read model, tested with `@ansinh/testing`. */
export * from './agents.js'
export * from './projection.js'
