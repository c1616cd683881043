import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { collected, enrolled, identified, lapsed, owed, positioned, recruited, settled } from '@ansinh/testing/fixtures'
import { SectionWriter } from './binary.js'
import { History } from './history.js'
import { HISTORY_SNAPSHOT_VERSION, decodeHistorySnapshot, encodeHistorySnapshot } from './snapshot.js'

// The payload's checks of what a section holds. The store's envelope has a checksum, so a payload
// that fails these checks was written wrong, not damaged on disk: each check still names what is
// wrong instead of letting a report read out of bounds. The property spec of the payload (every
// report of a restored history) lives in projection-runner; here each check is met on its own, by
// rewriting one section of a good payload.

type Section =
  | { readonly kind: 'i32'; readonly value: Int32Array }
  | { readonly kind: 'f64'; readonly value: Float64Array }
  | { readonly kind: 'u16'; readonly value: Uint16Array }
  | { readonly kind: 'json'; readonly value: unknown }

/** The sections of a payload (binary.ts: a 16-byte header, then per section a 16-byte head and its elements padded to 8 bytes). */
const sectionsOf = (bytes: Uint8Array): Section[] => {
  const copy = bytes.slice()
  const view = new DataView(copy.buffer)
  const out: Section[] = []
  let at = 16
  for (let n = view.getUint32(12, true); n > 0; n--) {
    const kind = view.getUint32(at, true)
    const count = view.getFloat64(at + 8, true)
    const start = at + 16
    const size = [0, 4, 8, 2, 1][kind]!
    if (kind === 1) out.push({ kind: 'i32', value: new Int32Array(copy.buffer, start, count) })
    else if (kind === 2) out.push({ kind: 'f64', value: new Float64Array(copy.buffer, start, count) })
    else if (kind === 3) out.push({ kind: 'u16', value: new Uint16Array(copy.buffer, start, count) })
    else out.push({ kind: 'json', value: JSON.parse(new TextDecoder().decode(copy.subarray(start, start + count))) })
    at = start + ((count * size + 7) & ~7)
  }
  return out
}

const payloadOf = (sections: readonly Section[]): Uint8Array => {
  const w = new SectionWriter()
  for (const s of sections) {
    if (s.kind === 'i32') w.i32(s.value)
    else if (s.kind === 'f64') w.f64(s.value)
    else if (s.kind === 'u16') w.u16(s.value)
    else w.json(s.value)
  }
  return w.finish(HISTORY_SNAPSHOT_VERSION)
}

/** Where each section sits, format version 4 (snapshot.ts's layout). */
const AT = {
  meta: 0,
  positions: 1,
  recordedAt: 2,
  pairScheme: 3,
  pairKey: 4,
  enrPair: 5,
  enrUnit: 8,
  lapPair: 10,
  lapDay: 11,
  debtEmployer: 13,
  debtOrdinal: 20,
  settlementEmployer: 21,
  settlementAmount: 24,
  agentEvent: 27,
  agentOf: 28,
  collectionUnit: 29,
  collectionScheme: 30,
  collectionAmount: 32,
} as const

const events = positioned([
  enrolled('0000000001', 'health', '60', '2020-01-01', null),
  recruited('0000000002', 'voluntary', '60', '2020-01-01', null, 'Bưu điện'),
  enrolled('0000000001', 'compulsory', '60', '2020-01-01', '2020-06-30'),
  owed('E1', '60', 'compulsory', '2020-01', 100, '2020-02-01'),
  owed('E1', '60', 'compulsory', '2020-02', 100, '2020-03-01'),
  settled('E2', 'health', 50, '2020-03-05'),
  collected('60', 'voluntary', 300, '2020-02-01', { agent: 'Bưu điện' }),
  lapsed('0000000001', 'health', '2020-09-30'),
])

const good = (): Section[] => sectionsOf(encodeHistorySnapshot(History.of(events)))

/** The payload with section `at` replaced by what `change` makes of it. */
const rewritten = (at: number, change: (s: Section) => Section): Uint8Array => {
  const sections = good()
  sections[at] = change(sections[at]!)
  return payloadOf(sections)
}

