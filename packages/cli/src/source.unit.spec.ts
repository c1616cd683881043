import { describe, expect, it } from 'vitest'
import { existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openStore, optionalAdapter } from './source.js'

// A name held in a variable, so the type checker does not look for the missing package.
const missing = '@ansinh/store-not-installed'

describe('optionalAdapter', () => {
  it('gives the module when the package is installed', async () => {
    const mod = await optionalAdapter(() => import('@ansinh/store'), '@ansinh/store')
    expect(typeof mod?.InMemoryEventStore).toBe('function')
  })

  it('gives null when the package itself is not installed', async () => {
    expect(await optionalAdapter(() => import(missing), missing)).toBeNull()
  })

  it('throws any other failure as it is, even a missing package of another name', async () => {
    await expect(optionalAdapter(() => import(missing), '@ansinh/store-eventstoredb')).rejects.toMatchObject({
      code: 'ERR_MODULE_NOT_FOUND',
    })
    const broken = new Error('the module threw while loading')
    await expect(optionalAdapter(() => Promise.reject(broken), missing)).rejects.toBe(broken)
  })
})

describe('openStore', () => {
  it('opens memory: without loading a database adapter, for import only', async () => {
    const store = await openStore('memory:', { create: true })
    expect(store._tag).toBe('Right')
    // a read of memory: would answer from nothing
    expect(await openStore('memory:')).toMatchObject({
      _tag: 'Left',
      left: { code: 3, lines: [expect.stringMatching(/^store memory: is empty/)] },
    })
  })

  it('refuses to read a pglite: folder that holds no store, and creates none', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'ansinh-source-')), 'typo-store')
    expect(await openStore(`pglite:${dir}`)).toEqual({
      _tag: 'Left',
      left: {
        code: 3,
        lines: [
          `store pglite:${dir} does not exist (no ansinh store in that folder); only ansinh import creates a store`,
        ],
      },
    })
    expect(existsSync(dir)).toBe(false)
  })

  it('names the accepted schemes for an unknown URL (exit 1)', async () => {
    const store = await openStore('mysql://x')
    expect(store).toMatchObject({ _tag: 'Left', left: { code: 1 } })
  })
})
