// The synthetic history the projection benchmark folds: participants renewing, lapsing and moving
// commune, quotas, debts and settlements over 200 communes of one province, four years.
import { fromDayNumber } from '@ansinh/core'

/** 2019-01-01 as a day number, and the four years the history spans. */
export const START = 17_897
export const SPAN = 1_461

const DAY = 86_400_000
const VN = 7 * 3_600_000
const two = (n) => String(n).padStart(2, '0')
/** `instantOfMillis` without luxon: synthesising a million instants through luxon takes longer than folding them. */
const instant = (ms) => {
  const local = ms + VN
  const date = fromDayNumber(Math.floor(local / DAY))
  const t = local - Math.floor(local / DAY) * DAY
  return `${date}T${two(Math.floor(t / 3_600_000))}:${two(Math.floor(t / 60_000) % 60)}:${two(Math.floor(t / 1000) % 60)}.${String(t % 1000).padStart(3, '0')}+07:00`
}

/** About `target` positioned events (as JSON would decode them) and the number of participants, from a fixed seed. */
export const synthesise = (target) => {
  let seed = 42
  const rand = () => (seed = (seed * 1_103_515_245 + 12_345) >>> 0) / 2 ** 32
  const pick = (xs) => xs[Math.floor(rand() * xs.length)]
  const districts = Array.from({ length: 10 }, (_, i) => String(600 + i))
  const communes = districts.flatMap((d, i) =>
    Array.from({ length: 20 }, (_, k) => ({ code: String(22_000 + i * 20 + k), parent: d })),
  )
  const events = []
  let id = 0
  const push = (type, data, day) => {
    id++
    const at = instant((day + 1) * DAY + (id % 86_400) * 1000)
    events.push({
      event: { id: `00000000-0000-4000-8000-${id.toString(16).padStart(12, '0')}`, type, recordedAt: at, data },
      position: id,
    })
  }
  push('UnitEstablished', { code: '60', name: 'Province', level: 'province', establishedOn: '2000-01-01' }, START)
  for (const d of districts)
    push(
      'UnitEstablished',
      { code: d, name: `District ${d}`, level: 'district', parent: '60', establishedOn: '2000-01-01' },
      START,
    )
  for (const c of communes)
    push(
      'UnitEstablished',
      { code: c.code, name: `Commune ${c.code}`, level: 'commune', parent: c.parent, establishedOn: '2000-01-01' },
      START,
    )
  for (const year of [2019, 2020, 2021, 2022]) {
    push('PopulationEstimated', { unit: '60', year, population: 1_200_000, labourForce: 700_000 }, START)
    for (const u of ['60', ...districts])
      push('QuotaAssigned', { unit: u, scheme: 'voluntary', year, target: 5_000, assignedOn: `${year}-01-15` }, START)
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
      push(
        'ParticipantEnrolled',
        {
          participantId: pid,
          scheme: 'voluntary',
          unit,
          coveredFrom: fromDayNumber(day),
          coveredThrough: fromDayNumber(through),
        },
        day,
      )
      if (rand() < 0.05) {
        push(
          'ParticipantLapsed',
          { participantId: pid, scheme: 'voluntary', lapsedOn: fromDayNumber(day + 10), reason: 'stopped-paying' },
          day + 10,
        )
        break
      }
      day = through + 1 + (rand() < 0.2 ? 30 : 0)
    }
    if (p % 10 === 0) {
      const employer = `E${p % 5_000}`
      const debtDay = START + Math.floor(rand() * SPAN)
      const period = fromDayNumber(debtDay - 35).slice(0, 7)
      push(
        'DebtRecorded',
        {
          employer,
          unit: pick(communes).code,
          scheme: 'compulsory',
          period,
          amount: 1_000_000,
          recordedOn: fromDayNumber(debtDay),
        },
        debtDay,
      )
      if (rand() < 0.5)
        push(
          'DebtSettled',
          { employer, scheme: 'compulsory', amount: 700_000, settledOn: fromDayNumber(debtDay + 40) },
          debtDay + 40,
        )
    }
  }
  // a round trip through JSON, as a decoded history arrives: flat strings, not the ropes that
  // template literals build (reading a rope's characters flattens it, a cost the fold would be charged)
  return { events: JSON.parse(JSON.stringify(events)), participants: p }
}
