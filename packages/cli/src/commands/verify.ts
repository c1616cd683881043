/**
 * `ansinh verify`: re-check the store's hash chain from the first event; exit 3 naming the first
 * position that does not verify.
 *
 * @module commands/verify
 */
import * as E from 'fp-ts/lib/Either.js'
import { verifyChain } from '@ansinh/store'
import { type Failure, fail } from '../failure.js'
import { openStore, redact, replay, storeUrl } from '../source.js'

/** Runs `verify`: the summary line, or exit 3 with the first position that does not verify. */
export const runVerify = async (storeOption: string | null): Promise<E.Either<Failure, string>> => {
  const url = storeUrl(storeOption)
  const opened = await openStore(url)
  if (E.isLeft(opened)) return opened
  const store = opened.right
  try {
    const r = await verifyChain(replay(store, url, 'verifying'))
    if (!r.ok) return E.left(fail(3, `${redact(url)}: hash chain broken at position ${r.position}: ${r.reason}`))
    return E.right(`${redact(url)}: hash chain verified: ${r.checked} events, last position ${r.lastPosition ?? 0}${r.lastHash ? `, sha256 ${r.lastHash}` : ''}`)
  } catch (err) {
    return E.left(fail(3, `store ${redact(url)}: ${(err as Error).message}`))
  } finally {
    await store.close()
  }
}
