/**
 * Progress on stderr for long work, only when stderr is a terminal (never in pipes, CI or tests).
 *
 * @module progress
 */

/** A progress line that rewrites itself; a no-op unless stderr is a TTY. */
export interface Progress {
  update(done: number, total?: number): void
  done(): void
}

/** A progress reporter labelled `what`, at most ~10 updates a second. */
export const progress = (what: string): Progress => {
  if (process.stderr.isTTY !== true) return { update: () => undefined, done: () => undefined }
  let last = 0
  let shown = false
  return {
    update(done, total) {
      const now = Date.now()
      if (now - last < 100) return
      last = now
      shown = true
      process.stderr.write(`\r${what}: ${done.toLocaleString('en')}${total === undefined ? '' : ` / ${total.toLocaleString('en')}`}   `)
    },
    done() {
      if (shown) process.stderr.write('\n')
    },
  }
}
