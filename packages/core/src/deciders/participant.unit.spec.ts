import { describe, expect, it } from 'vitest'
import type { RegisteredUnit } from './decider.js'
import { knownCoverageEnd, participantDecider } from './participant.js'
import { enrol, enrolled, eventOf, lapse, lapsed, spec } from '@ansinh/testing'

const participant = spec(participantDecider)
const units = new Map<string, RegisteredUnit>([['22816', { code: '22816' as never, level: 'commune', parent: null }]])

describe('participant decider: enrol', () => {
  it('accepts a first enrolment and produces ParticipantEnrolled with the command id', () => {
    const c = enrol()
    participant
      .given([])
      .when(c)
      .then([eventOf('ParticipantEnrolled', c)])
  })

  it('refuses coveredThrough before coveredFrom, naming coveredThrough', () => {
    const e = participant
      .given([])
      .when(enrol({ coveredFrom: '2020-05-01', coveredThrough: '2020-04-30' }))
      .thenFails('CoveredThroughBeforeCoveredFrom', 'data.coveredThrough')
    expect(e.rule).toBe('enrol.period-order')
    expect(e.value).toBe('2020-04-30')
  })

  it('accepts a one-day period (coveredThrough = coveredFrom)', () => {
    const c = enrol({ coveredFrom: '2020-05-01', coveredThrough: '2020-05-01' })
    participant
      .given([])
      .when(c)
      .then([eventOf('ParticipantEnrolled', c)])
  })

  it.each(['voluntary', 'health'])('refuses an open-ended %s enrolment', (scheme) => {
    const e = participant
      .given([])
      .when(enrol({ scheme, coveredThrough: null }))
      .thenFails('CoveredThroughRequired', 'data.coveredThrough')
    expect(e.value).toBeNull()
  })

  it.each(['compulsory', 'unemployment'])('accepts an open-ended %s enrolment', (scheme) => {
    const c = enrol({ scheme, coveredThrough: null })
    participant
      .given([])
      .when(c)
      .then([eventOf('ParticipantEnrolled', c)])
  })

  it('accepts a renewal that touches the previous period (the day after coveredThrough)', () => {
    const c = enrol({ coveredFrom: '2020-07-01', coveredThrough: '2020-12-31' })
    participant
      .given([enrolled()])
      .when(c)
      .then([eventOf('ParticipantEnrolled', c)])
  })

  it('refuses a period starting on the last covered day, naming coveredFrom and the coverage', () => {
    const e = participant
      .given([enrolled()])
      .when(enrol({ coveredFrom: '2020-06-30', coveredThrough: '2020-12-31' }))
      .thenFails('CoverageOverlap', 'data.coveredFrom')
    expect(e.rule).toBe('enrol.no-overlap')
    expect(e.message).toBe('overlaps voluntary coverage 2020-01-01..2020-06-30 recorded earlier')
    expect(e.value).toBe('2020-06-30')
  })

  it('refuses a period that starts before and runs into known coverage, naming coveredThrough', () => {
    const e = participant
      .given([enrolled()])
      .when(enrol({ coveredFrom: '2019-07-01', coveredThrough: '2020-01-01' }))
      .thenFails('CoverageOverlap', 'data.coveredThrough')
    expect(e.value).toBe('2020-01-01')
  })

  it('refuses a period that encloses known coverage', () => {
    participant
      .given([enrolled()])
      .when(enrol({ coveredFrom: '2019-01-01', coveredThrough: '2021-01-01' }))
      .thenFails('CoverageOverlap', 'data.coveredThrough')
  })

  it('accepts a period ending the day before known coverage starts', () => {
    const c = enrol({ coveredFrom: '2019-07-01', coveredThrough: '2019-12-31' })
    participant
      .given([enrolled()])
      .when(c)
      .then([eventOf('ParticipantEnrolled', c)])
  })

  it('checks overlap per scheme: the same period under another scheme is fine', () => {
    const c = enrol({ scheme: 'health' })
    participant
      .given([enrolled()])
      .when(c)
      .then([eventOf('ParticipantEnrolled', c)])
  })

  it('an open-ended enrolment overlaps every later period', () => {
    const given = [enrolled({ scheme: 'compulsory', coveredFrom: '2020-01-01', coveredThrough: null })]
    const e = participant
      .given(given)
      .when(enrol({ scheme: 'compulsory', coveredFrom: '2035-01-01', coveredThrough: '2035-01-31' }))
      .thenFails('CoverageOverlap', 'data.coveredFrom')
    expect(e.message).toBe('overlaps compulsory coverage 2020-01-01..(open-ended) recorded earlier')
  })

  it('an open-ended request overlaps known coverage that starts after it', () => {
    const given = [enrolled({ scheme: 'compulsory', coveredFrom: '2021-01-01', coveredThrough: '2021-12-31' })]
    const e = participant
      .given(given)
      .when(enrol({ scheme: 'compulsory', coveredFrom: '2020-01-01', coveredThrough: null }))
      .thenFails('CoverageOverlap', 'data.coveredThrough')
    expect(e.value).toBeNull()
  })

  it('a lapse ends open-ended coverage: a new enrolment from the lapse day is fine, one before it is not', () => {
    const given = [
      enrolled({ scheme: 'compulsory', coveredThrough: null }),
      lapsed({ scheme: 'compulsory', lapsedOn: '2020-06-01' }),
    ]
    const c = enrol({ scheme: 'compulsory', coveredFrom: '2020-06-01', coveredThrough: null })
    participant
      .given(given)
      .when(c)
      .then([eventOf('ParticipantEnrolled', c)])
    const e = participant
      .given(given)
      .when(enrol({ scheme: 'compulsory', coveredFrom: '2020-05-31', coveredThrough: null }))
      .thenFails('CoverageOverlap', 'data.coveredFrom')
    expect(e.message).toBe('overlaps compulsory coverage 2020-01-01..2020-05-31 recorded earlier')
  })

  it('a lapse cuts a paid period: the freed days may be enrolled again', () => {
    const c = enrol({ coveredFrom: '2020-04-01', coveredThrough: '2020-09-30' })
    participant
      .given([enrolled(), lapsed({ lapsedOn: '2020-04-01' })])
      .when(c)
      .then([eventOf('ParticipantEnrolled', c)])
  })

  it('refuses a unit outside a known registry, accepts one inside it, ignores units without a registry', () => {
    participant
      .given([])
      .when(enrol({ unit: '22817' }), { units })
      .thenFails('UnitNotEstablished', 'data.unit')
    const inside = enrol()
    participant
      .given([])
      .when(inside, { units })
      .then([eventOf('ParticipantEnrolled', inside)])
    const without = enrol({ unit: '22817' })
    participant
      .given([])
      .when(without)
      .then([eventOf('ParticipantEnrolled', without)])
  })
})

