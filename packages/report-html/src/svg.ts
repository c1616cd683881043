/**
 * Charts drawn to SVG at build time, in Node: the Vega-Lite spec is compiled to Vega and drawn by
 * a headless `vega.View` (`renderer: 'none'`, `toSVG()`), so neither a browser nor a canvas is
 * needed and the page carries the finished picture.
 *
 * @module svg
 */
import { type LocaleFormatters, View, parse } from 'vega'
import { compile } from 'vega-lite'
import type { Chart } from './charts.js'
import { type Lang, numberLocale } from './formats.js'
import { escapeHtml } from './html.js'

// The view's `locale` option takes d3 locale definitions (`{number, time}`: vega-view builds the
// formatters from them), though vega-typings declares it as the built formatters.
const localeOf = (lang: Lang): LocaleFormatters => ({ number: numberLocale(lang) }) as unknown as LocaleFormatters

/** The chart's SVG document (no script, no external reference), axes in `lang`'s number format. */
export const chartSvg = async (chart: Chart, lang: Lang): Promise<string> => {
  const view = new View(parse(compile(chart.spec).spec), { renderer: 'none', locale: localeOf(lang) })
  try {
    const svg = await view.toSVG()
    // an accessible name; the drawing scales down to the printed page's width
    return svg.replace('<svg ', `<svg role="img" aria-label="${escapeHtml(chart.title)}" `)
  } finally {
    view.finalize()
  }
}

/** The chart as a figure: title, SVG, caption; `data-points` and `data-mark` say what to count. */
export const chartFigure = async (chart: Chart, lang: Lang): Promise<string> =>
  `<figure class="chart" data-chart="${chart.id}" data-mark="${chart.mark}_marks" data-points="${chart.points}">` +
  `<figcaption class="title">${escapeHtml(chart.title)}</figcaption>${await chartSvg(chart, lang)}` +
  (chart.caption === null ? '' : `<figcaption class="note">${escapeHtml(chart.caption)}</figcaption>`) +
  `</figure>`
