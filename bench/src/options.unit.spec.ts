import { describe, expect, it } from 'vitest'
import { parseArgs } from './options.js'

describe('the bench command line', () => {
  it('reads the flags into a plan', () => {
    expect(parseArgs(['--quick', '--json'])).toMatchObject({
      quick: true,
      json: true,
      postgres: true,
      importEvents: 5_000,
    })
    expect(parseArgs(['--skip-postgres'])).toMatchObject({
      quick: false,
      json: false,
      postgres: false,
      importEvents: 50_000,
    })
    expect(parseArgs(['--', '--quick'])).toMatchObject({ quick: true })
    expect(parseArgs(['-h'])).toBe('help')
  })
  it('refuses what it does not know', () => {
    expect(parseArgs(['--quik'])).toMatchObject({ error: expect.stringContaining("'--quik'") })
    expect(parseArgs(['quick'])).toMatchObject({ error: expect.stringContaining('quick') })
  })
})
