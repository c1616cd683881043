import type { Instant } from '@ansinh/core'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { seedHistory } from './history.js'
import { htmlPaths, runSeedReports } from './run.js'
import { generateHere } from './generated.js'
import { ReadPositions, saveManifest } from './manifest.js'
import { keepManifest, sourceOf, throughStore } from './store.js'

describe('runSeedReports', () => {
  it('prints the checks in both languages and ends with the count of reproduced figures', async () => {
    const lines: string[] = []
    const result = await runSeedReports({ seeds: ['a-luoi'] }, (l) => lines.push(l))
    expect(result.ok).toBe(true)
    expect(result.checks).toHaveLength(8)
    expect(result.events['a-luoi']).toBeGreaterThan(1000)
    expect(lines.at(-2)).toBe('tái hiện 8/8 số liệu đã công bố')
    expect(lines.at(-1)).toBe('reproduced 8 of 8 published figures')
    expect(lines.some((l) => l.includes('of 21 units with a target: 9 met, 12 below, 5 below 50%, 1 with none'))).toBe(
      true,
    )
    expect(lines.some((l) => l.includes('806.000.000 đồng'))).toBe(true)
    expect(lines.some((l) => l.includes('as known today'))).toBe(true)
  })
  it('ends with the reform section, computed on a worker thread, whose figures count in the total', async () => {
    const lines: string[] = []
    const result = await runSeedReports({ seeds: ['a-luoi'], langs: ['en'], reform: true }, (l) => lines.push(l))
    expect(result.ok).toBe(true)
    const section = lines.findIndex((l) => l.startsWith('== reform-2025: An Giang (91)'))
    expect(section).toBeGreaterThan(lines.findIndex((l) => l.includes('as known today')))
    expect(lines.at(-1)).toBe('reproduced 18 of 18 published figures')
  })
  it('writes only the languages asked for', async () => {
    const lines: string[] = []
    await runSeedReports({ seeds: ['a-luoi'], langs: ['vi'] }, (l) => lines.push(l))
    expect(lines.some((l) => l.startsWith('reproduced'))).toBe(false)
    expect(lines.at(-1)).toBe('tái hiện 8/8 số liệu đã công bố')
  })
  it('writes the HTML page of every report with its charts, in the language asked for, and prints its path', async () => {
    const lines: string[] = []
    const html = join(mkdtempSync(join(tmpdir(), 'ansinh-seed-html-')), 'out', 'seed-reports.html')
    await runSeedReports({ seeds: ['a-luoi'], langs: ['vi'], html }, (l) => lines.push(l))
    expect(lines).toContain(`báo cáo kèm biểu đồ: ${html}`)
    expect(lines.at(-1)).toBe('tái hiện 8/8 số liệu đã công bố')
    const page = readFileSync(html, 'utf8')
    expect(page).toMatch(/^<!doctype html>\n<html lang="vi">/)
    // the A Lưới picture: 21 communes with a target, 12 below it; 8 month ends to 12 August 2019
    expect(page).toContain('data-chart="achievement-bands" data-mark="bars_marks" data-points="21"')
    expect(page).toContain('12/21 xã, phường, thị trấn chưa đạt chỉ tiêu')
    expect(page).toContain('data-chart="participants-over-time" data-mark="points_marks" data-points="8"')
    expect(page).toContain('data-chart="debt-by-age"')
    expect(page).toContain('806.000.000 đồng')
    expect(page).not.toMatch(/<script/i)
  })
  it('names the Vietnamese page beside the English one when both languages are asked', () => {
    expect([...htmlPaths('out/seed-reports.html', ['en', 'vi'])]).toEqual([
      ['en', 'out/seed-reports.html'],
      ['vi', 'out/seed-reports.vi.html'],
    ])
    expect([...htmlPaths('out/page', ['vi'])]).toEqual([['vi', 'out/page']])
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
    expect(second[0]).toMatch(
      new RegExp(`^${store}: already holds these 26,758 events; restored from its snapshot in \\d+ ms$`),
    )
    // the first run kept what it learnt of the generated events in the store: nothing generated now
    const generatedLines = (lines: string[]): string[] => lines.filter((l) => / events generated in \d+ ms/.test(l))
    expect(generatedLines(first).some((l) => l.includes('by an earlier run'))).toBe(false)
    expect(generatedLines(second).map((l) => l.includes(' ms by an earlier run; '))).toEqual([true, true])
    expect(second.slice(1)).toEqual(
      first.slice(1).map((l, i) => (generatedLines(first).includes(l) ? second[i + 1]! : l)),
    )
    await expect(runSeedReports({ seeds: ['a-luoi'], langs: ['en'], store }, () => undefined)).rejects.toThrow(
      /holds another history \(26758 events\)/,
    )
    // as many events, the first recorded a second later: refused, from the snapshot, appending nothing
    const events = seedHistory({ seeds: ['a-luoi', 'thuong-tin'] })
    const moved = events[0]!
    events[0] = { ...moved, recordedAt: new Date(Date.parse(moved.recordedAt) + 1000).toISOString() as Instant }
    const refused = await throughStore(store, sourceOf(events), () => undefined)
    await expect(refused.facts).rejects.toThrow(/holds another history \(26758 events\)/)
    const third = await throughStore(store, sourceOf(seedHistory({ seeds: ['a-luoi', 'thuong-tin'] })), () => undefined)
    expect(third).toMatchObject({ imported: 0, fromSnapshot: true })
    // a manifest that lacks an event the story reads: the run generates, and keeps a whole one again
    const request = { seeds: ['a-luoi', 'thuong-tin'] as const, names: false }
    const head = third.head!
    await keepManifest(store, head, (s) =>
      saveManifest(s, head, request, generateHere(request).facts, new ReadPositions()),
    )
    const fourth: string[] = []
    expect(
      (await runSeedReports({ seeds: ['a-luoi', 'thuong-tin'], langs: ['en'], store }, (l) => fourth.push(l))).ok,
    ).toBe(true)
    expect(generatedLines(fourth).some((l) => l.includes('by an earlier run'))).toBe(false)
    expect(fourth.at(-1)).toBe('reproduced 15 of 15 published figures')
    const fifth: string[] = []
    await runSeedReports({ seeds: ['a-luoi', 'thuong-tin'], langs: ['en'], store }, (l) => fifth.push(l))
    expect(generatedLines(fifth).every((l) => l.includes('by an earlier run'))).toBe(true)
  }, 300_000)
})
