import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { LOCK_FILE, lockFolder } from './lock.js'

const folder = (): string => mkdtempSync(join(tmpdir(), 'ansinh-lock-'))

/** The pid of a process that has ended. */
const deadPid = (): number => spawnSync(process.execPath, ['-e', '0']).pid!

describe('the folder lock', () => {
  it('is taken once, holds this pid, refuses a second taker and is gone after release', async () => {
    const dir = folder()
    const lock = await lockFolder(dir)
    expect(E.isRight(lock)).toBe(true)
    expect(readFileSync(join(dir, LOCK_FILE), 'utf8')).toBe(`${process.pid}\n`)
    expect(await lockFolder(dir)).toEqual(E.left({ _tag: 'InUse', pid: process.pid }))
    if (E.isRight(lock)) lock.right.release()
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false)
    const again = await lockFolder(dir)
    expect(E.isRight(again)).toBe(true)
    if (E.isRight(again)) again.right.release()
  })

  it('refuses while a live process holds it, naming that process; waits for it with waitMs', async () => {
    const dir = folder()
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 600)'])
    writeFileSync(join(dir, LOCK_FILE), `${holder.pid}\n`)
    expect(await lockFolder(dir)).toEqual(E.left({ _tag: 'InUse', pid: holder.pid }))
    // once the holder is gone, a waiting taker finds its lock stale and takes it over
    const waited = await lockFolder(dir, 10_000)
    expect(E.isRight(waited)).toBe(true)
    if (E.isRight(waited)) waited.right.release()
  })

  it('takes over the lock of a dead process, and an empty lock file left long enough ago', async () => {
    const dir = folder()
    writeFileSync(join(dir, LOCK_FILE), `${deadPid()}\n`)
    const lock = await lockFolder(dir)
    expect(E.isRight(lock)).toBe(true)
    expect(readFileSync(join(dir, LOCK_FILE), 'utf8')).toBe(`${process.pid}\n`)
    if (E.isRight(lock)) lock.right.release()
    // a file created but not yet written is given two seconds
    writeFileSync(join(dir, LOCK_FILE), '')
    expect(await lockFolder(dir)).toEqual(E.left({ _tag: 'InUse', pid: 0 }))
    const old = (Date.now() - 60_000) / 1000
    utimesSync(join(dir, LOCK_FILE), old, old)
    const taken = await lockFolder(dir)
    expect(E.isRight(taken)).toBe(true)
    if (E.isRight(taken)) taken.right.release()
  })

  // Processes race for one folder whose lock a dead process left: exactly one may win.
  const built = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'lock.js')
  it.skipIf(!existsSync(built))(
    "lets exactly one of 6 racing processes take a dead holder's lock (skipped only when not built)",
    async () => {
      for (let round = 0; round < 3; round++) {
        const dir = folder()
        writeFileSync(join(dir, LOCK_FILE), `${deadPid()}\n`)
        // each holds what it got until every one has answered (the parent then closes their stdin)
        const script = `import { lockFolder } from ${JSON.stringify(built)}
        const r = await lockFolder(${JSON.stringify(dir)})
        process.stdout.write(r._tag === 'Right' ? 'won' : 'refused ' + r.left.pid)
        process.stdin.resume()
        process.stdin.on('end', () => process.exit(0))`
        const children = Array.from({ length: 6 }, () => spawn(process.execPath, ['--input-type=module', '-e', script]))
        const answers = children.map(
          (child) => new Promise<string>((ok) => child.stdout.once('data', (d: Buffer) => ok(d.toString()))),
        )
        const closed = children.map((child) => new Promise<void>((ok) => child.on('close', () => ok())))
        const outcomes = await Promise.all(answers)
        for (const child of children) child.stdin.end()
        await Promise.all(closed)
        expect(outcomes.filter((o) => o === 'won')).toHaveLength(1)
        expect(outcomes.filter((o) => /^refused \d+$/.test(o))).toHaveLength(5)
        // released on exit
        expect(existsSync(join(dir, LOCK_FILE))).toBe(false)
      }
    },
    60_000,
  )
})
