/**
 * What the runner's specs share: starting a runner and reading a saved checkpoint's position, each
 * failing the test with its reason.
 */
import * as E from 'fp-ts/lib/Either.js'
import type { CheckpointStore } from '@ansinh/store'
import { ProjectionRunner, type RunnerOptions } from '../src/runner.js'

/** A started runner (a failed start fails the test with its reason). */
export const started = async <M>(options: RunnerOptions<M>): Promise<ProjectionRunner<M>> => {
  const r = await ProjectionRunner.start(options)
  if (E.isLeft(r)) throw new Error(`the runner did not start: ${JSON.stringify(r.left)}`)
  return r.right
}

/** The position of the checkpoint saved under `name` (0: none). */
export const savedPosition = async (checkpoints: CheckpointStore, name: string): Promise<number> => {
  const loaded = await checkpoints.load(name)
  if (E.isLeft(loaded)) throw new Error(`checkpoint ${name} did not load: ${JSON.stringify(loaded.left)}`)
  return loaded.right?.position ?? 0
}
