/**
 * How the audit commands print: explanations (csv streamed in chunks), diffs, revision triangles
 * and reproduction verdicts, as tables in English or Vietnamese, JSON, or csv.
 *
 * @module format/audit
 */
import { stringify } from 'csv-stringify/sync'
import type { Explanation, FieldDelta, RecordKind, Reproduction, RevisionTriangle } from '@ansinh/projection'
import { recordLists } from '@ansinh/projection'
import type { CsvOptions, Lang } from '../args.js'
import { neutralise } from './csv.js'
import { formatCount, formatDate, formatInstant, formatPercent } from './numbers.js'
import { columns } from './table.js'

const T = {
  en: {
    records: 'records',
    count: 'the records add up to',
    value: 'the report says',
    formula: 'computed as',
    before: 'before',
    after: 'after',
    delta: 'change',
    field: 'field',
    cause: 'cause',
    total: 'total',
    noChange: 'no figure differs between the two instants',
    asOf: 'as of',
    now: 'now',
    firstPublished: 'first published',
    totalRevision: 'total revision',
    meanAbsoluteRevision: 'mean absolute revision',
    reproduced: 'reproduced',
    tampered: 'TAMPERED',
    backdated: 'BACKDATED',
    differs: 'DIFFERS',
  },
  vi: {
    records: 'bản ghi',
    count: 'tổng các bản ghi',
    value: 'báo cáo ghi',
    formula: 'công thức',
    before: 'trước',
    after: 'sau',
    delta: 'chênh lệch',
    field: 'chỉ tiêu',
    cause: 'nguyên nhân',
    total: 'cộng',
    noChange: 'không chỉ tiêu nào khác nhau giữa hai thời điểm',
    asOf: 'tính đến ngày',
    now: 'hiện nay',
    firstPublished: 'công bố lần đầu',
    totalRevision: 'tổng điều chỉnh',
    meanAbsoluteRevision: 'điều chỉnh tuyệt đối bình quân',
    reproduced: 'tái lập được',
    tampered: 'BỊ SỬA',
    backdated: 'GHI LÙI NGÀY',
    differs: 'KHÁC',
  },
} as const

const CAUSE_VI: Readonly<Record<string, string>> = {
  'late-enrolment': 'tham gia ghi muộn',
  'late-renewal': 'gia hạn ghi muộn',
  'late-lapse': 'dừng đóng ghi muộn',
  'quota-revision': 'điều chỉnh kế hoạch',
  'late-estimate': 'số dân ghi muộn',
  'late-debt': 'nợ ghi muộn',
  'late-settlement': 'thanh toán ghi muộn',
  geography: 'địa giới',
}

const num = (n: number | null, lang: Lang): string =>
  n === null
    ? '—'
    : Number.isInteger(n)
      ? formatCount(n, lang)
      : n.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-US', { maximumFractionDigits: 6 })

/** The csv columns of each kind of record (nested fields as `enrolment.id`). */
const COLUMNS: Readonly<Record<RecordKind, readonly string[]>> = {
  participants: [
    'participantId',
    'unit',
    'countedIn',
    'enrolment.id',
    'enrolment.position',
    'enrolment.coveredFrom',
    'enrolment.coveredThrough',
    'lapse.id',
    'lapse.position',
    'lapse.lapsedOn',
    'coverageEnds',
  ],
  quotas: ['id', 'position', 'unit', 'assignedOn', 'target', 'inForce'],
  estimates: ['id', 'position', 'unit', 'year', 'population', 'labourForce', 'denominator'],
  debts: ['id', 'position', 'employer', 'scheme', 'unit', 'period', 'amount', 'paid', 'outstanding', 'settlements'],
  credits: ['employer', 'scheme', 'unit', 'amount', 'settlements'],
  children: ['unit', 'name', 'target', 'participants', 'achievement'],
}

const cell = (record: unknown, column: string): unknown => {
  let v: unknown = record
  for (const k of column.split('.')) v = v === null || v === undefined ? null : (v as Record<string, unknown>)[k]
  if (Array.isArray(v)) return v.map((s: { id: string; amount: number }) => `${s.id}:${s.amount}`).join(' ')
  return v ?? null
}

