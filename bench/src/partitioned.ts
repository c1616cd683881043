/**
 * The partitioned run: the national plan in miniature. Each partition is one province in its own
 * worker thread (at national scale: one worker per province, each fed from its own partition of
 * the store). Measured: the fold of one province alone, then of two at once (throughput scaling on
 * this machine's cores), and a national question answered by asking every partition and adding up.
 *
 * @module partitioned
 */
import { Worker } from 'node:worker_threads'
import type { Scheme } from '@ansinh/core'
import type { ScaleOptions } from './generator.js'
import { type Latency, latencyOf, now, perSecond, round } from './measure.js'
import type { BenchPlan } from './options.js'
import type { PartitionCommand, PartitionReply } from './partition-worker.js'
import { queryMix } from './queries.js'

/** What the partitioned run measured. */
export interface PartitionedFigures {
  readonly participantsPerPartition: number
  readonly one: { readonly events: number; readonly foldMs: number; readonly eventsPerSec: number }
  readonly two: { readonly events: number; readonly foldMs: number; readonly eventsPerSec: number }
  /** Two partitions' throughput over one's. */
  readonly speedup: number
  /** A national coverage figure: every partition asked at once, answers added up. */
  readonly scatterGather: Latency
}

interface Partition {
  readonly worker: Worker
  readonly events: number
  next(): Promise<PartitionReply>
  send(m: PartitionCommand): void
}

const startPartition = async (scale: ScaleOptions): Promise<Partition> => {
  const worker = new Worker(new URL('./partition-worker.js', import.meta.url), { workerData: scale })
  const queue: PartitionReply[] = []
  const waiting: ((r: PartitionReply) => void)[] = []
  worker.on('message', (r: PartitionReply) => {
    const w = waiting.shift()
    if (w !== undefined) w(r)
    else queue.push(r)
  })
  const next = (): Promise<PartitionReply> => {
    const r = queue.shift()
    return r !== undefined ? Promise.resolve(r) : new Promise((resolve) => waiting.push(resolve))
  }
  // A worker that dies fails the run rather than leaving it waiting.
  worker.on('error', (err) => {
    process.stderr.write(`partition worker failed: ${err.stack ?? String(err)}\n`)
    process.exit(1)
  })
  const generated = await next()
  return {
    worker,
    events: generated.type === 'generated' ? generated.events : 0,
    next,
    send: (m) => worker.postMessage(m),
  }
}

/** Folds every partition at once; the wall-clock time until the last is done. */
const foldAll = async (partitions: readonly Partition[]): Promise<number> => {
  const t = now()
  for (const p of partitions) p.send({ type: 'fold' })
  await Promise.all(partitions.map((p) => p.next()))
  return now() - t
}

const stopAll = async (partitions: readonly Partition[]): Promise<void> => {
  for (const p of partitions) await p.worker.terminate()
}

/** Runs one partition, then two (other provinces), and the scatter-gather questions over the two. */
export const runPartitioned = async (plan: BenchPlan, log: (m: string) => void): Promise<PartitionedFigures> => {
  const province = (code: string): ScaleOptions => ({
    ...plan.scale,
    participants: plan.partitionParticipants,
    employers: Math.round(plan.partitionParticipants / 250),
    province: code,
  })
  log(`partitioned: one province of ${plan.partitionParticipants} participants`)
  const alone = [await startPartition(province('60'))]
  const oneMs = await foldAll(alone)
  await stopAll(alone)
  log('partitioned: two provinces at once')
  const pair = await Promise.all([startPartition(province('62')), startPartition(province('64'))])
  const twoMs = await foldAll(pair)
  const durations: number[] = []
  const questions = queryMix(province('62'), 200)
  for (let i = 0; i < questions.length; i++) {
    const t = now()
    for (const p of pair)
      p.send({ type: 'ask', id: i, asOf: questions[i]!.asOf, scheme: questions[i]!.scheme as Scheme })
    const answers = await Promise.all(pair.map((p) => p.next()))
    durations.push(now() - t)
    if (answers.some((a) => a.type !== 'answer')) throw new Error('a partition did not answer')
  }
  await stopAll(pair)
  const oneEvents = alone[0]!.events
  const twoEvents = pair[0]!.events + pair[1]!.events
  const one = { events: oneEvents, foldMs: round(oneMs), eventsPerSec: perSecond(oneEvents, oneMs) }
  const two = { events: twoEvents, foldMs: round(twoMs), eventsPerSec: perSecond(twoEvents, twoMs) }
  return {
    participantsPerPartition: plan.partitionParticipants,
    one,
    two,
    speedup: round(two.eventsPerSec / one.eventsPerSec, 2),
    scatterGather: latencyOf(durations),
  }
}
