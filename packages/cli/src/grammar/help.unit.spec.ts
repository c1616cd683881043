import { readFileSync } from 'node:fs'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { parseArgs } from '../args.js'
import { main } from '../main.js'
import { COMMANDS } from './commands.js'
import { OPTIONS } from './options.js'

const run = async (argv: string[]) => {
  const out: string[] = []
  const err: string[] = []
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t) })
  return { code, out: out.join('\n'), err: err.join('\n') }
}

/** The arguments of an example as a shell would pass them (no pipes, redirects or variables). */
const argvOf = (example: string): string[] =>
  example
    .split('|')
    .at(-1)!
    .replace(/>.*$/, '')
    .trim()
    .split(/\s+/)
    .filter((w) => !/^[A-Z_]+=/.test(w))
    .map((w) => w.replace(/^'(.*)'$/, '$1'))
    .slice(1)

describe('help', () => {
  it.each(COMMANDS.filter((c) => c.path[0] !== 'help').map((c) => [c.path.join(' ')]))(
    'ansinh %s --help shows its usage, every option and its examples',
    async (words) => {
      const command = COMMANDS.find((c) => c.path.join(' ') === words)!
      const r = await run([...words.split(' '), '--help'])
      expect(r.code).toBe(0)
      expect(r.err).toBe('')
      expect(r.out.split('\n')[0]).toBe(`usage: ansinh ${words} ${command.synopsis}`)
      expect(command.examples.length).toBeGreaterThanOrEqual(2)
      for (const e of command.examples) expect(r.out).toContain(`  ${e}`)
      for (const o of command.options) expect(r.out).toContain(`--${o}`)
      // one command's page, not the global usage
      for (const other of COMMANDS)
        if (other.path[0] !== command.path[0] && other.path[0] !== 'help')
          expect(r.out).not.toContain(`ansinh ${other.path.join(' ')} `)
    },
  )

  it('gives every example a command line that parses', () => {
    for (const c of COMMANDS)
      for (const e of c.examples) {
        const parsed = parseArgs(argvOf(e), {})
        expect(E.isRight(parsed) ? 'parses' : `${e}: ${parsed.left}`).toBe('parses')
      }
  })

  it('lists the kinds of report with `report --help`, and every command with --help', async () => {
    const report = await run(['report', '--help'])
    expect(report.out).toMatch(/^usage: ansinh report KIND/)
    for (const kind of ['coverage', 'plan', 'debt']) expect(report.out).toMatch(new RegExp(`^  ${kind} +\\S`, 'm'))
    const all = await run(['--help'])
    expect(all.code).toBe(0)
    for (const w of ['report', 'import', 'check', 'verify']) expect(all.out).toMatch(new RegExp(`^  ${w} +\\S`, 'm'))
    expect(all.out).toContain('LANG')
    expect((await run(['help', 'import'])).out).toBe((await run(['import', '--help'])).out)
  })

  it('shows each short flag beside its long name', async () => {
    const r = await run(['report', 'plan', '-h'])
    for (const [name, o] of Object.entries(OPTIONS))
      if ('short' in o && r.out.includes(`--${name} `)) expect(r.out).toContain(`-${o.short}, --${name}`)
  })

  it('prints the package version with --version and -V', async () => {
    const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      version: string
    }
    expect(version).toMatch(/^\d+\.\d+\.\d+/)
    expect(await run(['--version'])).toEqual({ code: 0, out: version, err: '' })
    expect((await run(['-V'])).out).toBe(version)
  })

  it('prints what is wrong and the usage line of that command, exit 1', async () => {
    const r = await run(['report', 'plan', '-a', '2020-09-30', '--scheme', 'voluntary'])
    expect(r.code).toBe(1)
    expect(r.out).toBe('')
    expect(r.err.split('\n')).toEqual([
      'ansinh: --unit is required for report plan',
      `usage: ansinh report plan ${COMMANDS.find((c) => c.path[1] === 'plan')!.synopsis}`,
      '(ansinh report plan --help: every option, with examples)',
    ])
    const unknown = await run(['frobnicate'])
    expect(unknown.err.split('\n')[0]).toBe('ansinh: unknown command "frobnicate"')
    expect(unknown.err).toContain('usage:\n  ansinh report coverage')
  })
})
