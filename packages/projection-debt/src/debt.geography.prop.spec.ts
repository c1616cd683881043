import fc from 'fast-check'
import type { Scheme } from '@ansinh/core'
import { History } from '@ansinh/projection'
import { describeMapProperties } from '@ansinh/testing/vitest'
import { checkedDebtReport, debtReport } from './index.js'
import { referenceDebtReport } from './reference/index.js'

// geography.md: the indexed map of a day (normalised to change days, resolved codes per map)
// against the naive reference that reads the definitions literally, on histories with reforms.
describeMapProperties({
  name: 'debtReport',
  build: (events) => History.of(events),
  append: (h, e) => h.append(e),
  report: debtReport,
  checked: checkedDebtReport,
  reference: referenceDebtReport,
  scheme: fc.option(fc.constantFrom<Scheme>('compulsory', 'health'), { nil: null }),
})
