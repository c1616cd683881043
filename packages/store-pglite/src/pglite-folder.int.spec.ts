import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { enrolment, expectRight, participantStream, readEverything } from '@ansinh/store-testing'
import { openPgliteStore } from './index.js'

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

})
