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
// No language from the machine's locale unless a test sets one.
const { LANG: _lang, LC_ALL: _all, LC_MESSAGES: _messages, ANSINH_LANG: _own, ...quiet } = process.env
const run = (args: readonly string[], options: { input?: string; env?: Record<string, string> } = {}) =>
  spawnSync(process.execPath, [bin, ...args], {
    encoding: 'utf8',
    input: options.input,
    env: { ...quiet, ANSINH_STORE: 'memory:', ...options.env },
  })
const ansinh = (...args: string[]) => run(args)

describe.skipIf(!existsSync(bin))('the ansinh program (skipped only when not built: run pnpm build)', () => {
  it('prints one JSON object and nothing else on stdout, exit 0', () => {
    const r = ansinh(
      'report',
      'coverage',
      '--as-of',
      '2020-05-15',
      '--scheme',
      'voluntary',
      '--events',
      file,
      '--format',
      'json',
    )
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

  it('reads standard input for - in check and import', () => {
    const text = cleanHistory(30).join('\n') + '\n'
    const checked = run(['check', '-'], { input: text })
    expect(checked.stderr).toBe('')
    expect(checked.status).toBe(0)
    expect(checked.stdout).toMatch(/^<stdin>: \d+ events, every line well-formed/)
    const imported = run(['import', '-'], { input: text })
    expect(imported.status).toBe(0)
    expect(imported.stdout).toMatch(/^<stdin>: imported \d+ events into memory:/)
    const bad = run(['check', '-'], { input: '{"nope":1}\n' })
    expect(bad.status).toBe(2)
    expect(bad.stderr.split('\n')[0]).toBe('<stdin>:1: nope: unknown field (got 1)')
    const report = run(['report', 'coverage', '-a', '2020-05-15', '--scheme', 'voluntary', '-e', '-', '-f', 'json'], {
      input: text,
    })
    expect(JSON.parse(report.stdout)).toMatchObject({ report: 'coverage', participants: 22 })
  })
  it('writes Vietnamese tables when LANG says vi, unless --lang says otherwise', () => {
    const args = ['report', 'coverage', '-a', '2020-05-15', '--scheme', 'voluntary', '-e', file, '-f', 'table']
    expect(run(args, { env: { LANG: 'vi_VN.UTF-8' } }).stdout).toContain('tính đến ngày 15/05/2020')
    expect(run(args, { env: { ANSINH_LANG: 'vi' } }).stdout).toContain('tính đến ngày 15/05/2020')
    expect(run([...args, '-l', 'en'], { env: { LANG: 'vi_VN.UTF-8' } }).stdout).toContain('as of 2020-05-15')
    const wrong = run(args, { env: { ANSINH_LANG: 'klingon' } })
    expect(wrong.status).toBe(1)
    expect(wrong.stderr.split('\n')[0]).toBe('ansinh: ANSINH_LANG: one of en, vi (got "klingon")')
  })
  it('writes csv for Excel in vi-VN: a byte-order mark and ; separators', () => {
    const r = spawnSync(
      process.execPath,
      [
        bin,
        'report',
        'coverage',
        '-a',
        '2020-05-15',
        '--scheme',
        'voluntary',
        '-u',
        '593',
        '-e',
        file,
        '--bom',
        '--separator',
        ';',
      ],
      { env: quiet },
    )
    expect(r.status).toBe(0)
    const out = r.stdout as Buffer
    expect([...out.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    expect(out.subarray(3).toString('utf8').split('\n')[0]).toBe('unit;name;participants;denominator;rate')
  })
  it('prints its version and per-command help, exit 0', () => {
    expect(ansinh('--version').stdout.trim()).toMatch(/^\d+\.\d+\.\d+/)
    const help = ansinh('import', '--help')
    expect(help.status).toBe(0)
    expect(help.stdout).toMatch(/^usage: ansinh import FILE/)
    expect(help.stdout).toContain('examples:\n  ansinh import history.ndjson')
  })
})
