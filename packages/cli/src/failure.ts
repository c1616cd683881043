/**
 * How a command fails: an exit code of the CLI spec and the lines printed on stderr.
 *
 * @module failure
 */

/**
 * 1: the command line is wrong; 2: the input is wrong; 3: the store failed or the chain does not
 * verify; 4: `reproduce` found events recorded (they say) before the report's known-at, appended after it.
 */
export type ExitCode = 1 | 2 | 3 | 4

/** A failed command: its exit code and what to print, one problem per line. */
export interface Failure {
  readonly code: ExitCode
  readonly lines: readonly string[]
  /** What to print on stdout all the same (a verdict asked for as JSON). */
  readonly out?: string
}

/** Builds a failure. */
export const fail = (code: ExitCode, ...lines: string[]): Failure => ({ code, lines })

/**
 * The lines printed for an error no command expected (a bug): one line naming it, and the stack
 * only when `ANSINH_DEBUG` is set, since a user's terminal is no place for one. Exit 3.
 */
export const internalError = (
  err: unknown,
  debug = process.env.ANSINH_DEBUG !== undefined && process.env.ANSINH_DEBUG !== '',
): string[] => {
  const what = err instanceof Error ? `${err.name}: ${err.message}` : String(err)
  const first = `ansinh: internal error: ${what.split('\n')[0]} (a bug in ansinh; ANSINH_DEBUG=1 shows where)`
  return debug && err instanceof Error && err.stack !== undefined ? [first, err.stack] : [first]
}

/** Whether a write failed because the reader of stdout or stderr went away (`ansinh … | head`). */
export const isBrokenPipe = (err: unknown): boolean => (err as NodeJS.ErrnoException | null)?.code === 'EPIPE'
