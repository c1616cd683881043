/**
 * Secrets never printed: every form of store URL that carries a password goes through every
 * command's failure path (a server that does not answer, a mistyped scheme, a URL given where no
 * argument belongs), and the forms a server accepts through every command's success path; no
 * line on stdout or stderr may hold the secret.
 */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { main } from './main.js'
import { cleanHistory } from './test/histories.js'
import { freshDatabase, whyNoPostgres } from './test/postgres.js'
import { SECRET_FORMS } from './test/secrets.js'

const dir = mkdtempSync(join(tmpdir(), 'ansinh-secrets-'))
const file = join(dir, 'history.ndjson')
writeFileSync(file, cleanHistory(5).join('\n') + '\n')
const run = async (argv: string[]) => {
  const lines: string[] = []
  const code = await main(argv, { out: (t) => lines.push(t), err: (t) => lines.push(t) })
  return { code, text: lines.join('\n') }
}
const HEAD = `1:${'a'.repeat(64)}`
const commands = (url: string): string[][] => [
  ['import', file, '--store', url],
  ['verify', '--store', url],
  ['verify', '--full', '--store', url, '--expect-head', HEAD],
  ['head', '--store', url],
  ['report', 'coverage', '--as-of', '2020-05-01', '--scheme', 'voluntary', '--store', url, '--format', 'json'],
  // the URL where no argument belongs: echoed in the usage error
  ['verify', url],
]

describe('secrets never printed', () => {
  // a port nothing listens on: every form of a known scheme fails to connect at once
  const unreachable = SECRET_FORMS.map((f) => ({
    ...f,
    url: f.url.replace('db.example:5432', '127.0.0.1:9').replace('db.example', '127.0.0.1:9'),
  }))
  it.each(unreachable)(
    'fails without printing the secret of $url',
    async ({ url, secret }) => {
      for (const argv of commands(url)) {
        const r = await run(argv)
        expect(r.code).not.toBe(0)
        expect(r.text).not.toContain(secret)
      }
    },
    120_000,
  )

  it.skipIf(whyNoPostgres() !== null)(
    'succeeds without printing the secret, on a server that accepts it (skipped only without PostgreSQL)',
    async () => {
      // the test server trusts every connection, so any password is accepted
      const base = new URL(await freshDatabase('secrets'))
      const at = (userinfo: string, query = ''): string => `postgres://${userinfo}${base.host}${base.pathname}${query}`
      const accepted = [
        { url: at('postgres:Secr3tPW@'), secret: 'Secr3tPW' },
        { url: at('postgres:Se@cr3t@PW@'), secret: 'Se@cr3t@PW' },
        { url: at('postgres:Se%2Fcr%3F3t@'), secret: 'Se/cr?3t' },
        { url: at('', '?user=postgres&password=Secr3tPW&application_name=ansinh'), secret: 'Secr3tPW' },
      ]
      for (const { url, secret } of accepted) {
        for (const argv of commands(url).slice(0, -1)) {
          const r = await run(argv)
          expect(r.text).not.toContain(secret)
          expect(r.text).not.toContain(encodeURIComponent(secret))
          // the expected head is made up: that one is exit 3, naming position 1
          if (argv.includes('--expect-head')) expect(r.code).toBe(3)
          else expect([argv[0], r.code, r.text]).toEqual([argv[0], 0, expect.any(String)])
        }
      }
    },
    300_000,
  )
})
