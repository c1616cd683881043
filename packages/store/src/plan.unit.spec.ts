import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { type DomainEvent, type Instant, canonicalDataJson, canonicalJson, decodeEvent } from '@ansinh/core'
import { GENESIS_HASH, chainHash } from './chain.js'
import { debt, enrolment, unitEstablished } from '@ansinh/store-testing'
import { canonicalJsonWith, planAppend, prepareAppend } from './plan.js'

const decoded = (raw: unknown): DomainEvent => {
  const e = decodeEvent(raw)
  if (E.isLeft(e)) throw new Error(JSON.stringify(e.left))
  return e.right
}

const samples = [
  enrolment(1),
  debt('EMP-1'),
  unitEstablished('22816', 'Xã "Hàm" \\ Thuận Bắc', '228'),
  unitEstablished('22', 'Bình Thuận'),
].map(decoded)

describe('canonicalJsonWith', () => {
  it('builds exactly the canonical JSON from the data canonical JSON', () => {
    for (const e of samples) expect(canonicalJsonWith(e, canonicalDataJson(e))).toBe(canonicalJson(e))
  })
})

describe('planAppend', () => {
  it('gives each row the hash of its canonical form and its data JSON, index for index', () => {
    const prepared = prepareAppend(
      [
        { stream: 'unit-22816', events: [samples[2]!] },
        { stream: 'participant-0000000001', events: [samples[0]!] },
      ],
      () => '2020-01-01T00:00:00Z' as Instant,
    )
    if (E.isLeft(prepared)) throw new Error(prepared.left._tag)
    const plan = planAppend(prepared.right, {
      revisionOf: () => -1,
      storedEvent: () => undefined,
      headPosition: 0,
      headHash: GENESIS_HASH,
    })
    if (E.isLeft(plan)) throw new Error(plan.left._tag)
    const { rows, dataJson } = plan.right
    expect(dataJson).toEqual(rows.map((r) => canonicalDataJson(r.event)))
    let previous = GENESIS_HASH
    for (const { hash, ...row } of rows) {
      expect(hash).toBe(chainHash(previous, row))
      previous = hash
    }
  })
})
