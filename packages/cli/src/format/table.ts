/**
 * Readable tables of the reports, in English or Vietnamese.
 *
 * @module table
 */
import type { Lang } from '../args.js'
import { label as L, schemeLabel } from './labels.js'
import stringWidth from 'string-width'
import {
  formatCount,
  formatDate,
  formatDelta,
  formatDeltaPercent,
  formatInstant,
  formatMonth,
  formatPercent,
  formatVnd,
} from './numbers.js'
import type { AgentsView, CoverageView, DebtView, PlanView, ReportHead, ReportView, RevenueView } from './reports.js'

// Columns are measured in terminal cells (string-width: combining marks take none, East Asian
// wide characters two), after NFC normalisation, so a name in decomposed Unicode (NFD) lines up
// and prints as its composed form, which every terminal draws alike.
const width = (s: string): number => stringWidth(s)
const padEnd = (s: string, n: number): string => s + ' '.repeat(Math.max(0, n - width(s)))
const padStart = (s: string, n: number): string => ' '.repeat(Math.max(0, n - width(s))) + s

/** Aligns rows of cells into columns; numeric-looking cells are right-aligned. */
export const columns = (header: readonly string[], rawRows: readonly (readonly string[])[]): string[] => {
  const rows = rawRows.map((r) => r.map((c) => c.normalize('NFC')))
  const all = [header, ...rows]
  const widths = header.map((_, i) => Math.max(...all.map((r) => width(r[i] ?? ''))))
  // The first column holds unit codes or names: identifiers, aligned left even when all digits.
  const numeric = header.map(
    (_, i) => i > 0 && rows.length > 0 && rows.every((r) => /^[-+—]?[\d.,%]*[\d—%]$|^—$/.test(r[i] ?? '')),
  )
  const line = (r: readonly string[]): string =>
    r
      .map((c, i) => (numeric[i] ? padStart(c, widths[i]!) : padEnd(c, widths[i]!)))
      .join('  ')
      .trimEnd()
  return [line(header), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)]
}

const pairs = (rows: readonly (readonly [string, string])[]): string[] => {
  const w = Math.max(...rows.map(([k]) => width(k)))
  return rows.map(([k, v]) => `  ${padEnd(k, w)}  ${v.normalize('NFC')}`)
}

const head = (title: string, r: ReportHead, unitName: string | null, lang: Lang): string[] => {
  const unit =
    r.unit === null ? L('national', lang) : unitName === null ? r.unit : `${r.unit} ${unitName.normalize('NFC')}`
  return [
    `${title} — ${schemeLabel(r.scheme, lang)} — ${unit}`,
    `${L('asOf', lang)} ${formatDate(r.asOf, lang)}, ${r.knownAt === null ? L('everything', lang) : `${L('knownAt', lang)} ${formatInstant(r.knownAt, lang)}`}` +
      // the map is named only when it is not the as-of date's, so version-1 tables read as before
      (r.geography === undefined || r.geography === r.asOf
        ? ''
        : `, ${L('onMapOf', lang)} ${formatDate(r.geography, lang)}`),
  ]
}

const people = (n: number | null, lang: Lang): string =>
  lang === 'vi' && n !== null ? `${formatCount(n, lang)} ${L('people', lang)}` : formatCount(n, lang)

const basisLine = (r: ReportHead, lang: Lang): [string, string] => [
  L('basis', lang),
  `${formatCount(r.basis.events, lang)} ${L('events', lang)}, ${L('lastPosition', lang)} ${r.basis.lastPosition ?? '—'}` +
    (r.basis.hash ? `, sha256 ${r.basis.hash.slice(0, 16)}…` : ''),
]

