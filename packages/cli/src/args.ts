/**
 * The command line, parsed into a typed command or a usage error naming what is wrong.
 * `node:util`'s `parseArgs` splits the words (long and short options, `--opt=value`, `-fcsv`,
 * `--` ending the options); the command table (grammar/commands.ts) says which options each
 * command takes. `parseArgs` runs non-strict so that every error keeps the wording of the CLI
 * spec (`unknown option --x`, `--store needs a value`, `--year does not apply to report coverage`)
 * instead of Node's.
 *
 * @module args
 */
import { parseArgs as splitWords } from 'node:util'
import * as E from 'fp-ts/lib/Either.js'
import { COMMANDS, type Command, type CommandSpec, groups } from './grammar/commands.js'
import { helpFor } from './grammar/help.js'
import { OPTIONS, type OptionName, parseArgsOptions } from './grammar/options.js'

export type { Command, CsvOptions, ReportOptions, Source } from './grammar/commands.js'
export type { Format, Lang, Separator } from './grammar/options.js'
export { USAGE, helpFor, usageOf } from './grammar/help.js'

/** The environment variables the command line reads (`ANSINH_LANG`, `LC_ALL`, `LC_MESSAGES`, `LANG`). */
export type Environment = Readonly<Record<string, string | undefined>>

type Token = ReturnType<typeof splitWords>['tokens'] extends readonly (infer T)[] | undefined ? T : never

const tokensOf = (argv: readonly string[]): Token[] =>
  splitWords({ args: [...argv], options: parseArgsOptions(), strict: false, allowPositionals: true, tokens: true })
    .tokens ?? []

/** The words of a command line that are not options (for choosing which usage to print). */
export const wordsOf = (argv: readonly string[]): string[] =>
  tokensOf(argv).flatMap((t) => (t.kind === 'positional' ? [t.value] : []))

const isOption = (name: string): name is OptionName => Object.hasOwn(OPTIONS, name)

const orList = (words: readonly string[]): string =>
  words.length < 2 ? words.join('') : `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`

/** The command named by the words, or what is wrong with them. */
const commandOf = (words: readonly string[]): E.Either<string, CommandSpec> => {
  const [word, kind] = words
  if (word === undefined) return E.left('no command given')
  const kinds = groups().get(word)
  const spec = COMMANDS.find((c) => c.path[0] === word && (kinds === undefined || c.path[1] === kind))
  if (spec !== undefined) return E.right(spec)
  if (kinds === undefined) return E.left(`unknown command "${word}"`)
  return kind === undefined
    ? E.left(`${word} needs a kind: ${orList(kinds)}`)
    : E.left(`unknown ${word} "${kind}"; one of ${kinds.join(', ')}`)
}

/** The words of a help request, cut to the command (or group) they name. */
const helpWords = (words: readonly string[]): string[] => {
  for (let n = Math.min(words.length, 2); n > 0; n--) if (helpFor(words.slice(0, n)) !== null) return words.slice(0, n)
  return []
}

/**
 * Parses the arguments after the program name; `env` gives the language when `--lang` is absent.
 *
 * @example parseArgs(['check', 'h.ndjson']) // Right({ name: 'check', file: 'h.ndjson' })
 */
export const parseArgs = (argv: readonly string[], env: Environment = process.env): E.Either<string, Command> => {
  const values = new Map<OptionName, string | true>()
  // every value of an option given more than once (only commands that say so accept it)
  const repeated = new Map<OptionName, string[]>()
  const words: string[] = []
  for (const t of tokensOf(argv)) {
    if (t.kind === 'positional') words.push(t.value)
    if (t.kind !== 'option') continue
    if (!isOption(t.name)) return E.left(`unknown option ${t.rawName}`)
    const long = `--${t.name}`
    if (OPTIONS[t.name].type === 'boolean') {
      if (t.value !== undefined) return E.left(`${long} takes no value (got "${t.value}")`)
    } else if (t.value === undefined || (!t.inlineValue && t.value.startsWith('-') && t.value !== '-')) {
      // `--store --format json`: the next word is another option, not the store's value
      return E.left(`${long} needs a value`)
    }
    if (values.has(t.name) && t.name !== 'help') {
      if (OPTIONS[t.name].type === 'boolean') return E.left(`${long} given twice`)
      repeated.set(t.name, [...(repeated.get(t.name) ?? [values.get(t.name) as string]), t.value!])
      continue
    }
    values.set(t.name, t.value ?? true)
  }
  if (values.has('version')) return E.right({ name: 'version' })
  if (values.has('help')) return E.right({ name: 'help', path: helpWords(words) })
  const spec = commandOf(words)
  if (E.isLeft(spec)) return spec
  const command = spec.right
  for (const name of values.keys())
    if (!command.options.includes(name)) return E.left(`--${name} does not apply to ${command.path.join(' ')}`)
  for (const [name, all] of repeated)
    if (!(command.repeatable ?? []).includes(name) || all.length > 2)
      return E.left(
        `--${name} given ${all.length > 2 && (command.repeatable ?? []).includes(name) ? `${all.length} times` : 'twice'}`,
      )
  const value = (name: OptionName): string | undefined => {
    const v = values.get(name)
    return typeof v === 'string' ? v : undefined
  }
  const all = (name: OptionName): readonly string[] =>
    repeated.get(name) ?? (typeof values.get(name) === 'string' ? [values.get(name) as string] : [])
  const built = command.build({
    args: words.slice(command.path.length),
    value,
    flag: (name) => values.get(name) === true,
    env,
    all,
  })
  if (E.isRight(built) && built.right.name === 'help' && helpFor(built.right.path) === null)
    return E.left(`unknown command "${built.right.path.join(' ')}"`)
  return built
}
