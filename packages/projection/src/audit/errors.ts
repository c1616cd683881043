/**
 * What every report's audit functions answer with besides their result: why a question could not
 * be answered, and the shape of a diff.
 *
 * @module audit/errors
 */
import type { FieldDelta } from './causes.js'
import type { NotAFigure } from './explanation.js'
import type { NotAReport } from './reproduce.js'
import type { BadRange } from './revisions.js'

/** Two known-at instants in the wrong order. */
export interface BadKnownAt {
  readonly _tag: 'BadKnownAt'
  readonly message: string
}

/** Why an audit question about a report cannot be answered. */
export type AuditError = NotAFigure | NotAReport | BadRange | BadKnownAt

/** One line saying what is wrong, e.g. `children.999.participants: 999 is not a child unit of 60 (…)`. */
export const describeAuditError = (e: AuditError): string => {
  switch (e._tag) {
    case 'NotAFigure':
    case 'NotAReport':
      return e.field === '' ? e.message : `${e.field}: ${e.message}`
    case 'BadRange':
    case 'BadKnownAt':
      return e.message
  }
}

/** A report as known at two instants, and every field that differs with the records behind its delta. */
export interface ReportDiff<R> {
  readonly before: R
  readonly after: R
  readonly fields: readonly FieldDelta[]
}
