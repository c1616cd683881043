import { readFileSync, writeFileSync } from 'node:fs'
import { cp, mkdtemp, rm, truncate } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as E from 'fp-ts/lib/Either.js'
import { afterAll, describe, expect, it } from 'vitest'
import { type RecordedEvent, type SnapshotStamp, chainHashAt, rememberedHashOf, sealSnapshot } from '@ansinh/store'
import { enrolment, expectRight, participantStream, readEverything } from '@ansinh/store-testing'
import { CHAIN_FILE, ChainFile, chainRecordOf } from './chain-file.js'
import { type FolderStore, SEALED_SNAPSHOT, SEAL_FILE, SNAPSHOT_FOLDER, openPgliteFolder } from './index.js'

// Its own file: creating a PGlite folder runs initdb (seconds), in parallel with the other files.

const dirs: string[] = []
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true })
})
const tempDir = async (): Promise<string> => {
  const dir = await mkdtemp(join(tmpdir(), 'ansinh-chain-'))
  dirs.push(dir)
  return dir
}

const open = async (dir: string): Promise<FolderStore> => {
  const opened = await openPgliteFolder(dir)
  if (E.isLeft(opened)) throw new Error(JSON.stringify(opened.left))
  return opened.right as FolderStore
}

/** Appends `n` enrolments of participant `who` and stamps the snapshot file with the new head, so that close seals. */
const appendAndStamp = async (store: FolderStore, who: number, n: number): Promise<RecordedEvent[]> => {
  expectRight(
    await store.append(
      participantStream(who),
      Array.from({ length: n }, (_, i) => enrolment(who, i + 1)),
    ),
  )
  const events = await readEverything(store)
  const head: SnapshotStamp = { position: events.at(-1)!.position, hash: events.at(-1)!.hash }
  expect(await store.snapshots.save(SEALED_SNAPSHOT, sealSnapshot(head, 1, new Uint8Array([1])))()).toEqual(
    E.right(undefined),
  )
  return events
}

const hashes = (store: FolderStore, last: number): (string | null)[] =>
  Array.from({ length: last }, (_, i) => rememberedHashOf(store, i + 1))

const chainPath = (dir: string): string => join(dir, SNAPSHOT_FOLDER, CHAIN_FILE)

/** A folder whose store was created and appended to by one process, then sealed. */
const importedFolder = async (): Promise<{ dir: string; events: RecordedEvent[] }> => {
  const dir = await tempDir()
  const store = await open(dir)
  const events = await appendAndStamp(store, 1, 3)
  await store.close()
  return { dir, events }
}

/** A copy of a folder: its files are new, so its seal does not hold. */
const copyOf = async (from: string): Promise<string> => {
  const dir = await tempDir()
  await cp(from, dir, { recursive: true })
  return dir
}

describe('the chain file of a folder', () => {
  it('holds the hash of every position appended to an empty folder: a sealed reopen cites any of them without PGlite', async () => {
    const { dir, events } = await importedFolder()
    expect(readFileSync(chainPath(dir)).toString('hex')).toBe(events.map((e) => e.hash).join(''))
    const store = await open(dir)
    try {
      expect(hashes(store, 4)).toEqual([...events.map((e) => e.hash), null])
      expect(rememberedHashOf(store, 0)).toBeNull()
      expect(store.started).toBe(false)
    } finally {
      await store.close()
    }
  })

  it('is extended by the appends of a process that opened the folder sealed', async () => {
    const imported = await importedFolder()
    const dir = await copyOf(imported.dir)
    // the copy's files are new: its seal does not hold, and neither does its chain file
    const unsealed = await open(dir)
    expect([unsealed.started, rememberedHashOf(unsealed, 1)]).toEqual([true, null])
    await unsealed.close()
    // the same again after the copy was sealed: still no chain file trusted, and none is written
    const sealed = await open(dir)
    expect(rememberedHashOf(sealed, 1)).toBeNull()
    await appendAndStamp(sealed, 2, 2)
    await sealed.close()
    const after = await open(dir)
    expect(hashes(after, 5)).toEqual([null, null, null, null, null])
    await after.close()

    // a folder sealed with its chain file, appended to by a sealed process
    const { dir: own, events: first } = await importedFolder()
    const second = await open(own)
    expect(second.started).toBe(false)
    const events = await appendAndStamp(second, 2, 2)
    await second.close()
    const third = await open(own)
    try {
      expect(hashes(third, 5)).toEqual(events.map((e) => e.hash))
      expect(events.slice(0, 3)).toEqual(first)
      expect(third.started).toBe(false)
    } finally {
      await third.close()
    }
  })

  it('is never read once changed behind the seal: edited, truncated, or recorded past the head', async () => {
    const { dir: edited, events } = await importedFolder()
    const bytes = readFileSync(chainPath(edited))
    bytes[40] = bytes[40]! ^ 0xff
    writeFileSync(chainPath(edited), bytes)
    const a = await open(edited)
    expect(hashes(a, 3)).toEqual([null, null, null])
    // the hash is then walked for, from the rows
    expect(await chainHashAt(a, 2)).toEqual(E.right(events[1]!.hash))
    await a.close()

    const { dir: cut } = await importedFolder()
    await truncate(chainPath(cut), 64)
    const b = await open(cut)
    expect(hashes(b, 3)).toEqual([null, null, null])
    expect(b.started).toBe(false)
    await b.close()

    const { dir: past } = await importedFolder()
    const sealFile = join(past, SNAPSHOT_FOLDER, SEAL_FILE)
    const seal = JSON.parse(readFileSync(sealFile, 'utf8')) as { chain: { positions: number; size: number } }
    expect(seal.chain).toMatchObject({ positions: 3, size: 96 })
    writeFileSync(sealFile, JSON.stringify({ ...seal, chain: { ...seal.chain, positions: 4, size: 128 } }))
    const c = await open(past)
    expect(c.vouchedHead()).not.toBeNull()
    expect(hashes(c, 3)).toEqual([null, null, null])
    await c.close()
  })
})

