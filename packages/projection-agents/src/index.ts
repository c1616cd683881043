/** `@ansinh/projection-agents`: what collection agents recruited under a scheme in a window, as known at any instant. */
export { agentsReport } from './agents.js'
export { type AgentKinds, type AgentRow, type AgentsQuery, type AgentsReport, rankAgents } from './report.js'
