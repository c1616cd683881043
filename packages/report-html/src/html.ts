/**
 * Building blocks of the page: escaping, tables of label/value pairs and of rows. Every piece of
 * text from a history (unit and employer names) goes through {@link escapeHtml}, in NFC.
 *
 * @module html
 */

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

/** Text made safe for an HTML element or a quoted attribute, composed to NFC. */
export const escapeHtml = (text: string): string => text.normalize('NFC').replace(/[&<>"']/g, (c) => ENTITIES[c]!)

/** A cell: text, or text aligned as a number. */
export type Cell = string | { readonly number: string }

const cell = (c: Cell, tag: 'td' | 'th'): string =>
  typeof c === 'string' ? `<${tag}>${escapeHtml(c)}</${tag}>` : `<${tag} class="n">${escapeHtml(c.number)}</${tag}>`

/** A right-aligned number cell. */
export const num = (text: string): Cell => ({ number: text })

/** Label/value pairs as a two-column table. */
export const pairsTable = (rows: readonly (readonly [string, Cell])[]): string =>
  `<table class="pairs"><tbody>${rows.map(([k, v]) => `<tr>${cell(k, 'th')}${cell(v, 'td')}</tr>`).join('')}</tbody></table>`

/** A table with a header row (repeated on each printed page) and one row per item. */
export const rowsTable = (header: readonly Cell[], rows: readonly (readonly Cell[])[], caption?: string): string =>
  `<table class="rows">${caption === undefined ? '' : `<caption>${escapeHtml(caption)}</caption>`}<thead><tr>${header.map((h) => cell(h, 'th')).join('')}</tr></thead>` +
  `<tbody>${rows.map((r) => `<tr>${r.map((c) => cell(c, 'td')).join('')}</tr>`).join('')}</tbody></table>`
