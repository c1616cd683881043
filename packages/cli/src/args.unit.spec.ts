import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { parseArgs } from './args.js'

// no language in the environment unless a test gives one
const ok = (argv: string[], env: Record<string, string> = {}) => {
  const r = parseArgs(argv, env)
  if (E.isLeft(r)) throw new Error(r.left)
  return r.right
}
const err = (argv: string[], env: Record<string, string> = {}) => {
  const r = parseArgs(argv, env)
  if (E.isRight(r)) throw new Error(`expected an error for ${argv.join(' ')}`)
  return r.left
}

describe('parseArgs', () => {
  it('parses a coverage report with every option', () => {
    expect(
      ok([
        'report',
        'coverage',
        '--as-of',
        '2020-09-30',
        '--scheme',
        'voluntary',
        '--unit',
        '60',
        '--known-at',
        '2020-10-05',
        '--events',
        'h.ndjson',
        '--format',
        'json',
        '--lang',
        'vi',
      ]),
    ).toEqual({
      name: 'report-coverage',
      asOf: '2020-09-30',
      scheme: 'voluntary',
      unit: '60',
      knownAt: Date.UTC(2020, 9, 5, 16, 59, 59, 999),
      geography: null,
      source: { kind: 'events', file: 'h.ndjson' },
      format: 'json',
      lang: 'vi',
      csv: { bom: false, separator: ',' },
    })
  })

  it('parses the agent and revenue reports and coverage of scheme any', () => {
    expect(
      ok(['report', 'agents', '-a', '2020-09-30', '--scheme', 'voluntary', '-u', '60', '--from', '2020-07-01']),
    ).toMatchObject({ name: 'report-agents', scheme: 'voluntary', unit: '60', from: '2020-07-01' })
    expect(ok(['report', 'agents', '-a', '2020-09-30', '--scheme', 'health'])).toMatchObject({
      name: 'report-agents',
      unit: null,
      from: null,
    })
    expect(ok(['report', 'revenue', '-a', '2020-09-30', '-u', '04', '-y', '2020'])).toMatchObject({
      name: 'report-revenue',
      unit: '04',
      scheme: null,
      year: 2020,
    })
    expect(ok(['report', 'revenue', '-a', '2020-09-30', '-u', '04', '--scheme', 'health'])).toMatchObject({
      name: 'report-revenue',
      scheme: 'health',
      year: null,
    })
    expect(ok(['report', 'coverage', '-a', '2020-09-30', '-u', '04', '--scheme', 'any'])).toMatchObject({
      name: 'report-coverage',
      scheme: 'any',
    })
  })

  it('reads --known-at as an instant with an offset', () => {
    const c = ok(['report', 'debt', '--as-of=2019-03-31', '--known-at=2019-04-01T08:00:00+07:00'])
    expect(c).toMatchObject({ name: 'report-debt', scheme: null, knownAt: Date.UTC(2019, 3, 1, 1) })
  })

  it('defaults the source to the store named by the environment', () => {
    expect(ok(['report', 'plan', '--as-of', '2023-08-31', '--scheme', 'voluntary', '--unit', '277'])).toMatchObject({
      source: { kind: 'store', url: null, snapshot: true },
      year: null,
      format: null,
      lang: 'en',
    })
  })

  it.each([
    [
      ['report', 'coverage', '--as-of', '2023-02-30', '--scheme', 'health'],
      '--as-of: not a real calendar day YYYY-MM-DD (got "2023-02-30")',
    ],
    [['report', 'coverage', '--as-of', '2023-02-28'], '--scheme is required for report coverage'],
    [['report', 'plan', '--as-of', '2023-02-28', '--scheme', 'health'], '--unit is required for report plan'],
    [
      ['report', 'plan', '--as-of', '2023-02-28', '--scheme', 'health', '--unit', '1234'],
      '--unit: not a unit code of 2, 3 or 5 digits (got "1234")',
    ],
    [
      ['report', 'coverage', '--as-of', '2023-02-28', '--scheme', 'life'],
      '--scheme: not a scheme (got "life"); one of voluntary, compulsory, health, unemployment, or any (report coverage)',
    ],
    [
      ['report', 'plan', '--as-of', '2023-02-28', '--scheme', 'any', '--unit', '04'],
      '--scheme: any applies only to report coverage (got "any"); one of voluntary, compulsory, health, unemployment',
    ],
    [['report', 'agents', '--as-of', '2020-09-30'], '--scheme is required for report agents'],
    [
      ['report', 'agents', '--as-of', '2020-09-30', '--scheme', 'voluntary', '--from', '2020-10-01'],
      '--from: after --as-of 2020-09-30 (got "2020-10-01")',
    ],
    [
      ['report', 'agents', '--as-of', '2020-09-30', '--scheme', 'voluntary', '--from', '2020-02-30'],
      '--from: not a real calendar day YYYY-MM-DD (got "2020-02-30")',
    ],
    [['report', 'revenue', '--as-of', '2020-09-30'], '--unit is required for report revenue'],
    [
      ['report', 'coverage', '--as-of', '2023-02-28', '--scheme', 'health', '--year', '2023'],
      '--year does not apply to report coverage',
    ],
    [
      ['report', 'debt', '--as-of', '2023-02-28', '--known-at', 'yesterday'],
      '--known-at: not an ISO-8601 instant with an offset or a date (got "yesterday")',
    ],
    [
      ['report', 'debt', '--as-of', '2023-02-28', '--events', 'a', '--store', 'memory:'],
      'give --events or --store, not both',
    ],
    [
      ['report', 'debt', '--as-of', '2023-02-28', '--format', 'xml'],
      '--format: one of table, json, csv, html (got "xml")',
    ],
    [
      ['report', 'forecast', '--as-of', '2023-02-28'],
      'unknown report "forecast"; one of coverage, plan, debt, agents, revenue',
    ],
    [['check'], 'check needs a FILE'],
    [['check', 'a', 'b'], 'unexpected argument "b"'],
    [['check', 'a', '--store', 'memory:'], '--store does not apply to check'],
    [['verify', '--bogus'], 'unknown option --bogus'],
    [['import', 'f', '--store'], '--store needs a value'],
    [[], 'no command given'],
    [['frobnicate'], 'unknown command "frobnicate"'],
  ])('refuses %j', (argv, message) => {
    expect(err(argv)).toBe(message)
  })

  it('parses import, check and verify', () => {
    expect(ok(['import', 'h.ndjson', '--store', 'pglite:/tmp/x'])).toEqual({
      name: 'import',
      file: 'h.ndjson',
      store: 'pglite:/tmp/x',
      snapshot: true,
    })
    expect(ok(['check', 'h.ndjson'])).toEqual({ name: 'check', file: 'h.ndjson' })
    expect(ok(['verify'])).toEqual({ name: 'verify', store: null, full: false, snapshot: true })
    expect(ok(['verify', '--full', '--no-snapshot'])).toEqual({
      name: 'verify',
      store: null,
      full: true,
      snapshot: false,
    })
    expect(ok(['import', 'h.ndjson', '--no-snapshot'])).toEqual({
      name: 'import',
      file: 'h.ndjson',
      store: null,
      snapshot: false,
    })
    expect(ok(['--help'])).toEqual({ name: 'help', path: [] })
  })
})

