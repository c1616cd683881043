/**
 * The children of a report as CSV rows, header first, written by `csv-stringify` (RFC 4180
 * quoting). Options for Excel: a UTF-8 byte-order mark, and `;` separators — with `;`, decimals
 * take a comma, the pair Excel expects wherever the decimal separator is a comma (vi-VN).
 *
 * Text from the history (unit names) that starts with `=`, `+`, `-`, `@`, a tab or a carriage
 * return is neutralised as OWASP recommends against formula injection: quoted, with a leading `'`.
 * Numbers ansinh writes itself are never touched, so a negative count stays a number
 * (docs/decisions.md).
 *
 * @module csv
 */
import { stringify } from 'csv-stringify/sync'
import type { CsvOptions } from '../args.js'
import type { ReportView } from './reports.js'

/** Plain RFC 4180: `,`, no byte-order mark. */
export const RFC_4180: CsvOptions = { bom: false, separator: ',' }

const FORMULA = /^[=+\-@\t\r]/

/** A text cell made safe to open in a spreadsheet: `=1+2` becomes `'=1+2` (and is quoted). */
export const neutralise = (text: string): { value: string; quoted: boolean } | string =>
  FORMULA.test(text) ? { value: `'${text}`, quoted: true } : text

/** The columns of each report's children, as the read-model contract names them. */
const HEADER: Readonly<Record<ReportView['report'], readonly string[]>> = {
  coverage: ['unit', 'name', 'participants', 'denominator', 'rate'],
  plan: ['unit', 'name', 'target', 'participants', 'achievement'],
  debt: ['unit', 'name', 'outstanding'],
  agents: ['agent', 'participants', 'new', 'continuing', 'returning'],
  revenue: ['unit', 'name', 'collected', 'target', 'achievement'],
}

/** The report's children as CSV: one row per child unit, the columns of the spec. */
export const renderCsv = (r: ReportView, options: CsvOptions = RFC_4180): string => {
  const header = HEADER[r.report]
  // the agent report has no children: its rows are the agents, ranked
  const items = r.report === 'agents' ? r.agents : r.children
  const rows = (items as unknown as readonly Record<string, unknown>[]).map((c) => header.map((h) => c[h] ?? null))
  const decimal = options.separator === ';' ? ',' : '.'
  return stringify([header, ...rows], {
    bom: options.bom,
    delimiter: options.separator,
    record_delimiter: 'unix',
    cast: {
      number: (n) => (decimal === '.' ? String(n) : String(n).replace('.', decimal)),
      // text cells: names from the history (the header's words never start with a formula sign)
      string: (s) => neutralise(s),
    },
  })
}
