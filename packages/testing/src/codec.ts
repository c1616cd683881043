/**
 * Arbitraries derived from io-ts codecs: walk the codec, yield a fast-check arbitrary of the values
 * it decodes. Because the events of `@ansinh/core` are codecs, their generators come from the same
 * schema and cannot drift from it (the io-ts `test/Arbitrary.ts` idea).
 *
 * @module codec
 */
import fc from 'fast-check'
import type * as t from 'io-ts'
import { BRAND_ARBITRARIES, type BrandArbitraries } from './brands.js'

/** Options of {@link arbitraryOf}. */
export interface ArbitraryOfOptions {
  /** Generators that replace (or add to) the built-in ones, by brand / refinement name. */
  readonly brands?: BrandArbitraries
}

/** A codec could not be walked: an unknown brand or an unsupported combinator. */
export class UnsupportedCodec extends Error {
  /** The name of the codec that could not be walked. */
  readonly codec: string
  constructor(codec: string, why: string) {
    super(`no arbitrary for codec ${codec}: ${why}`)
    this.name = 'UnsupportedCodec'
    this.codec = codec
  }
}

// The io-ts combinators by their `_tag`, with only the members the walker reads.
interface Tagged {
  readonly _tag?: string
  readonly name: string
}
type Field =
  | t.Mixed
  | { readonly _optional: true; readonly codec: t.Mixed }
  | { readonly _nullable: true; readonly codec: t.Mixed }

const isStrict = (c: unknown): c is t.Mixed & { readonly fields: Record<string, Field> } =>
  typeof c === 'object' && c !== null && 'fields' in c && typeof (c as { fields: unknown }).fields === 'object'

/**
 * The arbitrary of the values a codec decodes, e.g. `arbitraryOf(ParticipantEnrolledV1)`.
 *
 * Walks the `strict` objects of core (their `.fields`, with optional fields sometimes absent and
 * nullable ones sometimes null), `t.keyof`, brands (by name, see {@link BRAND_ARBITRARIES}), and
 * the plain io-ts combinators (string, number, boolean, null, literal, union, array, type,
 * partial, readonly, exact). Throws {@link UnsupportedCodec} on anything else, so a codec change
 * the generators do not follow fails at once instead of silently generating the wrong thing.
 */
export const arbitraryOf = <A>(codec: t.Type<A, unknown, unknown>, options: ArbitraryOfOptions = {}): fc.Arbitrary<A> =>
  walk(codec as unknown as t.Mixed, { ...BRAND_ARBITRARIES, ...options.brands }) as fc.Arbitrary<A>

const walk = (codec: t.Mixed, brands: BrandArbitraries): fc.Arbitrary<unknown> => {
  const byName = brands[codec.name]
  if (byName !== undefined) return byName()
  if (isStrict(codec)) return strictObject(codec.fields, brands)
  const c = codec as unknown as Tagged & Record<string, unknown>
  switch (c._tag) {
    case 'KeyofType':
      return fc.constantFrom(...Object.keys(c.keys as object))
    case 'StringType':
      return fc.string()
    case 'NumberType':
      return fc.double({ noNaN: true })
    case 'BooleanType':
      return fc.boolean()
    case 'NullType':
      return fc.constant(null)
    case 'LiteralType':
      return fc.constant(c.value)
    case 'UnionType':
      return fc.oneof(...(c.types as t.Mixed[]).map((m) => walk(m, brands)))
    case 'ArrayType':
    case 'ReadonlyArrayType':
      return fc.array(walk(c.type as t.Mixed, brands), { maxLength: 5 })
    case 'InterfaceType':
      return fc.record(mapValues(c.props as Record<string, t.Mixed>, (m) => walk(m, brands)))
    case 'PartialType':
      return fc.record(
        mapValues(c.props as Record<string, t.Mixed>, (m) => walk(m, brands)),
        { requiredKeys: [] },
      )
    case 'ReadonlyType':
    case 'ExactType':
      return walk(c.type as t.Mixed, brands)
    case 'RefinementType':
      throw new UnsupportedCodec(c.name, 'a refinement or brand without a generator; pass one in options.brands')
    default:
      throw new UnsupportedCodec(c.name, `the combinator ${c._tag ?? 'of a custom type'} is not supported`)
  }
}

const mapValues = <A, B>(o: Record<string, A>, f: (a: A) => B): Record<string, B> =>
  Object.fromEntries(Object.entries(o).map(([k, v]) => [k, f(v)]))

const strictObject = (
  fields: Record<string, Field>,
  brands: BrandArbitraries,
): fc.Arbitrary<Record<string, unknown>> => {
  const parts: Record<string, fc.Arbitrary<unknown>> = {}
  const required: string[] = []
  for (const [key, field] of Object.entries(fields)) {
    if ('_optional' in field) parts[key] = walk(field.codec, brands)
    else if ('_nullable' in field) {
      parts[key] = fc.option(walk(field.codec, brands), { nil: null })
      required.push(key)
    } else {
      parts[key] = walk(field, brands)
      required.push(key)
    }
  }
  // Optional keys are left out rather than set to undefined: the decoded value has no such key.
  return fc.record(parts, { requiredKeys: required }) as fc.Arbitrary<Record<string, unknown>>
}
