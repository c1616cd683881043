import { readdirSync, writeFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as E from 'fp-ts/lib/Either.js'
import { afterAll, describe, expect, it } from 'vitest'
import { FileSnapshotStore } from './file-snapshots.js'

const root = await mkdtemp(join(tmpdir(), 'ansinh-snapfiles-'))
afterAll(() => rm(root, { recursive: true, force: true }))

describe('FileSnapshotStore', () => {
  it('has no snapshot before the first save, creates its folder on it, and replaces the file whole', async () => {
    const store = new FileSnapshotStore(join(root, 'a', 'snapshots'))
    expect(await store.load('history')()).toEqual(E.right(null))
    expect(await store.save('history', new Uint8Array([1, 2, 3]))()).toEqual(E.right(undefined))
    expect(await store.save('history', new Uint8Array([4, 5]))()).toEqual(E.right(undefined))
    const loaded = await store.load('history')()
    expect(E.isRight(loaded) && loaded.right !== null && [...loaded.right]).toEqual([4, 5])
    expect(E.isRight(loaded) && loaded.right!.byteOffset % 8).toBe(0)
    // the temporary file is renamed over the old one: nothing else is left in the folder
    expect(readdirSync(store.folder)).toEqual(['history.snapshot'])
  })

  it('refuses a name that is no file name, and says why it cannot write', async () => {
    const store = new FileSnapshotStore(join(root, 'b'))
    expect(await store.load('../x')()).toEqual(
      E.left({ _tag: 'SnapshotStoreFailed', message: 'not a snapshot name: "../x"' }),
    )
    expect(await store.save('a/b', new Uint8Array(1))()).toEqual(
      E.left({ _tag: 'SnapshotStoreFailed', message: 'not a snapshot name: "a/b"' }),
    )
    // a folder that cannot be made: its parent is a file
    writeFileSync(join(root, 'file'), '')
    const blocked = new FileSnapshotStore(join(root, 'file', 'snapshots'))
    expect(await blocked.save('history', new Uint8Array(1))()).toMatchObject(
      E.left({
        _tag: 'SnapshotStoreFailed',
        message: expect.stringContaining(
          `cannot write ${join(root, 'file', 'snapshots', 'history.snapshot')}: ENOTDIR`,
        ),
      }),
    )
  })
})
