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
 * second run. The generated side of that judgement may still be on its way (generated on a
 * worker thread, generated.ts): the load hands it over as a promise, which the caller awaits
 * before it writes anything it read from the store.
 *
 * @module store
 */
import * as E from 'fp-ts/lib/Either.js'
import type { DomainEvent } from '@ansinh/core'
import { progress } from '@ansinh/cli'
import { History } from '@ansinh/projection'
import { loadStoredHistory, snapshotWithAppend } from '@ansinh/projection-runner'
import { type EventStore, type SnapshotStamp, describeStoreError, keepsSnapshots, writesInOrder } from '@ansinh/store'
import { openPgliteStore } from '@ansinh/store-pglite'
import { openPostgresStore } from '@ansinh/store-postgres'
import { type HistoryFacts, factsOfEvents, sampled } from './generated.js'

/** Opens `pglite:DIR` or `postgres://…`. */
const open = async (url: string): Promise<EventStore> => {
  // a first run imports the seed histories (815 k events): a buffer pool for the load
  if (url.startsWith('pglite:')) return openPgliteStore(url.slice('pglite:'.length), { bulk: true })
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) return openPostgresStore(url)
  throw new Error(`not a store URL for the seed reports: ${url} (use pglite:DIR or postgres://…)`)
}

const anotherHistory = (url: string, head: number): string =>
  `${url} holds another history (${head} events); remove it or name another store with --store`

/**
 * Whether `history` holds as many events as `facts` tells of and, at each sampled index (every
 * 64th and the last, generated.ts), the one it holds was recorded when the generated event there was.
 */
export const recordedAsGenerated = (history: History, facts: HistoryFacts): boolean => {
  const { positions, recordedAt } = history.columns()
  if (positions.length !== facts.length) return false
  return sampled(facts.length).every((i) => positions[i] === i + 1 && recordedAt[i] === facts.instantAt(i))
}

/** Where a run's seed history comes from, as the store needs it. */
export interface SeedSource {
  /** The merged history, generated in this thread: what an empty store is imported from. */
  readonly events: () => readonly DomainEvent[]
  /**
   * What an earlier run kept in the store of the history at `head` (manifest.ts), read while the
   * store is open; null when it kept nothing this run can trust. Its facts come with the store's
   * own word that it holds this history (stamped with its head), and need no comparison.
   */
  readonly kept: (store: EventStore, head: number) => Promise<HistoryFacts | null>
  /**
   * Otherwise, what a store that already holds events is judged against: asked for before the
   * store's history is restored (so that it can be generated meanwhile, elsewhere), awaited after.
   */
  readonly facts: () => Promise<HistoryFacts>
}

/** The source of a history generated already. */
export const sourceOf = (events: readonly DomainEvent[]): SeedSource => ({
  events: () => events,
  kept: () => Promise.resolve(null),
  facts: () => Promise.resolve(factsOfEvents(events)),
})

/** What {@link throughStore} did, for the run's log. */
export interface StoreLoad {
  readonly history: History
  /** Events appended now (0 when the store already held the history). */
  readonly imported: number
  readonly importMs: number
  readonly readMs: number
  /** Whether the history is the store's snapshot: restored from it, or sealed into it by the import. */
  readonly fromSnapshot: boolean
  /**
   * The facts of the history's events by position, once the history is judged the generated one
   * (rejects, naming the store, when it is not: read it before writing anything from the history).
   */
  readonly facts: Promise<HistoryFacts>
  /** The store's head after the load (null: it holds no event). */
  readonly head: SnapshotStamp | null
}

/**
 * Makes sure `url` holds the source's history (importing it, all or nothing, into an empty store)
 * and returns the history read back from it. Fails, appending nothing, when the store holds
 * another history.
 */
export const throughStore = async (
  url: string,
  source: SeedSource,
  warn: (line: string) => void = (l) => process.stderr.write(l + '\n'),
): Promise<StoreLoad> => {
  const store = await open(url)
  try {
    const started = performance.now()
    const headRead = await store.headPosition()
    if (E.isLeft(headRead)) throw new Error(describeStoreError(headRead.left))
    const head = headRead.right
    let imported = 0
    let facts: Promise<{ readonly facts: HistoryFacts; readonly vouched: boolean }>
    if (head === 0) {
      const events = source.events()
      facts = Promise.resolve({ facts: factsOfEvents(events), vouched: true })
      // The history the snapshot seals is folded at the positions the store gives the events, in
      // the append's transaction: it is what a later run restores, so this run reports from it.
      const history = History.of([])
      const writes = writesInOrder(events, new Map())
      const importing = progress(`importing into ${url}`, { total: events.length })
      const onProgress = (written: number): void => importing.update(written)
      let sealedAt: SnapshotStamp | null = null
      const sealing = snapshotWithAppend(history, events)
      const appended = keepsSnapshots(store)
        ? await store.appendManyWithSnapshot(
            writes,
            {
              ...sealing,
              seal: (result, after, hashes) => {
                sealedAt = after
                return sealing.seal(result, after, hashes)
              },
            },
            { onProgress },
          )
        : await store.appendMany(writes, { onProgress })
      importing.done()
      if (E.isLeft(appended)) throw new Error(describeStoreError(appended.left))
      imported = appended.right.positions.length
      if (history.size === imported && imported > 0)
        return {
          history,
          imported,
          importMs: performance.now() - started,
          readMs: 0,
          fromSnapshot: true,
          facts: facts.then((f) => f.facts),
          head: sealedAt,
        }
    } else {
      const kept = await source.kept(store, head)
      facts =
        kept !== null
          ? Promise.resolve({ facts: kept, vouched: true })
          : source.facts().then((f) => ({ facts: f, vouched: false }))
    }
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
    const judged = facts.then(({ facts: known, vouched }) => {
      if (!vouched && !recordedAsGenerated(loaded.history, known)) throw new Error(anotherHistory(url, head))
      return known
    })
    // the caller reads it after its reports: a refusal must not also be an unhandled rejection meanwhile
    judged.catch(() => undefined)
    return {
      facts: judged,
      head: loaded.head.position > 0 ? loaded.head : null,
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

/**
 * Opens `url` again to keep what the run learnt of the generated events (manifest.ts), when the
 * store's head is still `head`; a failure costs only the next run's speed, and is not reported.
 */
export const keepManifest = async (
  url: string,
  head: SnapshotStamp,
  save: (store: EventStore) => Promise<void>,
): Promise<void> => {
  try {
    const store = await open(url)
    try {
      const now = await store.headPosition()
      if (E.isRight(now) && now.right === head.position) await save(store)
    } finally {
      await store.close()
    }
  } catch {
    // the manifest is an optimisation: the run's figures are complete without it
  }
}
