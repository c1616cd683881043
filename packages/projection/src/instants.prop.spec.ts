import { instantMillis, instantOfMillis } from '@ansinh/core'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { recordedMillis } from './instants.js'

describe('recordedMillis', () => {
  it('agrees with instantMillis on the layout this library writes and on every other spelling', () => {
    const written = fc
      .integer({ min: -62_000_000_000_000, max: 250_000_000_000_000 })
      .map((ms) => instantOfMillis(ms) as string)
    const spelled = fc
      .tuple(
        fc.integer({ min: 0, max: 9999 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
        fc.integer({ min: 0, max: 24 }),
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 0, max: 999 }),
        fc.constantFrom('Z', '+07:00', '-03:30', '+19:00', '+07:60', '+0700', 'z', '+07-00'),
        fc.constantFrom('.', ',', 'x', ''),
      )
      .map(([y, mo, d, h, mi, s, ms, z, dot]) => {
        const p = (n: number, w = 2): string => String(n).padStart(w, '0')
        // '' leaves the fraction out: the generator and many exports write whole seconds
        return `${p(y, 4)}-${p(mo)}-${p(d)}T${p(h)}:${p(mi)}:${p(s)}${dot === '' ? '' : dot + p(ms, 3)}${z}`
      })
    const mangled = fc
      .tuple(
        fc.oneof(
          written,
          written.map((w) => w.replace(/\.\d{3}/, '')),
        ),
        fc.nat(28),
        fc.constantFrom('a', '-', ':', '9', '.'),
      )
      .map(([s, i, c]) => s.slice(0, i) + c + s.slice(i + 1))
    fc.assert(
      fc.property(fc.oneof(written, spelled, mangled), (s) => {
        expect(Object.is(recordedMillis(s), instantMillis(s))).toBe(true)
      }),
      { numRuns: 2000 },
    )
  })
})
