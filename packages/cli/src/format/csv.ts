/**
 * The children of a report as CSV rows (RFC 4180 quoting), header first.
 *
 * @module csv
 */
import type { ReportView } from './reports.js'

const cell = (v: unknown): string => {
  if (v === null || v === undefined) return ''
  const s = String(v)
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

/** The report's children as CSV: one row per child unit, the columns of the spec. */
export const renderCsv = (r: ReportView): string => {
  const rows = r.children as unknown as readonly Record<string, unknown>[]
  const header =
    r.report === 'coverage'
      ? ['unit', 'name', 'participants', 'denominator', 'rate']
      : r.report === 'plan'
        ? ['unit', 'name', 'target', 'participants', 'achievement']
        : ['unit', 'name', 'outstanding']
  return [header.join(','), ...rows.map((c) => header.map((h) => cell(c[h])).join(','))].join('\n') + '\n'
}
