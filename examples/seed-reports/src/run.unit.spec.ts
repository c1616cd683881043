import { describe, expect, it } from 'vitest'
import { runSeedReports } from './run.js'

describe('runSeedReports', () => {
  it('prints the checks in both languages and ends with the count of reproduced figures', () => {
    const lines: string[] = []
    const result = runSeedReports({ seeds: ['a-luoi'] }, (l) => lines.push(l))
    expect(result.ok).toBe(true)
    expect(result.checks).toHaveLength(8)
    expect(result.events['a-luoi']).toBeGreaterThan(1000)
    expect(lines.at(-2)).toBe('tái hiện 8/8 số liệu đã công bố')
    expect(lines.at(-1)).toBe('reproduced 8 of 8 published figures')
    expect(lines.some((l) => l.includes('of 21 units with a target: 9 met, 12 below, 5 below 50%, 1 with none'))).toBe(true)
    expect(lines.some((l) => l.includes('806.000.000 đồng'))).toBe(true)
    expect(lines.some((l) => l.includes('as known today'))).toBe(true)
  })
  it('writes only the languages asked for', () => {
    const lines: string[] = []
    runSeedReports({ seeds: ['a-luoi'], langs: ['vi'] }, (l) => lines.push(l))
    expect(lines.some((l) => l.startsWith('reproduced'))).toBe(false)
    expect(lines.at(-1)).toBe('tái hiện 8/8 số liệu đã công bố')
  })
})
