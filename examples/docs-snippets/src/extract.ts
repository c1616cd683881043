/**
 * The TypeScript snippets of the documentation: every ```ts block of README.md, docs/*.md and
 * the package READMEs, with where it starts. A block right after `<!-- snippet: not compiled
 * (why) -->` is a signature sketch, not code; after `<!-- snippet: compile only (why) -->` it is
 * type-checked but not run (it needs a server, or is a test file for vitest).
 *
 * @module extract
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs'
import { join, relative } from 'node:path'

/** One code block of a page. */
export interface Snippet {
  /** The page, relative to the repository root. */
  readonly page: string
  /** The line of the block's first code line (1-based). */
  readonly line: number
  readonly code: string
  readonly mode: 'run' | 'compile' | 'skip'
}

const MARKER = /^<!--\s*snippet:\s*(not compiled|compile only)\b/

/** The ```ts blocks of one Markdown text. */
export const snippetsOf = (page: string, text: string): Snippet[] => {
  const lines = text.split('\n')
  const out: Snippet[] = []
  for (let i = 0; i < lines.length; i++) {
    if (!/^\s*```(ts|typescript)\s*$/.test(lines[i]!)) continue
    const indent = lines[i]!.indexOf('`')
    const marker = MARKER.exec((lines[i - 1] ?? '').trim())?.[1]
    const start = i + 1
    let end = start
    while (end < lines.length && !/^\s*```\s*$/.test(lines[end]!)) end++
    const code = lines
      .slice(start, end)
      .map((l) => l.slice(Math.min(indent, l.length - l.trimStart().length)))
      .join('\n')
    out.push({
      page,
      line: start + 1,
      code,
      mode: marker === 'not compiled' ? 'skip' : marker === 'compile only' ? 'compile' : 'run',
    })
    i = end
  }
  return out
}

/** The pages with snippets: README.md, docs/*.md, packages/*\/README.md under `root`. */
export const documentationPages = (root: string): string[] => {
  const pages = [join(root, 'README.md')]
  for (const f of readdirSync(join(root, 'docs')).sort()) if (f.endsWith('.md')) pages.push(join(root, 'docs', f))
  for (const p of readdirSync(join(root, 'packages')).sort()) {
    const readme = join(root, 'packages', p, 'README.md')
    if (existsSync(readme)) pages.push(readme)
  }
  return pages.map((p) => relative(root, p))
}

/** Every snippet of every page under `root`. */
export const allSnippets = (root: string): Snippet[] =>
  documentationPages(root).flatMap((page) => snippetsOf(page, readFileSync(join(root, page), 'utf8')))
