import fc from 'fast-check'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { DEBT_SCHEMES, SCHEMES } from '@ansinh/core'
import { History, decodeHistorySnapshot, encodeHistorySnapshot } from '@ansinh/projection'
import { coverageReport } from '@ansinh/projection-coverage'
import { debtReport } from '@ansinh/projection-debt'
import { planReport } from '@ansinh/projection-plan'
import {
  type GeneratedHistory,
  REFORM_UNITS,
  asOfDate,
  history,
  knownAt,
  reformDay,
  reformHistory,
  unitOrNational,
} from '@ansinh/testing'

// The payload is projection's, but what it must preserve is every report: the report packages are
// this package's dev dependencies, so the property lives here.

/** Every report asked of a model: one query of each kind, at one known-at cut and without one. */
const questions = (h: GeneratedHistory) =>
  fc.record({
    coverage: fc.record({ asOf: asOfDate(h), scheme: fc.constantFrom(...SCHEMES), unit: unitOrNational(h) }),
    plan: fc.record({
      asOf: asOfDate(h),
      scheme: fc.constantFrom(...SCHEMES),
      unit: unitOrNational(h),
      year: fc.option(fc.integer({ min: h.years.from, max: h.years.to })),
    }),
    debt: fc.record({
      asOf: asOfDate(h),
      scheme: fc.option(fc.constantFrom(...DEBT_SCHEMES)),
      unit: unitOrNational(h),
    }),
    knownAt: knownAt(h),
  })

type Questions = ReturnType<typeof questions> extends fc.Arbitrary<infer Q> ? Q : never

const answers = (m: History, q: Questions) =>
  [null, q.knownAt].flatMap((k) => [
    coverageReport(m, { ...q.coverage, knownAt: k }),
    planReport(m, { ...q.plan, knownAt: k }),
    debtReport(m, { ...q.debt, knownAt: k }),
  ])

/** `inPlace`: the restored history views the encoded bytes instead of a copy (as a store's load does). */
const restored = (m: History, inPlace = false): History => {
  const back = decodeHistorySnapshot(encodeHistorySnapshot(m), { inPlace })
  if (E.isLeft(back)) throw new Error(back.left.message)
  return back.right
}

const cases = history().chain((h) =>
  fc.record({
    h: fc.constant(h),
    split: fc.nat({ max: h.positioned.length }),
    asked: fc.boolean(),
    inPlace: fc.boolean(),
    qs: fc.array(questions(h), { minLength: 1, maxLength: 3 }),
  }),
)

describe('History snapshot payload', () => {
  it('restores a history that answers every report like the one encoded, and appends after restoring as before', () => {
    fc.assert(
      fc.property(cases, ({ h, split, asked, inPlace, qs }) => {
        const prefix = History.of(h.positioned.slice(0, split))
        // asked first or not: the encoded history has built its indexes, overlays and masks, or nothing
        if (asked) answers(prefix, qs[0]!)
        const back = restored(prefix, inPlace)
        expect([back.size, back.lastPosition]).toEqual([prefix.size, prefix.lastPosition])
        for (const q of qs) expect(answers(back, q)).toEqual(answers(prefix, q))
        for (const e of h.positioned.slice(split)) {
          expect(E.isRight(back.append(e))).toBe(true)
          prefix.append(e)
        }
        const full = History.of(h.positioned)
        for (const q of qs) {
          expect(answers(back, q)).toEqual(answers(full, q))
          expect(answers(prefix, q)).toEqual(answers(full, q))
        }
        // a snapshot of a restored, appended history round-trips again
        for (const q of qs) expect(answers(restored(back, !inPlace), q)).toEqual(answers(full, q))
      }),
      { numRuns: 80 },
    )
  })

  it('refuses bytes that are not a snapshot, of another format version, or cut short, as a value', () => {
    const h = History.of([])
    const bytes = encodeHistorySnapshot(h)
    expect(E.isRight(decodeHistorySnapshot(bytes))).toBe(true)
    const tag = (b: Uint8Array) =>
      E.isLeft(decodeHistorySnapshot(b)) && (decodeHistorySnapshot(b) as E.Left<{ _tag: string; message: string }>).left
    expect(tag(new TextEncoder().encode('{"not":"a snapshot"}'))).toMatchObject({
      _tag: 'SnapshotUnreadable',
      message: expect.stringContaining('header'),
    })
    const other = bytes.slice()
    new DataView(other.buffer).setUint32(8, 99, true)
    expect(tag(other)).toMatchObject({ _tag: 'SnapshotUnreadable', message: expect.stringContaining('version 99') })
    for (const cut of [20, bytes.length - 8, Math.floor(bytes.length / 2)])
      expect(tag(bytes.subarray(0, cut))).toMatchObject({ _tag: 'SnapshotUnreadable' })
    const longer = new Uint8Array(bytes.length + 8)
    longer.set(bytes)
    expect(tag(longer)).toMatchObject({ _tag: 'SnapshotUnreadable', message: expect.stringContaining('left over') })
  })
})

describe('History snapshot payload across a reform (version 2)', () => {
  it('keeps the map of every day (changes, dissolutions) and the id links: every report on every unit as before', () => {
    fc.assert(
      fc.property(
        reformHistory().chain((h) => fc.record({ h: fc.constant(h), asOf: reformDay(h), asked: fc.boolean() })),
        ({ h, asOf, asked }) => {
          const m = History.of(h.positioned)
          if (asked) coverageReport(m, { asOf, scheme: 'voluntary' })
          const back = restored(m)
          for (const unit of [null, ...REFORM_UNITS]) {
            for (const scheme of ['voluntary', 'compulsory'] as const) {
              expect(planReport(back, { asOf, scheme, unit })).toEqual(planReport(m, { asOf, scheme, unit }))
              expect(coverageReport(back, { asOf, scheme, unit, knownAt: Date.parse(`${asOf}T00:00:00Z`) })).toEqual(
                coverageReport(m, { asOf, scheme, unit, knownAt: Date.parse(`${asOf}T00:00:00Z`) }),
              )
            }
            expect(debtReport(back, { asOf, unit })).toEqual(debtReport(m, { asOf, unit }))
          }
        },
      ),
      { numRuns: 80 },
    )
  })
})
