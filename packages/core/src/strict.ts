/**
 * `strict`: an io-ts codec of an object with declared fields only. Unknown fields are errors (a
 * typo must not pass silently), optional fields may be absent or null (both mean "not given"), and
 * the decoded object has its keys in the declared order, so encoding is canonical.
 *
 * @module strict
 */
import * as t from 'io-ts'

/** Marks a field optional: absent or null in JSON, absent in the decoded value. */
export interface Optional<C extends t.Mixed> {
  readonly _optional: true
  readonly codec: C
}
/** Marks a field optional. */
export const optional = <C extends t.Mixed>(codec: C): Optional<C> => ({ _optional: true, codec })

/** Marks a field nullable: absent or null in JSON, `null` in the decoded value. */
export interface Nullable<C extends t.Mixed> {
  readonly _nullable: true
  readonly codec: C
}
/** Marks a field nullable (absent means null). */
export const nullable = <C extends t.Mixed>(codec: C): Nullable<C> => ({ _nullable: true, codec })

type Field = t.Mixed | Optional<t.Mixed> | Nullable<t.Mixed>
/** The declared fields of a strict object. */
export type Fields = Record<string, Field>

type RequiredKeys<F extends Fields> = { [K in keyof F]: F[K] extends Optional<t.Mixed> ? never : K }[keyof F]
type OptionalKeys<F extends Fields> = { [K in keyof F]: F[K] extends Optional<t.Mixed> ? K : never }[keyof F]
type FieldType<F> =
  F extends Optional<infer C>
    ? t.TypeOf<C>
    : F extends Nullable<infer C>
      ? t.TypeOf<C> | null
      : F extends t.Mixed
        ? t.TypeOf<F>
        : never

/** The decoded type of a strict object. */
export type StrictOf<F extends Fields> = { readonly [K in RequiredKeys<F>]: FieldType<F[K]> } & {
  readonly [K in OptionalKeys<F>]?: FieldType<F[K]>
}

const REQUIRED = 0,
  OPTIONAL = 1,
  NULLABLE = 2

const isObject = (u: unknown): u is Record<string, unknown> => typeof u === 'object' && u !== null && !Array.isArray(u)

/** An object codec that rejects unknown fields, e.g. `strict('Point', { x: t.number, label: optional(t.string) })`. */
export const strict = <F extends Fields>(
  name: string,
  fields: F,
): t.Type<StrictOf<F>, unknown, unknown> & { readonly fields: F } => {
  const keys = Object.keys(fields)
  const known = new Set(keys)
  // each field's kind and value codec, looked up once: `is` and `copy` run for every event decoded
  const kinds = keys.map((k) =>
    '_optional' in fields[k]! ? OPTIONAL : '_nullable' in fields[k]! ? NULLABLE : REQUIRED,
  )
  const codecs = keys.map((k): t.Mixed => {
    const f = fields[k]!
    return '_optional' in f || '_nullable' in f ? f.codec : f
  })
  const copy = (u: Record<string, unknown>): StrictOf<F> => {
    const out: Record<string, unknown> = {}
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i]!
      const v = u[k]
      if (v !== undefined) out[k] = v
      else if (kinds[i] === NULLABLE) out[k] = null
    }
    return out as StrictOf<F>
  }
  const type: t.Type<StrictOf<F>, unknown, unknown> = new t.Type<StrictOf<F>, unknown, unknown>(
    name,
    (u): u is StrictOf<F> => {
      if (!isObject(u)) return false
      for (const k of Object.keys(u)) if (!known.has(k)) return false
      for (let i = 0; i < keys.length; i++) {
        const v = u[keys[i]!]
        const kind = kinds[i]!
        const codec = codecs[i]!
        if (
          kind === OPTIONAL
            ? v !== undefined && !codec.is(v)
            : kind === NULLABLE
              ? v !== null && !codec.is(v)
              : !codec.is(v)
        )
          return false
      }
      return true
    },
    (u, c): t.Validation<StrictOf<F>> => {
      // Fast path: a valid value is checked without building io-ts contexts, then copied in
      // declared order; only a bad value takes the slow path below, which says what is wrong.
      if (type.is(u)) return t.success(copy(u as Record<string, unknown>))
      if (!isObject(u)) return t.failure(u, c, `expected an object`)
      const errors: t.ValidationError[] = []
      for (const k of Object.keys(u)) {
        if (!known.has(k))
          errors.push({
            value: u[k],
            context: [...c, { key: k, type: t.never, actual: u[k] }],
            message: 'unknown field',
          })
      }
      const out: Record<string, unknown> = {}
      for (const k of keys) {
        const f = fields[k]!
        const v = u[k]
        if ('_optional' in f) {
          if (v === undefined || v === null) continue
          const r = f.codec.validate(v, [...c, { key: k, type: f.codec, actual: v }])
          if (r._tag === 'Left') errors.push(...r.left)
          else out[k] = r.right
        } else if ('_nullable' in f) {
          if (v === undefined || v === null) {
            out[k] = null
            continue
          }
          const r = f.codec.validate(v, [...c, { key: k, type: f.codec, actual: v }])
          if (r._tag === 'Left') errors.push(...r.left)
          else out[k] = r.right
        } else {
          const r = f.validate(v, [...c, { key: k, type: f, actual: v }])
          if (r._tag === 'Left') errors.push(...r.left)
          else out[k] = r.right
        }
      }
      return errors.length > 0 ? t.failures(errors) : t.success(out as StrictOf<F>)
    },
    (a) => {
      const out: Record<string, unknown> = {}
      const src = a as Record<string, unknown>
      for (const k of keys) {
        const f = fields[k]!
        const v = src[k]
        if ('_optional' in f) {
          if (v !== undefined && v !== null) out[k] = f.codec.encode(v)
        } else if ('_nullable' in f) {
          out[k] = v === undefined || v === null ? null : f.codec.encode(v)
        } else out[k] = f.encode(v)
      }
      return out
    },
  )
  return Object.assign(type, { fields })
}
