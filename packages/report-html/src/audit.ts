/**
 * Pages for the auditor's two comparisons: a revision triangle (as a table and a heat map) and a
 * diff between two knowledge times (a table of fields, a chart of the change by cause, and the
 * records behind each cause). The inputs are plain typed values shaped like the results of the
 * report packages' `revisions` and `diff` (audit.md), so those results plug in as they are.
 *
 * @module audit
 */
import type { TopLevelSpec } from 'vega-lite'
import type { Chart } from './charts.js'
import { type Formats, type Lang, word } from './formats.js'
import { type Cell, escapeHtml, num, rowsTable } from './html.js'
import { chartFigure } from './svg.js'

/** One row of a triangle: the figure for one as-of date as known at each column's instant. */
export interface TriangleRowInput {
  readonly asOf: string
  /** One cell per column; null where the column is before the as-of day ends, or the figure is null. */
  readonly cells: readonly (number | null)[]
  /** The first non-null cell: the figure as first published. */
  readonly firstPublished: number | null
  /** now − firstPublished. */
  readonly totalRevision: number | null
}

/** A revision triangle of one field: rows = as-of dates, columns = known-at instants (null: now). */
export interface TriangleInput {
  readonly field: string
  readonly knownAt: readonly (string | null)[]
  readonly rows: readonly TriangleRowInput[]
  readonly meanAbsoluteRevision: number | null
}

/** What a comparison is of: the report, its unit and scheme (a report's header has these). */
export interface ComparisonHead {
  readonly report: string
  readonly unit: string | null
  readonly scheme: string | null
}

/** A revisions section: the triangle and what it is of. */
export interface RevisionsBlock {
  readonly kind: 'revisions'
  readonly head: ComparisonHead
  readonly unitName?: string | null
  readonly triangle: TriangleInput
}

/** A record behind a delta, and its share of it. */
export interface ContributionInput {
  readonly id: string
  readonly position: number
  readonly recordedAt: string
  readonly contribution: number | null
}

/** The records of one cause behind a field's delta. */
export interface CauseInput {
  /** `late-enrolment`, `late-lapse`, `late-renewal`, `quota-revision`, `late-debt`, `late-settlement`, `geography`, … */
  readonly cause: string
  readonly total: number | null
  readonly records: readonly ContributionInput[]
}

/** A field that differs between the two instants; the causes add up to the delta. */
export interface FieldDeltaInput {
  readonly field: string
  readonly before: number | null
  readonly after: number | null
  readonly delta: number | null
  readonly causes: readonly CauseInput[]
}

/** A report's header as a diff carries it for each side. */
export interface DiffSide extends ComparisonHead {
  readonly asOf: string
  readonly knownAt: string | null
}

/** A diff: the report as known at two instants, and every field that differs. */
export interface DiffInput {
  readonly before: DiffSide
  readonly after: DiffSide
  readonly fields: readonly FieldDeltaInput[]
}

/** A diff section. */
export interface DiffBlock {
  readonly kind: 'diff'
  readonly unitName?: string | null
  readonly diff: DiffInput
}

/** The records a diff section lists under each cause; the rest are counted. */
export const RECORDS_LISTED = 10

const CAUSES: Readonly<Record<string, Readonly<Record<Lang, string>>>> = {
  'late-enrolment': { en: 'late enrolment', vi: 'hồ sơ tham gia ghi nhận muộn' },
  'late-renewal': { en: 'late renewal', vi: 'hồ sơ đóng tiếp ghi nhận muộn' },
  'late-lapse': { en: 'late lapse', vi: 'hồ sơ dừng tham gia ghi nhận muộn' },
  'quota-revision': { en: 'quota revision', vi: 'điều chỉnh chỉ tiêu' },
  'late-estimate': { en: 'late estimate', vi: 'số ước tính ghi nhận muộn' },
  'late-debt': { en: 'late debt', vi: 'khoản nợ ghi nhận muộn' },
  'late-settlement': { en: 'late settlement', vi: 'khoản thanh toán ghi nhận muộn' },
  geography: { en: 'geography changed', vi: 'thay đổi địa giới hành chính' },
}

/** A cause's name in `lang` (an unknown cause keeps its id). */
export const causeLabel = (cause: string, lang: Lang): string => CAUSES[cause]?.[lang] ?? cause

