/** Example: a "voluntary participants per collection agent" read model, tested with `@ansinh/testing`. */
export {
  type AgentAnswer,
  type AgentModel,
  type AgentQuery,
  type AgentRow,
  answerQuery,
  appendEvent,
  buildModel,
  covers,
  emptyModel,
  restoreModel,
  snapshotModel,
} from './agents.js'
export { agentsProjection } from './projection.js'
