import { execFile } from 'node:child_process'
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'
import { type Snippet, allSnippets } from './extract.js'

const run = promisify(execFile)
const here = dirname(fileURLToPath(import.meta.url))
const root = resolve(here, '../../..')
// Inside this package, so the snippets' imports resolve to the workspace packages (their dist/).
const work = join(here, '..', '.snippets')

const snippets = allSnippets(root)
const fileOf = (s: Snippet): string => join(work, `${s.page.replace(/[/.]/g, '_')}_${s.line}.ts`)

/** What a reader's strict project would use: strict, NodeNext modules, ES2022. */
const OPTIONS: ts.CompilerOptions = {
  strict: true,
  noUncheckedIndexedAccess: true,
  target: ts.ScriptTarget.ES2022,
  lib: ['lib.es2023.d.ts'],
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  types: ['node'],
  noEmit: true,
  skipLibCheck: true,
  // Each snippet is a module of its own, so two snippets may declare the same names.
  moduleDetection: ts.ModuleDetectionKind.Force,
}

/** The type errors of every compiled snippet, as `page:line: message` at the page's own line. */
const typeErrors = (): string[] => {
  rmSync(work, { recursive: true, force: true })
  mkdirSync(work, { recursive: true })
  const compiled = snippets.filter((s) => s.mode !== 'skip')
  const bySnippet = new Map<string, Snippet>()
  for (const s of compiled) {
    writeFileSync(fileOf(s), s.code + '\n')
    bySnippet.set(resolve(fileOf(s)), s)
  }
  const program = ts.createProgram([...bySnippet.keys()], OPTIONS)
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const s = d.file ? bySnippet.get(resolve(d.file.fileName)) : undefined
    const at = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line : 0
    const where = s ? `${s.page}:${s.line + at}` : (d.file?.fileName ?? 'options')
    return `${where}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`
  })
}

describe('the documentation snippets', () => {
  it('are found on the pages that carry them (README, the runner and read-model guides)', () => {
    const pages = new Set(snippets.map((s) => s.page))
    for (const page of ['README.md', 'docs/projection-runner.md', 'docs/read-models.md', 'docs/testing.md'])
      expect(pages).toContain(page)
  })

  it('type-check in strict mode', () => {
    expect(typeErrors()).toEqual([])
  }, 300_000)

  // Compiled just above; running needs them written, so this follows the type check.
  const runnable = snippets.filter((s) => s.mode === 'run')
  it.each(runnable.map((s) => [`${s.page}:${s.line}`, s] as const))(
    '%s runs',
    async (_where, s) => {
      const js = fileOf(s).replace(/\.ts$/, '.mjs')
      writeFileSync(
        js,
        ts.transpileModule(s.code, {
          fileName: 'snippet.mts',
          compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
        }).outputText,
      )
      // From the repository root, as a reader would run it (examples/history.ndjson is there).
      await expect(run(process.execPath, [js], { cwd: root, timeout: 120_000 })).resolves.toBeDefined()
    },
    180_000,
  )
})
