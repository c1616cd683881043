/**
 * Version 2 of the interchange format (geography through time, the personal identity number):
 * the new geography events `UnitChanged` and `UnitDissolved`, the id link `ParticipantIdentified`,
 * and version 2 of `ParticipantEnrolled` / `ParticipantLapsed`, whose `participantId` is the
 * 10-digit social-insurance number or the 12-digit personal identity number. Version 1 stays as
 * it was (events.ts); the schema registry (schema.ts) upcasts version-1 data.
 *
 * @module events-v2
 */
import * as t from 'io-ts'
import { nullable, optional, strict } from './strict.js'
import { BusinessDate, type ParticipantId, Reference, Scheme, UnitCode, UnitLevel, UnitName } from './values.js'
import { LapseReason } from './events.js'

/**
 * Codec of a participant id in version 2: exactly 10 digits (mã số BHXH) or exactly 12 digits
 * (số định danh cá nhân, used in new records from 1 August 2025). Same type as version 1's.
 */
export const ParticipantIdV2 = new t.Type<ParticipantId, string, unknown>(
  'ParticipantIdV2',
  (u): u is ParticipantId => typeof u === 'string' && /^(\d{10}|\d{12})$/.test(u),
  (u, c) => (typeof u === 'string' && /^(\d{10}|\d{12})$/.test(u) ? t.success(u as ParticipantId) : t.failure(u, c)),
  (a) => a,
)

export interface PersonalIdBrand {
  readonly PersonalId: unique symbol
}
/** The 12-digit personal identity number (số định danh cá nhân). */
export type PersonalId = t.Branded<string, PersonalIdBrand>
/** Codec of {@link PersonalId}: exactly 12 digits. */
export const PersonalId = t.brand(t.string, (s): s is PersonalId => /^\d{12}$/.test(s), 'PersonalId')

export interface InsuranceNumberBrand {
  readonly InsuranceNumber: unique symbol
}
/** The 10-digit social-insurance number (mã số BHXH), as a `ParticipantIdentified` names it. */
export type InsuranceNumber = t.Branded<string, InsuranceNumberBrand>
/** Codec of {@link InsuranceNumber}: exactly 10 digits. */
export const InsuranceNumber = t.brand(t.string, (s): s is InsuranceNumber => /^\d{10}$/.test(s), 'InsuranceNumber')

/** Version 2 of ParticipantEnrolled: `participantId` of 10 or 12 digits. */
export const ParticipantEnrolledV2 = strict('ParticipantEnrolled', {
  participantId: ParticipantIdV2,
  scheme: Scheme,
  unit: UnitCode,
  coveredFrom: BusinessDate,
  coveredThrough: nullable(BusinessDate),
  agent: optional(Reference),
  employer: optional(Reference),
})

/** Version 2 of ParticipantLapsed: `participantId` of 10 or 12 digits. */
export const ParticipantLapsedV2 = strict('ParticipantLapsed', {
  participantId: ParticipantIdV2,
  scheme: Scheme,
  lapsedOn: BusinessDate,
  reason: LapseReason,
})

/**
 * From `effectiveOn` on, a unit has this name, parent and/or level (each optional; a field left
 * out keeps its value). `parent: null` says the unit has no parent from that day; a `parent` left
 * out (absent) keeps the parent.
 */
export interface UnitChanged {
  readonly code: UnitCode
  readonly effectiveOn: BusinessDate
  readonly name?: UnitName
  readonly parent?: UnitCode | null
  readonly level?: t.TypeOf<typeof UnitLevel>
}

const UnitChangedFields = strict('UnitChanged', {
  code: UnitCode,
  effectiveOn: BusinessDate,
  name: optional(UnitName),
  parent: optional(UnitCode),
  level: optional(UnitLevel),
})

const withParent = (d: t.TypeOf<typeof UnitChangedFields>, parent: UnitCode | null | undefined): UnitChanged => {
  if (parent === undefined) return d
  const out: Record<string, unknown> = { code: d.code, effectiveOn: d.effectiveOn }
  if (d.name !== undefined) out.name = d.name
  out.parent = parent
  if (d.level !== undefined) out.level = d.level
  return out as unknown as UnitChanged
}

/**
 * Codec of {@link UnitChanged}. Unlike other optional fields, `parent: null` is kept (it means
 * "no parent from this day"), so the codec tells it apart from an absent `parent`.
 */
export const UnitChangedV2 = new t.Type<UnitChanged, unknown, unknown>(
  'UnitChanged',
  (u): u is UnitChanged => {
    if (typeof u !== 'object' || u === null) return false
    const o = u as Record<string, unknown>
    return o.parent === null ? UnitChangedFields.is({ ...o, parent: undefined }) : UnitChangedFields.is(u)
  },
  (u, c) => {
    const isObject = typeof u === 'object' && u !== null && !Array.isArray(u)
    const nullParent = isObject && (u as Record<string, unknown>).parent === null
    const r = UnitChangedFields.validate(u, c)
    if (r._tag === 'Left') return r
    return t.success(withParent(r.right, nullParent ? null : r.right.parent))
  },
  (a) => {
    const out = UnitChangedFields.encode(a as never) as Record<string, unknown>
    if (a.parent === null) return withParent(out as never, null)
    return out
  },
)

/** From `dissolvedOn` (the first day it no longer exists) on, everything of `code` belongs to `successor`. */
export const UnitDissolvedV2 = strict('UnitDissolved', {
  code: UnitCode,
  dissolvedOn: BusinessDate,
  successor: UnitCode,
})
/** Data of a UnitDissolved event. */
export type UnitDissolved = t.TypeOf<typeof UnitDissolvedV2>

/** The 10-digit and the 12-digit id name one person, for every day. */
export const ParticipantIdentifiedV2 = strict('ParticipantIdentified', {
  participantId: InsuranceNumber,
  personalId: PersonalId,
  identifiedOn: BusinessDate,
})
/** Data of a ParticipantIdentified event. */
export type ParticipantIdentified = t.TypeOf<typeof ParticipantIdentifiedV2>
