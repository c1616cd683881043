import { describe, expect, it } from 'vitest'
import { participantDecider } from './participant.js'
import { enrol, enrolled, eventOf, lapse, spec } from './test-utils.js'

// The helper is what every decider test rests on: it must fail when the decider disagrees.
describe('given/when/then helper', () => {
  const participant = spec(participantDecider)

  it('then() throws when the command is refused or produces other events', () => {
    expect(() => participant.given([]).when(lapse()).then([])).toThrow(/refused: NoCoverageToCut/)
    const c = enrol()
    expect(() => participant.given([]).when(c).then([])).toThrow(/other events/)
    expect(() => participant.given([]).when(c).then([eventOf('ParticipantEnrolled', enrol())])).toThrow(/other events/)
  })

  it('thenFails() throws when the command is accepted or refused for another reason or path', () => {
    expect(() => participant.given([]).when(enrol()).thenFails('CoverageOverlap')).toThrow(/accepted/)
    expect(() => participant.given([enrolled()]).when(enrol()).thenFails('NoCoverageToCut')).toThrow(/another refusal/)
    expect(() => participant.given([enrolled()]).when(enrol()).thenFails('CoverageOverlap', 'data.unit')).toThrow(/another refusal/)
  })
})
