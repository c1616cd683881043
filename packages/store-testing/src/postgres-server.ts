/**
 * A throw-away PostgreSQL server for the integration tests: initdb in a temporary folder, trust
 * authentication, 127.0.0.1 on a free port, durability switched off for speed; torn down by
 * `stop`. Run as root, the server runs as the `postgres` user (PostgreSQL refuses root).
 * Without PostgreSQL binaries, `startPostgres` says why instead of starting.
 *
 * Usable per test file (`beforeAll`) or from a vitest globalSetup (see `setup`/`teardown`).
 *
 * `@ansinh/store-testing/postgres-server`.
 *
 * @module postgres-server
 */
import { execFile } from 'node:child_process'
import { chmod, chown, mkdtemp, rm } from 'node:fs/promises'
import { existsSync } from 'node:fs'
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

/** Where the binaries are: `ANSINH_PG_BIN`, else Debian's PostgreSQL 15, 16 or 17. */
const binDir = (): string | null => {
  const candidates = [process.env['ANSINH_PG_BIN'], ...['17', '16', '15'].map((v) => `/usr/lib/postgresql/${v}/bin`)]
  for (const dir of candidates)
    if (dir && existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl'))) return dir
  return null
}

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() =>
        typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('no port')),
      )
    })
  })

const NO_BINARIES = 'PostgreSQL binaries (initdb, pg_ctl) not found; set ANSINH_PG_BIN or install postgresql'

/** Why no server can be started here, or null when one can (decided at once, for `describe.skipIf`). */
export const whyNoPostgres = (): string | null =>
  process.env['ANSINH_TEST_PG_URL']
    ? null
    : (process.env['ANSINH_TEST_PG_SKIP'] ?? (binDir() === null ? NO_BINARIES : null))

/** Starts a server, or returns why it cannot. */
export const startPostgres = async (): Promise<PostgresServer | { readonly skipped: string }> => {
  const bin = binDir()
  if (bin === null) return { skipped: NO_BINARIES }
  const asRoot = process.getuid?.() === 0
  let uid = -1,
    gid = -1
  if (asRoot) {
    try {
      uid = Number((await run('id', ['-u', 'postgres'])).stdout.trim())
      gid = Number((await run('id', ['-g', 'postgres'])).stdout.trim())
    } catch {
      return { skipped: 'running as root and there is no postgres user to run the server as' }
    }
  }
  const dir = await mkdtemp(join(tmpdir(), 'ansinh-pg-'))
  const data = join(dir, 'data')
  const exec = (cmd: string, args: string[]) =>
    asRoot ? run('runuser', ['-u', 'postgres', '--', join(bin, cmd), ...args]) : run(join(bin, cmd), args)
  if (asRoot) {
    await chown(dir, uid, gid)
    await chmod(dir, 0o700)
  }
  const port = await freePort()
  await exec('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--no-sync', '--locale=C'])
  const settings = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`
  await exec('pg_ctl', ['-D', data, '-o', settings, '-l', join(dir, 'log'), '-w', '-t', '60', 'start'])
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop: async () => {
      await exec('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(() => undefined)
      await rm(dir, { recursive: true, force: true })
    },
  }
}

let shared: PostgresServer | null = null

/** vitest globalSetup: starts a server and puts its URL in `ANSINH_TEST_PG_URL` (or the reason in `ANSINH_TEST_PG_SKIP`). */
export const setup = async (): Promise<void> => {
  if (process.env['ANSINH_TEST_PG_URL']) return
  const started = await startPostgres()
  if ('skipped' in started) process.env['ANSINH_TEST_PG_SKIP'] = started.skipped
  else {
    shared = started
    process.env['ANSINH_TEST_PG_URL'] = started.url
  }
}

/** vitest globalSetup teardown: stops the server `setup` started. */
export const teardown = async (): Promise<void> => {
  await shared?.stop()
  shared = null
}
