/**
 * `@ansinh/report-html`: ansinh reports as one self-contained HTML page — tables, and charts drawn
 * to SVG at build time in Node from Vega-Lite specs — that opens offline and prints on A4.
 */
export { type Formats, type Lang, type ReportLabel, type Word, numberLocale, word } from './formats.js'
export { type Cell, escapeHtml, num, pairsTable, rowsTable } from './html.js'
export {
  type AchievementRow,
  type AgingValues,
  type Band,
  type Chart,
  type SeriesPoint,
  achievementBands,
  bandOf,
  childrenWord,
  debtByAge,
  participantsOverTime,
} from './charts.js'
export { chartFigure, chartSvg } from './svg.js'
export { EMPLOYERS_LISTED, type ReportBlock, monthEnds, reportSection } from './reports.js'
export {
  type CauseInput,
  type ComparisonHead,
  type ContributionInput,
  type DiffBlock,
  type DiffInput,
  type DiffSide,
  type FieldDeltaInput,
  RECORDS_LISTED,
  type RevisionsBlock,
  type TriangleInput,
  type TriangleRowInput,
  causeLabel,
  deltaByCause,
  diffSection,
  revisionHeatMap,
  revisionsSection,
} from './audit.js'
export { type Block, CSS, type Page, type TableBlock, type TextBlock, htmlDocument } from './document.js'
