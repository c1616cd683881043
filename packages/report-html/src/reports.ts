/**
 * The three reports as page sections: the figures as label/value pairs (the rows of the CLI's
 * table), the charts, and the children (and employers) as tables.
 *
 * @module reports
 */
import type { CoverageReport } from '@ansinh/projection-coverage'
import type { DebtReport } from '@ansinh/projection-debt'
import type { PlanReport } from '@ansinh/projection-plan'
import { type SeriesPoint, achievementBands, debtByAge, participantsOverTime } from './charts.js'
import { type Formats, word } from './formats.js'
import { type Cell, escapeHtml, num, pairsTable, rowsTable } from './html.js'
import { chartFigure } from './svg.js'

/** A report section's input: the report (as the library or the CLI computed it) and what it is drawn with. */
export type ReportBlock =
  | {
      readonly kind: 'coverage'
      readonly report: CoverageReport
      readonly unitName?: string | null
      /** The participants at each month end of the year (see {@link monthEnds}); no chart without it. */
      readonly series?: readonly SeriesPoint[]
    }
  | {
      readonly kind: 'plan'
      readonly report: PlanReport
      readonly unitName?: string | null
      readonly series?: readonly SeriesPoint[]
    }
  | { readonly kind: 'debt'; readonly report: DebtReport; readonly unitName?: string | null }

type AnyReport = CoverageReport | PlanReport | DebtReport

/** The employers a debt section lists by name; the rest are counted. */
export const EMPLOYERS_LISTED = 50

/**
 * The business days a month-end series asks: each month end of `asOf`'s year up to `asOf`, and
 * `asOf` itself when it is not a month end. The days are real calendar days, of the type `asOf`
 * has (e.g. a branded business day).
 *
 * @example monthEnds('2020-03-15') // ['2020-01-31', '2020-02-29', '2020-03-15']
 */
export const monthEnds = <D extends string>(asOf: D): D[] => {
  const year = +asOf.slice(0, 4)
  const days: D[] = []
  for (let m = 1; m <= 12; m++) {
    const last = new Date(Date.UTC(year, m, 0)).toISOString().slice(0, 10) as D
    if (last > asOf) break
    days.push(last)
  }
  if (days[days.length - 1] !== asOf) days.push(asOf)
  return days
}

const hashOf = (r: AnyReport): string | null => (r.basis as { readonly hash?: string | null }).hash ?? null

const heading = (title: string, r: AnyReport, unitName: string | null, f: Formats): string => {
  const unit = r.unit === null ? f.label('national') : unitName === null ? r.unit : `${r.unit} ${unitName}`
  const known = r.knownAt === null ? f.label('everything') : `${f.label('knownAt')} ${f.instant(r.knownAt)}`
  return `<h2>${escapeHtml(`${title} — ${f.scheme(r.scheme)} — ${unit}`)}</h2><p class="when">${escapeHtml(`${f.label('asOf')} ${f.date(r.asOf)}, ${known}`)}</p>`
}

const basisRow = (r: AnyReport, f: Formats): [string, Cell] => {
  const hash = hashOf(r)
  return [
    f.label('basis'),
    `${f.count(r.basis.events)} ${f.label('events')}, ${f.label('lastPosition')} ${r.basis.lastPosition ?? '—'}` +
      (hash === null ? '' : `, sha256 ${hash}`),
  ]
}

const people = (n: number | null, f: Formats): Cell =>
  num(f.lang === 'vi' && n !== null ? `${f.count(n)} ${f.label('people')}` : f.count(n))

const coverageSection = async (
  r: CoverageReport,
  unitName: string | null,
  series: readonly SeriesPoint[] | undefined,
  f: Formats,
): Promise<string> => {
  const denominator = r.scheme === 'health' ? f.label('population') : f.label('labourForce')
  return [
    heading(f.label('coverage'), r, unitName, f),
    pairsTable([
      [f.label('participants'), people(r.participants, f)],
      [
        denominator,
        num(
          r.denominator === null
            ? '—'
            : `${f.count(r.denominator)}${r.denominatorYear === null ? '' : ` (${r.denominatorYear})`}`,
        ),
      ],
      [f.label('rate'), num(f.percent(r.rate, 2))],
      basisRow(r, f),
    ]),
    series === undefined ? '' : await chartFigure(participantsOverTime(series, null, f), f.lang),
    r.children.length === 0
      ? ''
      : rowsTable(
          [f.label('unit'), f.label('name'), num(f.label('participants')), num(denominator), num(f.label('rate'))],
          r.children.map((c) => [
            c.unit,
            c.name ?? '',
            num(f.count(c.participants)),
            num(f.count(c.denominator)),
            num(f.percent(c.rate, 2)),
          ]),
          f.label('children'),
        ),
  ].join('')
}

