import fc from 'fast-check'
import type { Scheme } from '@ansinh/core'
import { History } from '@ansinh/projection'
import { describeMapProperties } from '@ansinh/testing/vitest'
import { checkedPlanReport, planReport } from './index.js'
import { referencePlanReport } from './reference.js'

// geography.md: the indexed map of a day (normalised to change days, resolved codes per map)
// against the naive reference that reads the definitions literally, on histories with reforms.
describeMapProperties({
  name: 'planReport',
  build: (events) => History.of(events),
  append: (h, e) => h.append(e),
  report: planReport,
  checked: checkedPlanReport,
  reference: referencePlanReport,
  scheme: fc.constantFrom<Scheme>('voluntary', 'compulsory'),
})
