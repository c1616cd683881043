import { describe, expect, it } from 'vitest'
import type { DomainEvent } from '@ansinh/core'
import { debt, enrolment, participantStream } from '@ansinh/store-testing'
import { writesInOrder } from './writes.js'

describe('writesInOrder', () => {
  it('groups consecutive events of one stream and expects the revision each stream has after the runs before it', () => {
    const [a1, a2, b, a3] = [enrolment(1, 1), enrolment(1, 2), debt('CTY-B'), enrolment(1, 3)] as DomainEvent[]
    const revisions = new Map<string, number>([['employer-CTY-B', 4]])
    const writes = writesInOrder([a1!, a2!, b!, a3!], revisions)
    expect(writes.map((w) => [w.stream, w.events.length, w.expectedRevision])).toEqual([
      [participantStream(1), 2, 'no-stream'],
      ['employer-CTY-B', 1, { exact: 4 }],
      [participantStream(1), 1, { exact: 1 }],
    ])
    expect(revisions.get(participantStream(1))).toBe(2)
    expect(revisions.get('employer-CTY-B')).toBe(5)
  })
})