describe('parseArgs: conventions', () => {
  const plan = ['report', 'plan', '--as-of', '2020-09-30', '--scheme', 'voluntary', '--unit', '60']

  it('takes short flags for the common options, also glued to their value', () => {
    expect(
      ok([
        'report',
        'plan',
        '-a',
        '2020-09-30',
        '--scheme',
        'voluntary',
        '-u',
        '60',
        '-k',
        '2020-10-05',
        '-y',
        '2020',
        '-e',
        'h.ndjson',
        '-fcsv',
        '-l',
        'vi',
      ]),
    ).toEqual(
      ok([
        ...plan,
        '--known-at',
        '2020-10-05',
        '--year',
        '2020',
        '--events',
        'h.ndjson',
        '--format',
        'csv',
        '--lang',
        'vi',
      ]),
    )
    expect(ok(['verify', '-s', 'memory:'])).toEqual({ name: 'verify', store: 'memory:', full: false, snapshot: true })
    expect(err(['verify', '-x'])).toBe('unknown option -x')
    expect(err(['report', 'debt', '-a', '2020-06-30', '-f', 'json', '--format', 'csv'])).toBe('--format given twice')
  })

  it('ends the options at --: what follows is a file name, even when it starts with a dash', () => {
    expect(ok(['check', '--', '--weird.ndjson'])).toEqual({ name: 'check', file: '--weird.ndjson' })
    expect(ok(['import', '-s', 'memory:', '--', '-h'])).toEqual({
      name: 'import',
      file: '-h',
      store: 'memory:',
      snapshot: true,
    })
    expect(err(['check', '--', 'a', 'b'])).toBe('unexpected argument "b"')
  })

  it('reads - as standard input for check, import and --events', () => {
    expect(ok(['check', '-'])).toEqual({ name: 'check', file: '-' })
    expect(ok(['import', '-', '--store', 'memory:'])).toEqual({
      name: 'import',
      file: '-',
      store: 'memory:',
      snapshot: true,
    })
    expect(ok(['report', 'debt', '-a', '2020-06-30', '-e', '-'])).toMatchObject({
      source: { kind: 'events', file: '-' },
    })
  })

  it('asks for help and the version before anything else', () => {
    expect(ok(['report', 'plan', '--help'])).toEqual({ name: 'help', path: ['report', 'plan'] })
    expect(ok(['report', '-h'])).toEqual({ name: 'help', path: ['report'] })
    expect(ok(['import', 'h.ndjson', '--help'])).toEqual({ name: 'help', path: ['import'] })
    expect(ok(['help', 'report', 'debt'])).toEqual({ name: 'help', path: ['report', 'debt'] })
    expect(ok(['report', 'plan', '--as-of', 'nonsense', '--help'])).toEqual({ name: 'help', path: ['report', 'plan'] })
    expect(ok(['--version'])).toEqual({ name: 'version' })
    expect(ok(['-V'])).toEqual({ name: 'version' })
    expect(err(['help', 'frobnicate'])).toBe('unknown command "frobnicate"')
    expect(err(['--version=2'])).toBe('--version takes no value (got "2")')
  })

  it('takes the language from ANSINH_LANG, then the POSIX locale variables, when --lang is absent', () => {
    expect(ok(plan, { LANG: 'vi_VN.UTF-8' })).toMatchObject({ lang: 'vi' })
    expect(ok(plan, { LANG: 'vi' })).toMatchObject({ lang: 'vi' })
    expect(ok(plan, { LANG: 'en_US.UTF-8' })).toMatchObject({ lang: 'en' })
    expect(ok(plan, { LANG: 'fr_FR.UTF-8' })).toMatchObject({ lang: 'en' })
    expect(ok(plan, { LC_ALL: 'C.UTF-8', LANG: 'vi_VN.UTF-8' })).toMatchObject({ lang: 'en' })
    expect(ok(plan, { LC_MESSAGES: 'vi_VN', LANG: 'en_US' })).toMatchObject({ lang: 'vi' })
    expect(ok(plan, { ANSINH_LANG: 'vi', LANG: 'en_US.UTF-8' })).toMatchObject({ lang: 'vi' })
    expect(ok(plan, { ANSINH_LANG: 'en', LANG: 'vi_VN.UTF-8' })).toMatchObject({ lang: 'en' })
    expect(ok([...plan, '--lang', 'en'], { ANSINH_LANG: 'vi' })).toMatchObject({ lang: 'en' })
    expect(err(plan, { ANSINH_LANG: 'fr' })).toBe('ANSINH_LANG: one of en, vi (got "fr")')
  })

  it('reads --bom and --separator, which mean csv', () => {
    expect(ok([...plan, '--bom', '--separator', ';'])).toMatchObject({
      format: 'csv',
      csv: { bom: true, separator: ';' },
    })
    expect(ok([...plan, '--separator', 'tab', '-f', 'csv'])).toMatchObject({
      format: 'csv',
      csv: { bom: false, separator: '\t' },
    })
    expect(err([...plan, '--bom', '-f', 'json'])).toBe('--bom applies only to --format csv (got "json")')
    expect(ok([...plan, '-f', 'html'])).toMatchObject({ format: 'html' })
    expect(err([...plan, '--separator', ';', '-f', 'html'])).toBe(
      '--separator applies only to --format csv (got "html")',
    )
    expect(err([...plan, '--separator', '|'])).toBe('--separator: one of , ; tab (got "|")')
    expect(err([...plan, '--bom=yes'])).toBe('--bom takes no value (got "yes")')
    expect(err(['verify', '--bom'])).toBe('--bom does not apply to verify')
  })
})
