import { execFile } from 'node:child_process'
import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

// examples/consumer is a project outside the workspace (pnpm-workspace.yaml excludes it): this
// test packs the packages it names with `pnpm pack` (what `pnpm publish` would upload), installs
// the tarballs with plain npm into a copy of it, compiles it with its own TypeScript in strict
// NodeNext mode, and runs its three programs — a pg-only backend, an auditor script and a
// fast-check suite on node's own test runner. npm fetches the third-party dependencies (pg,
// fp-ts, io-ts, fast-check, typescript) from the registry.

const run = promisify(execFile)
const ROOT = resolve(import.meta.dirname, '..')
const PACKED = ['core', 'projection', 'projection-plan', 'store', 'store-postgres', 'testing'] as const

let dir = ''
let app = ''
const tarballs = new Map<string, string>()

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ansinh-consumer-'))
  const tgz = join(dir, 'tgz')
  for (const name of PACKED) {
    const { stdout } = await run('pnpm', ['pack', '--pack-destination', tgz], { cwd: join(ROOT, 'packages', name) })
    const file = stdout.trim().split('\n').pop()!.trim()
    tarballs.set(`@ansinh/${name}`, file.startsWith('/') ? file : join(tgz, file))
  }
  app = join(dir, 'app')
  await cp(join(ROOT, 'examples/consumer'), app, {
    recursive: true,
    filter: (src) => !/node_modules|dist/.test(src.slice(ROOT.length)),
  })
  await cp(join(ROOT, 'examples/history.ndjson'), join(app, 'history.ndjson'))
  // The manifest names versions, as a project installing from the registry would; here each
  // @ansinh package (direct or not) comes from its tarball instead.
  const manifest = JSON.parse(await readFile(join(app, 'package.json'), 'utf8')) as Record<
    string,
    Record<string, string>
  >
  const local = Object.fromEntries([...tarballs].map(([name, file]) => [name, `file:${file}`]))
  for (const section of ['dependencies', 'devDependencies'] as const)
    for (const name of Object.keys(manifest[section]!)) if (name in local) manifest[section]![name] = local[name]!
  manifest['overrides'] = local
  await writeFile(join(app, 'package.json'), JSON.stringify(manifest, null, 2))
  await run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: app })
  await run('npx', ['--no-install', 'tsc', '-p', '.'], { cwd: app })
}, 600_000)

afterAll(async () => {
  if (dir !== '') await rm(dir, { recursive: true, force: true })
})

describe('a project outside the workspace, on the packed packages', () => {
  it('installs no PGlite, no gRPC and no EventStoreDB client for a pg-only backend', async () => {
    const { stdout } = await run('npm', ['ls', '--all', '--parseable'], { cwd: app })
    const installed = stdout.split('\n').map((p) => p.slice(p.lastIndexOf('node_modules/') + 'node_modules/'.length))
    expect(installed).toContain('@ansinh/store-postgres')
    expect(installed).toContain('pg')
    for (const unwanted of [
      '@electric-sql/pglite',
      '@grpc/grpc-js',
      '@eventstore/db-client',
      'protobufjs',
      '@ansinh/store-pglite',
      '@ansinh/cli',
    ])
      expect(installed).not.toContain(unwanted)
  })

  it('ships no spec file and no test helper in any tarball', async () => {
    for (const [name, file] of tarballs) {
      const { stdout } = await run('tar', ['-tzf', file])
      const entries = stdout.split('\n').filter((e) => e !== '')
      expect(entries, name).toContain('package/package.json')
      expect(
        entries.filter((e) => /\.spec\.|\/test\/|tsbuildinfo/.test(e)),
        name,
      ).toEqual([])
    }
  })

  it('compiles in strict NodeNext mode against the packed declarations (no skipLibCheck)', async () => {
    expect(existsSync(join(app, 'dist/src/auditor.js'))).toBe(true)
    expect(existsSync(join(app, 'dist/src/backend.js'))).toBe(true)
    expect((await readdir(join(app, 'dist/test'))).filter((f) => f.endsWith('.js'))).toEqual(['properties.test.js'])
  })

  it('runs the auditor script: a figure as known at an instant and as known today', async () => {
    const { stdout, stderr } = await run(
      'node',
      ['dist/src/auditor.js', 'history.ndjson', '593', '2024-09-30', '2024-06-01T00:00:00+07:00'],
      { cwd: app },
    )
    expect(stderr).toBe('')
    expect(JSON.parse(stdout)).toEqual({
      unit: '593',
      asOf: '2024-09-30',
      knownThen: 8,
      knownNow: 7,
      target: 12,
      eventsThen: 28,
      eventsNow: 35,
    })
  })

  it('refuses a wrong command line of the auditor script with its usage', async () => {
    await expect(
      run('node', ['dist/src/auditor.js', 'history.ndjson', '593', '2024-02-30', 'soon'], { cwd: app }),
    ).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('usage: auditor') })
  })

  it('runs the fast-check suite on node:test', async () => {
    const { stdout } = await run('node', ['--test', 'dist/test/'], { cwd: app })
    expect(stdout).toMatch(/# pass 2\n/)
    expect(stdout).toMatch(/# fail 0\n/)
  })

  it.skipIf(!process.env['ANSINH_TEST_PG_URL'])(
    'runs the pg-only backend against a PostgreSQL server (skipped only without PostgreSQL binaries)',
    async () => {
      // A database of its own, made with the pg the consumer project installed.
      const name = `consumer_${process.pid}_${Date.now()}`
      const create = `import pg from 'pg'; const c = new pg.Client({ connectionString: process.env.ANSINH_TEST_PG_URL }); await c.connect(); await c.query('CREATE DATABASE ${name}'); await c.end()`
      await run('node', ['--input-type=module', '-e', create], { cwd: app })
      const url = new URL(process.env['ANSINH_TEST_PG_URL']!)
      url.pathname = `/${name}`
      const env = { ...process.env, DATABASE_URL: url.toString() }
      const first = await run('node', ['dist/src/backend.js', 'history.ndjson', '593', '2024-09-30'], { cwd: app, env })
      expect(JSON.parse(first.stdout)).toEqual({
        appended: 35,
        head: 35,
        chain: true,
        unit: '593',
        participants: 7,
        target: 12,
      })
      // The same file again: the store already holds every event, so nothing is appended twice.
      const second = await run('node', ['dist/src/backend.js', 'history.ndjson', '593', '2024-09-30'], {
        cwd: app,
        env,
      })
      expect(JSON.parse(second.stdout)).toEqual({
        appended: 0,
        head: 35,
        chain: true,
        unit: '593',
        participants: 7,
        target: 12,
      })
    },
  )
})
