/**
 * The killable mutants that the equivalent marks hide. Stryker's `// Stryker disable next-line
 * <Mutator>` leaves out every mutant of that mutator on the line: where `<` → `<=` is equivalent,
 * `<` → `>=` is ignored too. Each such sibling is listed here and checked the slow, plain way:
 * the source is changed, the specs that read it are run, and the sibling must make them fail.
 * `pnpm test:mutation:marks` (on demand, as `pnpm test:mutation`; about twelve minutes on two cores).
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

/**
 * The siblings in one file, read by `specs`.
 * @param {string} file
 * @param {readonly string[]} specs
 * @returns {(text: string, mutant: string) => Sibling}
 */
const inFile = (file, specs) => (text, mutant) => ({ file, text, mutant, specs })

const history = inFile('packages/projection/src/history.ts', ENGINE)
const snapshot = inFile('packages/projection/src/snapshot.ts', ENGINE)
const debts = inFile('packages/projection/src/debts.ts', ENGINE)
const registers = inFile('packages/projection/src/registers.ts', ['packages/projection/src/registers.unit.spec.ts'])
const columns = inFile('packages/projection/src/columns.ts', ['packages/projection/src/columns.unit.spec.ts'])
const plan = inFile('packages/projection-plan/src/plan.ts', ['packages/projection-plan/src'])
const participant = inFile('packages/core/src/deciders/participant.ts', ['packages/core/src/deciders'])

/** @type {readonly Sibling[]} */
export const SIBLINGS = [
  history('if (sorted[i]!.position < sorted[i - 1]!.position)', 'if (sorted[i]!.position >= sorted[i - 1]!.position)'),
  history('if (sorted[i]!.position < sorted[i - 1]!.position)', 'if (false)'),
  history('if (b !== null && b.events === n) return b', 'if (true) return b'),
  history('if (b !== null && b.events === n) return b', 'if (true && b.events === n) return b'),
  history('if (b !== null && b.events === n) return b', 'if (b !== null && true) return b'),
  history('b < min.length', 'b >= min.length'),
  history('if (max[b]! <= knownAt)', 'if (max[b]! > knownAt)'),
  history('if (max[b]! <= knownAt)', 'if (true)'),
  history('if (min[b]! > knownAt) continue', 'if (true) continue'),
  history('b === null || b.events > n', 'false'),
  history('b === null || b.events > n', 'b !== null || b.events > n'),
  history('b === null || b.events > n', 'false || b.events > n'),
  history('k < count', 'k >= count'),
  history('i < Math.min(n, (k + 1) * BLOCK)', 'i >= Math.min(n, (k + 1) * BLOCK)'),
  history('if (t < lo)', 'if (t >= lo)'),
  history('if (t > hi)', 'if (t <= hi)'),
  snapshot('p < keys.length', 'p >= keys.length'),
  debts('if (account.creditDays.length === 0)', 'if (true)'),
  debts('a.position < b.position)))', 'a.position >= b.position)))'),
  registers('e.year > best.year', 'e.year >= best.year'),
  registers('e.year > best.year', 'e.year <= best.year'),
  registers('e.year === best.year', 'e.year !== best.year'),
  registers('best === null || e.year', 'best !== null || e.year'),
  registers('e.position > best.position', 'e.position <= best.position'),
  registers('a.assignedOn === best.assignedOn', 'a.assignedOn !== best.assignedOn'),
  registers('a.position > best.position', 'a.position <= best.position'),
  columns('values.length === 0 ? new Int32Array(64)', 'true ? new Int32Array(64)'),
  columns('values.length === 0 ? new Float64Array(64)', 'true ? new Float64Array(64)'),
  columns('capacity > 64', 'capacity >= 64'),
  columns('capacity > 64', 'capacity <= 64'),
  columns('capacity - length > capacity >> 3', 'capacity - length <= capacity >> 3'),
  plan('unit === null ? null :', 'true ? null :'),
  plan('day >= yearEnd ?', 'day < yearEnd ?'),
  participant('if (l - 1 < end)', 'if (l - 1 >= end)'),
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

/** The file changed now and its source, put back if the run is interrupted. */
let changed = /** @type {{ file: string; source: string } | null} */ (null)
for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
  process.on(signal, () => {
    if (changed !== null) writeFileSync(changed.file, changed.source)
    process.exit(130)
  })
}

/** @param {Sibling} s @returns {Promise<string | null>} why it is not killed, or null */
const check = async (s) => {
  const source = readFileSync(s.file, 'utf8')
  const at = source.indexOf(s.text)
  if (at < 0 || source.indexOf(s.text, at + 1) >= 0) return `"${s.text}" must occur exactly once in the file`
  changed = { file: s.file, source }
  writeFileSync(s.file, source.slice(0, at) + s.mutant + source.slice(at + s.text.length))
  try {
    const outcome = await run(s.specs)
    return outcome === 'passed' ? `survives ${s.specs.join(' ')}` : null
  } finally {
    writeFileSync(s.file, source)
    changed = null
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
  const line = `${s.file}: ${s.text} → ${s.mutant}`
  process.stdout.write(failure === null ? `killed   ${line}\n` : `SURVIVED ${line}: ${failure}\n`)
  if (failure !== null) failures.push(failure)
}
process.stdout.write(`siblings: ${SIBLINGS.length - failures.length} killed, ${failures.length} survived\n`)
if (failures.length > 0) process.exitCode = 1
