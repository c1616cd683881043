/**
 * The seed run's manifest: what a run learnt of the generated events besides the store's history,
 * kept in the store so that the next run need not generate them again. It is a snapshot of its
 * own (`seed-reports`, beside the history's), stamped with the store's head like any snapshot, and
 * holds:
 *
 * - the fingerprint of the example's code (a digest of every module of this folder) and the
 *   options the seeds were generated with;
 * - each seed's count of events, generation time, unit names and renewals after publication;
 * - the id and lapse reason of each event the story's diffs read (a few hundred positions).
 *
 * A run trusts it only when its stamp is the store's head (checked as a history snapshot's is: a
 * sealed folder answers without PGlite), the fingerprint is this code's and the options are the
 * run's. The store then holds exactly the history that run judged (or imported): the head's hash
 * covers every event before it. A manifest of another head, code or options is ignored and
 * rewritten by the run, which generates as before.
 *
 * @module manifest
 */
import { createHash } from 'node:crypto'
import { readFile, readdir } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import * as E from 'fp-ts/lib/Either.js'
import type { LapseReason } from '@ansinh/core'
import {
  type EventStore,
  type SnapshotStamp,
  checkAgainstChain,
  keepsSnapshots,
  openSnapshot,
  sealSnapshot,
} from '@ansinh/store'
import type { EventFacts } from './audit.js'
import type { GenerateRequest, HistoryFacts, SeedFacts } from './generated.js'
import type { SeedName } from './history.js'

/** The manifest's snapshot name. */
export const MANIFEST_SNAPSHOT = 'seed-reports'
/** The manifest payload's format (bump when its fields change: an older one is then ignored). */
const FORMAT = 1

/** What the manifest holds. */
export interface Manifest {
  readonly generator: string
  readonly request: {
    readonly seed: number | null
    readonly includeHealth: boolean
    readonly seeds: readonly SeedName[]
  }
  /** Whether the seeds' unit names were collected. */
  readonly names: boolean
  readonly seeds: readonly (Omit<SeedFacts, 'names'> & { readonly names: readonly [string, string][] })[]
  /** The id and lapse reason of each event the story read: [position, id, reason]. */
  readonly events: readonly [number, string, LapseReason | null][]
}

let fingerprint: Promise<string> | null = null

/**
 * A digest of every module of the example (this folder and below, specs and source maps left out):
 * a change of a generator, a figure or the story makes another fingerprint.
 */
export const codeFingerprint = (): Promise<string> =>
  (fingerprint ??= (async () => {
    const root = dirname(fileURLToPath(import.meta.url))
    const files: string[] = []
    const walk = async (dir: string): Promise<void> => {
      for (const e of await readdir(dir, { withFileTypes: true })) {
        const path = join(dir, e.name)
        if (e.isDirectory()) await walk(path)
        else if (/\.(js|ts)$/.test(e.name) && !/\.(spec|d)\.ts$|\.spec\.js$/.test(e.name)) files.push(path)
      }
    }
    await walk(root)
    files.sort()
    const hash = createHash('sha256')
    for (const f of files)
      hash
        .update(f.slice(root.length))
        .update('\0')
        .update(await readFile(f))
        .update('\0')
    return hash.digest('hex')
  })())

/** The request part of a manifest. */
const requestOf = (r: GenerateRequest): Manifest['request'] => ({
  seed: r.seed ?? null,
  includeHealth: r.includeHealth ?? false,
  seeds: [...r.seeds],
})

/** Thrown when the story reads an event the manifest does not hold: the run then generates. */
export class ManifestMiss extends Error {
  constructor(readonly position: number) {
    super(`the seed manifest holds no event at position ${position}`)
  }
}

/** What a trusted manifest gives a run. */
export interface ManifestFacts {
  readonly facts: ReadonlyMap<SeedName, SeedFacts>
  /** The merged history's facts at the positions the manifest holds (others: {@link ManifestMiss}). */
  readonly merged: HistoryFacts
}

/**
 * The manifest of `store` when it is trusted for `head` (its stamp), this code and `request`;
 * null otherwise (none, unreadable, of another head, code or options).
 */
export const readManifest = async (
  store: EventStore,
  head: number,
  request: GenerateRequest,
): Promise<ManifestFacts | null> => {
  if (!keepsSnapshots(store)) return null
  const loaded = await store.snapshots.load(MANIFEST_SNAPSHOT)()
  if (E.isLeft(loaded) || loaded.right === null) return null
  const opened = openSnapshot(loaded.right, FORMAT)
  if (E.isLeft(opened) || opened.right.position !== head) return null
  const trusted = await checkAgainstChain(store, opened.right)
  if (E.isLeft(trusted)) return null
  let m: Manifest
  try {
    m = JSON.parse(Buffer.from(opened.right.payload).toString('utf8')) as Manifest
  } catch {
    return null
  }
  const wanted = requestOf(request)
  if (
    m.generator !== (await codeFingerprint()) ||
    JSON.stringify(m.request) !== JSON.stringify(wanted) ||
    (request.names && !m.names)
  )
    return null
  // written by this very code (the fingerprint) into a checksummed envelope: its shape is this code's
  const events = new Map<number, EventFacts>(m.events.map(([p, id, lapseReason]) => [p, { id, lapseReason }]))
  return {
    facts: new Map(m.seeds.map((s) => [s.seed, { ...s, names: new Map(s.names) }])),
    merged: {
      length: head,
      at: (p) => {
        const e = events.get(p)
        if (e === undefined) throw new ManifestMiss(p)
        return e
      },
      instantAt: () => {
        throw new Error('a manifest run judges the store by its stamp, not by recording instants')
      },
    },
  }
}

/** The positions a run's story read, as {@link Manifest.events} holds them. */
export class ReadPositions {
  private readonly read = new Map<number, EventFacts>()

  /** `facts.at`, remembering each position asked. */
  watch(facts: HistoryFacts): (position: number) => EventFacts {
    return (p) => {
      const e = facts.at(p)
      this.read.set(p, e)
      return e
    }
  }

  /** The events read, in position order. */
  entries(): [number, string, LapseReason | null][] {
    return [...this.read].sort(([a], [b]) => a - b).map(([p, e]) => [p, e.id, e.lapseReason])
  }
}

/** Saves the manifest of a run, stamped with `head` (a store without snapshots keeps none). */
export const saveManifest = async (
  store: EventStore,
  head: SnapshotStamp,
  request: GenerateRequest,
  facts: ReadonlyMap<SeedName, SeedFacts>,
  read: ReadPositions,
): Promise<void> => {
  if (!keepsSnapshots(store)) return
  const manifest: Manifest = {
    generator: await codeFingerprint(),
    request: requestOf(request),
    names: request.names,
    seeds: [...facts.values()].map((f) => ({ ...f, names: [...f.names] })),
    events: read.entries(),
  }
  const payload = new Uint8Array(Buffer.from(JSON.stringify(manifest), 'utf8'))
  // a manifest not saved costs only the next run's speed
  await store.snapshots.save(MANIFEST_SNAPSHOT, sealSnapshot(head, FORMAT, payload))()
}
