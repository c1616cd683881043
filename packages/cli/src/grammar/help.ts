/**
 * Usage lines and help pages, written from the command table and the option catalogue, so that
 * a new command documents itself.
 *
 * @module grammar/help
 */
import { COMMANDS, type CommandSpec, groups } from './commands.js'
import { OPTIONS, type OptionName, type OptionSpec } from './options.js'

const line = (c: CommandSpec): string => `ansinh ${c.path.join(' ')} ${c.synopsis}`.trimEnd()

const SOURCE_LINE =
  'source: --events FILE (- for standard input) | --store URL (memory:, pglite:DIR, postgres://…, esdb://…); default $ANSINH_STORE or pglite:.ansinh/store'

/** The usage of every command, printed with a command-line error when no command is known. */
export const USAGE = [
  'usage:',
  ...COMMANDS.filter((c) => c.path[0] !== 'help').map((c) => `  ${line(c)}`),
  '  ansinh --version | ansinh help [COMMAND] | ansinh COMMAND --help',
  SOURCE_LINE,
  'F: table | json | csv    L: en | vi    SEP: , | ; | tab',
  'exit: 0 done, 1 command line wrong, 2 input wrong, 3 store failed or chain broken (reproduce: tampered), 4 reproduce: backdated events',
].join('\n')

/** The command named by the leading words of `words`, if any. */
export const commandAt = (words: readonly string[]): CommandSpec | undefined =>
  COMMANDS.find((c) => c.path.every((w, i) => words[i] === w))

const optionLines = (names: readonly OptionName[]): string[] => {
  const all: OptionName[] = [...names, 'help']
  const heads = all.map((n) => {
    const o: OptionSpec = OPTIONS[n]
    return `${o.short === undefined ? '    ' : `-${o.short}, `}--${n}${o.value === undefined ? '' : ` ${o.value}`}`
  })
  const width = Math.max(...heads.map((h) => h.length))
  return all.map((n, i) => `  ${heads[i]!.padEnd(width)}  ${OPTIONS[n].help}`)
}

const groupKinds = (group: string): CommandSpec[] => COMMANDS.filter((c) => c.path.length === 2 && c.path[0] === group)

/**
 * The usage to print after a command-line error: that command's usage line when the words name
 * one (or its group's kinds), else every command's.
 */
export const usageOf = (words: readonly string[]): string => {
  const c = commandAt(words)
  if (c !== undefined) return `usage: ${line(c)}\n(ansinh ${c.path.join(' ')} --help: every option, with examples)`
  const kinds = words[0] === undefined ? [] : groupKinds(words[0])
  if (kinds.length > 0) return ['usage:', ...kinds.map((k) => `  ${line(k)}`), SOURCE_LINE].join('\n')
  return USAGE
}

const commandHelp = (c: CommandSpec): string =>
  [
    `usage: ${line(c)}`,
    '',
    `${c.summary[0]!.toUpperCase()}${c.summary.slice(1)}.`,
    '',
    'options:',
    ...optionLines(c.options),
    ...(c.options.includes('events') ? ['', SOURCE_LINE] : []),
    '',
    'examples:',
    ...c.examples.map((e) => `  ${e}`),
  ].join('\n')

const groupHelp = (group: string, kinds: readonly CommandSpec[]): string => {
  const width = Math.max(...kinds.map((k) => k.path[1]!.length))
  return [
    `usage: ansinh ${group} KIND [options]`,
    '',
    'kinds:',
    ...kinds.map((k) => `  ${k.path[1]!.padEnd(width)}  ${k.summary}`),
    '',
    'examples:',
    ...kinds.map((k) => `  ${k.examples[0]}`),
    '',
    `ansinh ${group} KIND --help: the options of one kind, with more examples`,
  ].join('\n')
}

const globalHelp = (): string => {
  const tops = COMMANDS.filter((c) => c.path.length === 1)
  const words = [...new Set(COMMANDS.map((c) => c.path[0]!))]
  const width = Math.max(...words.map((w) => w.length))
  const summaryOf = (w: string): string =>
    tops.find((c) => c.path[0] === w)?.summary ??
    `the reports: ${groups().get(w)!.join(', ')} (ansinh ${w} KIND --help)`
  return [
    'ansinh: social-insurance participation history, and the reports of any date as known at any instant',
    '',
    USAGE,
    '',
    'commands:',
    ...words.map((w) => `  ${w.padEnd(width)}  ${summaryOf(w)}`),
    '',
    'environment: ANSINH_STORE (the default store), ANSINH_LANG (en or vi), else LC_ALL / LC_MESSAGES / LANG (vi_VN.UTF-8 means vi)',
    'exit codes: 0 done, 1 wrong command line, 2 wrong input (FILE:LINE: field: what is wrong (got VALUE)), 3 store failure or broken hash chain',
    '',
    'examples:',
    ...COMMANDS.filter((c) => c.path[0] !== 'help').map((c) => `  ${c.examples[0]}`),
  ].join('\n')
}

/** The help page for `words` (`[]`, a group, or a command), or null when they name nothing. */
export const helpFor = (words: readonly string[]): string | null => {
  if (words.length === 0) return globalHelp()
  const c = commandAt(words)
  if (c !== undefined && c.path.length === words.length) return commandHelp(c)
  const kinds = groupKinds(words[0]!)
  if (kinds.length > 0 && words.length === 1) return groupHelp(words[0]!, kinds)
  return null
}
