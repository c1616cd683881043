/**
 * The auditor's machinery the report packages share: causes and their telescoping, revision
 * triangles, the verdict of a reproduction, and the figures read a second way (pairs, scope,
 * participants, the ledger by account) that explain and diff rest on.
 *
 * @module audit
 */
export {
  CAUSES,
  HEADER_FIELDS,
  KeyedSum,
  figuresOf,
  flattenFigures,
  telescope,
  type Cause,
  type CauseGroup,
  type Contribution,
  type EventIds,
  type EventRef,
  type FieldDelta,
  type FieldValues,
  type RefOf,
  type Step,
} from './causes.js'
export { PairRows, countingRow, covers, dateOf, endingLapse, firstRow, lastCoveredDay } from './pairs.js'
export { scopeOf, type Scope } from './scope.js'
export {
  participantList,
  type EnrolmentRef,
  type LapseRef,
  type ParticipantList,
  type ParticipantQuestion,
  type ParticipantRecord,
} from './participants.js'
export {
  accountsOf,
  allocateAccount,
  type AccountCredit,
  type AccountRecords,
  type DebtAllocation,
  type Payment,
} from './ledger.js'
export {
  endOfDayMillis,
  periodEnds,
  revisionTriangle,
  type BadRange,
  type Every,
  type RevisionTriangle,
  type TriangleRow,
} from './revisions.js'
export {
  compareReports,
  reproduction,
  savedQuestion,
  type Backdated,
  type ChainEvidence,
  type FigureMismatch,
  type NotAReport,
  type Reproduction,
  type SavedQuestion,
} from './reproduce.js'
export {
  explanationJson,
  formula,
  ratioOf,
  recordList,
  recordLists,
  type Explanation,
  type Formula,
  type NotAFigure,
  type RecordKind,
  type RecordList,
} from './explanation.js'
export {
  estimateRef,
  estimateUsed,
  quotaInForce,
  quotaRecordsOf,
  quotaRefs,
  type EstimateRef,
  type QuotaRef,
} from './registers.js'
export { modelDiff, modelRevisions, type FigureModel, type PairContext } from './model.js'
export { describeAuditError, type AuditError, type BadKnownAt, type ReportDiff } from './errors.js'
