/**
 * The `ansinh` program: parse, run, print, and map failures to the exit codes of the CLI spec.
 * No stack trace for an expected error.
 *
 * @module main
 */
import * as E from 'fp-ts/lib/Either.js'
import { helpFor, parseArgs, usageOf, wordsOf } from './args.js'
import { runDiff, runDiffPublished, runExplain, runReproduce, runRevisions } from './commands/audit.js'
import { runCheck } from './commands/check.js'
import { runHead } from './commands/head.js'
import { runImport } from './commands/import.js'
import { runReport } from './commands/report.js'
import { runVerify } from './commands/verify.js'
import type { Failure } from './failure.js'
import { scrub, secretsOf } from './redact.js'
import { VERSION } from './version.js'

/** Where the program writes; injectable for tests. */
export interface Io {
  readonly out: (text: string) => void
  readonly err: (text: string) => void
  /** Writes a chunk of a long answer (explain's csv) and resolves when it may continue; default: `out`. */
  readonly write?: (text: string) => Promise<void>
}

const processIo: Io = {
  out: (t) => process.stdout.write(t + '\n'),
  err: (t) => process.stderr.write(t + '\n'),
  write: (t) =>
    new Promise<void>((resolve) =>
      process.stdout.write(t) ? resolve() : process.stdout.once('drain', () => resolve()),
    ),
}

/** Runs the program on its arguments (without `node` and the script) and returns the exit code. */
export const main = async (argv: readonly string[], given: Io = processIo): Promise<number> => {
  // Secrets never printed: whatever a line says (a driver's error text included), no password of a
  // store URL on the command line or in ANSINH_STORE reaches stderr, nor a summary line on stdout.
  const secrets = [...new Set([...argv, process.env.ANSINH_STORE ?? ''].flatMap(secretsOf))].sort(
    (a, b) => b.length - a.length,
  )
  const io: Io = secrets.length === 0 ? given : { out: given.out, err: (t) => given.err(scrub(t, secrets)) }
  const summary = (t: string): string => scrub(t, secrets)
  const parsed = parseArgs(argv)
  if (E.isLeft(parsed)) {
    io.err(`ansinh: ${parsed.left}`)
    io.err(usageOf(wordsOf(argv)))
    return 1
  }
  const command = parsed.right
  let result: E.Either<Failure, string | null>
  switch (command.name) {
    case 'help':
      io.out(helpFor(command.path) ?? helpFor([])!)
      return 0
    case 'version':
      io.out(VERSION)
      return 0
    case 'check':
      result = await runCheck(command.file)
      break
    case 'import':
      result = await runImport(command.file, command.store, { snapshot: command.snapshot }, io.err)
      break
    case 'verify':
      result = await runVerify(
        command.store,
        {
          full: command.full,
          snapshot: command.snapshot,
          ...(command.expectHead === undefined ? {} : { expectHead: command.expectHead }),
        },
        io.err,
      )
      break
    case 'head':
      result = await runHead(command.store, { full: command.full, snapshot: command.snapshot }, io.err)
      break
    case 'explain':
      result = await runExplain(command, io.write ?? (async (t) => io.out(t.replace(/\n$/, ''))), io.err)
      break
    case 'diff':
      result = await runDiff(command, io.err)
      break
    case 'diff-published':
      result = await runDiffPublished(command, io.err)
      break
    case 'revisions':
      result = await runRevisions(command, io.err)
      break
    case 'reproduce':
      result = await runReproduce(command, io.err)
      break
    default:
      result = await runReport(command, io.err)
  }
  if (E.isLeft(result)) {
    if (result.left.out !== undefined) io.out(result.left.out)
    for (const line of result.left.lines) io.err(line)
    if (result.left.code === 1) io.err(usageOf(wordsOf(argv)))
    return result.left.code
  }
  // null: the command wrote its answer itself, in chunks. A report's figures are printed as
  // computed; every other command's output may name the store, so its secrets are scrubbed.
  if (result.right !== null) io.out(command.name.startsWith('report-') ? result.right : summary(result.right))
  return 0
}