const coverageTable = (r: CoverageView, lang: Lang, unitName: string | null): string[] => {
  const denomLabel = r.scheme === 'health' || r.scheme === 'any' ? L('population', lang) : L('labourForce', lang)
  return [
    ...head(L('coverage', lang), r, unitName, lang),
    ...pairs([
      [L('participants', lang), people(r.participants, lang)],
      [
        denomLabel,
        r.denominator === null
          ? '—'
          : `${formatCount(r.denominator, lang)}${r.denominatorYear === null ? '' : ` (${r.denominatorYear})`}`,
      ],
      [L('rate', lang), formatPercent(r.rate, lang, 2)],
      basisLine(r, lang),
    ]),
    ...(r.children.length === 0
      ? []
      : [
          '',
          ...columns(
            [L('unit', lang), L('name', lang), L('participants', lang), denomLabel, L('rate', lang)],
            r.children.map((c) => [
              c.unit,
              c.name ?? '',
              formatCount(c.participants, lang),
              formatCount(c.denominator, lang),
              formatPercent(c.rate, lang, 2),
            ]),
          ),
        ]),
  ]
}

const planTable = (r: PlanView, lang: Lang, unitName: string | null): string[] => {
  const ach =
    r.achievement === null
      ? '—'
      : lang === 'vi'
        ? `${L('achievement', lang)} ${formatPercent(r.achievement, lang)} ${L('ofPlan', lang)}`
        : `${formatPercent(r.achievement, lang)} ${L('ofPlan', lang)}`
  return [
    ...head(`${L('plan', lang)} ${r.year}`, r, unitName, lang),
    ...pairs([
      [L('participants', lang), people(r.participants, lang)],
      [L('target', lang), people(r.target, lang)],
      [L('achievement', lang), ach],
      [L('remaining', lang), people(r.remaining, lang)],
      [L('expiring', lang), people(r.expiringBeforeYearEnd, lang)],
      [L('recruitsNeeded', lang), people(r.recruitsNeeded, lang)],
      [L('sameDate', lang), people(r.sameDateLastYear, lang)],
      [
        L('vsSameDate', lang),
        `${formatDelta(r.changeVsSameDate, lang)} (${formatDeltaPercent(r.changeVsSameDatePct, lang, 2)})`,
      ],
      [L('endOfPrevYear', lang), people(r.endOfPreviousYear, lang)],
      [L('vsEndOfPrevYear', lang), formatDelta(r.changeVsEndOfPreviousYear, lang)],
      [L('newInYear', lang), people(r.newInYear, lang)],
      [
        L('bands', lang),
        `${r.bands.withTarget}: ${L('met', lang)} ${r.bands.met}, ${L('belowTarget', lang)} ${r.bands.belowTarget}, ${L('below50', lang)} ${r.bands.below50}, ${L('zero', lang)} ${r.bands.zero}`,
      ],
      basisLine(r, lang),
    ]),
    ...(r.children.length === 0
      ? []
      : [
          '',
          ...columns(
            [L('unit', lang), L('name', lang), L('target', lang), L('participants', lang), L('achievement', lang)],
            r.children.map((c) => [
              c.unit,
              c.name ?? '',
              formatCount(c.target, lang),
              formatCount(c.participants, lang),
              formatPercent(c.achievement, lang),
            ]),
          ),
        ]),
  ]
}

const debtTable = (r: DebtView, lang: Lang, unitName: string | null): string[] => [
  ...head(L('debt', lang), r, unitName, lang),
  ...pairs([
    [L('outstanding', lang), formatVnd(r.outstanding, lang)],
    [L('compulsory', lang), formatVnd(r.byScheme.compulsory, lang)],
    [L('health', lang), formatVnd(r.byScheme.health, lang)],
    [L('unemployment', lang), formatVnd(r.byScheme.unemployment, lang)],
    [L('upTo3', lang), formatVnd(r.aging.upTo3Months, lang)],
    [L('upTo6', lang), formatVnd(r.aging.upTo6Months, lang)],
    [L('upTo12', lang), formatVnd(r.aging.upTo12Months, lang)],
    [L('over12', lang), formatVnd(r.aging.over12Months, lang)],
    [L('credit', lang), formatVnd(r.credit, lang)],
    basisLine(r, lang),
  ]),
  ...(r.employers.length === 0
    ? []
    : [
        '',
        ...columns(
          [L('employer', lang), L('outstanding', lang), L('oldest', lang)],
          r.employers
            .slice(0, 20)
            .map((e) => [e.employer, formatCount(e.outstanding, lang), formatMonth(e.oldestPeriod, lang)]),
        ),
      ]),
  ...(r.employers.length > 20 ? [`  … ${r.employers.length - 20} more`] : []),
  ...(r.children.length === 0
    ? []
    : [
        '',
        ...columns(
          [L('unit', lang), L('name', lang), L('outstanding', lang)],
          r.children.map((c) => [c.unit, c.name ?? '', formatCount(c.outstanding, lang)]),
        ),
      ]),
]

