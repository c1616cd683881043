import { describe, expect, it } from 'vitest'
import { participantDecider } from '@ansinh/core'
import { enrol, enrolled, eventOf, lapse } from './builders.js'
import { spec } from './decider-spec.js'

// The helper is what every decider test rests on: it must fail when the decider disagrees.
describe('spec(decider): given/when/then for one decider', () => {
  const participant = spec(participantDecider)

  it('then() throws when the command is refused or produces other events', () => {
    expect(() => participant.given([]).when(lapse()).then([])).toThrow(/refused with NoCoverageToCut/)
    const c = enrol()
    expect(() => participant.given([]).when(c).then([])).toThrow(/other events than expected/)
    expect(() =>
      participant
        .given([])
        .when(c)
        .then([eventOf('ParticipantEnrolled', enrol())]),
    ).toThrow(/other events than expected/)
  })

  it('thenFails() throws when the command is accepted or refused for another reason or path', () => {
    expect(() => participant.given([]).when(enrol()).thenFails('CoverageOverlap')).toThrow(/but was accepted/)
    expect(() => participant.given([enrolled()]).when(enrol()).thenFails('NoCoverageToCut')).toThrow(
      /refused otherwise than expected/,
    )
    expect(() => participant.given([enrolled()]).when(enrol()).thenFails('CoverageOverlap', 'data.unit')).toThrow(
      /refused otherwise than expected/,
    )
  })
})