describe('participant decider: lapse', () => {
  it('accepts a lapse inside a paid period', () => {
    const c = lapse({ lapsedOn: '2020-04-01' })
    participant
      .given([enrolled()])
      .when(c)
      .then([eventOf('ParticipantLapsed', c)])
  })

  it('accepts a lapse on the last covered day, refuses one on the day after', () => {
    const c = lapse({ lapsedOn: '2020-06-30' })
    participant
      .given([enrolled()])
      .when(c)
      .then([eventOf('ParticipantLapsed', c)])
    const e = participant
      .given([enrolled()])
      .when(lapse({ lapsedOn: '2020-07-01' }))
      .thenFails('NoCoverageToCut', 'data.lapsedOn')
    expect(e.rule).toBe('lapse.cuts-coverage')
    expect(e.value).toBe('2020-07-01')
  })

  it('refuses a lapse on the first day of an enrolment (coveredFrom < lapsedOn fails)', () => {
    participant
      .given([enrolled()])
      .when(lapse({ lapsedOn: '2020-01-01' }))
      .thenFails('NoCoverageToCut')
  })

  it('refuses a lapse with no enrolment, or under another scheme', () => {
    participant.given([]).when(lapse()).thenFails('NoCoverageToCut')
    participant
      .given([enrolled({ scheme: 'health' })])
      .when(lapse())
      .thenFails('NoCoverageToCut')
  })

  it('refuses a second lapse on or after the first; accepts an earlier one', () => {
    const given = [enrolled(), lapsed({ lapsedOn: '2020-04-01' })]
    participant
      .given(given)
      .when(lapse({ lapsedOn: '2020-05-01' }))
      .thenFails('NoCoverageToCut')
    participant
      .given(given)
      .when(lapse({ lapsedOn: '2020-04-01' }))
      .thenFails('NoCoverageToCut')
    const earlier = lapse({ lapsedOn: '2020-03-01' })
    participant
      .given(given)
      .when(earlier)
      .then([eventOf('ParticipantLapsed', earlier)])
  })

  it('accepts a lapse far in the future of an open-ended enrolment', () => {
    const c = lapse({ scheme: 'unemployment', lapsedOn: '2040-01-01' })
    participant
      .given([enrolled({ scheme: 'unemployment', coveredThrough: null })])
      .when(c)
      .then([eventOf('ParticipantLapsed', c)])
  })

  it('a lapse of a renewal: the renewal that starts before the lapse day is cut', () => {
    const given = [enrolled(), enrolled({ coveredFrom: '2020-07-01', coveredThrough: '2020-12-31' })]
    const c = lapse({ lapsedOn: '2020-09-01' })
    participant
      .given(given)
      .when(c)
      .then([eventOf('ParticipantLapsed', c)])
  })
})

describe('knownCoverageEnd', () => {
  it('is the day before the first lapse after the start, or the period end', () => {
    expect(knownCoverageEnd({ from: 10, through: 100 }, [])).toBe(100)
    expect(knownCoverageEnd({ from: 10, through: 100 }, [50, 30, 10, 5])).toBe(29)
    expect(knownCoverageEnd({ from: 10, through: Infinity }, [200])).toBe(199)
    expect(knownCoverageEnd({ from: 10, through: 100 }, [200])).toBe(100)
    // a lapse on the last day or the day before still cuts it; one the day after does not
    expect(knownCoverageEnd({ from: 10, through: 100 }, [100])).toBe(99)
    expect(knownCoverageEnd({ from: 10, through: 100 }, [99])).toBe(98)
    expect(knownCoverageEnd({ from: 10, through: 100 }, [101])).toBe(100)
  })
})
