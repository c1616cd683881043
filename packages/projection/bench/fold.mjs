// Sanity benchmark of @ansinh/projection: fold ~1M synthetic events, then query many dates.
// Run after `pnpm tsc -b`: node packages/projection/bench/fold.mjs [events]
import { History } from '@ansinh/projection'
import { referenceCoverageReport } from '@ansinh/projection/reference'
import { fromDayNumber, instantOfMillis } from '@ansinh/core'
import { coverageReport } from '../../projection-coverage/dist/index.js'
import { planReport } from '../../projection-plan/dist/index.js'
import { debtReport } from '../../projection-debt/dist/index.js'

const target = Number(process.argv[2] ?? 1_000_000)
let seed = 42
const rand = () => ((seed = (seed * 1_103_515_245 + 12_345) >>> 0) / 2 ** 32)
const pick = (xs) => xs[Math.floor(rand() * xs.length)]

const START = 17_897 // 2019-01-01
const SPAN = 1_461 // four years
const districts = Array.from({ length: 10 }, (_, i) => String(600 + i))
const communes = districts.flatMap((d, i) => Array.from({ length: 20 }, (_, k) => ({ code: String(22_000 + i * 20 + k), parent: d })))
const events = []
let id = 0
const push = (type, data, day) => {
  id++
  const at = instantOfMillis((day + 1) * 86_400_000 + (id % 86_400) * 1000)
  events.push({ event: { id: `00000000-0000-4000-8000-${id.toString(16).padStart(12, '0')}`, type, recordedAt: at, data }, position: id })
}
push('UnitEstablished', { code: '60', name: 'Province', level: 'province', establishedOn: '2000-01-01' }, START)
for (const d of districts) push('UnitEstablished', { code: d, name: `District ${d}`, level: 'district', parent: '60', establishedOn: '2000-01-01' }, START)
for (const c of communes) push('UnitEstablished', { code: c.code, name: `Commune ${c.code}`, level: 'commune', parent: c.parent, establishedOn: '2000-01-01' }, START)
for (const year of [2019, 2020, 2021, 2022]) {
  push('PopulationEstimated', { unit: '60', year, population: 1_200_000, labourForce: 700_000 }, START)
  for (const u of ['60', ...districts]) push('QuotaAssigned', { unit: u, scheme: 'voluntary', year, target: 5_000, assignedOn: `${year}-01-15` }, START)
}
let p = 0
while (events.length < target) {
  p++
  const pid = String(p).padStart(10, '0')
  let unit = pick(communes).code
  let day = START + Math.floor(rand() * SPAN)
  const months = pick([1, 3, 6, 12])
  const renewals = 1 + Math.floor(rand() * 8)
  for (let r = 0; r < renewals && events.length < target; r++) {
    const through = day + months * 30 - 1
    if (rand() < 0.05) unit = pick(communes).code // moves commune
    push('ParticipantEnrolled', { participantId: pid, scheme: 'voluntary', unit, coveredFrom: fromDayNumber(day), coveredThrough: fromDayNumber(through) }, day)
    if (rand() < 0.05) {
      push('ParticipantLapsed', { participantId: pid, scheme: 'voluntary', lapsedOn: fromDayNumber(day + 10), reason: 'stopped-paying' }, day + 10)
      break
    }
    day = through + 1 + (rand() < 0.2 ? 30 : 0)
  }
  if (p % 10 === 0) {
    const employer = `E${p % 5_000}`
    const debtDay = START + Math.floor(rand() * SPAN)
    const period = fromDayNumber(debtDay - 35).slice(0, 7)
    push('DebtRecorded', { employer, unit: pick(communes).code, scheme: 'compulsory', period, amount: 1_000_000, recordedOn: fromDayNumber(debtDay) }, debtDay)
    if (rand() < 0.5) push('DebtSettled', { employer, scheme: 'compulsory', amount: 700_000, settledOn: fromDayNumber(debtDay + 40) }, debtDay + 40)
  }
}

const ms = (t0) => Number(process.hrtime.bigint() - t0) / 1e6
global.gc?.()
const used = () => { const m = process.memoryUsage(); return m.heapUsed + m.arrayBuffers }
const heap0 = used()
let t0 = process.hrtime.bigint()
const history = History.of(events)
const fold = ms(t0)
console.log(`events: ${events.length}, participants: ${p}`)
console.log(`fold: ${fold.toFixed(0)} ms (${Math.round(events.length / (fold / 1000)).toLocaleString('en')} events/s)`)
t0 = process.hrtime.bigint()
coverageReport(history, { asOf: '2020-09-30', scheme: 'voluntary', unit: '60' })
console.log(`first query (builds the participation index): ${ms(t0).toFixed(0)} ms`)
global.gc?.()
const heap1 = used()
console.log(`memory (heap + typed arrays) held by the history and its indexes, beyond the event objects: ${((heap1 - heap0) / 2 ** 20).toFixed(0)} MiB (${Math.round((heap1 - heap0) / events.length)} bytes/event; run with --expose-gc)`)

const dates = Array.from({ length: 1_000 }, () => fromDayNumber(START + Math.floor(rand() * SPAN)))
const time = (label, f) => {
  const t = process.hrtime.bigint()
  for (const d of dates) f(d)
  console.log(`${label}: ${(ms(t) / dates.length).toFixed(3)} ms/query`)
}
time('coverage, province with 10 district children', (d) => coverageReport(history, { asOf: d, scheme: 'voluntary', unit: '60' }))
time('coverage, national', (d) => coverageReport(history, { asOf: d, scheme: 'voluntary' }))
time('plan, province (incl. expiring before year end)', (d) => planReport(history, { asOf: d, scheme: 'voluntary', unit: '60' }))
time('plan, one district', (d) => planReport(history, { asOf: d, scheme: 'voluntary', unit: '600' }))
time('debt, province', (d) => debtReport(history, { asOf: d, unit: '60' }))

const knownAt = Date.parse('2020-10-05T23:59:59.999+07:00')
t0 = process.hrtime.bigint()
coverageReport(history, { asOf: '2020-09-30', scheme: 'voluntary', unit: '60', knownAt })
console.log(`known-at view (first query, builds and caches the view): ${ms(t0).toFixed(0)} ms`)
time('coverage as known at a cached cut-off', (d) => coverageReport(history, { asOf: d, scheme: 'voluntary', unit: '60', knownAt }))

const slice = events.slice(0, 5_000)
t0 = process.hrtime.bigint()
referenceCoverageReport(slice, { asOf: '2020-09-30', scheme: 'voluntary', unit: '60' })
console.log(`naive reference, one coverage query over the first ${slice.length} events: ${ms(t0).toFixed(0)} ms`)
