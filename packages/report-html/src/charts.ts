/**
 * The charts, as declarative Vega-Lite specs built from plain typed values. Each chart names the
 * mark that carries its data (`points`, `bars`, `cells`) and says how many data points it has,
 * so a test can count one SVG mark per point. Labels come already formatted in the page language;
 * the axes' numbers use the language's d3 locale (see svg.ts).
 *
 * @module charts
 */
import type { TopLevelSpec } from 'vega-lite'
import { type Formats, word } from './formats.js'

/** A chart: its spec, the name of its data mark and how many data points it draws. */
export interface Chart {
  /** A stable id, e.g. `participants-over-time`. */
  readonly id: string
  readonly title: string
  readonly caption: string | null
  readonly spec: TopLevelSpec
  /** The Vega mark that draws the data: the SVG has a group with class `${mark}_marks`. */
  readonly mark: string
  /** One mark item per data point. */
  readonly points: number
}

/** One point of a series: a report's figure on a business day. */
export interface SeriesPoint {
  readonly asOf: string
  readonly value: number
}

const WIDTH = 560
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

/**
 * Participants at each month end (a line with a point per month end), and the year's target as
 * a dashed rule when there is one.
 */
export const participantsOverTime = (series: readonly SeriesPoint[], target: number | null, f: Formats): Chart => {
  const values = series.map((p) => ({ asOf: p.asOf, label: f.date(p.asOf), value: p.value, text: f.count(p.value) }))
  const x = {
    field: 'label',
    type: 'ordinal' as const,
    sort: null,
    title: word('monthEnd', f.lang),
    axis: { labelAngle: -40 },
  }
  const y = { field: 'value', type: 'quantitative' as const, title: f.label('participants'), axis: { format: ',d' } }
  const spec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: WIDTH,
    height: 220,
    config,
    layer: [
      { data: { values }, mark: { type: 'line', color: '#1f5f9f' }, encoding: { x, y } },
      {
        name: 'points',
        data: { values },
        mark: { type: 'point', filled: true, size: 40, color: '#1f5f9f' },
        encoding: { x, y },
      },
      ...(target === null
        ? []
        : [
            {
              name: 'target',
              data: { values: [{ value: target, text: `${f.label('target')} ${f.count(target)}` }] },
              layer: [
                {
                  mark: { type: 'rule', color: '#b3261e', strokeDash: [6, 4], strokeWidth: 1.5 },
                  encoding: { y: { field: 'value', type: 'quantitative' } },
                },
                {
                  mark: {
                    type: 'text',
                    align: 'right',
                    baseline: 'bottom',
                    dy: -3,
                    x: WIDTH,
                    color: '#b3261e',
                    fontSize: 10,
                  },
                  encoding: { y: { field: 'value', type: 'quantitative' }, text: { field: 'text' } },
                },
              ],
            },
          ]),
    ],
  } as TopLevelSpec
  return {
    id: 'participants-over-time',
    title: word('overTime', f.lang),
    caption: word('overTimeNote', f.lang),
    spec,
    mark: 'points',
    points: values.length,
  }
}

/** A child row as the achievement chart needs it. */
export interface AchievementRow {
  readonly unit: string
  readonly name: string | null
  readonly target: number | null
  readonly participants: number
}

/** The disjoint bands of the chart, best first. */
export type Band = 'met' | 'below' | 'below50' | 'zero'

/** The band of a child with a target: met (≥ 100%), below (50–100%), below 50% (> 0), none. */
export const bandOf = (participants: number, target: number): Band =>
  participants >= target ? 'met' : participants === 0 ? 'zero' : participants / target < 0.5 ? 'below50' : 'below'

const BAND_COLOURS: Readonly<Record<Band, string>> = {
  met: '#2e7d32',
  below: '#f0a500',
  below50: '#d84315',
  zero: '#6d1b1b',
}
const BAND_WORDS = { met: 'bandMet', below: 'bandBelow', below50: 'bandBelow50', zero: 'bandZero' } as const

/** The word for the level of a unit code's children: communes under a district, and so on. */
export const childrenWord = (childUnits: readonly string[], f: Formats): string => {
  const lengths = new Set(childUnits.map((u) => u.length))
  if (lengths.size !== 1) return word('units', f.lang)
  const n = [...lengths][0]
  return word(n === 5 ? 'communes' : n === 3 ? 'districts' : n === 2 ? 'provinces' : 'units', f.lang)
}

