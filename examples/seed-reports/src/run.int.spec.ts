import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runSeedReports } from './run.js'

describe('runSeedReports', () => {
  it('prints the checks in both languages and ends with the count of reproduced figures', async () => {
    const lines: string[] = []
    const result = await runSeedReports({ seeds: ['a-luoi'] }, (l) => lines.push(l))
    expect(result.ok).toBe(true)
    expect(result.checks).toHaveLength(8)
    expect(result.events['a-luoi']).toBeGreaterThan(1000)
    expect(lines.at(-2)).toBe('tái hiện 8/8 số liệu đã công bố')
    expect(lines.at(-1)).toBe('reproduced 8 of 8 published figures')
    expect(lines.some((l) => l.includes('of 21 units with a target: 9 met, 12 below, 5 below 50%, 1 with none'))).toBe(true)
    expect(lines.some((l) => l.includes('806.000.000 đồng'))).toBe(true)
    expect(lines.some((l) => l.includes('as known today'))).toBe(true)
  })
  it('writes only the languages asked for', async () => {
    const lines: string[] = []
    await runSeedReports({ seeds: ['a-luoi'], langs: ['vi'] }, (l) => lines.push(l))
    expect(lines.some((l) => l.startsWith('reproduced'))).toBe(false)
    expect(lines.at(-1)).toBe('tái hiện 8/8 số liệu đã công bố')
  })
  // Imports 26,758 events into PGlite and reads them back twice: minutes on a loaded machine.
  it('computes every figure from the embedded store it imports into, and imports only once', async () => {
    const store = `pglite:${join(mkdtempSync(join(tmpdir(), 'ansinh-seed-')), 'store')}`
    const first: string[] = []
    const a = await runSeedReports({ seeds: ['a-luoi', 'thuong-tin'], langs: ['en'], store }, (l) => first.push(l))
    expect(a.ok).toBe(true)
    expect(first[0]).toMatch(new RegExp(`^${store}: imported 26,758 events in \\d+ ms, with a snapshot of them$`))
    expect(first.at(-1)).toBe('reproduced 15 of 15 published figures')
    const second: string[] = []
    const b = await runSeedReports({ seeds: ['a-luoi', 'thuong-tin'], langs: ['en'], store }, (l) => second.push(l))
    expect(b.ok).toBe(true)
    expect(second[0]).toMatch(new RegExp(`^${store}: already holds these 26,758 events; restored from its snapshot in \\d+ ms$`))
    await expect(runSeedReports({ seeds: ['a-luoi'], langs: ['en'], store }, () => undefined)).rejects.toThrow(/holds another history \(26758 events\)/)
  }, 300_000)
})
