import fc from 'fast-check'
import { describe, it } from 'vitest'
import { commandOfEvent } from '@ansinh/core'
import { given } from './decider-spec.js'
import { history } from './history/index.js'
import { invalidCommand } from './invalid.js'

describe('given / when / then over generated histories', () => {
  it('every event of a valid history is what its command produces after the events before it', () => {
    fc.assert(
      fc.property(
        history({
          participants: { min: 1, max: 6 },
          employers: { min: 0, max: 2 },
          lateRecords: true,
          moves: true,
        }).chain((h) => fc.tuple(fc.constant(h), fc.integer({ min: 0, max: h.events.length - 1 }))),
        ([h, i]) => {
          const event = h.events[i]!
          given(h.events.slice(0, i)).when(commandOfEvent(event)).then([event])
        },
      ),
      { numRuns: 150 },
    )
  })

  it('every invalid command is refused with the rule and tag it names', () => {
    fc.assert(
      fc.property(invalidCommand({ participants: { min: 0, max: 4 } }), (c) => {
        given(c.given).when(c.command).then({ _tag: c.tag, rule: c.rule })
      }),
      { numRuns: 100 },
    )
  })
})
