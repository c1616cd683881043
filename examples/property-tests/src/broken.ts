/**
 * A deliberately broken variant of the agents read model, kept to show that the laws catch it: it
 * counts a participant one day too long, on `coveredThrough + 1` (an off-by-one that is easy to
 * write when "through" is read as "until"). Not exported from the package.
 *
 * @module broken
 */
import { type AgentAnswer, type AgentModel, type AgentQuery, answerQuery } from './agents.js'

/** Answers like the real model, but counts coverage through one day after the paid-through date. */
export const answerQueryOffByOne = (model: AgentModel, query: AgentQuery, knownAt: number | null): AgentAnswer =>
  answerQuery(model, query, knownAt, 1)