describe('keepEveryChainHash', () => {
  it('writes the chain file afresh from a walk of every row, only when none trusted reaches as far', async () => {
    const { dir, events } = await importedFolder()
    const walked = Buffer.from(events.map((e) => e.hash).join(''), 'hex')
    // a trusted file of every row: nothing to keep
    const sealed = await open(dir)
    expect(await sealed.keepEveryChainHash(walked)).toBe(false)
    await sealed.close()
    // a copy trusts no file: a walk of fewer rows than the head is refused, of every row kept
    const copy = await copyOf(dir)
    const unsealed = await open(copy)
    expect(await unsealed.keepEveryChainHash(walked.subarray(0, 64))).toBe(false)
    expect(await unsealed.keepEveryChainHash(new Uint8Array(0))).toBe(false)
    expect(rememberedHashOf(unsealed, 2)).toBeNull()
    expect(await unsealed.keepEveryChainHash(walked)).toBe(true)
    expect(hashes(unsealed, 3)).toEqual(events.map((e) => e.hash))
    await unsealed.close()
    // kept with the seal: the next process reads it without PGlite
    const next = await open(copy)
    try {
      expect(hashes(next, 3)).toEqual(events.map((e) => e.hash))
      expect(next.started).toBe(false)
    } finally {
      await next.close()
    }
  })
})

describe('ChainFile', () => {
  const h = (n: number): string => n.toString(16).padStart(64, '0')

  it('is written from position 1, extended only by the positions that follow, and read by offset', async () => {
    const path = join(await tempDir(), 'sub', CHAIN_FILE)
    const file = ChainFile.fresh(path)
    expect(file.positions).toBe(0)
    expect(await file.record()).toBeNull()
    expect(await file.extend(2, [h(2)])).toBe(false)
    expect(await file.extend(1, [h(1), h(2)])).toBe(true)
    expect([file.hashAt(0), file.hashAt(1), file.hashAt(2), file.hashAt(3), file.hashAt(1.5)]).toEqual([
      null,
      h(1),
      h(2),
      null,
      null,
    ])
    expect(await file.extend(4, [h(4)])).toBe(false)
    expect(await file.extend(3, [])).toBe(true)
    expect(await file.extend(3, ['not hex'])).toBe(false)
    expect(await file.extend(3, [h(3)])).toBe(true)
    expect(file.positions).toBe(3)
    expect(file.hashAt(3)).toBe(h(3))
    const record = await file.record()
    expect(record).toMatchObject({ positions: 3, size: 96 })
    file.close()
    // trusted again from its record, at a head it reaches or passes
    const head = { position: 3, hash: h(3) }
    const again = await ChainFile.trusted(path, record, head)
    expect(again?.hashAt(2)).toBe(h(2))
    again?.close()
    expect((await ChainFile.trusted(path, record, { position: 5, hash: h(5) }))?.positions).toBe(3)
    expect(await ChainFile.trusted(path, record, { position: 3, hash: h(9) })).toBeNull()
    expect(await ChainFile.trusted(path, record, { position: 2, hash: h(2) })).toBeNull()
    expect(await ChainFile.trusted(path, null, head)).toBeNull()
    expect(await ChainFile.trusted(`${path}.gone`, record, head)).toBeNull()
    expect(await ChainFile.trusted(path, { ...record!, mtimeNs: '1' }, head)).toBeNull()
  })

  it('reads a seal record only when every field has its form and the size is 32 bytes a position', () => {
    const ok = { positions: 2, size: 64, mtimeNs: '17', ino: '9' }
    expect(chainRecordOf(ok)).toEqual(ok)
    for (const bad of [
      null,
      'x',
      { ...ok, positions: -1 },
      { ...ok, positions: 1.5 },
      { ...ok, size: 63 },
      { ...ok, mtimeNs: 17 },
      { ...ok, ino: 'x9' },
    ])
      expect(chainRecordOf(bad)).toBeNull()
  })
})
