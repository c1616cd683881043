/** `@ansinh/projection-plan`: plan achievement of a unit on any date, as known at any instant. */
export { checkedPlanReport, planReport } from './plan.js'
export { planBands, type PlanBands, type PlanChild, type PlanQuery, type PlanReport } from './report.js'
export {
  PLAN_FIELDS,
  diffPlan,
  explainPlan,
  planModel,
  planRevisions,
  reproducePlan,
  type PlanAuditError,
} from './audit.js'
