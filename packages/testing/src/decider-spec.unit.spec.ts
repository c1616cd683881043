import { describe, expect, it } from 'vitest'
import type { BusinessDate, Command, EventBody, EventId, ParticipantId, UnitCode } from '@ansinh/core'
import { DeciderSpecFailure, decideAgainst, given, streamOfCommand } from './decider-spec.js'
import { differences } from './diff.js'

const p = '0123456789' as ParticipantId
const unit = '22816' as UnitCode
const id = '7d9c0a52-5a0e-4f39-9d44-0b8f0c7c4f01' as EventId
const d = (s: string): BusinessDate => s as BusinessDate

const enrolled = (from: string, through: string | null): EventBody => ({
  type: 'ParticipantEnrolled',
  data: {
    participantId: p,
    scheme: 'voluntary',
    unit,
    coveredFrom: d(from),
    coveredThrough: through === null ? null : d(through),
  },
})
const enrol = (from: string, through: string): Command => ({
  type: 'EnrolParticipant',
  id,
  data: { participantId: p, scheme: 'voluntary', unit, coveredFrom: d(from), coveredThrough: d(through) },
})
const lapse = (on: string): Command => ({
  type: 'LapseParticipant',
  id,
  data: { participantId: p, scheme: 'voluntary', lapsedOn: d(on), reason: 'stopped-paying' },
})

describe('given / when / then', () => {
  it('passes when the decider produces the expected events (envelope fields left out are not compared)', () => {
    given([enrolled('2020-01-01', '2020-03-31')])
      .when(enrol('2020-04-01', '2020-06-30'))
      .then([enrolled('2020-04-01', '2020-06-30')])
    given([])
      .when(enrol('2020-04-01', '2020-06-30'))
      .then([{ id, ...enrolled('2020-04-01', '2020-06-30') }])
  })

  it('passes when the decider refuses with the expected tag or error fields', () => {
    given([enrolled('2020-01-01', '2020-03-31')])
      .when(enrol('2020-03-01', '2020-06-30'))
      .then('CoverageOverlap')
    given([enrolled('2020-01-01', '2020-03-31')])
      .when(lapse('2020-04-01'))
      .then({ rule: 'lapse.cuts-coverage', path: 'data.lapsedOn', value: '2020-04-01' })
  })

  it('fails on an unexpected acceptance, showing the state, the command and the difference', () => {
    const failure = catchFailure(() =>
      given([enrolled('2020-01-01', '2020-03-31')])
        .when(lapse('2020-02-01'))
        .then('NoCoverageToCut'),
    )
    expect(failure.message).toContain(
      'LapseParticipant was expected to be refused with NoCoverageToCut but was accepted',
    )
    expect(failure.message).toContain('state of participant-0123456789 after 1 given event(s):')
    expect(failure.message).toContain('"lapses": []')
    expect(failure.message).toContain('"lapsedOn": "2020-02-01"')
    expect(failure.message).toContain('- (root): {"_tag":"NoCoverageToCut"}')
    expect(failure.message).toContain('+ (root): [{"id"')
  })

  it('fails on an unexpected refusal, naming the rule and the field', () => {
    const failure = catchFailure(() =>
      given([enrolled('2020-01-01', null)])
        .when(enrol('2020-02-01', '2020-02-29'))
        .then([enrolled('2020-02-01', '2020-02-29')]),
    )
    expect(failure.message).toMatch(/refused with CoverageOverlap \(enrol\.no-overlap\): data\.coveredFrom/)
    expect(failure.message).toContain('"through": "Infinity"')
  })

  it('fails when other events come out, with one line per differing field', () => {
    const failure = catchFailure(() =>
      given([])
        .when(enrol('2020-04-01', '2020-06-30'))
        .then([enrolled('2020-04-01', '2020-07-31')]),
    )
    expect(failure.message).toContain('- [0].data.coveredThrough: "2020-07-31"')
    expect(failure.message).toContain('+ [0].data.coveredThrough: "2020-06-30"')
    expect(failure.expected).toEqual([enrolled('2020-04-01', '2020-07-31')])
  })

  it('fails when the refusal is another one', () => {
    const failure = catchFailure(() => given([]).when(lapse('2020-02-01')).then('CoverageOverlap'))
    expect(failure.message).toContain('refused otherwise than expected: NoCoverageToCut (lapse.cuts-coverage)')
  })

  it('decides against the stream of the command only, with the registry of the given units', () => {
    const other: EventBody = {
      ...enrolled('2020-01-01', '2020-12-31'),
      data: { ...enrolled('2020-01-01', '2020-12-31').data, participantId: '9999999999' as ParticipantId },
    } as EventBody
    given([other])
      .when(enrol('2020-01-01', '2020-12-31'))
      .then([enrolled('2020-01-01', '2020-12-31')])
    const province: EventBody = {
      type: 'UnitEstablished',
      data: { code: '60' as UnitCode, name: 'Bình Thuận' as never, level: 'province', establishedOn: d('2000-01-01') },
    }
    given([province]).when(enrol('2020-01-01', '2020-12-31')).then('UnitNotEstablished')
    given([])
      .when({
        type: 'EstablishUnit',
        id,
        data: {
          code: '593' as UnitCode,
          name: 'Hàm Thuận Bắc' as never,
          level: 'district',
          parent: '60' as UnitCode,
          establishedOn: d('2000-01-01'),
        },
      })
      .then('ParentNotEstablished')
    given([province])
      .when({
        type: 'EstablishUnit',
        id,
        data: {
          code: '593' as UnitCode,
          name: 'Hàm Thuận Bắc' as never,
          level: 'district',
          parent: '60' as UnitCode,
          establishedOn: d('2000-01-01'),
        },
      })
      .then([
        {
          type: 'UnitEstablished',
          data: {
            code: '593' as UnitCode,
            name: 'Hàm Thuận Bắc' as never,
            level: 'district',
            parent: '60' as UnitCode,
            establishedOn: d('2000-01-01'),
          },
        },
      ])
    expect(streamOfCommand(lapse('2020-01-01'))).toBe('participant-0123456789')
    expect(decideAgainst([other], enrol('2020-01-01', '2020-01-31')).state).toEqual({})
  })

  it('lists the differences of nested values, and none for equal ones', () => {
    expect(differences({ a: [1, { b: 2 }] }, { a: [1, { b: 3 }], c: true })).toEqual([
      '- a[1].b: 2',
      '+ a[1].b: 3',
      '- c: (absent)',
      '+ c: true',
    ])
    expect(differences(new Map([[1, 'x']]), new Map([[1, 'x']]))).toEqual([])
  })
})

const catchFailure = (f: () => void): DeciderSpecFailure => {
  try {
    f()
  } catch (e) {
    if (e instanceof DeciderSpecFailure) return e
    throw e
  }
  throw new Error('the spec was expected to fail')
}
