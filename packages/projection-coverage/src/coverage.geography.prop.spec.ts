import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Scheme } from '@ansinh/core'
import { Known } from '@ansinh/projection/reference'
import { DENSE_PARTICIPATION_SCHEMES, DENSE_UNITS, denseAsOf, denseHistory, denseKnownAt } from '@ansinh/testing'
import { History } from '@ansinh/projection'
import { describeMapProperties, mapCases, plusDays } from '@ansinh/testing/vitest'
import { checkedCoverageReport, coverageReport } from './index.js'
import { referenceCoverageReport } from './reference.js'

// geography.md: the indexed map of a day (normalised to change days, resolved codes per map)
// against the naive reference that reads the definitions literally, on histories with reforms.
describeMapProperties({
  name: 'coverageReport',
  build: (events) => History.of(events),
  append: (h, e) => h.append(e),
  report: coverageReport,
  checked: checkedCoverageReport,
  reference: referenceCoverageReport,
  scheme: fc.constantFrom<Scheme>('voluntary', 'compulsory'),
})

describe('laws of the map of a day', () => {
  it('never changes the national total when a report is re-based onto a later map', () => {
    fc.assert(
      fc.property(mapCases(fc.constantFrom<Scheme>('voluntary', 'compulsory')), ({ h, qs }) => {
        const history = History.of(h.positioned)
        for (const q of qs) {
          const own = coverageReport(history, { asOf: q.asOf, scheme: q.scheme as never, knownAt: q.knownAt })
          const later = coverageReport(history, {
            asOf: q.asOf,
            scheme: q.scheme as never,
            knownAt: q.knownAt,
            geography: plusDays(q.asOf, q.later ?? 400),
          })
          expect(later.participants).toBe(own.participants)
        }
      }),
      { numRuns: 100 },
    )
  })

  it('gives the version-1 figures on a history without reform events (the static map of version 1, dates ignored)', () => {
    fc.assert(
      fc.property(
        denseHistory().chain((h) =>
          fc
            .record({
              asOf: denseAsOf(h),
              scheme: fc.constantFrom(...DENSE_PARTICIPATION_SCHEMES),
              knownAt: denseKnownAt(h),
            })
            .map((q) => ({ h, q })),
        ),
        ({ h, q }) => {
          const history = History.of(h.positioned)
          for (const unit of [null, ...DENSE_UNITS]) {
            const k = new Known(h.positioned, q.knownAt).onMap(null)
            const v1 = k.participants(unit, q.scheme, q.asOf)
            expect(coverageReport(history, { ...q, unit }).participants).toBe(v1)
            expect(coverageReport(history, { ...q, unit }).children.map((c) => c.unit)).toEqual(k.children(unit))
          }
        },
      ),
      { numRuns: 100 },
    )
  })
})
