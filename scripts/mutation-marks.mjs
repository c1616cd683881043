/**
 * The killable mutants that the equivalent marks hide. Stryker's `// Stryker disable next-line
 * <Mutator>` leaves out every mutant of that mutator on the line: where `<` → `<=` is equivalent,
 * `<` → `>=` is ignored too. Each such sibling is listed here and checked the slow, plain way:
 * the source is changed, the specs that read it are run, and the sibling must make them fail.
 * `pnpm test:mutation:marks` (on demand, as `pnpm test:mutation`; about three minutes).
 */
import { spawn } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'

/**
 * @typedef {object} Sibling
 * @property {string} file the file
 * @property {string} text its text that occurs exactly once
 * @property {string} mutant what the sibling makes of it
 * @property {readonly string[]} specs the spec files or folders that must fail
 */

const ENGINE = ['packages/projection/src', 'packages/projection-runner/src/history-snapshot.prop.spec.ts']
const HISTORY = 'packages/projection/src/history.ts'
const REGISTERS = {
  file: 'packages/projection/src/registers.ts',
  specs: ['packages/projection/src/registers.unit.spec.ts'],
}
const COLUMNS = { file: 'packages/projection/src/columns.ts', specs: ['packages/projection/src/columns.unit.spec.ts'] }

/** @type {readonly Sibling[]} */
export const SIBLINGS = [
  {
    file: HISTORY,
    text: 'if (sorted[i]!.position < sorted[i - 1]!.position)',
    mutant: 'if (sorted[i]!.position >= sorted[i - 1]!.position)',
    specs: ENGINE,
  },
  { file: HISTORY, text: 'if (sorted[i]!.position < sorted[i - 1]!.position)', mutant: 'if (false)', specs: ENGINE },
  { file: HISTORY, text: 'if (b !== null && b.events === n) return b', mutant: 'if (true) return b', specs: ENGINE },
  {
    file: HISTORY,
    text: 'if (b !== null && b.events === n) return b',
    mutant: 'if (true && b.events === n) return b',
    specs: ENGINE,
  },
  {
    file: HISTORY,
    text: 'if (b !== null && b.events === n) return b',
    mutant: 'if (b !== null && true) return b',
    specs: ENGINE,
  },
  { file: HISTORY, text: 'b < min.length', mutant: 'b >= min.length', specs: ENGINE },
  { file: HISTORY, text: 'if (max[b]! <= knownAt)', mutant: 'if (max[b]! > knownAt)', specs: ENGINE },
  { file: HISTORY, text: 'if (max[b]! <= knownAt)', mutant: 'if (true)', specs: ENGINE },
  { file: HISTORY, text: 'if (min[b]! > knownAt) continue', mutant: 'if (true) continue', specs: ENGINE },
  { file: HISTORY, text: 'b === null || b.events > n', mutant: 'false', specs: ENGINE },
  { file: HISTORY, text: 'b === null || b.events > n', mutant: 'b !== null || b.events > n', specs: ENGINE },
  { file: HISTORY, text: 'b === null || b.events > n', mutant: 'false || b.events > n', specs: ENGINE },
  { file: HISTORY, text: 'k < count', mutant: 'k >= count', specs: ENGINE },
  {
    file: HISTORY,
    text: 'i < Math.min(n, (k + 1) * BLOCK)',
    mutant: 'i >= Math.min(n, (k + 1) * BLOCK)',
    specs: ENGINE,
  },
  { file: HISTORY, text: 'if (t < lo)', mutant: 'if (t >= lo)', specs: ENGINE },
  { file: HISTORY, text: 'if (t > hi)', mutant: 'if (t <= hi)', specs: ENGINE },
  { file: 'packages/projection/src/snapshot.ts', text: 'p < keys.length', mutant: 'p >= keys.length', specs: ENGINE },
  {
    file: 'packages/projection/src/debts.ts',
    text: 'if (account.creditDays.length === 0)',
    mutant: 'if (true)',
    specs: ENGINE,
  },
  {
    file: 'packages/projection/src/debts.ts',
    text: 'a.position < b.position)))',
    mutant: 'a.position >= b.position)))',
    specs: ENGINE,
  },
  { ...REGISTERS, text: 'e.year > best.year', mutant: 'e.year >= best.year' },
  { ...REGISTERS, text: 'e.year > best.year', mutant: 'e.year <= best.year' },
  { ...REGISTERS, text: 'e.year === best.year', mutant: 'e.year !== best.year' },
  { ...REGISTERS, text: 'best === null || e.year', mutant: 'best !== null || e.year' },
  { ...REGISTERS, text: 'e.position > best.position', mutant: 'e.position <= best.position' },
  { ...REGISTERS, text: 'a.assignedOn === best.assignedOn', mutant: 'a.assignedOn !== best.assignedOn' },
  { ...REGISTERS, text: 'a.position > best.position', mutant: 'a.position <= best.position' },
  { ...COLUMNS, text: 'values.length === 0 ? new Int32Array(64)', mutant: 'true ? new Int32Array(64)' },
  { ...COLUMNS, text: 'values.length === 0 ? new Float64Array(64)', mutant: 'true ? new Float64Array(64)' },
  { ...COLUMNS, text: 'capacity > 64', mutant: 'capacity >= 64' },
  { ...COLUMNS, text: 'capacity > 64', mutant: 'capacity <= 64' },
  { ...COLUMNS, text: 'capacity - length > capacity >> 3', mutant: 'capacity - length <= capacity >> 3' },
  {
    file: 'packages/projection-plan/src/plan.ts',
    text: 'unit === null ? null :',
    mutant: 'true ? null :',
    specs: ['packages/projection-plan/src'],
  },
  {
    file: 'packages/projection-plan/src/plan.ts',
    text: 'day >= yearEnd ?',
    mutant: 'day < yearEnd ?',
    specs: ['packages/projection-plan/src'],
  },
  {
    file: 'packages/core/src/deciders/participant.ts',
    text: 'if (l - 1 < end)',
    mutant: 'if (l - 1 >= end)',
    specs: ['packages/core/src/deciders'],
  },
]

