/** `@ansinh/projection-debt`: employer debt balances on any date, as known at any instant. */
export { checkedDebtReport, debtReport } from './debt.js'
export {
  ageInMonths,
  agingBucket,
  compareEmployers,
  type Aging,
  type ByScheme,
  type DebtChild,
  type DebtQuery,
  type DebtReport,
  type EmployerDebt,
} from './report.js'
export {
  DEBT_FIELDS,
  debtModel,
  debtRevisions,
  diffDebt,
  explainDebt,
  reproduceDebt,
  type CreditRef,
  type DebtRef,
} from './audit.js'
