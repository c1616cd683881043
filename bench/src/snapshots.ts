/**
 * The persisted snapshot, measured: sealing a `History` into the store's envelope (payload encode,
 * checksum) and restoring it (checksum, decode, fold); and an `ansinh report` process answering
 * from a PGlite store through its snapshot, end to end (start-up, open, restore, tail, report).
 *
 * @module snapshots
 */
import { spawn } from 'node:child_process'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import * as E from 'fp-ts/lib/Either.js'
import { type History, decodeHistorySnapshot } from '@ansinh/projection'
import { HISTORY_SNAPSHOT_FORMAT, sealHistory } from '@ansinh/projection-runner'
import { GENESIS_HASH, openSnapshot } from '@ansinh/store'
import type { AuditCliFigures } from './audit.js'
import { now, round } from './measure.js'

/** What sealing and restoring a history cost. */
export interface SnapshotFigures {
  readonly events: number
  readonly bytes: number
  readonly writeMs: number
  readonly restoreMs: number
}

/** Seals `history` and restores it; throws if the restored history differs in size or last position. */
export const measureSnapshot = (history: History): SnapshotFigures => {
  const t = now()
  // The stamp's hash is not checked here (no store): the envelope's own cost is what is timed.
  const sealed = sealHistory(history, { position: history.lastPosition ?? 0, hash: GENESIS_HASH })
  const writeMs = now() - t
  const r = now()
  const opened = openSnapshot(sealed, HISTORY_SNAPSHOT_FORMAT)
  // viewed in place, as a store's load does: the sealed bytes are not used again
  const restored = E.isRight(opened) ? decodeHistorySnapshot(opened.right.payload, { inPlace: true }) : opened
  const restoreMs = now() - r
  if (
    E.isLeft(restored) ||
    restored.right.size !== history.size ||
    restored.right.lastPosition !== history.lastPosition
  ) {
    throw new Error(
      `snapshot did not restore the history: ${E.isLeft(restored) ? JSON.stringify(restored.left) : restored.right.size}`,
    )
  }
  return { events: history.size, bytes: sealed.length, writeMs: round(writeMs), restoreMs: round(restoreMs) }
}

/** One `ansinh report` process: its wall time and peak RSS. */
export interface CliFigures {
  readonly events: number
  readonly reportMs: number
  readonly rssMb: number
  /** The audit commands against the same store (audit.ts). */
  readonly audit?: AuditCliFigures
}

/** One CLI process: exit code, wall time from spawn to exit, peak RSS (KB) and stderr. */
export interface CliRun {
  readonly code: number | null
  readonly ms: number
  readonly rssKb: number | null
  readonly stderr: string
}

/**
 * Runs the package's `ansinh` bin with `args` in a new Node process, as a user does (its peak RSS
 * written on exit by a hook loaded with `--import`), stdout discarded.
 */
export const runCli = async (args: readonly string[]): Promise<CliRun> => {
  const bin = join(dirname(createRequire(import.meta.url).resolve('@ansinh/cli')), '..', 'bin', 'ansinh.js')
  const hook = `data:text/javascript,process.on('exit', () => process.stderr.write('ANSINH_RSS ' + process.resourceUsage().maxRSS + '\\n'))`
  const t = now()
  const { code, stderr } = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, ['--import', hook, bin, ...args], { stdio: ['ignore', 'ignore', 'pipe'] })
    let err = ''
    child.stderr.on('data', (d: Buffer) => (err += d.toString()))
    child.on('close', (c) => resolve({ code: c, stderr: err }))
  })
  const rss = /ANSINH_RSS (\d+)/.exec(stderr)
  return { code, ms: now() - t, rssKb: rss === null ? null : Number(rss[1]), stderr }
}

/**
 * Runs `ansinh report coverage` against `store` as a user does, the package's `ansinh` bin in a new
 * Node process (its peak RSS written on exit by a hook loaded with `--import`), and times it from
 * spawn to exit; the best of `runs`.
 */
export const measureCliReport = async (
  store: string,
  events: number,
  args: readonly string[],
  runs = 3,
): Promise<CliFigures> => {
  let best: CliFigures | null = null
  for (let i = 0; i < runs; i++) {
    const { code, ms, rssKb, stderr } = await runCli([...args, '--store', store, '--format', 'json'])
    if (code !== 0 || rssKb === null) throw new Error(`ansinh report failed (exit ${code}): ${stderr.slice(0, 300)}`)
    const figures = { events, reportMs: round(ms), rssMb: round(rssKb / 1024, 0) }
    if (best === null || figures.reportMs < best.reportMs) best = figures
  }
  return best!
}
