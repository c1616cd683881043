#!/usr/bin/env node
import { internalError, isBrokenPipe } from './failure.js'
import { main } from './main.js'

// Only a bug reaches the handlers below (expected failures are values); it gets one line, not a
// stack trace, and exit 3.
const crash = (err: unknown): void => {
  if (isBrokenPipe(err)) {
    // The reader stopped reading (`ansinh report … | head`): nothing more to say, to anyone.
    process.exit(process.exitCode ?? 0)
  }
  try {
    process.stderr.write(internalError(err).join('\n') + '\n')
  } finally {
    process.exitCode = 3
  }
}
process.stdout.on('error', crash)
process.stderr.on('error', crash)
process.on('uncaughtException', crash)
process.on('unhandledRejection', crash)

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code
}, crash)
