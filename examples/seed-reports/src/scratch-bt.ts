import { binhThuan } from './generate/binh-thuan.js'
const t0 = performance.now()
const w = binhThuan({ seed: 2020, includeHealth: false })
console.log(w.log.events.length, performance.now() - t0)
console.log(JSON.stringify(w.log.events.slice(0, 3)))
console.log(JSON.stringify(w.log.events.filter(e => e.type==='ParticipantEnrolled').slice(0, 8)))
