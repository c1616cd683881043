/**
 * What diff attributes a delta to: the cause of a record that arrived between two known-at
 * instants, and the telescoping that makes the causes add up. Records are applied one at a time in
 * the order knowledge arrived (geography first, since it moves every figure); each record's
 * contribution to a field is the field after it minus the field before it, so the contributions
 * of every record, and of every cause, add up to the field's delta exactly (up to floating point
 * for ratios). A ratio can be null on the way (its denominator went to 0 and back): the record
 * that makes it null contributes null, and the one that makes it a number again is measured from
 * the last number before the gap, so the sums still telescope.
 *
 * @module audit/causes
 */

/** Why a figure moved between two knowledge times. */
export type Cause =
  | 'late-enrolment'
  | 'late-lapse'
  | 'late-renewal'
  | 'quota-revision'
  | 'late-debt'
  | 'late-settlement'
  | 'geography'
  | 'late-estimate'

/** Every cause, in the order diffs list them. */
export const CAUSES: readonly Cause[] = [
  'late-enrolment',
  'late-renewal',
  'late-lapse',
  'quota-revision',
  'late-estimate',
  'late-debt',
  'late-settlement',
  'geography',
]

/** An event as an audit names it: its id, its position and when it was recorded (ISO-8601). */
export interface EventRef {
  readonly id: string
  readonly position: number
  readonly recordedAt: string
}

/** The id of the event at a position (an audit fetches ids from the source: the history holds none). */
export type EventIds = (position: number) => string

/** One record's share of a field's delta. */
export interface Contribution extends EventRef {
  /** The field after the record minus the field before it (or before it was last null); null when the record leaves the field null. */
  readonly contribution: number | null
}

/** The records of one cause behind a field's delta, and what they add up to. */
export interface CauseGroup {
  readonly cause: Cause
  readonly total: number | null
  readonly records: readonly Contribution[]
}

/** A field whose value differs between the two instants. */
export interface FieldDelta {
  readonly field: string
  readonly before: number | null
  readonly after: number | null
  /** after − before; null when either is null. */
  readonly delta: number | null
  readonly causes: readonly CauseGroup[]
}

/** The flattened numeric fields of a report body (see {@link flattenFigures}). */
export type FieldValues = ReadonlyMap<string, number | null>

/** One late record, applied by `apply`, which says whether anything it feeds changed. */
export interface Step {
  readonly ordinal: number
  readonly cause: Cause
  readonly apply: () => boolean
}

/** What an event at an ordinal is called (position, recording instant, id). */
export type RefOf = (ordinal: number) => EventRef

const sub = (a: number | null, b: number | null): number | null => (a === null || b === null ? null : a - b)

/**
 * Applies `steps` in order and attributes each field's change to the step that made it.
 * `fields` reads the model's current figures; `missingAsZero` says which absent fields are 0
 * (an employer with nothing owed is not listed) rather than null (no such child).
 *
 * @example telescope(() => model.fields(), steps, refOf) // [{ field: 'participants', before: 7215, after: 7240, delta: 25, causes: [...] }]
 */
export const telescope = (
  fields: () => FieldValues,
  steps: Iterable<Step>,
  refOf: RefOf,
  missingAsZero: (field: string) => boolean = () => false,
): FieldDelta[] => {
  const read = (m: FieldValues, f: string): number | null => (m.has(f) ? m.get(f)! : missingAsZero(f) ? 0 : null)
  const first = fields()
  let current = first
  const byField = new Map<string, Map<Cause, Contribution[]>>()
  // a field's value before it became null (a ratio whose denominator went to 0), which the record
  // that makes it a number again is measured from, so the contributions still telescope
  const held = new Map<string, number>()
  for (const step of steps) {
    if (!step.apply()) continue
    const next = fields()
    let ref: EventRef | null = null
    const note = (f: string, a: number | null, b: number | null): void => {
      ref ??= refOf(step.ordinal)
      let causes = byField.get(f)
      if (causes === undefined) byField.set(f, (causes = new Map<Cause, Contribution[]>()))
      let list = causes.get(step.cause)
      if (list === undefined) causes.set(step.cause, (list = [] as Contribution[]))
      let base = a
      if (a === null) {
        base = held.get(f) ?? null
        if (b !== null) held.delete(f)
      } else if (b === null) held.set(f, a)
      list.push({ ...ref, contribution: sub(b, base) })
    }
    // the fields of both sides, each once, without building their union
    for (const [f, b0] of next) {
      const a = read(current, f),
        b = b0 ?? null
      if (a !== b) note(f, a, b)
    }
    for (const f of current.keys()) {
      if (next.has(f)) continue
      const a = read(current, f),
        b = read(next, f)
      if (a !== b) note(f, a, b)
    }
    current = next
  }
  const out: FieldDelta[] = []
  const names = [...new Set([...first.keys(), ...current.keys()])]
  for (const f of names) {
    const before = read(first, f),
      after = read(current, f)
    if (before === after) continue
    const causes = byField.get(f) ?? new Map<Cause, Contribution[]>()
    const delta = sub(after, before)
    out.push({
      field: f,
      before,
      after,
      delta,
      causes: CAUSES.filter((c) => causes.has(c)).map((cause) => {
        const records = causes.get(cause)!
        let total: number | null = 0
        // a record that made the field null moved it by no number: with a delta to add up to it
        // counts as nothing; without one (a side is null) the cause has no total
        for (const r of records)
          total =
            total === null ? null : r.contribution !== null ? total + r.contribution : delta === null ? null : total
        return { cause, total, records }
      }),
    })
  }
  return out
}

