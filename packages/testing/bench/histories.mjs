// Generating valid histories: how long 1,000 histories of 100 participants take.
// Run after a build: `pnpm tsc -b && node packages/testing/bench/histories.mjs [count] [participants]`.
import fc from 'fast-check'
import { checkHistory } from '@ansinh/core'
import { history } from '../dist/index.js'

const count = Number(process.argv[2] ?? 1000)
const participants = Number(process.argv[3] ?? 100)
const arbitrary = history({ participants, lateRecords: true, outOfOrderRecordedAt: true, moves: true })

fc.sample(arbitrary, { numRuns: 20, seed: 1 }) // warm up the JIT
// As a property run uses them: each history generated, looked at, and dropped.
let events = 0
const cpu = process.cpuUsage()
const started = performance.now()
fc.assert(
  fc.property(arbitrary, (h) => {
    events += h.events.length
  }),
  { numRuns: count, seed: 2026 },
)
const generating = performance.now() - started
const { user, system } = process.cpuUsage(cpu)

// Checking is not part of the goal; shown so the generation figure has a yardstick next to it.
const sample = fc.sample(arbitrary, { numRuns: 100, seed: 7 })
const checkStart = performance.now()
let violations = 0
for (const h of sample) violations += checkHistory(h.positioned).length
const checking = (performance.now() - checkStart) / sample.length

// CPU time next to wall time: on a shared machine the wall clock also counts other processes.
console.log(
  `${count} histories of ${participants} participants: ${(generating / 1000).toFixed(2)} s wall, ` +
    `${((user + system) / 1e6).toFixed(2)} s CPU (${(generating / count).toFixed(2)} ms each, ${events} events, ` +
    `${Math.round(events / (generating / 1000))} events/s)`,
)
console.log(
  `checkHistory: ${checking.toFixed(2)} ms per history, ${violations} violations in ${sample.length} histories`,
)
