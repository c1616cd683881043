import { spawn } from 'node:child_process'
import { existsSync, writeFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import * as E from 'fp-ts/lib/Either.js'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { enrolment, expectRight, participantStream, readEverything } from '@ansinh/store-testing'
import { PGlite } from '@electric-sql/pglite'
import {
  type FolderStore,
  LOCK_FILE,
  PGLITE_BULK_START_PARAMS,
  PGLITE_START_PARAMS,
  openPgliteFolder,
  openPgliteStore,
} from './index.js'

// Its own file: creating a PGlite folder runs initdb (seconds), in parallel with the other files.
describe('PGlite store in a folder', () => {
  it('keeps events in a folder across close and reopen, creating missing parent folders', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ansinh-pglite-'))
    try {
      // like the CLI's default `.ansinh/store` on a fresh checkout: the parent does not exist yet
      const first = await openPgliteStore(join(dir, '.ansinh', 'store'))
      expectRight(await first.append(participantStream(1), [enrolment(1, 1), enrolment(1, 2)]))
      const before = await readEverything(first)
      await first.close()
      const again = await openPgliteStore(join(dir, '.ansinh', 'store'))
      expect(await readEverything(again)).toEqual(before)
      await again.close()
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })

  it('starts PostgreSQL with a small buffer pool, and a large one for a bulk load', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ansinh-pglite-'))
    try {
      const paramsOf = async (bulk?: boolean): Promise<readonly string[]> => {
        const opened = await openPgliteFolder(dir, bulk === undefined ? {} : { bulk })
        if (E.isLeft(opened)) throw new Error(opened.left._tag)
        const store = opened.right as FolderStore
        expectRight(await store.append(participantStream(1), [enrolment(1, (await readEverything(store)).length + 1)]))
        await store.close()
        return store.startParams
      }
      expect(await paramsOf()).toEqual(PGLITE_START_PARAMS)
      expect(await paramsOf(true)).toEqual(PGLITE_BULK_START_PARAMS)
      // and PostgreSQL takes them as written
      for (const [params, shown] of [
        [PGLITE_START_PARAMS, '16MB'],
        [PGLITE_BULK_START_PARAMS, '256MB'],
      ] as const) {
        const db = await PGlite.create(join(dir, 'show'), { startParams: [...PGlite.defaultStartParams, ...params] })
        expect((await db.query<{ shared_buffers: string }>('SHOW shared_buffers')).rows).toEqual([
          { shared_buffers: shown },
        ])
        await db.close()
      }
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })

  it('reads no folder that holds no store, and creates none, unless asked to create', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ansinh-pglite-'))
    try {
      expect(await openPgliteFolder(join(dir, 'typo'), { create: false })).toEqual(
        E.left({ _tag: 'NoStore', dir: join(dir, 'typo') }),
      )
      expect(existsSync(join(dir, 'typo'))).toBe(false)
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })

  it('refuses a folder another live process holds, naming it, before PGlite opens it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ansinh-pglite-'))
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)'])
    try {
      writeFileSync(join(dir, LOCK_FILE), `${holder.pid}\n`)
      const opened = await openPgliteFolder(dir)
      expect(opened).toMatchObject(
        E.left({
          _tag: 'InUse',
          pid: holder.pid,
          message: expect.stringMatching(new RegExp(`^store pglite:.* is in use by process ${holder.pid}; `)),
        }),
      )
      const store = await openPgliteStore(dir)
      expect(await store.append(participantStream(1), [enrolment(1, 1)])).toMatchObject(
        E.left({ _tag: 'StoreUnavailable', message: expect.stringContaining(`in use by process ${holder.pid}`) }),
      )
    } finally {
      holder.kill()
      await rm(dir, { recursive: true, force: true })
    }
  })
})
