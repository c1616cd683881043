import { describe, expect, it } from 'vitest'
import { FIGURES, type Figure, figuresFor, reproduces } from './figures.js'
import { select } from './reports.js'
import type { PlanReport } from '@ansinh/projection-plan'

const figure = (over: Partial<Figure>): Figure => ({ ...FIGURES[0]!, ...over })

describe('reproduces', () => {
  it('rounds an unrounded ratio to the article digits', () => {
    const pct = figure({ measure: 'percent', digits: 1, value: 59.9 })
    expect(reproduces(pct, 7215 / 12045)).toBe(true)
    expect(reproduces(pct, 7215 / 12000)).toBe(false)
    expect(reproduces(figure({ measure: 'percent', digits: 2, value: 17.73 }), 445 / 2510)).toBe(true)
    expect(reproduces(figure({ measure: 'percent', digits: 0, value: 74 }), 2955 / 3993)).toBe(true)
  })
  it('compares counts and money exactly', () => {
    expect(reproduces(figure({ value: 7215 }), 7215)).toBe(true)
    expect(reproduces(figure({ value: 7215 }), 7216)).toBe(false)
    expect(reproduces(figure({ value: 7215 }), null)).toBe(false)
  })
  it('reads "nearly" and "over" as the band just under or over the published number', () => {
    const nearly = figure({ value: 33_000, digits: -3, bound: 'nearly' })
    expect(reproduces(nearly, 32_834)).toBe(true)
    expect(reproduces(nearly, 33_001)).toBe(false)
    expect(reproduces(nearly, 31_999)).toBe(false)
    const over = figure({ value: 20_000, digits: -3, bound: 'over' })
    expect(reproduces(over, 20_649)).toBe(true)
    expect(reproduces(over, 19_999)).toBe(false)
  })
})

describe('the figure table', () => {
  it('has unique ids and 46 figures without health, 62 with', () => {
    expect(new Set(FIGURES.map((f) => f.id)).size).toBe(FIGURES.length)
    expect(figuresFor()).toHaveLength(46)
    expect(figuresFor({ includeHealth: true })).toHaveLength(62)
    expect(figuresFor({ seeds: ['a-luoi'] }).map((f) => f.field)).toContain('bands.below50')
  })
  it('gives every derived figure its arithmetic and every figure a quote', () => {
    for (const f of FIGURES) {
      expect(f.quote.length).toBeGreaterThan(5)
      if (f.derived !== undefined) expect(f.derived).toMatch(/\d/)
    }
  })
})

describe('select', () => {
  const report = {
    participants: 468,
    bands: { below50: 5 },
    children: [{ unit: '20311', participants: 0 }],
  } as unknown as PlanReport
  it('follows dotted paths and child rows by unit code', () => {
    expect(select(report, 'participants')).toBe(468)
    expect(select(report, 'bands.below50')).toBe(5)
    expect(select(report, 'children[20311].participants')).toBe(0)
    expect(select(report, 'children[99999].participants')).toBeNull()
    expect(select(report, 'nothing.here')).toBeNull()
    const agents = {
      agents: [
        { agent: 'BD-BINHTHUAN', participants: 9 },
        { agent: 'UBND-LAGI', participants: 3 },
      ],
    } as unknown as PlanReport
    expect(select(agents, 'agents[UBND-LAGI].rank')).toBe(2)
    expect(select(agents, 'agents[BD-BINHTHUAN].participants')).toBe(9)
    expect(select(agents, 'agents[NOBODY].rank')).toBeNull()
  })
})