/** A mutant that loops for ever counts as killed, as Stryker counts a timeout. */
const TIMEOUT_MS = 180_000

/**
 * Runs `specs` in a process group of their own, so that a worker stuck in a loop is stopped too.
 * @param {readonly string[]} specs
 * @returns {Promise<'passed' | 'failed' | 'timed out'>}
 */
const run = (specs) =>
  new Promise((resolve) => {
    const child = spawn('npx', ['vitest', 'run', '--config', 'vitest.unit.config.ts', ...specs], {
      detached: true,
      stdio: 'ignore',
    })
    const timer = setTimeout(() => {
      process.kill(-child.pid, 'SIGKILL')
      resolve('timed out')
    }, TIMEOUT_MS)
    child.on('exit', (code) => {
      clearTimeout(timer)
      resolve(code === 0 ? 'passed' : 'failed')
    })
  })

/** @param {Sibling} s @returns {Promise<string | null>} why it is not killed, or null */
const check = async (s) => {
  const source = readFileSync(s.file, 'utf8')
  const at = source.indexOf(s.text)
  if (at < 0 || source.indexOf(s.text, at + 1) >= 0) return `${s.file}: "${s.text}" must occur exactly once`
  writeFileSync(s.file, source.slice(0, at) + s.mutant + source.slice(at + s.text.length))
  try {
    const outcome = await run(s.specs)
    return outcome === 'passed' ? `${s.file}: "${s.text}" → "${s.mutant}" survives ${s.specs.join(' ')}` : null
  } finally {
    writeFileSync(s.file, source)
  }
}

// a sibling counts as killed when its specs fail: they must pass on the source as it is
const baseline = await run([...new Set(SIBLINGS.flatMap((s) => s.specs))])
if (baseline !== 'passed') {
  process.stderr.write(`mutation-marks: the specs ${baseline} on the unmutated source; fix that first\n`)
  process.exit(2)
}

/** @type {string[]} */
const failures = []
for (const s of SIBLINGS) {
  const failure = await check(s)
  process.stdout.write(`${failure === null ? 'killed  ' : 'SURVIVED'} ${s.file}: ${s.text} → ${s.mutant}\n`)
  if (failure !== null) failures.push(failure)
}
process.stdout.write(`siblings: ${SIBLINGS.length - failures.length} killed, ${failures.length} survived\n`)
if (failures.length > 0) process.exitCode = 1
