/**
 * The worker thread of `reformSectionInWorker` (section.ts): runs the reform with the options it is
 * started with and posts back the section.
 *
 * @module section-worker
 */
import { parentPort, workerData } from 'node:worker_threads'
import { runReform } from './reform.js'
import { type SectionRequest, reformSection } from './section.js'

const { options, langs } = workerData as SectionRequest
parentPort!.postMessage(reformSection(runReform(options), langs))
