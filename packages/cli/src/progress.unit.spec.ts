import { Writable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { bytes, progress, progressLine } from './progress.js'

/** A stream that says it is a terminal and keeps what is written to it. */
const terminal = (isTTY: boolean) => {
  const chunks: string[] = []
  const stream = Object.assign(
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        chunks.push(chunk.toString())
        done()
      },
    }),
    { isTTY, columns: 120 },
  )
  // what a user sees: the text without the cursor movements (ANSI escapes start with the ESC control character)
  // eslint-disable-next-line no-control-regex
  const text = () => chunks.join('').replace(/\x1b\[[0-9;?]*[A-Za-z]|\x1b[78]/g, '')
  return { stream, text }
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('progress', () => {
  it('writes a line with the total, the percentage and the time left', () => {
    expect(progressLine('reading store', 400, 1000, 12, '████░░░░')).toBe(
      'reading store [████░░░░] 40% 400/1,000, 12s left',
    )
    expect(progressLine('reading store', 25_000, 1_000_000, 125, '░')).toBe(
      'reading store [░] 2% 25,000/1,000,000, 02m05s left',
    )
    expect(progressLine('reading store', 2_500, 1_000_000, 1234, '░')).toBe('reading store [░] 0% 2,500/1,000,000')
    expect(progressLine('reading store', 1000, 1000, 0, '█')).toBe('reading store [█] 100% 1,000/1,000')
    expect(progressLine('reading -', 1234, 0, Number.NaN, '')).toBe('reading -: 1,234')
    expect(progressLine('reading f', 1536 * 1024, 3 * 1024 ** 2, 4, '', bytes)).toBe(
      'reading f [] 50% 1.5 MB/3.0 MB, 04s left',
    )
  })

  it('draws on a terminal and clears its line at the end', async () => {
    const { stream, text } = terminal(true)
    const p = progress('verifying memory:', { stream, total: 1000 })
    expect(p.active).toBe(true)
    p.update(100)
    await pause(150)
    p.update(600)
    await pause(150)
    const drawn = text()
    expect(drawn).toMatch(/verifying memory: \[[█░]{24}\] 60% 600\/1,000/)
    expect(drawn).toMatch(/60% 600\/1,000, \d+s left/)
    p.update(1000)
    p.done()
    expect(text()).toContain('100% 1,000/1,000')
  })

  it('takes a total learned on the way', async () => {
    const { stream, text } = terminal(true)
    const p = progress('appending', { stream })
    p.update(10)
    await pause(150)
    p.update(20, 80)
    await pause(150)
    p.done()
    expect(text()).toContain('appending: 10')
    expect(text()).toContain('25% 20/80')
  })

  it('writes nothing when the stream is not a terminal', async () => {
    const { stream, text } = terminal(false)
    const p = progress('reading', { stream, total: 10 })
    expect(p.active).toBe(false)
    p.update(5)
    await pause(150)
    p.done()
    expect(text()).toBe('')
  })
})
