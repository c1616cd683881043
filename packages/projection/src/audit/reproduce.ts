/**
 * Whether a published report still holds against the store: its basis must name a chain that the
 * store still carries (else `tampered`), no event appended after it may claim to have been
 * recorded by its known-at instant (else `backdated`), and the figures recomputed from its own
 * question must be the saved ones (else `differs`: the saved file is not what ansinh computed).
 *
 * @module audit/reproduce
 */
import * as E from 'fp-ts/lib/Either.js'
import { instantOfMillis, isBusinessDate, parseKnownAt } from '@ansinh/core'
import { HEADER_FIELDS, flattenFigures } from './causes.js'

/** What the store says about the chain a report rests on (the caller reads it). */
export interface ChainEvidence {
  /** The first position up to the report's last position whose chain does not verify, and why; null: intact. */
  readonly broken: { readonly position: number; readonly reason: string } | null
  /** The store's chain hash at the report's `basis.lastPosition` (null: it holds no such position). */
  readonly hashAtLast: string | null
  /** The events after the report's last position: id, position, recording instant (epoch ms). */
  readonly after: Iterable<{ readonly id: string; readonly position: number; readonly recordedAt: number }>
}

/** A backdated event: appended after the report, recorded (it says) by the report's known-at. */
export interface Backdated {
  readonly id: string
  readonly position: number
  readonly recordedAt: string
}

/** A saved figure the recomputation does not give. */
export interface FigureMismatch {
  readonly field: string
  readonly saved: unknown
  readonly recomputed: unknown
}

/** The verdict of `reproduce`. */
export type Reproduction =
  | { readonly outcome: 'reproduced'; readonly lastPosition: number | null; readonly hash: string | null }
  | { readonly outcome: 'tampered'; readonly position: number; readonly reason: string }
  | { readonly outcome: 'backdated'; readonly records: readonly Backdated[] }
  | { readonly outcome: 'differs'; readonly fields: readonly FigureMismatch[] }

/** Why a saved report cannot be reproduced at all (its file is not a report). */
export interface NotAReport {
  readonly _tag: 'NotAReport'
  /** The JSON path of the bad field. */
  readonly field: string
  readonly message: string
}

/** The question a saved report answers, read from its own fields. */
export interface SavedQuestion {
  readonly report: string
  readonly asOf: string
  /** Epoch ms of the saved `knownAt`, or null. */
  readonly knownAt: number | null
  readonly unit: string | null
  readonly scheme: string | null
  readonly year: number | null
  /** The date of the map the report was made on (`geography`; null: a report saved without one, on the map of its as-of date). */
  readonly geography: string | null
  readonly lastPosition: number | null
  readonly hash: string | null
}

const bad = (field: string, message: string, got: unknown): E.Either<NotAReport, never> =>
  E.left({ _tag: 'NotAReport', field, message: `${message} (got ${JSON.stringify(got) ?? 'nothing'})` })

/**
 * Reads the question of a saved report (`--format json` output), naming the first bad field.
 *
 * @example savedQuestion(JSON.parse(text)) // Right({ report: 'plan', asOf: '2020-09-30', knownAt: 1601917199999, … })
 */
export const savedQuestion = (saved: unknown): E.Either<NotAReport, SavedQuestion> => {
  if (typeof saved !== 'object' || saved === null || Array.isArray(saved)) return bad('', 'not a report object', saved)
  const r = saved as Record<string, unknown>
  if (typeof r.report !== 'string') return bad('report', 'not a report name', r.report)
  if (typeof r.asOf !== 'string' || !isBusinessDate(r.asOf)) return bad('asOf', 'not a date YYYY-MM-DD', r.asOf)
  let knownAt: number | null = null
  if (r.knownAt !== null) {
    knownAt = typeof r.knownAt === 'string' ? parseKnownAt(r.knownAt) : null
    if (knownAt === null) return bad('knownAt', 'not an ISO-8601 instant or null', r.knownAt)
  }
  if (r.unit !== null && typeof r.unit !== 'string') return bad('unit', 'not a unit code or null', r.unit)
  if (r.scheme !== null && typeof r.scheme !== 'string') return bad('scheme', 'not a scheme or null', r.scheme)
  if (r.year !== undefined && typeof r.year !== 'number') return bad('year', 'not a year', r.year)
  if (
    r.geography !== undefined &&
    r.geography !== null &&
    (typeof r.geography !== 'string' || !isBusinessDate(r.geography))
  )
    return bad('geography', 'not a date YYYY-MM-DD or null', r.geography)
  const basis = r.basis as Record<string, unknown> | undefined
  if (typeof basis !== 'object' || basis === null) return bad('basis', 'not a basis object', r.basis)
  if (basis.lastPosition !== null && !Number.isInteger(basis.lastPosition))
    return bad('basis.lastPosition', 'not a position or null', basis.lastPosition)
  if (basis.hash !== undefined && basis.hash !== null && typeof basis.hash !== 'string')
    return bad('basis.hash', 'not a hash', basis.hash)
  return E.right({
    report: r.report,
    asOf: r.asOf,
    knownAt,
    unit: (r.unit as string | null) ?? null,
    scheme: (r.scheme as string | null) ?? null,
    year: (r.year as number | undefined) ?? null,
    geography: (r.geography as string | null | undefined) ?? null,
    lastPosition: (basis.lastPosition as number | null) ?? null,
    hash: (basis.hash as string | null | undefined) ?? null,
  })
}

