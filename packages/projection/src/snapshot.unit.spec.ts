import { deflateRawSync, inflateRawSync } from 'node:zlib'
import fc from 'fast-check'
import * as E from 'fp-ts/lib/Either.js'
import { canonicalJson } from '@ansinh/core'
import { enrolled, established, positioned } from '@ansinh/testing/fixtures'
import { describe, expect, it } from 'vitest'
import { History } from './history.js'
import { decodeHistorySnapshot, encodeHistorySnapshot } from './snapshot.js'

const text = (lines: string[]) => new Uint8Array(deflateRawSync(Buffer.from(lines.join('\n') + '\n')))

describe('History snapshot payload', () => {
  it('restores the same positioned events, in order', () => {
    // random subsets of enrolments at random (increasing) positions; the stores' property test
    // (projection-runner stored-history.int.spec.ts) covers whole generated histories
    const all = [established('60', 'Bình Thuận'), ...Array.from({ length: 40 }, (_, i) => enrolled(String(1_000_000_000 + i), 'health', '60', '2020-01-01', null, `2020-01-0${1 + (i % 9)}T09:00:00+07:00`))]
    fc.assert(
      fc.property(fc.subarray(all), fc.array(fc.integer({ min: 1, max: 1_000 }), { minLength: all.length, maxLength: all.length }), (events, gaps) => {
        let p = 0
        const h = positioned(events).map((e, i) => ({ event: e.event, position: (p += gaps[i]!) }))
        const restored = decodeHistorySnapshot(encodeHistorySnapshot(History.of(h)))
        expect(E.isRight(restored)).toBe(true)
        const entries = (restored as E.Right<History>).right.entries()
        expect(entries.map((e) => [e.position, canonicalJson(e.event)])).toEqual(h.map((e) => [e.position, canonicalJson(e.event)]))
      }),
      { numRuns: 50 },
    )
  })

  it('names what is wrong with bytes that are not a snapshot', () => {
    const h = History.of(positioned([established('60', 'Bình Thuận'), enrolled('0000000001', 'health', '60', '2020-01-01', null, '2020-01-02T09:00:00+07:00')]))
    const good = inflateRawSync(encodeHistorySnapshot(h)).toString('utf8')
    const [first, second] = good.split('\n')
    const left = (bytes: Uint8Array) => (decodeHistorySnapshot(bytes) as E.Left<{ message: string }>).left
    expect(left(new Uint8Array([0xff, 0xff, 0xff]))).toMatchObject({ _tag: 'SnapshotUnreadable', message: expect.stringContaining('not a deflated history snapshot') })
    expect(left(text(['x' + first!.slice(first!.indexOf('\t'))])).message).toBe('line 1: no position')
    expect(left(text([first!, first!])).message).toMatch(/^line 2: position 1 after 1$/)
    expect(left(text([first!, '2\t{"id":'])).message).toMatch(/^line 2: /)
    expect(left(text([first!.replace('"type":"', '"type":"X')])).message).toMatch(/^line 1: /)
    expect(E.isRight(decodeHistorySnapshot(text([first!, second!])))).toBe(true)
  })
})