const FONT = 'DejaVu Sans, Liberation Sans, Arial, sans-serif'
const config = {
  font: FONT,
  view: { stroke: null },
  axis: { labelFontSize: 10, titleFontSize: 10, titleFontWeight: 'normal' as const, gridColor: '#e5e5e5' },
  legend: {
    labelFontSize: 10,
    titleFontSize: 10,
    labelLimit: 0,
    titleLimit: 0,
    orient: 'bottom' as const,
    direction: 'vertical' as const,
  },
}

const headOf = (title: string, head: ComparisonHead, unitName: string | null, f: Formats): string => {
  const unit = head.unit === null ? f.label('national') : unitName === null ? head.unit : `${head.unit} ${unitName}`
  return `${title} — ${head.report} — ${f.scheme(head.scheme)} — ${unit}`
}

/** A column's name: the day of a known-at instant (Vietnam time, as the CLI writes its cut-offs), or "now". */
const columnLabel = (knownAt: string | null, f: Formats): string =>
  knownAt === null ? word('revisionNow', f.lang) : f.date(knownAt.slice(0, 10))

/** A value as the page writes it: whole numbers grouped, ratios as percentages. */
const valueText = (n: number | null, f: Formats): string =>
  n === null ? '—' : Number.isInteger(n) ? f.count(n) : f.percent(n, 2)
const deltaText = (n: number | null, f: Formats): string =>
  n === null ? '—' : Number.isInteger(n) ? f.delta(n) : f.deltaPercent(n, 2)

/**
 * The triangle as a heat map: one cell per figure known (empty where not yet published), coloured
 * by its revision since first published, labelled with the figure.
 */
export const revisionHeatMap = (t: TriangleInput, f: Formats): Chart => {
  const columns = t.knownAt.map((k) => columnLabel(k, f))
  const rows = t.rows.map((r) => f.date(r.asOf))
  const values = t.rows.flatMap((r, i) =>
    r.cells.flatMap((c, j) =>
      c === null
        ? []
        : [
            {
              row: rows[i]!,
              column: columns[j]!,
              value: c,
              revision: r.firstPublished === null ? 0 : c - r.firstPublished,
              text: valueText(c, f),
            },
          ],
    ),
  )
  const extent = Math.max(1e-9, ...values.map((v) => Math.abs(v.revision)))
  const x = {
    field: 'column',
    type: 'ordinal' as const,
    sort: columns,
    title: word('revisionKnownAt', f.lang),
    axis: { labelAngle: -40, orient: 'top' as const },
  }
  const y = { field: 'row', type: 'ordinal' as const, sort: rows, title: word('revisionAsOf', f.lang) }
  const spec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: { step: Math.max(34, Math.min(52, Math.floor(560 / Math.max(1, columns.length)))) },
    height: { step: 20 },
    config,
    data: { values },
    layer: [
      {
        name: 'cells',
        mark: { type: 'rect' },
        encoding: {
          x,
          y,
          color: {
            field: 'revision',
            type: 'quantitative',
            title: word('revisionFromFirst', f.lang),
            scale: { scheme: 'redblue', domain: [-extent, extent] },
            legend: { orient: 'bottom', direction: 'horizontal' },
          },
        },
      },
      { mark: { type: 'text', fontSize: 8, color: '#111' }, encoding: { x, y, text: { field: 'text' } } },
    ],
  } as TopLevelSpec
  return {
    id: 'revision-triangle',
    title: `${word('revisions', f.lang)}: ${t.field}`,
    caption: null,
    spec,
    mark: 'cells',
    points: values.length,
  }
}

// A field is a ratio when one of its figures is not whole; the mean revision of a count is
// written as a count (rounded to whole, like every count on the page).
const meanText = (t: TriangleInput, f: Formats): string => {
  const m = t.meanAbsoluteRevision
  if (m === null) return '—'
  const ratio = t.rows.some((r) => r.cells.some((c) => c !== null && !Number.isInteger(c)))
  return ratio ? f.percent(m, 2) : f.count(m)
}

