/** `@ansinh/projection-revenue`: contributions collected against the collection plan, as known at any instant. */
export { revenueReport } from './revenue.js'
export type { RevenueByScheme, RevenueChild, RevenueQuery, RevenueReport } from './report.js'
