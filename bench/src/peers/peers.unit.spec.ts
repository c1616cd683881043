import { type BusinessDate, SCHEMES, dayNumber } from '@ansinh/core'
import { History } from '@ansinh/projection'
import { coverageReport } from '@ansinh/projection-coverage'
import { planReport } from '@ansinh/projection-plan'
import { describe, expect, it } from 'vitest'
import { type ScaleOptions, generateHistory } from '../generator.js'
import { queryMix } from '../queries.js'
import { naiveAnswer } from './naive.js'
import { coverageIntervals } from './sql-intervals.js'

const SMALL: ScaleOptions = {
  seed: 11,
  participants: 1_500,
  employers: 40,
  communes: 12,
  districts: 3,
  startYear: 2020,
  years: 3,
  province: '60',
}
const events = [...generateHistory(SMALL)].map((event, i) => ({ event, position: i + 1 }))
const history = History.of(events)
const questions = queryMix(SMALL, 16)

// The peers must answer the same questions as ansinh, or the ratios compare nothing.
describe('the peers answer what ansinh answers', () => {
  it('naive replay: participants of the unit and its children, and the plan comparisons', () => {
    for (const q of questions) {
      const naive = naiveAnswer(events, q)
      if (q.report === 'coverage') {
        const r = coverageReport(history, { asOf: q.asOf, scheme: q.scheme, unit: q.unit })
        expect(naive['participants']).toBe(r.participants)
        for (const c of r.children) expect(naive[c.unit]).toBe(c.participants)
      } else {
        const r = planReport(history, { asOf: q.asOf, scheme: q.scheme, unit: q.unit })
        expect([
          naive['participants'],
          naive['sameDateLastYear'],
          naive['endOfPreviousYear'],
          naive['expiringBeforeYearEnd'],
          naive['newInYear'],
        ]).toEqual([r.participants, r.sameDateLastYear, r.endOfPreviousYear, r.expiringBeforeYearEnd, r.newInYear])
        expect(naive['target']).toBe(r.target ?? -1)
      }
    }
  })

  it('SQL intervals: the intervals covering a day count the province’s participants', () => {
    const iv = coverageIntervals(events)
    for (const asOf of ['2020-06-30', '2021-12-31', '2022-09-30'] as BusinessDate[]) {
      const day = dayNumber(asOf)
      SCHEMES.forEach((scheme, s) => {
        let n = 0
        for (let i = 0; i < iv.from.length; i++) if (iv.scheme[i] === s && iv.from[i]! <= day && day <= iv.to[i]!) n++
        expect(n).toBe(coverageReport(history, { asOf, scheme, unit: SMALL.province }).participants)
      })
    }
  })
})