/** A revisions section: the heat map, then the triangle as a table with each row's total revision. */
export const revisionsSection = async (b: RevisionsBlock, f: Formats): Promise<string> => {
  const t = b.triangle
  const header: Cell[] = [
    word('revisionAsOf', f.lang),
    ...t.knownAt.map((k) => num(columnLabel(k, f))),
    num(word('totalRevision', f.lang)),
  ]
  const rows = t.rows.map((r): Cell[] => [
    f.date(r.asOf),
    ...r.cells.map((c) => num(c === null ? '' : valueText(c, f))),
    num(deltaText(r.totalRevision, f)),
  ])
  return [
    `<h2>${escapeHtml(headOf(`${word('revisions', f.lang)}: ${t.field}`, b.head, b.unitName ?? null, f))}</h2>`,
    await chartFigure(revisionHeatMap(t, f), f.lang),
    `<div class="wide">${rowsTable(header, rows)}</div>`,
    `<p>${escapeHtml(`${word('meanAbsRevision', f.lang)}: ${meanText(t, f)}`)}</p>`,
  ].join('')
}

/**
 * The change of each whole-number field by cause, as stacked horizontal bars (one bar segment per
 * field and cause). Ratio fields are left to the table: on one axis with counts they would not show.
 */
export const deltaByCause = (d: DiffInput, f: Formats): Chart => {
  const values = d.fields
    .filter((x) => x.delta !== null && Number.isInteger(x.delta))
    .flatMap((x) =>
      x.causes
        .filter((c) => c.total !== null && c.total !== 0)
        .map((c) => ({ field: x.field, cause: causeLabel(c.cause, f.lang), total: c.total!, text: f.delta(c.total) })),
    )
  const fields = [...new Set(values.map((v) => v.field))]
  const spec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: 400,
    height: { step: 22 },
    config,
    data: { values },
    layer: [
      {
        name: 'bars',
        mark: { type: 'bar' },
        encoding: {
          y: { field: 'field', type: 'nominal', sort: fields, title: null, axis: { labelLimit: 200 } },
          x: { field: 'total', type: 'quantitative', title: word('delta', f.lang), axis: { format: ',d' } },
          color: { field: 'cause', type: 'nominal', title: null, scale: { scheme: 'tableau10' } },
        },
      },
      {
        data: { values: [{ zero: 0 }] },
        mark: { type: 'rule', color: '#333' },
        encoding: { x: { field: 'zero', type: 'quantitative' } },
      },
    ],
  } as TopLevelSpec
  return {
    id: 'delta-by-cause',
    title: word('deltaByCause', f.lang),
    caption: null,
    spec,
    mark: 'bars',
    points: values.length,
  }
}

/** A diff section: the fields that moved, the change by cause, and the records behind each cause. */
export const diffSection = async (b: DiffBlock, f: Formats): Promise<string> => {
  const d = b.diff
  const when = (s: DiffSide): string => (s.knownAt === null ? word('revisionNow', f.lang) : f.instant(s.knownAt))
  const chart = deltaByCause(d, f)
  const causes = d.fields.flatMap((x) =>
    x.causes.map((c) => {
      const listed = c.records.slice(0, RECORDS_LISTED)
      const more = c.records.length - listed.length
      const caption = `${x.field} — ${causeLabel(c.cause, f.lang)}: ${deltaText(c.total, f)} (${f.count(c.records.length)} ${word('records', f.lang)})`
      if (listed.length === 0) return `<p class="cause">${escapeHtml(caption)}</p>`
      return (
        rowsTable(
          [word('id', f.lang), num(word('position', f.lang)), word('recordedAt', f.lang), num(word('delta', f.lang))],
          listed.map((r) => [r.id, num(String(r.position)), r.recordedAt, num(deltaText(r.contribution, f))]),
          caption,
        ) + (more > 0 ? `<p class="more">${escapeHtml(word('recordsMore', f.lang, { n: f.count(more) }))}</p>` : '')
      )
    }),
  )
  return [
    `<h2>${escapeHtml(headOf(word('diff', f.lang), d.after, b.unitName ?? null, f))}</h2>`,
    `<p class="when">${escapeHtml(`${f.label('asOf')} ${f.date(d.after.asOf)}: ${word('before', f.lang)} = ${f.label('knownAt')} ${when(d.before)}, ${word('after', f.lang)} = ${when(d.after)}`)}</p>`,
    rowsTable(
      [word('field', f.lang), num(word('before', f.lang)), num(word('after', f.lang)), num(word('delta', f.lang))],
      d.fields.map((x) => [
        x.field,
        num(valueText(x.before, f)),
        num(valueText(x.after, f)),
        num(deltaText(x.delta, f)),
      ]),
    ),
    chart.points === 0 ? '' : await chartFigure(chart, f.lang),
    ...causes,
  ].join('')
}
