import { describe, expect, it } from 'vitest'
import { redactUrl, scrub, secretsOf } from './redact.js'
import { SECRET_FORMS } from './test/secrets.js'

describe('redactUrl', () => {
  it.each(SECRET_FORMS)('prints $url as $printed', ({ url, printed, secret }) => {
    expect(redactUrl(url)).toBe(printed)
    expect(redactUrl(url)).not.toContain(secret)
  })

  it('keeps what holds no secret as it is', () => {
    for (const url of [
      'memory:',
      'pglite:.ansinh/store',
      'pglite:/tmp/a@b',
      'postgres://db.example/ansinh',
      'postgres://ansinh@db.example/ansinh',
      'postgres://[::1]:5432/ansinh',
      'nonsense',
    ]) {
      expect(redactUrl(url)).toBe(url)
    }
  })

  it('gives the secrets to scrub from any line, as written and decoded', () => {
    expect(secretsOf('postgres://u:Se%40cr@h/d?password=Other1&sslmode=require')).toEqual(
      expect.arrayContaining(['Se%40cr', 'Se@cr', 'Other1']),
    )
    expect(secretsOf('postgres://u@h/d')).toEqual([])
    expect(secretsOf('postgres://u:ab@h/d')).toEqual([])
    for (const { url, secret } of SECRET_FORMS) {
      expect(scrub(`connect to ${url} failed: password ${secret} refused`, secretsOf(url))).not.toContain(secret)
    }
  })
})
