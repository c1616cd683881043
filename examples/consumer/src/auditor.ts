/**
 * An auditor's script: no store at all, only a file of events. It answers a plan question as the
 * agency knew it at an instant and as known today, and names what moved.
 *
 *     node dist/src/auditor.js history.ndjson 593 2024-09-30 2024-10-05T00:00:00+07:00
 */
import { readFile } from 'node:fs/promises'
import * as E from 'fp-ts/lib/Either.js'
import { decodeHistory, formatLineError, parseBusinessDate } from '@ansinh/core'
import { History } from '@ansinh/projection'
import { planReport } from '@ansinh/projection-plan'

const [file, unit, day, knownAtText] = process.argv.slice(2)
const asOf = day === undefined ? null : parseBusinessDate(day)
const knownAt = knownAtText === undefined ? Number.NaN : Date.parse(knownAtText)
if (file === undefined || unit === undefined || asOf === null || Number.isNaN(knownAt)) {
  console.error('usage: auditor FILE UNIT YYYY-MM-DD KNOWN-AT-INSTANT')
  process.exit(1)
}

const decoded = decodeHistory(await readFile(file, 'utf8'))
if (E.isLeft(decoded)) {
  for (const e of decoded.left) for (const line of formatLineError(file, e)) console.error(line)
  process.exit(2)
}
const history = History.of(decoded.right)
const then = planReport(history, { asOf, scheme: 'voluntary', unit, knownAt })
const now = planReport(history, { asOf, scheme: 'voluntary', unit, knownAt: null })
console.log(
  JSON.stringify({
    unit,
    asOf: day,
    knownThen: then.participants,
    knownNow: now.participants,
    target: now.target,
    eventsThen: then.basis.events,
    eventsNow: now.basis.events,
  }),
)
