import { describe, expect, it } from 'vitest'
import { parseOptions } from './options.js'

describe('parseOptions', () => {
  it('reads every option, repeated ones as lists', () => {
    expect(
      parseOptions([
        '--seed',
        '7',
        '--include-health',
        '--lang',
        'vi',
        '--only',
        'a-luoi',
        '--only',
        'hai-phong',
        '--store=pglite:x',
      ]),
    ).toEqual({
      seed: 7,
      includeHealth: true,
      langs: ['vi'],
      seeds: ['a-luoi', 'hai-phong'],
      store: 'pglite:x',
    })
    expect(parseOptions([])).toEqual({ includeHealth: false })
    expect(parseOptions(['--html', 'x/page.html'])).toEqual({ includeHealth: false, html: 'x/page.html' })
    expect(parseOptions(['-h'])).toBe('help')
  })
  it('names what is wrong', () => {
    expect(parseOptions(['--seed', 'x'])).toEqual({ error: '--seed: not a whole number (got "x")' })
    expect(parseOptions(['--lang', 'fr'])).toEqual({ error: '--lang: one of en, vi (got "fr")' })
    expect(parseOptions(['--only', 'hanoi'])).toEqual({
      error: '--only: one of binh-thuan, a-luoi, thuong-tin, hai-phong, province-004 (got "hanoi")',
    })
    expect(parseOptions(['--bogus'])).toMatchObject({ error: expect.stringContaining("'--bogus'") })
    expect(parseOptions(['--store'])).toMatchObject({ error: expect.stringContaining('--store') })
  })
})
