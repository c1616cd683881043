import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { cp, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import * as E from 'fp-ts/lib/Either.js'
import { afterAll, describe, expect, it } from 'vitest'
import {
  type EventRead,
  type RecordedEvent,
  type SnapshotStamp,
  chainHashAt,
  checkAgainstChain,
  rememberHashOf,
  rememberedHashOf,
  sealSnapshot,
} from '@ansinh/store'
import { enrolment, expectRight, participantStream, readEverything } from '@ansinh/store-testing'
import { FolderStore, SEALED_SNAPSHOT, SEAL_FILE, SNAPSHOT_FOLDER, openPgliteFolder, vouchedHead } from './index.js'
import { REMEMBERED_HASHES, readSeal, writeSeal } from './seal.js'
import { MIGRATIONS } from '@ansinh/store-postgres'

// Its own file: creating a PGlite folder runs initdb (seconds), in parallel with the other files.

const dirs: string[] = []
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true })
})

const open = async (dir: string, sealed?: boolean): Promise<FolderStore> => {
  const opened = await openPgliteFolder(dir, sealed === undefined ? {} : { sealed })
  if (E.isLeft(opened)) throw new Error(JSON.stringify(opened.left))
  expect(opened.right).toBeInstanceOf(FolderStore)
  return opened.right as FolderStore
}

const headOf = (events: readonly RecordedEvent[]): SnapshotStamp => ({
  position: events.at(-1)!.position,
  hash: events.at(-1)!.hash,
})

let template: Promise<{ dir: string; head: SnapshotStamp; events: RecordedEvent[] }> | null = null

/** A folder with 3 events and a `history` snapshot stamped with its head, made once (initdb takes seconds). */
const templateFolder = (): Promise<{ dir: string; head: SnapshotStamp; events: RecordedEvent[] }> =>
  (template ??= (async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ansinh-seal-'))
    dirs.push(dir)
    const store = await open(dir)
    expectRight(await store.append(participantStream(1), [enrolment(1, 1), enrolment(1, 2), enrolment(1, 3)]))
    const events = await readEverything(store)
    const head = headOf(events)
    expect(await store.snapshots.save(SEALED_SNAPSHOT, sealSnapshot(head, 1, new Uint8Array([1, 2, 3])))()).toEqual(
      E.right(undefined),
    )
    await store.close()
    return { dir, head, events }
  })())

/** A copy of the template folder, sealed by one open and close of its own (a copy is not sealed: its files are new). */
const sealedFolder = async (): Promise<{ dir: string; head: SnapshotStamp; events: RecordedEvent[] }> => {
  const t = await templateFolder()
  const dir = await mkdtemp(join(tmpdir(), 'ansinh-seal-'))
  dirs.push(dir)
  await cp(t.dir, dir, { recursive: true })
  expect(await vouchedHead(dir, MIGRATIONS.length)).toBeNull()
  await (await open(dir)).close()
  return { ...t, dir }
}