/** The fields of two reports that differ (header and figures; the chain hash is the evidence's business). */
export const compareReports = (saved: object, recomputed: object): FigureMismatch[] => {
  const strip = (r: object): Record<string, unknown> => {
    const { basis, ...rest } = r as { basis?: { events?: unknown; lastPosition?: unknown } }
    return { ...rest, basis: { events: basis?.events, lastPosition: basis?.lastPosition } }
  }
  const a = strip(saved),
    b = strip(recomputed)
  const out: FigureMismatch[] = []
  const keys = new Set([...Object.keys(a), ...Object.keys(b)])
  for (const k of keys) {
    if (k === 'knownAt') {
      // the same instant may be written in another offset
      const x = a[k],
        y = b[k]
      const same = x === y || (typeof x === 'string' && typeof y === 'string' && parseKnownAt(x) === parseKnownAt(y))
      if (!same) out.push({ field: k, saved: x, recomputed: y })
      continue
    }
    const fa =
      HEADER_FIELDS.has(k) || typeof a[k] !== 'object' || a[k] === null
        ? new Map([[k, a[k]]])
        : prefixed(k, a[k] as object)
    const fb =
      HEADER_FIELDS.has(k) || typeof b[k] !== 'object' || b[k] === null
        ? new Map([[k, b[k]]])
        : prefixed(k, b[k] as object)
    for (const f of new Set([...fa.keys(), ...fb.keys()])) {
      const x = fa.get(f),
        y = fb.get(f)
      if (JSON.stringify(x) !== JSON.stringify(y)) out.push({ field: f, saved: x, recomputed: y })
    }
  }
  return out
}

const prefixed = (k: string, v: object): Map<string, unknown> => {
  const out = new Map<string, unknown>()
  if (Array.isArray(v)) {
    // rows keyed as in diffs; a row's text (name, oldest period) is compared as well
    for (const row of v as Record<string, unknown>[]) {
      const key =
        typeof row.unit === 'string' ? row.unit : typeof row.employer === 'string' ? row.employer : JSON.stringify(row)
      out.set(`${k}.${key}`, row)
    }
    return out
  }
  for (const [f, x] of flattenFigures(v)) out.set(`${k}.${f}`, x)
  return out
}

/**
 * The verdict on a saved report, given the report recomputed from its own question and what the
 * store's chain says: tampered (the chain up to the report's last position does not verify, or
 * its hash there is not the saved one), backdated (events appended after it carry a recording
 * instant at or before its known-at; without a known-at, every later event counts), differs, or
 * reproduced.
 *
 * @example reproduction(question, saved, planReport(history, query), evidence) // { outcome: 'reproduced', … }
 */
export const reproduction = (
  question: SavedQuestion,
  saved: object,
  recomputed: object,
  evidence: ChainEvidence,
): Reproduction => {
  const last = question.lastPosition
  if (evidence.broken !== null && (last === null || evidence.broken.position <= last)) {
    return { outcome: 'tampered', position: evidence.broken.position, reason: evidence.broken.reason }
  }
  if (last !== null && question.hash !== null && evidence.hashAtLast !== question.hash) {
    return {
      outcome: 'tampered',
      position: last,
      reason:
        evidence.hashAtLast === null
          ? `the store holds no event at position ${last}`
          : `the chain hash at position ${last} is ${evidence.hashAtLast}, the report cites ${question.hash} (the chain was rewritten up to here)`,
    }
  }
  const records: Backdated[] = []
  for (const e of evidence.after) {
    if (question.knownAt === null || e.recordedAt <= question.knownAt)
      records.push({ id: e.id, position: e.position, recordedAt: instantOfMillis(e.recordedAt) })
  }
  if (records.length > 0) return { outcome: 'backdated', records }
  const fields = compareReports(saved, recomputed)
  if (fields.length > 0) return { outcome: 'differs', fields }
  return { outcome: 'reproduced', lastPosition: last, hash: question.hash }
}