const meta = (change: (m: Record<string, unknown>) => unknown): Uint8Array =>
  rewritten(AT.meta, (s) => ({ kind: 'json', value: change({ ...(s.value as Record<string, unknown>) }) }))

const shorter = (at: number): Uint8Array =>
  rewritten(at, (s) => {
    if (s.kind === 'json') throw new Error(`section ${at} is JSON`)
    return { ...s, value: s.value.subarray(1) } as Section
  })

const i32 = (at: number, values: readonly number[]): Uint8Array =>
  rewritten(at, () => ({ kind: 'i32', value: Int32Array.from(values) }))

const refusal = (bytes: Uint8Array): string => {
  const back = decodeHistorySnapshot(bytes)
  if (E.isRight(back)) throw new Error('the payload was restored')
  expect(back.left._tag).toBe('SnapshotUnreadable')
  return back.left.message
}

const restore = (bytes: Uint8Array): History => {
  const back = decodeHistorySnapshot(bytes)
  if (E.isLeft(back)) throw new Error(back.left.message)
  return back.right
}

describe('History snapshot payload, section by section', () => {
  it('the test reads and rewrites a payload faithfully', () => {
    expect(payloadOf(good())).toEqual(encodeHistorySnapshot(History.of(events)))
  })

  it('writes each string of the debts once, in the order first met', () => {
    expect((good()[AT.meta]!.value as { strings: string[] }).strings).toEqual([
      'E1',
      'compulsory',
      '60',
      '2020-01',
      '2020-02',
      'E2',
      'health',
    ])
  })

  it('copies the bytes unless told to view them in place', () => {
    const bytes = encodeHistorySnapshot(History.of(events))
    const copied = restore(bytes)
    const viewing = decodeHistorySnapshot(bytes, { inPlace: true })
    if (E.isLeft(viewing)) throw new Error(viewing.left.message)
    bytes.fill(0)
    expect(copied.positionAt(0)).toBe(1)
    // the caller gave the bytes up: the history reads them where they are
    expect(viewing.right.positionAt(0)).toBe(0)
  })

  it('restores odd participant ids and rebuilds the pair table, so an appended event finds its pair', () => {
    // ids of neither 10 nor 12 digits are kept by their text (two: they share no key); participant 0 in scheme 0 has pair key 0
    const odd = positioned([
      enrolled('HN-1', 'health', '60', '2020-01-01', '2020-03-31'),
      enrolled('HN-2', 'health', '60', '2020-01-01', '2020-03-31'),
      enrolled('0000000000', 'voluntary', '60', '2020-01-01', '2020-03-31'),
      enrolled('0000000007', 'health', '60', '2020-01-01', '2020-03-31'),
      identified('0000000007', '001090000001', '2020-02-01'),
    ])
    const later = [
      enrolled('HN-1', 'health', '60', '2020-05-01', null),
      enrolled('HN-2', 'health', '60', '2020-05-01', null),
      enrolled('0000000000', 'voluntary', '60', '2020-05-01', null),
      enrolled('0000000007', 'health', '60', '2020-05-01', null),
    ].map((event, i) => ({ event, position: odd.length + 1 + i }))
    const original = History.of(odd)
    const back = restore(encodeHistorySnapshot(original))
    const pairs = original.view().participation.interned.pairScheme.length
    expect(back.view().participation.links()).toEqual(original.view().participation.links())
    for (const e of later) {
      expect(E.isRight(back.append(e))).toBe(true)
      original.append(e)
    }
    // the pairs met before, not new ones
    expect(back.view().participation.interned.pairScheme.length).toBe(pairs)
    expect(original.view().participation.interned.pairScheme.length).toBe(pairs)
    expect(encodeHistorySnapshot(back)).toEqual(encodeHistorySnapshot(original))
  })

  it('reads a payload written before id links were kept as having none', () => {
    const back = restore(meta(({ links: _, ...rest }) => rest))
    expect(back.view().participation.links()).toEqual([])
    expect(back.size).toBe(events.length)
  })

  it('refuses a meta section that is not a history description', () => {
    const message = 'snapshot meta section is not a history description'
    expect(refusal(meta(() => null))).toBe(message)
    expect(refusal(meta(() => 5))).toBe(message)
    expect(refusal(meta((m) => ({ ...m, units: 'x' })))).toBe(message)
    expect(refusal(meta((m) => ({ ...m, strings: 'x' })))).toBe(message)
    expect(refusal(meta((m) => ({ ...m, agentNames: undefined })))).toBe(
      'snapshot meta section lacks the agents, collections or revenue plans',
    )
    expect(refusal(meta((m) => ({ ...m, collectionUnits: 3 })))).toBe(
      'snapshot meta section lacks the agents, collections or revenue plans',
    )
    expect(refusal(meta((m) => ({ ...m, revenuePlans: null })))).toBe(
      'snapshot meta section lacks the agents, collections or revenue plans',
    )
  })

  it('names a failure that is not one of its checks as such', () => {
    expect(refusal(meta((m) => ({ ...m, odd: 5 })))).toMatch(/^snapshot does not hold a history: .+/)
  })

  it('refuses columns of unequal length, naming the column and both lengths', () => {
    expect(refusal(shorter(AT.recordedAt))).toBe('recording instants: 7 values, 8 expected')
    expect(refusal(shorter(AT.pairKey))).toBe('pair keys: 2 values, 3 expected')
    expect(refusal(shorter(AT.enrUnit))).toBe('enrolment column: 2 values, 3 expected')
    expect(refusal(shorter(AT.lapDay))).toBe('lapse column: 0 values, 1 expected')
    expect(refusal(shorter(AT.debtOrdinal))).toBe('debt column: 1 values, 2 expected')
    expect(refusal(shorter(AT.settlementAmount))).toBe('settlement column: 0 values, 1 expected')
    expect(refusal(shorter(AT.agentOf))).toBe('agent column: 0 values, 1 expected')
    expect(refusal(shorter(AT.collectionAmount))).toBe('collection column: 0 values, 1 expected')
    expect(refusal(meta((m) => ({ ...m, built: { ...(m.built as object), segments: 99 } })))).toMatch(
      /^segments: \d+ values, 99 expected$/,
    )
  })

  it('refuses a number that names no string, agent, unit or scheme of the payload', () => {
    expect(refusal(i32(AT.debtEmployer, [0, 7]))).toBe("string 7 is not in the snapshot's string table")
    expect(refusal(i32(AT.settlementEmployer, [-1]))).toBe("string -1 is not in the snapshot's string table")
    expect(refusal(i32(AT.agentOf, [1]))).toBe("agent 1 is not in the snapshot's agent names")
    expect(refusal(i32(AT.agentOf, [-1]))).toBe("agent -1 is not in the snapshot's agent names")
    expect(refusal(i32(AT.collectionUnit, [1]))).toBe("collection unit 1 is not in the snapshot's unit codes")
    expect(refusal(i32(AT.collectionUnit, [-1]))).toBe("collection unit -1 is not in the snapshot's unit codes")
    expect(refusal(i32(AT.collectionScheme, [4]))).toBe('collection scheme 4 is not a scheme index')
    expect(refusal(i32(AT.collectionScheme, [-1]))).toBe('collection scheme -1 is not a scheme index')
    // the last agent, unit and scheme are in range
    expect(restore(i32(AT.collectionScheme, [3])).size).toBe(events.length)
  })

  it('restores a pair table with one key twice as a bug of the writer, met when an event is appended', () => {
    const sections = good()
    const keys = sections[AT.pairKey]!.value as Float64Array
    sections[AT.pairKey] = { kind: 'f64', value: Float64Array.from([keys[0]!, keys[0]!, keys[2]!]) }
    const back = restore(payloadOf(sections))
    expect(() => back.append({ event: events[0]!.event, position: 99 })).toThrow(
      new RangeError(`snapshot: pair key ${keys[0]} held by pairs 0 and 1`),
    )
  })
})
