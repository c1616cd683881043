import * as E from 'fp-ts/lib/Either.js'
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { main } from './main.js'

// The bad-input corpus (fixtures/bad-input/README.md): every kind through check and import.
const here = dirname(fileURLToPath(import.meta.url))
const corpus = join(here, '..', 'fixtures', 'bad-input')
const bin = join(here, '..', 'dist', 'bin.js')

interface Expected {
  readonly what: string
  readonly check: { code: number; lines: string[] }
  readonly import: { code: number; lines: string[] }
}

/** Reads `NAME.expected`: `# what`, then per command `CMD: exit N` and its stderr lines. */
const expected = (name: string): Expected => {
  const [head, ...rest] = readFileSync(join(corpus, `${name}.expected`), 'utf8')
    .split('\n')
    .filter((l) => l !== '')
  const out: Record<string, { code: number; lines: string[] }> = {}
  let current: string[] = []
  for (const l of rest) {
    const m = /^(check|import): exit (\d)$/.exec(l)
    if (m !== null) out[m[1]!] = { code: Number(m[2]), lines: (current = []) }
    else current.push(l)
  }
  return { what: head!.replace(/^# /, ''), check: out.check!, import: out.import! }
}

const kinds = readdirSync(corpus)
  .filter((f) => f.endsWith('.ndjson'))
  .map((f) => f.slice(0, -'.ndjson'.length))
  .sort()

const run = async (argv: string[]) => {
  const out: string[] = []
  const err: string[] = []
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t) })
  return { code, out, err }
}
const located = (lines: readonly string[], file: string) => lines.map((l) => l.split('FILE').join(file))

describe('the bad-input corpus', () => {
  it('holds the kinds the first version refused and the ones issue 10 added', () => {
    expect(kinds.length).toBeGreaterThanOrEqual(110)
    for (const k of kinds) expect(existsSync(join(corpus, `${k}.expected`)), k).toBe(true)
  })

  it.each(kinds)('%s: check and import print exactly the expected lines and exit code', async (kind) => {
    const e = expected(kind)
    const file = join(corpus, `${kind}.ndjson`)
    const check = await run(['check', file])
    expect({ code: check.code, err: check.err }).toEqual({ code: e.check.code, err: located(e.check.lines, file) })
    if (check.code !== 0) expect(check.out).toEqual([])
    const imported = await run(['import', file, '--store', 'memory:'])
    expect({ code: imported.code, err: imported.err }).toEqual({
      code: e.import.code,
      err: located(e.import.lines, file),
    })
    if (imported.code !== 0) expect(imported.out).toEqual([])
  })

  it('a line over 1 MiB: refused with its size, the lines around it still read', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ansinh-bad-input-'))
    const file = join(dir, 'long.ndjson')
    const lines = readFileSync(join(corpus, 'ok-crlf.ndjson'), 'utf8').split('\r\n')
    writeFileSync(file, [lines[0], `{"id":"${'x'.repeat(1_100_000)}"}`, lines[1]].join('\n') + '\n')
    const r = await run(['check', file])
    expect(r.code).toBe(2)
    expect(r.err).toEqual([
      `${file}:2: (line): longer than 1048576 bytes, the most a line may hold (got "1100009 bytes")`,
    ])
  })
})

describe('nothing is appended to a real store', () => {
  // Every kind refused while decoding never opens the store; of those refused by a write rule
  // (which read the store, then append nothing), three stand for all: opening PGlite is slow.
  const RULES = ['rule-overlap', 'rule-settlement-exceeds', 'rule-parent-level']
  it('importing every kind refused while decoding, and three refused by a rule, into one PGlite folder leaves it empty', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'ansinh-bad-input-pglite-')), 'store')
    const refused = kinds.filter((k) => expected(k).import.code !== 0 && (!k.startsWith('rule-') || RULES.includes(k)))
    for (const kind of refused) {
      const file = join(corpus, `${kind}.ndjson`)
      const r = await run(['import', file, '--store', `pglite:${dir}`])
      expect({ kind, code: r.code, err: r.err }).toEqual({
        kind,
        code: expected(kind).import.code,
        err: located(expected(kind).import.lines, file),
      })
    }
    const { openPgliteStore } = await import('@ansinh/store-pglite')
    const store = await openPgliteStore(dir)
    try {
      const read: unknown[] = []
      for await (const r of store.readAll()) read.push(r)
      expect(read).toEqual([]) // no event, and no failure either
      expect(await store.headPosition()).toEqual(E.right(0))
    } finally {
      await store.close()
    }
  }, 300_000)
})

describe.skipIf(!existsSync(bin))(
  'the built program on bad input (skipped only when not built: run pnpm build)',
  () => {
    // The same kinds through a real process: the exit code is the process's, and stderr has no stack.
    it.each([
      'nested-100000-arrays',
      'utf8-cut-sequence',
      'repeated-key-data',
      'bidi-override-employer',
      'date-year-0000',
      'utf16-file',
    ])('%s', (kind) => {
      const file = join(corpus, `${kind}.ndjson`)
      for (const [command, argv] of [
        ['check', ['check', file]],
        ['import', ['import', file, '--store', 'memory:']],
      ] as const) {
        const r = spawnSync(process.execPath, [bin, ...argv], { encoding: 'utf8' })
        const e = expected(kind)[command]
        expect({ status: r.status, stdout: r.stdout, stderr: r.stderr }).toEqual({
          status: e.code,
          stdout: '',
          stderr: located(e.lines, file)
            .map((l) => l + '\n')
            .join(''),
        })
      }
    })
    it('a reader that stops reading (ansinh report … | head) ends the program quietly', () => {
      const file = join(corpus, 'ok-crlf.ndjson')
      const r = spawnSync(
        'sh',
        ['-c', `"${process.execPath}" "${bin}" report debt --as-of 2020-06-30 --events "${file}" --format csv | true`],
        { encoding: 'utf8' },
      )
      expect(r.stderr).toBe('')
    })
  },
)
