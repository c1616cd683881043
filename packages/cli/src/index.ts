/**
 * `@ansinh/cli`: the `ansinh` command line, also usable as a library (`main`, the formatters).
 */
export { main, type Io } from './main.js'
export { parseArgs, USAGE, helpFor, usageOf, type Command, type Environment } from './args.js'
export { COMMANDS, type CommandSpec } from './grammar/commands.js'
export { OPTIONS, langOfEnvironment } from './grammar/options.js'
export { progress, progressLine, type Progress, type ProgressOptions } from './progress.js'
export { VERSION } from './version.js'
export { renderTable, columns } from './format/table.js'
export { renderCsv, neutralise } from './format/csv.js'
export {
  formatCount,
  formatDate,
  formatDelta,
  formatDeltaPercent,
  formatInstant,
  formatMonth,
  formatPercent,
  formatVnd,
} from './format/numbers.js'
export type { CoverageView, PlanView, DebtView, ReportView } from './format/reports.js'
export { agentBlocks, htmlFormats, renderHtml, revenueBlocks, type HtmlReport } from './format/html.js'
export { withHistory, render, type LoadedHistory } from './commands/report.js'