/**
 * The numeric fields of a report body as paths: `participants`, `bands.met`, `aging.upTo3Months`,
 * and array rows by their key, `children.22816.participants`, `employers.0101234567.outstanding`.
 * Strings (names, dates, periods) are left out.
 *
 * @example flattenFigures({ participants: 3, children: [{ unit: '1', participants: 2 }] }) // participants → 3, children.1.participants → 2
 */
export const flattenFigures = (body: object): Map<string, number | null> => {
  const out = new Map<string, number | null>()
  const walk = (value: unknown, path: string): void => {
    if (typeof value === 'number') out.set(path, value)
    else if (value === null) out.set(path, null)
    else if (Array.isArray(value)) {
      for (const row of value as Record<string, unknown>[]) {
        const key = typeof row.unit === 'string' ? row.unit : typeof row.employer === 'string' ? row.employer : null
        if (key !== null)
          for (const [k, v] of Object.entries(row)) if (k !== 'unit' && k !== 'employer') walk(v, `${path}.${key}.${k}`)
      }
    } else if (typeof value === 'object')
      for (const [k, v] of Object.entries(value as object)) walk(v, path === '' ? k : `${path}.${k}`)
  }
  walk(body, '')
  return out
}

/** Header fields a report carries besides its figures (left out of a diff). */
export const HEADER_FIELDS: ReadonlySet<string> = new Set([
  'report',
  'asOf',
  'knownAt',
  'unit',
  'scheme',
  'basis',
  'year',
  'denominatorYear',
  'geography',
])

/** A report's figures without its header, flattened. */
export const figuresOf = (report: object): Map<string, number | null> =>
  flattenFigures(Object.fromEntries(Object.entries(report).filter(([k]) => !HEADER_FIELDS.has(k))))

/** Sums named values contributed by keys, replacing a key's contribution when it changes. */
export class KeyedSum {
  private readonly totals = new Map<string, number>()
  private readonly byKey = new Map<string | number, ReadonlyMap<string, number>>()

  /** The sum of `name` over every key (0 when none contributes). */
  get(name: string): number {
    return this.totals.get(name) ?? 0
  }

  /** Sets the contribution of `key`; whether any total changed. */
  set(key: string | number, contribution: ReadonlyMap<string, number>): boolean {
    const old = this.byKey.get(key)
    let changed = false
    if (old !== undefined) {
      for (const [name, v] of old) {
        if (contribution.get(name) === v) continue
        this.totals.set(name, (this.totals.get(name) ?? 0) - v)
        changed = true
      }
    }
    for (const [name, v] of contribution) {
      const was = old?.get(name)
      if (was === v) continue
      this.totals.set(name, (this.totals.get(name) ?? 0) + v)
      changed = true
    }
    if (contribution.size === 0) this.byKey.delete(key)
    else this.byKey.set(key, contribution)
    return changed
  }

  /**
   * Adds a contribution that is never replaced (a key no record will change): to the totals
   * only, so that it costs no entry per key. {@link clear} forgets it with the rest.
   */
  addFixed(contribution: ReadonlyMap<string, number>): void {
    for (const [name, v] of contribution) this.totals.set(name, (this.totals.get(name) ?? 0) + v)
  }

  /** The names with a prefix that some key contributes to, without the prefix (`e|` → employers). */
  names(prefix: string): string[] {
    const out: string[] = []
    for (const [name, v] of this.totals) if (name.startsWith(prefix) && v !== 0) out.push(name.slice(prefix.length))
    return out
  }

  /** Forgets every contribution. */
  clear(): void {
    this.totals.clear()
    this.byKey.clear()
  }
}
