/**
 * `ansinh check FILE`: decode every line and run every write rule in history order; nothing is
 * stored. Every problem is one `FILE:LINE: path: what is wrong (got VALUE)` line.
 *
 * @module commands/check
 */
import * as E from 'fp-ts/lib/Either.js'
import { checkHistory, formatLineError, formatProblem } from '@ansinh/core'
import { type Failure, fail } from '../failure.js'
import { decodeFile, inputName } from '../source.js'

/** The problems of a history file, sorted by line, as printed lines; empty when it is clean. */
export const problemsOfFile = async (
  file: string,
): Promise<E.Either<Failure, { events: number; problems: string[] }>> => {
  const decoded = await decodeFile(file, 'checking')
  if (E.isLeft(decoded)) return decoded
  const decoder = decoded.right
  const name = inputName(file)
  const found: { line: number; text: string }[] = []
  for (const e of decoder.errors) for (const text of formatLineError(name, e)) found.push({ line: e.line, text })
  for (const v of checkHistory(decoder.events))
    found.push({ line: v.line, text: `${name}:${v.line}: ${formatProblem(v.error)}` })
  found.sort((a, b) => a.line - b.line)
  return E.right({ events: decoder.events.length, problems: found.map((f) => f.text) })
}

/** Runs `check`: the summary line on success, exit 2 with every problem otherwise. */
export const runCheck = async (file: string): Promise<E.Either<Failure, string>> => {
  const r = await problemsOfFile(file)
  if (E.isLeft(r)) return r
  const { events, problems } = r.right
  if (problems.length > 0) return E.left(fail(2, ...problems))
  return E.right(`${inputName(file)}: ${events} events, every line well-formed and every write rule kept`)
}
