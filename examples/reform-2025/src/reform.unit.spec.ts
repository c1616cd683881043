import { checkHistory } from '@ansinh/core'
import { History } from '@ansinh/projection'
import { coverageReport } from '@ansinh/projection-coverage'
import { planReport } from '@ansinh/projection-plan'
import { revenueReport } from '@ansinh/projection-revenue'
import { describe, expect, it } from 'vitest'
import { GROUPS, REVENUE_2025 } from './history.js'
import { reformLines, summaryLine } from './print.js'
import { AS_OF, runReform } from './reform.js'
import { reformSection, reformSectionInWorker } from './section.js'

describe('the 2025 reform example', () => {
  const run = runReform()

  it('reproduces the figures published for the new An Giang for the first nine months of 2025', () => {
    expect(run.figures.map((f) => [f.label.en, f.computed])).toEqual([
      ['social-insurance participants (compulsory + voluntary)', 275_574],
      ['of the working-age labour force', 275_574 / 1_842_000],
      ['compulsory participants', 232_895],
      ['compulsory, of plan', 232_895 / 245_697],
      ['voluntary participants', 42_679],
      ['voluntary, of plan', 42_679 / 80_679],
      ['collected, million VND', 7_215_400],
      ['collected, of plan', 7_215_400 / 9_834_000],
      ['collected, on the same period of 2024 (both old provinces), billion VND', 946],
      ['communes of the new province', 102],
    ])
    expect(run.figures.every((f) => f.ok)).toBe(true)
    expect(summaryLine(run, 'en')).toBe('reform 2025: reproduced 10 of 10 published figures')
  })

  it('collects on both sides of the merger: the same period of 2024 counts both old provinces on the new map, and their own plans stay theirs', () => {
    const h = History.of(run.history.events)
    const now = revenueReport(h, { asOf: AS_OF, unit: '91' })
    expect(now.collected).toBe(REVENUE_2025.collected)
    expect(now.samePeriodLastYear).toBe(REVENUE_2025.samePeriod2024)
    expect(now.target).toBe(REVENUE_2025.plan)
    expect(now.children.reduce((a, c) => a + c.collected, 0)).toBe(now.collected)
    // on the old map, a year before: the old provinces apart, adding up to the same period
    const old89 = revenueReport(h, { asOf: '2024-09-30' as typeof AS_OF, unit: '89' })
    const old91 = revenueReport(h, { asOf: '2024-09-30' as typeof AS_OF, unit: '91' })
    expect(old89.collected + old91.collected).toBe(REVENUE_2025.samePeriod2024)
    // the January plan of old An Giang is its own: the new province's is the one of 15 July
    expect(revenueReport(h, { asOf: '2025-06-30' as typeof AS_OF, unit: '89' }).target).toBe(4_700_000_000_000)
  })

  it('compares 30/9/2025 with 30/9/2024 like for like, and explains the naive jump by the new boundary', () => {
    const v = GROUPS.voluntary
    expect(run.comparisons[0]).toEqual({
      scheme: 'voluntary',
      now: 42_679,
      likeForLike: v['89'].both + v['89'].left + v['91'].both + v['91'].left,
      naive: v['89'].both + v['89'].left,
      kienGiang: v['91'].both + v['91'].left,
    })
    expect(run.comparisons[1]).toMatchObject({
      scheme: 'compulsory',
      now: 232_895,
      likeForLike: 210_000,
      naive: 98_000,
      kienGiang: 112_000,
    })
    expect(run.dissolvedAsked).toBe('unit 89 does not exist on 2025-09-30: dissolved on 2025-07-01 into 91')
    expect(reformLines(run, 'vi').some((l) => l.includes('so sánh cùng địa giới'))).toBe(true)
  })

  it('counts a participant who renewed under the personal identity number once, and not as new', () => {
    const h = History.of(run.history.events)
    const plan = planReport(h, { asOf: AS_OF, scheme: 'voluntary', unit: '91' })
    expect(run.history.linked).toBe((GROUPS.voluntary['89'].both + GROUPS.voluntary['91'].both) / 2)
    // new in 2025: only those who joined (the renewals under the 12-digit id are the same people)
    expect(plan.newInYear).toBe(GROUPS.voluntary['89'].joined + GROUPS.voluntary['91'].joined)
  })

  it('adds the children up on the map of G, for the day itself and for a year before on the same map', () => {
    const h = History.of(run.history.events)
    for (const asOf of [AS_OF, '2024-09-30' as typeof AS_OF]) {
      const r = coverageReport(h, { asOf, scheme: 'voluntary', unit: '91', geography: AS_OF })
      expect(r.children).toHaveLength(102)
      expect(r.children.reduce((a, c) => a + c.participants, 0)).toBe(r.participants)
    }
    // on the old map the old province's districts add up to it
    const old = coverageReport(h, { asOf: '2024-09-30' as typeof AS_OF, scheme: 'voluntary', unit: '89' })
    expect(old.children).toHaveLength(8)
    expect(old.children.reduce((a, c) => a + c.participants, 0)).toBe(old.participants)
  })

  it('is a history that obeys every write rule of version 2', () => {
    const { events } = run.history
    expect(checkHistory(events.map((e) => ({ ...e, line: e.position })))).toEqual([])
  })

  it('computes the same section on a worker thread as in this one, in the languages asked', async () => {
    const pending = reformSectionInWorker({ options: {}, langs: ['vi', 'en'] })
    const section = await pending.result
    await pending.stop()
    expect(section).toEqual(reformSection(run, ['vi', 'en']))
    expect(section.lines.map((l) => l.lang)).toEqual(['vi', 'en'])
    expect(section).toMatchObject({ reproduced: 10, figures: 10 })
  })
  it('stops a worker that has not answered, without settling its section', async () => {
    const pending = reformSectionInWorker({ options: {}, langs: ['en'] })
    await pending.stop()
    const outcome = await Promise.race([
      pending.result.then(
        () => 'answered',
        () => 'rejected',
      ),
      new Promise((resolve) => setTimeout(() => resolve('unsettled'), 200)),
    ])
    expect(outcome).toBe('unsettled')
  })
})
