// Sanity benchmark of @ansinh/projection (not a timed test): fold a synthetic history, then query.
// Run after `pnpm tsc -b`:  node --expose-gc packages/projection/bench/fold.mjs [events] [--growth]
// --growth also runs a history ten times smaller first and prints how query latencies grow.
import { History } from '@ansinh/projection'
import { referenceCoverageReport } from '../../projection-coverage/dist/reference.js'
import { fromDayNumber } from '@ansinh/core'
import { coverageReport } from '../../projection-coverage/dist/index.js'
import { planReport } from '../../projection-plan/dist/index.js'
import { debtReport } from '../../projection-debt/dist/index.js'
import { START, SPAN, synthesise } from './synth.mjs'

const args = process.argv.slice(2)
const target = Number(args.find((a) => /^\d+$/.test(a)) ?? 1_000_000)
const growth = args.includes('--growth')

const now = () => process.hrtime.bigint()
const ms = (t0) => Number(now() - t0) / 1e6
/** Wall and CPU milliseconds of `f` (CPU includes the garbage collector's helper threads). */
const timed = (f) => {
  const c0 = process.cpuUsage(),
    t0 = now()
  const value = f()
  const c = process.cpuUsage(c0)
  return { value, wall: ms(t0), cpu: (c.user + c.system) / 1000 }
}
const used = () => {
  global.gc?.()
  const m = process.memoryUsage()
  return { heap: m.heapUsed, buffers: m.arrayBuffers }
}
const per = (n, count) => `${Math.round(count / (n / 1000)).toLocaleString('en')}/s`
/**
 * p50 and p99 of `f` over the dates, in wall and in CPU ms: after a warm-up round, the round of
 * three with the best wall p99. On a shared machine a query that is descheduled waits a whole time
 * slice (about 4 ms), so the wall tail measures the machine's load; the CPU tail measures the query.
 */
const latency = (dates, f) => {
  for (const d of dates.slice(0, 200)) f(d)
  const rounds = [0, 1, 2].map(() => {
    global.gc?.()
    const wall = [],
      cpu = []
    for (const d of dates) {
      const c = process.cpuUsage(),
        t = now()
      f(d)
      wall.push(ms(t))
      const u = process.cpuUsage(c)
      cpu.push((u.user + u.system) / 1000)
    }
    const at = (xs, q) => xs.sort((a, b) => a - b)[Math.floor(xs.length * q)]
    return { p50: at(wall, 0.5), p99: at(wall, 0.99), cpu99: at(cpu, 0.99) }
  })
  return rounds.reduce((a, b) => (b.p99 < a.p99 ? b : a))
}
const fmt = ({ p50, p99, cpu99 }) =>
  `p50 ${p50.toFixed(3)} ms, p99 ${p99.toFixed(3)} ms wall, ${cpu99.toFixed(3)} ms CPU`

