/**
 * The worker thread of `generateInWorker` (generated.ts): generates the seeds it is asked for and
 * posts back their facts, the packed arrays moved rather than copied.
 *
 * @module generate-worker
 */
import { parentPort, workerData } from 'node:worker_threads'
import { type GenerateRequest, type GeneratedThere, generateHere, packFacts } from './generated.js'

const here = generateHere(workerData as GenerateRequest)
const merged = packFacts(here.merged())
const message: GeneratedThere = { seeds: [...here.facts.values()].map((f) => ({ ...f, names: [...f.names] })), merged }
// the arrays are this thread's own (not shared): moved to the main thread, not copied
const moved = [merged.ids.buffer, merged.reasons.buffer, merged.instants.buffer] as ArrayBuffer[]
parentPort!.postMessage(message, moved)
