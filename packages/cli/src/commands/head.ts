/**
 * `ansinh head`: the store's current head — the last position and the chain hash after it,
 * verified as `ansinh verify` verifies — as one line to publish, sign or send to an auditor, and a
 * sentence saying what it is. Later, `ansinh verify --expect-head POSITION:HASH` checks that the
 * store still reaches that head: a chain re-hashed from some position on, renumbered after a
 * deletion, or cut at its end then fails, though it verifies on its own.
 *
 * @module commands/head
 */
import * as E from 'fp-ts/lib/Either.js'
import { formatChainStamp } from '@ansinh/store'
import type { Failure } from '../failure.js'
import { redact, storeUrl } from '../source.js'
import { type VerifyOptions, verifyStore } from './verify.js'

/**
 * Runs `head`: two lines, `POSITION:HASH` and the readable form, or exit 3 as `verify`.
 *
 * @example
 * // 208416:162645934dab…
 * // head of pglite:.ansinh/store: position 208416, sha256 162645934dab…, last event recorded 2024-09-30T17:02:11+07:00; the chain verified up to it
 */
export const runHead = async (
  storeOption: string | null,
  options: VerifyOptions = { full: false, snapshot: true },
  warn: (line: string) => void = (line) => process.stderr.write(line + '\n'),
): Promise<E.Either<Failure, string>> => {
  const url = storeUrl(storeOption)
  const walked = await verifyStore(url, options, warn)
  if (E.isLeft(walked)) return walked
  const { head, from, lastRecordedAt } = walked.right
  const recorded = lastRecordedAt === null ? '' : `, last event recorded ${lastRecordedAt}`
  const scope =
    from === null
      ? 'the chain verified from position 1'
      : `the chain verified after the snapshot at position ${from.position} (--full: from position 1)`
  return E.right(
    `${formatChainStamp(head)}\n` +
      `head of ${redact(url)}: position ${head.position}, sha256 ${head.hash}${recorded}; ${scope}; keep this line outside the store and check it with ansinh verify --expect-head ${formatChainStamp(head)}`,
  )
}