describe('the sealed folder', () => {
  it('is sealed at close when the snapshot file is stamped with the head, and then answers from the seal without starting PGlite', async () => {
    const t = await templateFolder()
    expect(await vouchedHead(t.dir, MIGRATIONS.length)).toEqual(t.head)
    const { dir, head, events } = await sealedFolder()
    expect(existsSync(join(dir, SNAPSHOT_FOLDER, SEAL_FILE))).toBe(true)
    expect(await vouchedHead(dir, MIGRATIONS.length)).toEqual(head)
    const store = await open(dir)
    expect(store.vouchedHead()).toEqual(head)
    expect(await store.headPosition()).toEqual(E.right(head.position))
    expect(await checkAgainstChain(store, head)).toEqual(E.right(head))
    const after: EventRead[] = []
    for await (const e of store.readAll({ fromPosition: head.position + 1 })) after.push(e)
    expect(after).toEqual([])
    expect(E.isRight(await store.snapshots.load(SEALED_SNAPSHOT)())).toBe(true)
    expect(store.started).toBe(false)
    // a question that needs a row starts PGlite, and the answer is the stored one
    expect(await readEverything(store)).toEqual(events)
    expect(store.started).toBe(true)
    await store.close()
    // closed with the head still the snapshot's: sealed again, for the folder as PGlite left it
    expect(await vouchedHead(dir, MIGRATIONS.length)).toEqual(head)
  })

  it('is broken by anything that opens the database without this store, such as an edit outside ansinh', async () => {
    const { dir, head } = await sealedFolder()
    const db = await PGlite.create(dir)
    await db.query(`UPDATE ansinh_events SET hash = repeat('a', 64) WHERE position = $1`, [head.position])
    await db.close()
    expect(await vouchedHead(dir, MIGRATIONS.length)).toBeNull()
    const store = await open(dir)
    expect(store.vouchedHead()).toBeNull()
    expect(store.started).toBe(true)
    // the snapshot's stamp no longer matches the chain: it is stale, as without a seal
    expect(await checkAgainstChain(store, head)).toMatchObject(
      E.left({ _tag: 'SnapshotStale', chainHash: 'a'.repeat(64) }),
    )
    await store.close()
    expect(await vouchedHead(dir, MIGRATIONS.length)).toBeNull()
  })

  it('is not written when the snapshot is behind the head, nor trusted for a schema of another number of migrations', async () => {
    const { dir, head } = await sealedFolder()
    const store = await open(dir)
    expectRight(await store.append(participantStream(2), [enrolment(2, 1)]))
    expect(store.vouchedHead()).toBeNull()
    expect(await store.headPosition()).toEqual(E.right(head.position + 1))
    await store.close()
    expect(await vouchedHead(dir, MIGRATIONS.length)).toBeNull()
    const t = await templateFolder()
    expect(await vouchedHead(t.dir, MIGRATIONS.length + 1)).toBeNull()
  })

  it('is ignored with sealed: false, and a seal file that is not one is ignored', async () => {
    const { dir } = await sealedFolder()
    const store = await open(dir, false)
    expect([store.vouchedHead(), store.started]).toEqual([null, true])
    await store.close()
    const file = join(dir, SNAPSHOT_FOLDER, SEAL_FILE)
    writeFileSync(file, readFileSync(file, 'utf8').replace('"version":1', '"version":"1"'))
    expect(await vouchedHead(dir, MIGRATIONS.length)).toBeNull()
    writeFileSync(file, 'not json')
    expect(await vouchedHead(dir, MIGRATIONS.length)).toBeNull()
  })

  it('keeps the chain hashes computed from its rows with the seal, and hands them out only while the folder is unchanged', async () => {
    const { dir, events } = await sealedFolder()
    const first = await open(dir)
    expect(rememberedHashOf(first, 2)).toBeNull()
    const computed = await chainHashAt(first, 2)
    expect(computed).toEqual(E.right(events[1]!.hash))
    rememberHashOf(first, 2, events[1]!.hash)
    expect(first.started).toBe(true)
    await first.close()
    // the next process is answered from the seal, without PGlite
    const second = await open(dir)
    expect(rememberedHashOf(second, 2)).toBe(events[1]!.hash)
    expect(rememberedHashOf(second, 1)).toBeNull()
    expect(second.started).toBe(false)
    await second.close()
    // a seal's hashes past its head, or not of the form [position, hash], are none; the seal stands
    const file = join(dir, SNAPSHOT_FOLDER, SEAL_FILE)
    const seal = JSON.parse(readFileSync(file, 'utf8')) as { hashes: [number, string][] }
    expect(seal.hashes).toEqual([[2, events[1]!.hash]])
    writeFileSync(
      file,
      JSON.stringify({
        ...seal,
        hashes: [
          [2, events[1]!.hash],
          [99, events[1]!.hash],
        ],
      }),
    )
    expect([...(await readSeal(dir))!.hashes!]).toEqual([[2, events[1]!.hash]])
    writeFileSync(file, JSON.stringify({ ...seal, hashes: [[2, 'not a hash']] }))
    expect((await readSeal(dir))!.hashes!.size).toBe(0)
    expect(await vouchedHead(dir, MIGRATIONS.length)).not.toBeNull()
    writeFileSync(file, JSON.stringify(seal))
    // the database changed behind the seal: its hashes are not these rows', and are dropped
    const db = await PGlite.create(dir)
    await db.close()
    const third = await open(dir)
    expect(rememberedHashOf(third, 2)).toBeNull()
    await third.close()
  })

  it('keeps the latest used of at most REMEMBERED_HASHES hashes', async () => {
    const { dir, head } = await sealedFolder()
    const hashes = new Map<number, string>()
    for (let p = 1; p <= REMEMBERED_HASHES + 1; p++) hashes.set(p, p.toString(16).padStart(64, '0'))
    await writeSeal(dir, { head, schema: MIGRATIONS.length, hashes })
    const kept = (JSON.parse(readFileSync(join(dir, SNAPSHOT_FOLDER, SEAL_FILE), 'utf8')) as { hashes: unknown[] })
      .hashes
    expect(kept.length).toBe(REMEMBERED_HASHES)
    expect(kept[0]).toEqual([2, '2'.padStart(64, '0')])
  })
})
