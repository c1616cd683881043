import { checkHistory } from '@ansinh/core'
import { History } from '@ansinh/projection'
import { coverageReport } from '@ansinh/projection-coverage'
import { planReport } from '@ansinh/projection-plan'
import { describe, expect, it } from 'vitest'
import { GROUPS, reformHistory } from './history.js'
import { reformLines, summaryLine } from './print.js'
import { AS_OF, runReform } from './reform.js'

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
      ['communes of the new province', 102],
    ])
    expect(run.figures.every((f) => f.ok)).toBe(true)
    expect(summaryLine(run, 'en')).toBe('reform 2025: reproduced 7 of 7 published figures')
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
    expect(run.comparisons[1]).toMatchObject({ scheme: 'compulsory', now: 232_895, likeForLike: 210_000, naive: 98_000, kienGiang: 112_000 })
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
    const { events } = reformHistory()
    expect(checkHistory(events.map((e) => ({ ...e, line: e.position })))).toEqual([])
  })
})
