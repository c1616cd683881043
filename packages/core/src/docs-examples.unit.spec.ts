import { readFileSync } from 'node:fs'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { decodeEvent, encodeEvent } from './decode.js'
import { WRITE_RULES } from './deciders/domain-error.js'
import { EVENT_TYPES } from './events.js'

// docs/events.md is written by hand; this keeps its examples and its rule table true to the code.
const doc = readFileSync(new URL('../../../docs/events.md', import.meta.url), 'utf8')
const examples = [...doc.matchAll(/```json\n(.*)\n```/g)].map((m) => JSON.parse(m[1]!) as unknown)

describe('docs/events.md', () => {
  it('has one decodable, canonically written example per event type, in catalogue order', () => {
    const decoded = examples.map((u) => {
      const r = decodeEvent(u)
      if (E.isLeft(r)) throw new Error(JSON.stringify(r.left))
      expect(encodeEvent(r.right)).toEqual(u)
      return r.right.type
    })
    expect(decoded).toEqual(EVENT_TYPES)
  })

  it('names every write rule id', () => {
    for (const rule of WRITE_RULES) expect(doc).toContain(`\`${rule}\``)
  })
})