/** The csv columns of an explanation: `part` first when it is a formula, then every column its record kinds have. */
export const explanationColumns = (e: Explanation): string[] => {
  const lists = [...recordLists(e)]
  const seen = new Set<string>()
  for (const { list } of lists) for (const c of COLUMNS[list.records]) seen.add(c)
  return [...(e.kind === 'formula' ? ['part'] : []), ...seen]
}

const csvText = (rows: unknown[][], options: CsvOptions, bom: boolean): string => {
  const decimal = options.separator === ';' ? ',' : '.'
  return stringify(rows, {
    bom,
    delimiter: options.separator,
    record_delimiter: 'unix',
    cast: {
      number: (n) => (decimal === '.' ? String(n) : String(n).replace('.', decimal)),
      boolean: (b) => (b ? 'true' : 'false'),
      string: (s) => neutralise(s),
    },
  })
}

/**
 * The explanation as csv, one row per record, header first, handed to `write` in chunks of
 * `chunk` rows as the records are built (a province's participants never sit in memory as text).
 */
export const streamExplanationCsv = async (
  e: Explanation,
  options: CsvOptions,
  write: (text: string) => Promise<void>,
  chunk = 2_000,
): Promise<void> => {
  const header = explanationColumns(e)
  await write(csvText([header], options, options.bom))
  let rows: unknown[][] = []
  for (const { part, list } of recordLists(e)) {
    for (const r of list.list()) {
      rows.push(header.map((h) => (h === 'part' ? part : cell(r, h))))
      if (rows.length >= chunk) {
        await write(csvText(rows, options, false))
        rows = []
      }
    }
  }
  if (rows.length > 0) await write(csvText(rows, options, false))
}

/** The explanation as a table: what the figure is, what its records add up to, and the records. */
export const explanationTable = (report: string, field: string, e: Explanation, lang: Lang): string => {
  const t = T[lang]
  const out: string[] = [`${report} ${field}: ${t.value} ${num(e.value, lang)}, ${t.count} ${num(e.count, lang)}`]
  if (e.kind === 'formula') out.push(`${t.formula}: ${e.formula}`)
  for (const { part, list } of recordLists(e)) {
    out.push('')
    out.push(
      `${part === '' ? field : part}: ${num(list.value, lang)} = ${num(list.count, lang)} (${formatCount(list.size, lang)} ${t.records})`,
    )
    const header = COLUMNS[list.records]
    const rows = [...list.list()].map((r) =>
      header.map((h) => {
        const v = cell(r, h)
        return v === null
          ? '—'
          : typeof v === 'number'
            ? h.endsWith('position') || h === 'year'
              ? String(v)
              : num(v, lang)
            : String(v)
      }),
    )
    out.push(...columns(header, rows).map((l) => `  ${l}`))
  }
  return out.join('\n')
}

const causeName = (cause: string, lang: Lang): string => (lang === 'vi' ? (CAUSE_VI[cause] ?? cause) : cause)

