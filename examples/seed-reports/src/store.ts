/**
 * The main job's embedded store: the generated history is imported into a store (PGlite in a
 * folder by default) and the reports are computed from what the store hands back — the path a
 * backend or an auditor takes. The import leaves a snapshot of the history in its own
 * transaction; a store that already holds exactly this history is not imported into again, and
 * its history is restored from that snapshot (checked against the chain) plus any events after
 * it, so a second run starts at once.
 *
 * Whether the store holds this history is judged from the history restored: as many events, and
 * the event at every 64th position and the last recorded at the same instant as the generated
 * event there (another seed, other options or another generator moves them; comparing all 815 k
 * instants costs half a second). A sealed folder then answers without starting PGlite at all:
 * reading one event back to compare its id cost 1.2 s of PGlite's start-up, a sixth of the
 * second run.
 *
 * @module store
 */
import * as E from 'fp-ts/lib/Either.js'
import { type DomainEvent, instantMillis } from '@ansinh/core'
import { progress } from '@ansinh/cli'
import { History } from '@ansinh/projection'
import { loadStoredHistory, snapshotWithAppend } from '@ansinh/projection-runner'
import { type EventStore, describeStoreError, keepsSnapshots, writesInOrder } from '@ansinh/store'
import { openPgliteStore } from '@ansinh/store-pglite'
import { openPostgresStore } from '@ansinh/store-postgres'

/** Opens `pglite:DIR` or `postgres://…`. */
const open = async (url: string): Promise<EventStore> => {
  // a first run imports the seed histories (815 k events): a buffer pool for the load
  if (url.startsWith('pglite:')) return openPgliteStore(url.slice('pglite:'.length), { bulk: true })
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) return openPostgresStore(url)
  throw new Error(`not a store URL for the seed reports: ${url} (use pglite:DIR or postgres://…)`)
}

const anotherHistory = (url: string, head: number): string =>
  `${url} holds another history (${head} events); remove it or name another store with --store`

/** One of every `SAMPLE_EVERY` positions is compared by {@link recordedAsGenerated}. */
const SAMPLE_EVERY = 64

/**
 * Whether `history` holds as many events as `events` and, at every {@link SAMPLE_EVERY}th position
 * and the last, the one it holds was recorded when the generated event there was.
 */
export const recordedAsGenerated = (history: History, events: readonly DomainEvent[]): boolean => {
  const { positions, recordedAt } = history.columns()
  if (positions.length !== events.length) return false
  const same = (i: number): boolean => positions[i] === i + 1 && recordedAt[i] === instantMillis(events[i]!.recordedAt)
  for (let i = 0; i < events.length; i += SAMPLE_EVERY) if (!same(i)) return false
  return events.length === 0 || same(events.length - 1)
}

/** What {@link throughStore} did, for the run's log. */
export interface StoreLoad {
  readonly history: History
  /** Events appended now (0 when the store already held the history). */
  readonly imported: number
  readonly importMs: number
  readonly readMs: number
  /** Whether the history is the store's snapshot: restored from it, or sealed into it by the import. */
  readonly fromSnapshot: boolean
}

/**
 * Makes sure `url` holds `events` (importing them, all or nothing, into an empty store) and returns
 * the history read back from it. Fails, appending nothing, when the store holds another history.
 */
export const throughStore = async (
  url: string,
  events: readonly DomainEvent[],
  warn: (line: string) => void = (l) => process.stderr.write(l + '\n'),
): Promise<StoreLoad> => {
  const store = await open(url)
  try {
    const started = performance.now()
    const headRead = await store.headPosition()
    if (E.isLeft(headRead)) throw new Error(describeStoreError(headRead.left))
    const head = headRead.right
    let imported = 0
    if (head === 0) {
      // The history the snapshot seals is folded at the positions the store gives the events, in
      // the append's transaction: it is what a later run restores, so this run reports from it.
      const history = History.of([])
      const writes = writesInOrder(events, new Map())
      const importing = progress(`importing into ${url}`, { total: events.length })
      const onProgress = (written: number): void => importing.update(written)
      const appended = keepsSnapshots(store)
        ? await store.appendManyWithSnapshot(writes, snapshotWithAppend(history, events), { onProgress })
        : await store.appendMany(writes, { onProgress })
      importing.done()
      if (E.isLeft(appended)) throw new Error(describeStoreError(appended.left))
      imported = appended.right.positions.length
      if (history.size === imported && imported > 0)
        return { history, imported, importMs: performance.now() - started, readMs: 0, fromSnapshot: true }
    } else if (head !== events.length) throw new Error(anotherHistory(url, head))
    const importedAt = performance.now()
    const reading = progress(`reading ${url}`, { total: imported > 0 ? imported : head })
    const read = await loadStoredHistory(store, {
      useSnapshot: true,
      warn,
      pageSize: 10_000,
      onEvent: (position) => reading.update(position),
    })
    reading.done()
    if (E.isLeft(read)) throw new Error(describeStoreError(read.left))
    const loaded = read.right
    if (imported === 0 && !recordedAsGenerated(loaded.history, events)) throw new Error(anotherHistory(url, head))
    return {
      history: loaded.history,
      imported,
      importMs: importedAt - started,
      readMs: performance.now() - importedAt,
      fromSnapshot: loaded.snapshot !== null,
    }
  } finally {
    await store.close()
  }
}