const planSection = async (
  r: PlanReport,
  unitName: string | null,
  series: readonly SeriesPoint[] | undefined,
  f: Formats,
): Promise<string> => {
  const achievement =
    r.achievement === null
      ? '—'
      : f.lang === 'vi'
        ? `${f.label('achievement')} ${f.percent(r.achievement)} ${f.label('ofPlan')}`
        : `${f.percent(r.achievement)} ${f.label('ofPlan')}`
  const b = r.bands
  return [
    heading(`${f.label('plan')} ${r.year}`, r, unitName, f),
    pairsTable([
      [f.label('participants'), people(r.participants, f)],
      [f.label('target'), people(r.target, f)],
      [f.label('achievement'), num(achievement)],
      [f.label('remaining'), people(r.remaining, f)],
      [f.label('expiring'), people(r.expiringBeforeYearEnd, f)],
      [f.label('recruitsNeeded'), people(r.recruitsNeeded, f)],
      [f.label('sameDate'), people(r.sameDateLastYear, f)],
      [f.label('vsSameDate'), num(`${f.delta(r.changeVsSameDate)} (${f.deltaPercent(r.changeVsSameDatePct, 2)})`)],
      [f.label('endOfPrevYear'), people(r.endOfPreviousYear, f)],
      [f.label('vsEndOfPrevYear'), num(f.delta(r.changeVsEndOfPreviousYear))],
      [f.label('newInYear'), people(r.newInYear, f)],
      [
        f.label('bands'),
        `${b.withTarget}: ${f.label('met')} ${b.met}, ${f.label('belowTarget')} ${b.belowTarget}, ${f.label('below50')} ${b.below50}, ${f.label('zero')} ${b.zero}`,
      ],
      basisRow(r, f),
    ]),
    series === undefined ? '' : await chartFigure(participantsOverTime(series, r.target, f), f.lang),
    b.withTarget === 0 ? '' : await chartFigure(achievementBands(r.children, f), f.lang),
    r.children.length === 0
      ? ''
      : rowsTable(
          [
            f.label('unit'),
            f.label('name'),
            num(f.label('target')),
            num(f.label('participants')),
            num(f.label('achievement')),
          ],
          r.children.map((c) => [
            c.unit,
            c.name ?? '',
            num(f.count(c.target)),
            num(f.count(c.participants)),
            num(f.percent(c.achievement)),
          ]),
          f.label('children'),
        ),
  ].join('')
}

const debtSection = async (r: DebtReport, unitName: string | null, f: Formats): Promise<string> => {
  const listed = r.employers.slice(0, EMPLOYERS_LISTED)
  return [
    heading(f.label('debt'), r, unitName, f),
    pairsTable([
      [f.label('outstanding'), num(f.vnd(r.outstanding))],
      [f.label('compulsory'), num(f.vnd(r.byScheme.compulsory))],
      [f.label('health'), num(f.vnd(r.byScheme.health))],
      [f.label('unemployment'), num(f.vnd(r.byScheme.unemployment))],
      [f.label('upTo3'), num(f.vnd(r.aging.upTo3Months))],
      [f.label('upTo6'), num(f.vnd(r.aging.upTo6Months))],
      [f.label('upTo12'), num(f.vnd(r.aging.upTo12Months))],
      [f.label('over12'), num(f.vnd(r.aging.over12Months))],
      [f.label('credit'), num(f.vnd(r.credit))],
      basisRow(r, f),
    ]),
    await chartFigure(debtByAge(r.aging, f), f.lang),
    listed.length === 0
      ? ''
      : rowsTable(
          [f.label('employer'), num(f.label('outstanding')), f.label('oldest')],
          listed.map((e) => [e.employer, num(f.count(e.outstanding)), f.month(e.oldestPeriod)]),
          `${f.label('employers')} (${f.count(r.employers.length)})`,
        ) +
        (r.employers.length > listed.length
          ? `<p class="more">${escapeHtml(word('employersMore', f.lang, { n: f.count(r.employers.length - listed.length) }))}</p>`
          : ''),
    r.children.length === 0
      ? ''
      : rowsTable(
          [f.label('unit'), f.label('name'), num(f.label('outstanding'))],
          r.children.map((c) => [c.unit, c.name ?? '', num(f.count(c.outstanding))]),
          f.label('children'),
        ),
  ].join('')
}

/** A report's section: figures, charts, children. */
export const reportSection = async (block: ReportBlock, f: Formats): Promise<string> => {
  const name = block.unitName ?? null
  switch (block.kind) {
    case 'coverage':
      return coverageSection(block.report, name, block.series, f)
    case 'plan':
      return planSection(block.report, name, block.series, f)
    case 'debt':
      return debtSection(block.report, name, f)
  }
}
