import fc from 'fast-check'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { type DomainEvent, HistoryChecker, WRITE_RULES, checkHistory } from '@ansinh/core'
import { EVENT_OF_COMMAND } from './arbitraries.js'
import { decideAgainst } from './decider-spec.js'
import { BROKEN_RULES, invalidCommand } from './invalid.js'

describe('invalidCommand()', () => {
  it('every case is refused by the deciders with the rule and tag it names, after a valid history', () => {
    fc.assert(
      fc.property(invalidCommand({ participants: { min: 0, max: 6 } }), (c) => {
        expect(checkHistory(c.given.map((event, i) => ({ event, position: i + 1, line: i + 1 })))).toEqual([])
        const { result } = decideAgainst(c.given, c.command)
        expect(E.isLeft(result) && { rule: result.left.rule, tag: result.left._tag }).toEqual({
          rule: c.rule,
          tag: c.tag,
        })
      }),
      { numRuns: 200 },
    )
  })

  it('the history checker refuses the event the command would produce, with the same tag', () => {
    fc.assert(
      fc.property(invalidCommand({ participants: { min: 0, max: 4 }, lateRecords: true, moves: true }), (c) => {
        const checker = new HistoryChecker()
        for (const e of c.given) checker.accept(e)
        const event = {
          id: c.command.id,
          type: EVENT_OF_COMMAND[c.command.type],
          recordedAt: c.command.recordedAt,
          data: c.command.data,
        } as DomainEvent
        expect(checker.check(event)?._tag).toBe(c.tag)
      }),
      { numRuns: 100 },
    )
  })

  it('generates every broken rule, and only the ones asked for', () => {
    const tags = new Set(
      fc
        .sample(invalidCommand({ participants: { min: 0, max: 2 } }), { numRuns: 400, seed: 3 })
        .map((c) => `${c.rule}/${c.tag}`),
    )
    expect([...tags].sort()).toEqual(BROKEN_RULES.map((b) => `${b.rule}/${b.tag}`).sort())
    const only = fc.sample(invalidCommand({ rules: ['unit.parent'], participants: 0 }), { numRuns: 30, seed: 3 })
    expect(new Set(only.map((c) => c.rule))).toEqual(new Set(['unit.parent']))
  })

  it('names every write rule but the two no decider command can break', () => {
    const covered = new Set(BROKEN_RULES.map((b) => b.rule))
    expect(WRITE_RULES.filter((r) => !covered.has(r))).toEqual(['unit.no-cycle', 'history.unique-id'])
  })
})
