/**
 * How a command fails: an exit code of the CLI spec and the lines printed on stderr.
 *
 * @module failure
 */

/** 1: the command line is wrong; 2: the input is wrong; 3: the store failed or the chain does not verify. */
export type ExitCode = 1 | 2 | 3

/** A failed command: its exit code and what to print, one problem per line. */
export interface Failure {
  readonly code: ExitCode
  readonly lines: readonly string[]
}

/** Builds a failure. */
export const fail = (code: ExitCode, ...lines: string[]): Failure => ({ code, lines })
