/**
 * `@ansinh/cli`: the `ansinh` command line, also usable as a library (`main`, the formatters).
 */
export { main, type Io } from './main.js'
export { parseArgs, USAGE, type Command } from './args.js'
export { renderTable, columns } from './format/table.js'
export { renderCsv } from './format/csv.js'
export { formatCount, formatDelta, formatDeltaPercent, formatPercent, formatVnd } from './format/numbers.js'
export type { CoverageView, PlanView, DebtView, ReportView } from './format/reports.js'
export { withHistory, render, type LoadedHistory } from './commands/report.js'
