/**
 * One self-contained HTML page from a list of blocks: the CSS inlined, every chart an inline SVG
 * drawn at build time, no script, and a Content-Security-Policy that forbids any fetch, so the
 * file opens offline exactly as it was written and prints on A4.
 *
 * @module document
 */
import { type Formats, word } from './formats.js'
import { type Cell, escapeHtml, rowsTable } from './html.js'
import { type DiffBlock, type RevisionsBlock, diffSection, revisionsSection } from './audit.js'
import { type ReportBlock, reportSection } from './reports.js'

/** A table of the caller's own (e.g. the seed run's published figures against the computed ones). */
export interface TableBlock {
  readonly kind: 'table'
  readonly title: string
  readonly header: readonly Cell[]
  readonly rows: readonly (readonly Cell[])[]
}

/** A heading with paragraphs of text. */
export interface TextBlock {
  readonly kind: 'text'
  readonly title: string
  readonly paragraphs: readonly string[]
}

/** A block of a page: each kind has its own renderer taking plain typed values. */
export type Block = ReportBlock | RevisionsBlock | DiffBlock | TableBlock | TextBlock

/** A page: its title, an optional subtitle line and its blocks, one section each. */
export interface Page {
  readonly title: string
  readonly subtitle?: string
  readonly blocks: readonly Block[]
  /** Who made it, written in the footer (e.g. `ansinh 0.1.0`). */
  readonly generator?: string
}

/** The page's style: screen and A4 print (charts scale to the text width, tables repeat their header). */
export const CSS = `
@page { size: A4; margin: 14mm 13mm 16mm; }
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0 auto; padding: 12px; max-width: 184mm; color: #1b1b1b; background: #fff;
  font: 10pt/1.4 "DejaVu Sans", "Liberation Sans", Arial, sans-serif; }
h1 { font-size: 16pt; margin: 0 0 2pt; }
h2 { font-size: 12.5pt; margin: 14pt 0 2pt; }
p { margin: 2pt 0 6pt; }
p.when, p.subtitle, p.more, figcaption.note, footer { color: #555; }
section { margin-bottom: 12pt; }
table { border-collapse: collapse; width: 100%; margin: 6pt 0 10pt; font-variant-numeric: tabular-nums; }
caption, p.cause { text-align: left; font-weight: bold; padding: 2pt 0; }
th, td { padding: 2pt 5pt; border-bottom: 1px solid #ddd; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
thead th { border-bottom: 1.5px solid #888; }
table.pairs th { font-weight: normal; color: #333; width: 45%; }
.n { text-align: right; white-space: nowrap; }
figure { margin: 8pt 0 12pt; }
figure svg { display: block; max-width: 100%; height: auto; }
.wide table { font-size: 8pt; }
.wide th, .wide td { padding: 1pt 3pt; }
figcaption.title { font-weight: bold; margin-bottom: 3pt; }
figcaption.note { font-size: 9pt; margin-top: 2pt; }
footer { font-size: 8.5pt; border-top: 1px solid #ddd; margin-top: 16pt; padding-top: 4pt; }
@media print {
  body { padding: 0; max-width: none; }
  section + section { break-before: page; }
  figure, tr, table.pairs { break-inside: avoid; }
  thead { display: table-header-group; }
  h2 { break-after: avoid; }
}
`.trim()

const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"

const blockHtml = async (block: Block, f: Formats): Promise<string> => {
  switch (block.kind) {
    case 'table':
      return `<h2>${escapeHtml(block.title)}</h2>${rowsTable(block.header, block.rows)}`
    case 'text':
      return `<h2>${escapeHtml(block.title)}</h2>${block.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('')}`
    case 'revisions':
      return revisionsSection(block, f)
    case 'diff':
      return diffSection(block, f)
    default:
      return reportSection(block, f)
  }
}

/** The whole page as one HTML document. */
export const htmlDocument = async (page: Page, f: Formats): Promise<string> => {
  const sections: string[] = []
  for (const block of page.blocks)
    sections.push(`<section class="${block.kind}">${await blockHtml(block, f)}</section>`)
  return [
    '<!doctype html>',
    `<html lang="${f.lang}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${CSP}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(page.title)}</title>`,
    `<style>${CSS}</style>`,
    '</head>',
    '<body>',
    `<header><h1>${escapeHtml(page.title)}</h1>${page.subtitle === undefined ? '' : `<p class="subtitle">${escapeHtml(page.subtitle)}</p>`}</header>`,
    `<main>${sections.join('\n')}</main>`,
    `<footer>${escapeHtml(word('generated', f.lang))}${page.generator === undefined ? '' : ` (${escapeHtml(page.generator)})`}</footer>`,
    '</body>',
    '</html>',
    '',
  ].join('\n')
}
