/**
 * A throw-away PostgreSQL server for the bench: Debian's PostgreSQL binaries, initdb in a temporary
 * folder, 127.0.0.1 on a free port, durability off (fsync, synchronous commit, full-page writes: as
 * every peer runs on the same server, none is favoured), run as `postgres` when we are root; torn
 * down by `stop`. (The store package keeps an equivalent helper for its tests, sealed inside it.)
 *
 * @module pg-server
 */
import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { chmod, chown, mkdtemp, rm } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'

const run = promisify(execFile)

/** A running server. */
export interface PostgresServer {
  readonly url: string
  stop(): Promise<void>
}

const binDir = (): string | null => {
  for (const dir of [process.env['ANSINH_PG_BIN'], ...['17', '16', '15'].map((v) => `/usr/lib/postgresql/${v}/bin`)]) {
    if (dir && existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl'))) return dir
  }
  return null
}

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => (typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('no free port'))))
    })
  })

/** Starts a server, or says why it cannot (no binaries, no postgres user). */
export const startPostgres = async (): Promise<PostgresServer | { readonly unavailable: string }> => {
  const bin = binDir()
  if (bin === null) return { unavailable: 'PostgreSQL binaries (initdb, pg_ctl) not found; set ANSINH_PG_BIN or install postgresql' }
  const asRoot = process.getuid?.() === 0
  const dir = await mkdtemp(join(tmpdir(), 'ansinh-bench-pg-'))
  const data = join(dir, 'data')
  const exec = (cmd: string, args: string[]) => (asRoot ? run('runuser', ['-u', 'postgres', '--', join(bin, cmd), ...args]) : run(join(bin, cmd), args))
  try {
    if (asRoot) {
      await chown(dir, Number((await run('id', ['-u', 'postgres'])).stdout.trim()), Number((await run('id', ['-g', 'postgres'])).stdout.trim()))
      await chmod(dir, 0o700)
    }
    const port = await freePort()
    await exec('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--no-sync', '--locale=C'])
    const settings = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c shared_buffers=512MB -c max_wal_size=4GB`
    await exec('pg_ctl', ['-D', data, '-o', settings, '-l', join(dir, 'log'), '-w', '-t', '60', 'start'])
    return {
      url: `postgres://postgres@127.0.0.1:${port}/postgres`,
      stop: async () => {
        await exec('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']).catch(() => undefined)
        await rm(dir, { recursive: true, force: true })
      },
    }
  } catch (err) {
    await rm(dir, { recursive: true, force: true })
    return { unavailable: `could not start PostgreSQL: ${(err as Error).message.split('\n')[0]}` }
  }
}