// Agents are ranked as the articles rank them: most participants first (the report's own order).
const agentsTable = (r: AgentsView, lang: Lang, unitName: string | null): string[] => [
  ...head(L('agents', lang), r, unitName, lang),
  ...pairs([
    [L('window', lang), `${formatDate(r.from, lang)} – ${formatDate(r.to, lang)}`],
    [L('viaAgents', lang), people(r.participants, lang)],
    [L('new', lang), people(r.new, lang)],
    [L('continuing', lang), people(r.continuing, lang)],
    [L('returning', lang), people(r.returning, lang)],
    [L('withoutAgent', lang), people(r.withoutAgent, lang)],
    basisLine(r, lang),
  ]),
  ...(r.agents.length === 0
    ? []
    : [
        '',
        ...columns(
          ['#', L('agent', lang), L('participants', lang), L('new', lang), L('continuing', lang), L('returning', lang)],
          r.agents
            .slice(0, 20)
            .map((a, i) => [
              String(i + 1),
              a.agent,
              formatCount(a.participants, lang),
              formatCount(a.new, lang),
              formatCount(a.continuing, lang),
              formatCount(a.returning, lang),
            ]),
        ),
      ]),
  ...(r.agents.length > 20 ? [`  … ${r.agents.length - 20} more`] : []),
]

const revenueTable = (r: RevenueView, lang: Lang, unitName: string | null): string[] => [
  ...head(`${L('revenue', lang)} ${r.year}`, r, unitName, lang),
  ...pairs([
    [L('collected', lang), formatVnd(r.collected, lang)],
    [L('voluntary', lang), formatVnd(r.byScheme.voluntary, lang)],
    [L('compulsory', lang), formatVnd(r.byScheme.compulsory, lang)],
    [L('health', lang), formatVnd(r.byScheme.health, lang)],
    [L('unemployment', lang), formatVnd(r.byScheme.unemployment, lang)],
    [L('revenuePlan', lang), r.target === null ? '—' : formatVnd(r.target, lang)],
    [
      L('achievement', lang),
      r.achievement === null ? '—' : `${formatPercent(r.achievement, lang)} ${L('ofPlan', lang)}`,
    ],
    [L('samePeriod', lang), formatVnd(r.samePeriodLastYear, lang)],
    [L('vsSamePeriod', lang), formatDeltaPercent(r.changeVsSamePeriodPct, lang, 2)],
    basisLine(r, lang),
  ]),
  ...(r.children.length === 0
    ? []
    : [
        '',
        ...columns(
          [L('unit', lang), L('name', lang), L('collected', lang), L('revenuePlan', lang), L('achievement', lang)],
          r.children.map((c) => [
            c.unit,
            c.name ?? '',
            formatCount(c.collected, lang),
            formatCount(c.target, lang),
            formatPercent(c.achievement, lang),
          ]),
        ),
      ]),
]

/** The report as a table, in `lang`; `unitName` is the name of the report's unit when known. */
export const renderTable = (r: ReportView, lang: Lang, unitName: string | null = null): string => {
  switch (r.report) {
    case 'coverage':
      return coverageTable(r as CoverageView, lang, unitName).join('\n')
    case 'plan':
      return planTable(r as PlanView, lang, unitName).join('\n')
    case 'debt':
      return debtTable(r as DebtView, lang, unitName).join('\n')
    case 'agents':
      return agentsTable(r as AgentsView, lang, unitName).join('\n')
    case 'revenue':
      return revenueTable(r as RevenueView, lang, unitName).join('\n')
  }
}
