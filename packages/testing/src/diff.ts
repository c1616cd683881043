/**
 * Showing values and their differences in failure messages: JSON that also shows Maps, Sets,
 * `Infinity` and `undefined`, and one line per differing leaf with its path.
 *
 * @module diff
 */

const replacer = (_key: string, value: unknown): unknown => {
  if (value instanceof Map) return Object.fromEntries([...value.entries()].map(([k, v]) => [String(k), v]))
  if (value instanceof Set) return [...value]
  if (value === Infinity) return 'Infinity'
  if (value === -Infinity) return '-Infinity'
  if (value === undefined) return '(undefined)'
  return value
}

/** A value as indented JSON, e.g. for a state holding Maps and open-ended periods (`Infinity`). */
export const show = (value: unknown): string => {
  if (value === undefined) return '(undefined)'
  return JSON.stringify(value, replacer, 2) ?? String(value)
}

const isPlain = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Map) && !(v instanceof Set)

const oneLine = (v: unknown): string => (v === undefined ? '(absent)' : (JSON.stringify(v, replacer) ?? String(v)))

/**
 * The leaves where `actual` differs from `expected`, one `- path: expected` / `+ path: actual`
 * pair each, e.g. `differences({ a: 1 }, { a: 2 })` = `['- a: 1', '+ a: 2']`. Empty when equal.
 */
export const differences = (expected: unknown, actual: unknown, path = ''): string[] => {
  if (Object.is(expected, actual)) return []
  const here = path === '' ? '(root)' : path
  if (Array.isArray(expected) && Array.isArray(actual)) {
    const out: string[] = []
    for (let i = 0; i < Math.max(expected.length, actual.length); i++)
      out.push(...differences(expected[i], actual[i], `${path}[${i}]`))
    return out
  }
  if (isPlain(expected) && isPlain(actual)) {
    const keys = [...new Set([...Object.keys(expected), ...Object.keys(actual)])]
    return keys.flatMap((k) => differences(expected[k], actual[k], path === '' ? k : `${path}.${k}`))
  }
  if (expected instanceof Map || actual instanceof Map || expected instanceof Set || actual instanceof Set) {
    return show(expected) === show(actual) ? [] : [`- ${here}: ${oneLine(expected)}`, `+ ${here}: ${oneLine(actual)}`]
  }
  return [`- ${here}: ${oneLine(expected)}`, `+ ${here}: ${oneLine(actual)}`]
}