const run = (size, log) => {
  const { events, participants } = synthesise(size)
  const enrolments = events.filter((e) => e.event.type === 'ParticipantEnrolled').length
  const m0 = used()
  const fold = timed(() => History.of(events))
  const history = fold.value
  log(`events: ${events.length}, participants: ${participants}, participant-periods (enrolments): ${enrolments}`)
  log(
    `fold (History.of): ${fold.wall.toFixed(0)} ms wall, ${fold.cpu.toFixed(0)} ms CPU (${per(fold.wall, events.length)} wall, ${per(fold.cpu, events.length)} CPU)`,
  )
  const build = timed(() => coverageReport(history, { asOf: '2020-09-30', scheme: 'voluntary', unit: '60' }))
  log(`first query (builds the participation index): ${build.wall.toFixed(0)} ms wall, ${build.cpu.toFixed(0)} ms CPU`)
  const m1 = used()
  const buffers = m1.buffers - m0.buffers,
    all = buffers + m1.heap - m0.heap
  log(
    `held by the history and its indexes beyond the event objects: ${(all / 2 ** 20).toFixed(0)} MiB (${Math.round(all / enrolments)} bytes per participant-period; typed arrays alone ${Math.round(buffers / enrolments)}; run with --expose-gc)`,
  )

  let seed = 7
  const rand = () => (seed = (seed * 1_103_515_245 + 12_345) >>> 0) / 2 ** 32
  const dates = Array.from({ length: 2_000 }, () => fromDayNumber(START + Math.floor(rand() * SPAN)))
  const figures = {
    coverageProvince: latency(dates, (d) => coverageReport(history, { asOf: d, scheme: 'voluntary', unit: '60' })),
    coverageNational: latency(dates, (d) => coverageReport(history, { asOf: d, scheme: 'voluntary' })),
    planProvince: latency(dates, (d) => planReport(history, { asOf: d, scheme: 'voluntary', unit: '60' })),
    planDistrict: latency(dates, (d) => planReport(history, { asOf: d, scheme: 'voluntary', unit: '600' })),
    debtProvince: latency(dates.slice(0, 300), (d) => debtReport(history, { asOf: d, unit: '60' })),
  }
  const m2 = used()
  const after = m2.buffers - m0.buffers + m2.heap - m0.heap
  log(
    `held after plan queries of four years (each 31 December asked keeps an index of those not covered then): ${Math.round(after / enrolments)} bytes per participant-period`,
  )
  log(`coverage, province with 10 district children: ${fmt(figures.coverageProvince)}`)
  log(`coverage, national: ${fmt(figures.coverageNational)}`)
  log(`plan, province (incl. expiring before year end): ${fmt(figures.planProvince)}`)
  log(`plan, one district: ${fmt(figures.planDistrict)}`)
  log(`debt, province: ${fmt(figures.debtProvince)}`)

  const knownAt = Date.parse('2020-10-05T23:59:59.999+07:00')
  const cut = timed(() => coverageReport(history, { asOf: '2020-09-30', scheme: 'voluntary', unit: '60', knownAt }))
  log(
    `known-at, first query at a new cut-off (parses instants, copies rows, builds): ${cut.wall.toFixed(0)} ms wall, ${cut.cpu.toFixed(0)} ms CPU`,
  )
  const knownAt2 = Date.parse('2021-03-05T23:59:59.999+07:00')
  const cut2 = timed(() =>
    coverageReport(history, { asOf: '2020-09-30', scheme: 'voluntary', unit: '60', knownAt: knownAt2 }),
  )
  log(
    `known-at, first query at another cut-off (instants already parsed): ${cut2.wall.toFixed(0)} ms wall, ${cut2.cpu.toFixed(0)} ms CPU`,
  )
  log(
    `known-at, cached cut-off: coverage ${fmt(latency(dates, (d) => coverageReport(history, { asOf: d, scheme: 'voluntary', unit: '60', knownAt })))}; plan ${fmt(latency(dates, (d) => planReport(history, { asOf: d, scheme: 'voluntary', unit: '60', knownAt })))}`,
  )
  return { events, history, figures }
}

/** A live runner's pattern: append one event, then ask a question. */
const live = (size, log) => {
  const { events } = synthesise(size)
  const tail = 5_000
  const history = History.of(events.slice(0, events.length - tail))
  coverageReport(history, { asOf: '2020-09-30', scheme: 'voluntary', unit: '60' })
  const times = []
  for (let i = events.length - tail; i < events.length; i++) {
    const t = now()
    history.append(events[i])
    coverageReport(history, { asOf: '2020-09-30', scheme: 'voluntary', unit: '60' })
    times.push(ms(t))
  }
  const total = times.reduce((a, b) => a + b, 0)
  times.sort((a, b) => a - b)
  log(
    `live: append one event then query, over ${tail} appends to ${size - tail} events: mean ${(total / tail).toFixed(3)} ms, p50 ${times[tail / 2].toFixed(3)} ms, max ${times[tail - 1].toFixed(0)} ms (a full rebuild once the overlay is full)`,
  )
}

let small = null
if (growth) {
  console.log(`--- ${target / 10} events`)
  small = run(target / 10, (s) => console.log(s)).figures
}
console.log(`--- ${target} events`)
const { events, figures } = run(target, (s) => console.log(s))
if (small !== null) {
  for (const k of Object.keys(figures)) {
    console.log(
      `p99 growth ×10 events, ${k}: ${(figures[k].p99 / small[k].p99).toFixed(2)}× wall, ${(figures[k].cpu99 / small[k].cpu99).toFixed(2)}× CPU`,
    )
  }
}
live(target, (s) => console.log(s))

const slice = events.slice(0, 5_000)
const t0 = now()
referenceCoverageReport(slice, { asOf: '2020-09-30', scheme: 'voluntary', unit: '60' })
console.log(`naive reference, one coverage query over the first ${slice.length} events: ${ms(t0).toFixed(0)} ms`)
