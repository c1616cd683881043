/**
 * The API report: every published package's entry points and what each exports — the runtime
 * names with their types, and the type-only names — checked in under docs/api/, so any change of
 * the public surface shows in review as a diff of those files. After a deliberate change:
 * `pnpm exec vitest run scripts/api-report.unit.spec.ts -u`.
 */
import { readFileSync, readdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'

const root = resolve(import.meta.dirname, '..')

interface Entry {
  readonly pkg: string
  readonly subpath: string
  readonly source: string
}

/** The entry points of the workspace's published packages (private ones publish nothing). */
const entries = (): Entry[] =>
  readdirSync(join(root, 'packages')).flatMap((dir) => {
    const manifest = JSON.parse(readFileSync(join(root, 'packages', dir, 'package.json'), 'utf8'))
    if (manifest.private === true) return []
    return Object.entries(manifest.exports as Record<string, { source?: string } | null>).flatMap(
      ([subpath, target]) =>
        target?.source === undefined
          ? []
          : [{ pkg: manifest.name as string, subpath, source: join(root, 'packages', dir, target.source) }],
    )
  })

const all = entries()
const program = ts.createProgram(
  all.map((e) => e.source),
  {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    strict: true,
    skipLibCheck: true,
    noEmit: true,
    customConditions: ['source'],
  },
)
const checker = program.getTypeChecker()

/** One line per export: `value name: type` or `type name`, sorted. */
const surface = (source: string): string => {
  const file = program.getSourceFile(source)!
  const module = checker.getSymbolAtLocation(file)!
  return checker
    .getExportsOfModule(module)
    .map((s) => {
      const target = s.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(s) : s
      if ((target.flags & ts.SymbolFlags.Value) === 0) return `type ${s.name}`
      const type = checker.typeToString(
        checker.getTypeOfSymbolAtLocation(target, file),
        file,
        ts.TypeFormatFlags.NoTruncation,
      )
      // Types declared elsewhere print as import("/abs/path").Name: keep the name alone, so the report is the same on every machine.
      return `value ${s.name}: ${type.replace(/import\("[^"]*"\)\./g, '')}`
    })
    .sort()
    .join('\n')
}

describe('the public surface (API report in docs/api/)', () => {
  for (const pkg of [...new Set(all.map((e) => e.pkg))]) {
    it(`${pkg} exports what docs/api/ shows`, async () => {
      const text = all
        .filter((e) => e.pkg === pkg)
        .map((e) => `## ${pkg}${e.subpath === '.' ? '' : e.subpath.slice(1)}\n\n${surface(e.source)}\n`)
        .join('\n')
      await expect(text).toMatchFileSnapshot(join(root, 'docs', 'api', `${pkg.replace('@ansinh/', '')}.api.md`))
    })
  }

  it('no entry point re-exports a whole module (each names what it exports)', () => {
    const wildcard = all.filter((e) => /^export \* from/m.test(readFileSync(e.source, 'utf8')))
    expect(wildcard.map((e) => `${e.pkg}${e.subpath}`)).toEqual([])
  })
})
