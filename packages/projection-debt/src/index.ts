/** `@ansinh/projection-debt`: employer debt balances on any date, as known at any instant. */
export { debtReport } from './debt.js'
export type { Aging, ByScheme, DebtChild, DebtQuery, DebtReport, EmployerDebt } from '@ansinh/projection'