/**
 * Each child with a target as a horizontal bar of its achievement, coloured by band, with the
 * 100% line; the caption counts those below target ("12 of 21 communes below target").
 */
export const achievementBands = (children: readonly AchievementRow[], f: Formats): Chart => {
  const rows = children.filter((c): c is AchievementRow & { target: number } => c.target !== null && c.target > 0)
  const counts: Record<Band, number> = { met: 0, below: 0, below50: 0, zero: 0 }
  const values = rows.map((c) => {
    const band = bandOf(c.participants, c.target)
    counts[band]++
    const name = `${c.unit} ${(c.name ?? '').normalize('NFC')}`.trim()
    return { name, achievement: c.participants / c.target, band, text: f.percent(c.participants / c.target) }
  })
  const bands = Object.keys(BAND_COLOURS) as Band[]
  const legend = bands.map((b) => `${word(BAND_WORDS[b], f.lang)} (${counts[b]})`)
  const below = counts.below + counts.below50 + counts.zero
  const y = { field: 'name', type: 'nominal' as const, sort: null, title: null, axis: { labelLimit: 220 } }
  const spec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: WIDTH - 160,
    height: { step: 14 },
    config,
    data: { values: values.map((v, i) => ({ ...v, legend: legend[bands.indexOf(v.band)], order: i })) },
    layer: [
      {
        name: 'bars',
        mark: { type: 'bar' },
        encoding: {
          y,
          x: { field: 'achievement', type: 'quantitative', title: f.label('achievement'), axis: { format: '.0%' } },
          color: {
            field: 'legend',
            type: 'nominal',
            title: null,
            scale: { domain: legend, range: bands.map((b) => BAND_COLOURS[b]) },
          },
        },
      },
      {
        mark: { type: 'text', align: 'left', dx: 3, fontSize: 9 },
        encoding: { y, x: { field: 'achievement', type: 'quantitative' }, text: { field: 'text' } },
      },
      {
        data: { values: [{ one: 1 }] },
        mark: { type: 'rule', color: '#333', strokeDash: [4, 3] },
        encoding: { x: { field: 'one', type: 'quantitative' } },
      },
    ],
  } as TopLevelSpec
  const caption = word('belowOf', f.lang, {
    below,
    total: rows.length,
    units: childrenWord(
      rows.map((r) => r.unit),
      f,
    ),
  })
  return { id: 'achievement-bands', title: word('byBand', f.lang), caption, spec, mark: 'bars', points: values.length }
}

/** Outstanding debt by age, the report's four buckets. */
export interface AgingValues {
  readonly upTo3Months: number
  readonly upTo6Months: number
  readonly upTo12Months: number
  readonly over12Months: number
}

/** The debt report's aging as four bars, each labelled with its amount. */
export const debtByAge = (aging: AgingValues, f: Formats): Chart => {
  const buckets = [
    ['upTo3', aging.upTo3Months],
    ['upTo6', aging.upTo6Months],
    ['upTo12', aging.upTo12Months],
    ['over12', aging.over12Months],
  ] as const
  const values = buckets.map(([k, v]) => ({ bucket: f.label(k), amount: v, text: f.count(v) }))
  const x = { field: 'bucket', type: 'ordinal' as const, sort: null, title: f.label('aging'), axis: { labelAngle: 0 } }
  const spec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: WIDTH - 200,
    height: 200,
    config,
    data: { values },
    layer: [
      {
        name: 'bars',
        mark: { type: 'bar', color: '#8e3b46' },
        encoding: {
          x,
          y: { field: 'amount', type: 'quantitative', title: word('amount', f.lang), axis: { format: ',d' } },
        },
      },
      {
        mark: { type: 'text', baseline: 'bottom', dy: -3, fontSize: 10 },
        encoding: { x, y: { field: 'amount', type: 'quantitative' }, text: { field: 'text' } },
      },
    ],
  } as TopLevelSpec
  return {
    id: 'debt-by-age',
    title: word('debtByAge', f.lang),
    caption: null,
    spec,
    mark: 'bars',
    points: values.length,
  }
}
