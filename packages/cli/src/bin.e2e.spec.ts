import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { cleanHistory } from './test/histories.js'

// The built program, as `pnpm --silent ansinh` runs it; `pnpm test` builds before testing.
const bin = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'bin.js')
const dir = mkdtempSync(join(tmpdir(), 'ansinh-bin-'))
const file = join(dir, 'h.ndjson')
writeFileSync(file, cleanHistory(30).join('\n') + '\n')
const ansinh = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, ANSINH_STORE: 'memory:' } })

describe.skipIf(!existsSync(bin))('the ansinh program (skipped only when not built: run pnpm build)', () => {
  it('prints one JSON object and nothing else on stdout, exit 0', () => {
    const r = ansinh('report', 'coverage', '--as-of', '2020-05-15', '--scheme', 'voluntary', '--events', file, '--format', 'json')
    expect(r.status).toBe(0)
    expect(r.stderr).toBe('')
    expect(JSON.parse(r.stdout)).toMatchObject({ report: 'coverage', participants: 22 })
    expect(r.stdout.trim().split('\n')).toHaveLength(1)
  })
  it('defaults to JSON when stdout is not a terminal', () => {
    const r = ansinh('report', 'coverage', '--as-of', '2020-05-15', '--scheme', 'voluntary', '--events', file)
    expect(JSON.parse(r.stdout)).toMatchObject({ report: 'coverage' })
  })
  it('exits 1 with what is wrong and the usage on a wrong command line', () => {
    const r = ansinh('report', 'coverage', '--as-of', '2020-05-15')
    expect(r.status).toBe(1)
    expect(r.stdout).toBe('')
    expect(r.stderr.split('\n')[0]).toBe('ansinh: --scheme is required for report coverage')
    expect(r.stderr).toContain('usage:')
  })
  it('exits 2 with FILE:LINE problems and no stack trace on bad input', () => {
    const bad = join(dir, 'bad.ndjson')
    writeFileSync(bad, '{"nope":1}\n')
    const r = ansinh('check', bad)
    expect(r.status).toBe(2)
    expect(r.stderr).toMatch(new RegExp(`^${bad}:1: nope: unknown field \\(got 1\\)$`, 'm'))
    expect(r.stderr).not.toMatch(/\n\s+at /)
  })
  it('exits 3 when the store cannot be opened', () => {
    const r = ansinh('verify', '--store', 'postgres://nobody@127.0.0.1:1/none')
    expect(r.status).toBe(3)
    expect(r.stderr).toMatch(/postgres:\/\/nobody@127\.0\.0\.1:1\/none/)
  })
})
