import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { parseArgs } from './args.js'

const ok = (argv: string[]) => {
  const r = parseArgs(argv)
  if (E.isLeft(r)) throw new Error(r.left)
  return r.right
}
const err = (argv: string[]) => {
  const r = parseArgs(argv)
  if (E.isRight(r)) throw new Error(`expected an error for ${argv.join(' ')}`)
  return r.left
}

describe('parseArgs', () => {
  it('parses a coverage report with every option', () => {
    expect(ok(['report', 'coverage', '--as-of', '2020-09-30', '--scheme', 'voluntary', '--unit', '60', '--known-at', '2020-10-05', '--events', 'h.ndjson', '--format', 'json', '--lang', 'vi'])).toEqual({
      name: 'report-coverage',
      asOf: '2020-09-30',
      scheme: 'voluntary',
      unit: '60',
      knownAt: Date.UTC(2020, 9, 5, 16, 59, 59, 999),
      source: { kind: 'events', file: 'h.ndjson' },
      format: 'json',
      lang: 'vi',
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
    [['report', 'coverage', '--as-of', '2023-02-30', '--scheme', 'health'], '--as-of: not a real calendar day YYYY-MM-DD (got "2023-02-30")'],
    [['report', 'coverage', '--as-of', '2023-02-28'], '--scheme is required for report coverage'],
    [['report', 'plan', '--as-of', '2023-02-28', '--scheme', 'health'], '--unit is required for report plan'],
    [['report', 'plan', '--as-of', '2023-02-28', '--scheme', 'health', '--unit', '1234'], '--unit: not a unit code of 2, 3 or 5 digits (got "1234")'],
    [['report', 'coverage', '--as-of', '2023-02-28', '--scheme', 'life'], '--scheme: not a scheme (got "life"); one of voluntary, compulsory, health, unemployment'],
    [['report', 'coverage', '--as-of', '2023-02-28', '--scheme', 'health', '--year', '2023'], '--year does not apply to report coverage'],
    [['report', 'debt', '--as-of', '2023-02-28', '--known-at', 'yesterday'], '--known-at: not an ISO-8601 instant with an offset or a date (got "yesterday")'],
    [['report', 'debt', '--as-of', '2023-02-28', '--events', 'a', '--store', 'memory:'], 'give --events or --store, not both'],
    [['report', 'debt', '--as-of', '2023-02-28', '--format', 'xml'], '--format: one of table, json, csv (got "xml")'],
    [['report', 'forecast', '--as-of', '2023-02-28'], 'unknown report "forecast"; one of coverage, plan, debt'],
    [['check'], 'check needs a FILE'],
    [['check', 'a', 'b'], 'unexpected argument "b"'],
    [['check', 'a', '--store', 'memory:'], '--store does not apply to check'],
    [['verify', '--bogus'], 'unknown option --bogus'],
    [['import', 'f', '--store'], '--store needs a value'],
    [[], 'no command given'],
    [['verify', '--full', '--full'], '--full given twice'],
    [['verify', '--full=yes'], '--full takes no value'],
    [['check', 'f', '--no-snapshot'], '--no-snapshot does not apply to check'],
    [['report', 'debt', '--as-of', '2020-01-01', '--events', 'f', '--no-snapshot'], '--no-snapshot applies to --store, not to --events'],
    [['frobnicate'], 'unknown command "frobnicate"'],
  ])('refuses %j', (argv, message) => {
    expect(err(argv)).toBe(message)
  })

  it('parses import, check and verify', () => {
    expect(ok(['import', 'h.ndjson', '--store', 'pglite:/tmp/x'])).toEqual({ name: 'import', file: 'h.ndjson', store: 'pglite:/tmp/x', snapshot: true })
    expect(ok(['import', 'h.ndjson', '--no-snapshot'])).toEqual({ name: 'import', file: 'h.ndjson', store: null, snapshot: false })
    expect(ok(['check', 'h.ndjson'])).toEqual({ name: 'check', file: 'h.ndjson' })
    expect(ok(['verify'])).toEqual({ name: 'verify', store: null, full: false, snapshot: true })
    expect(ok(['verify', '--full', '--no-snapshot'])).toEqual({ name: 'verify', store: null, full: true, snapshot: false })
    expect(ok(['--help'])).toEqual({ name: 'help' })
  })
})
