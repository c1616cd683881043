/**
 * A computation on a worker thread that answers with one message: what the examples run beside
 * their main work on a machine's second core.
 *
 * @module worker-task
 */
import { Worker } from 'node:worker_threads'

/** A computation running on a worker thread. */
export interface WorkerTask<T> {
  /** Its answer; rejects with the worker's error, or when the worker stops without answering. */
  readonly result: Promise<T>
  /** Stops the worker if it is still running (the result is then never settled by it). */
  readonly stop: () => Promise<void>
}

/**
 * Starts the compiled module at `url` on a worker thread with `data` (its `workerData`); the
 * module posts one message, the answer. The worker resolves modules as plain Node does, not with
 * the conditions this process may have been started with (a test runner resolves the workspace
 * packages to their TypeScript sources): the module must be compiled (`dist/`), with what it
 * imports.
 */
export const workerTask = <T>(url: URL, data: unknown): WorkerTask<T> => {
  const worker = new Worker(url, { workerData: data, execArgv: [] })
  let settled = false
  const result = new Promise<T>((resolve, reject) => {
    worker.once('message', (answer: T) => {
      settled = true
      resolve(answer)
    })
    worker.once('error', (err) => {
      settled = true
      reject(err)
    })
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`the worker ${url.pathname} stopped (exit code ${code}) before it answered`))
    })
  })
  // a caller that fails before it awaits the result must not also report an unhandled rejection
  result.catch(() => undefined)
  return {
    result,
    stop: async () => {
      settled = true
      await worker.terminate()
    },
  }
}