/** A diff as a table: each field that moved, then its causes with their totals and records. */
export const diffTable = (
  title: string,
  before: string | null,
  after: string | null,
  fields: readonly FieldDelta[],
  lang: Lang,
  recordsShown = 10,
): string => {
  const t = T[lang]
  const instant = (k: string | null): string => (k === null ? t.now : formatInstant(k, lang))
  const out = [title, `${t.before}: ${instant(before)}    ${t.after}: ${instant(after)}`, '']
  if (fields.length === 0) return [...out, t.noChange].join('\n')
  const sign = (n: number | null): string => (n === null ? '—' : n > 0 ? `+${num(n, lang)}` : num(n, lang))
  // ratios read as percentages, their changes in percentage points
  const isRatio = (f: string): boolean => /(achievement|rate|Pct)$/.test(f)
  const show = (f: string, n: number | null): string => (isRatio(f) ? formatPercent(n, lang, 2) : num(n, lang))
  const points = (f: string, n: number | null): string =>
    isRatio(f) && n !== null
      ? `${n > 0 ? '+' : ''}${(n * 100).toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-US', { maximumFractionDigits: 2 })} ${lang === 'vi' ? 'điểm %' : 'pp'}`
      : sign(n)
  out.push(
    ...columns(
      [t.field, t.before, t.after, t.delta],
      fields.map((f) => [f.field, show(f.field, f.before), show(f.field, f.after), points(f.field, f.delta)]),
    ),
  )
  for (const f of fields) {
    if (f.causes.length === 0) continue
    out.push('', `${f.field}: ${points(f.field, f.delta)}`)
    for (const c of f.causes) {
      out.push(
        `  ${causeName(c.cause, lang)}: ${points(f.field, c.total)} (${formatCount(c.records.length, lang)} ${t.records})`,
      )
      for (const r of c.records.slice(0, recordsShown))
        out.push(
          `    ${points(f.field, r.contribution)}  #${r.position}  ${r.id}  ${formatInstant(r.recordedAt, lang)}`,
        )
      if (c.records.length > recordsShown) out.push(`    … ${formatCount(c.records.length - recordsShown, lang)}`)
    }
  }
  return out.join('\n')
}

const columnName = (k: string | null, lang: Lang): string =>
  k === null ? T[lang].now : formatDate(k.slice(0, 10), lang)

/** A triangle as rows: as-of date, one cell per known-at column, first published, now, total revision. */
const triangleRows = (
  t: RevisionTriangle,
  show: (n: number | null) => string,
  lang: Lang,
): { header: string[]; rows: string[][] } => {
  const l = T[lang]
  return {
    // the last column is now: the figure as known now is not repeated
    header: [l.asOf, ...t.knownAt.map((k) => columnName(k, lang)), l.firstPublished, l.totalRevision],
    rows: t.rows.map((r) => [
      formatDate(r.asOf, lang),
      ...r.cells.map(show),
      show(r.firstPublished),
      show(r.totalRevision),
    ]),
  }
}

/** A triangle as a table, with its mean absolute revision. */
export const triangleTable = (title: string, t: RevisionTriangle, lang: Lang): string => {
  const { header, rows } = triangleRows(t, (n) => num(n, lang), lang)
  return [
    title,
    '',
    ...columns(header, rows),
    '',
    `${T[lang].meanAbsoluteRevision}: ${num(t.meanAbsoluteRevision, lang)}`,
  ].join('\n')
}

/** A triangle as csv (ISO dates and instants, unrounded numbers). */
export const triangleCsv = (t: RevisionTriangle, options: CsvOptions): string => {
  const header = ['asOf', ...t.knownAt.map((k) => k ?? 'now'), 'firstPublished', 'now', 'totalRevision']
  return csvText(
    [header, ...t.rows.map((r) => [r.asOf, ...r.cells, r.firstPublished, r.now, r.totalRevision])],
    options,
    options.bom,
  ).trimEnd()
}

/** The lines of a reproduction verdict (stdout for reproduced, stderr for the others). */
export const reproductionLines = (file: string, r: Reproduction, lang: Lang): string[] => {
  const t = T[lang]
  switch (r.outcome) {
    case 'reproduced':
      return [
        `${file}: ${t.reproduced}: every figure, basis position ${r.lastPosition ?? '—'}${r.hash === null ? '' : `, sha256 ${r.hash}`}`,
      ]
    case 'tampered':
      return [`${file}: ${t.tampered} at position ${r.position}: ${r.reason}`]
    case 'backdated':
      return [
        `${file}: ${t.backdated}: ${r.records.length} event(s) appended after the report claim to have been recorded by its known-at:`,
        ...r.records.map((b) => `  position ${b.position}  id ${b.id}  recordedAt ${b.recordedAt}`),
      ]
    case 'differs':
      return [
        `${file}: ${t.differs}: the saved figures are not what the store gives:`,
        ...r.fields.map(
          (f) =>
            `${file}: ${f.field}: the store gives ${JSON.stringify(f.recomputed)} (got ${JSON.stringify(f.saved)})`,
        ),
      ]
  }
}
