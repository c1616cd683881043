/** `@ansinh/projection-plan`: plan achievement of a unit on any date, as known at any instant. */
export { planReport } from './plan.js'
export type { PlanBands, PlanChild, PlanQuery, PlanReport } from '@ansinh/projection'
