import { describe, expect, it } from 'vitest'
import { snippetsOf } from './extract.js'

describe('snippetsOf', () => {
  it('takes every ts block with its first line, and the mode its marker gives', () => {
    const page = [
      '# t',
      '```ts',
      'const a = 1',
      '```',
      '<!-- snippet: compile only (needs a server) -->',
      '```ts',
      'const b = 2',
      'const c = 3',
      '```',
      '<!-- snippet: not compiled (a signature) -->',
      '```ts',
      'f(x?)',
      '```',
      '```sh',
      'ls',
      '```',
    ].join('\n')
    expect(snippetsOf('p.md', page)).toEqual([
      { page: 'p.md', line: 3, code: 'const a = 1', mode: 'run' },
      { page: 'p.md', line: 7, code: 'const b = 2\nconst c = 3', mode: 'compile' },
      { page: 'p.md', line: 12, code: 'f(x?)', mode: 'skip' },
    ])
  })

  it('takes blocks indented in a list item, without their indent', () => {
    expect(snippetsOf('p.md', '1. step\n   ```ts\n   const a = 1\n     + 2\n   ```')).toEqual([
      { page: 'p.md', line: 3, code: 'const a = 1\n  + 2', mode: 'run' },
    ])
  })
})
