/**
 * `@ansinh/projection`: the temporal machinery the coverage, plan and debt reports share — a
 * `History` of positioned events with known-at views, geography, registers, the participation
 * index and the debt ledger — and the header every report carries. Each report's own types, helpers and naive reference
 * live in its package (`@ansinh/projection-coverage`, `-plan`, `-debt`).
 */
export {
  History,
  HistoryView,
  type Basis,
  type EventColumns,
  type PositionNotIncreasing,
  type ViewParts,
} from './history.js'
export { Geography, DayMap, compareCodes, type Absence, type EstablishedUnit, type UnitRecord } from './geography.js'
export { checkedMapOf, geographyOf, mapOf, type GeographyRefused, type ReportMap } from './report-map.js'
export { Participation, SCHEME_INDEX } from './participation.js'
export { Denominators, Quotas, denominatorOf, type Estimate } from './registers.js'
export { DebtLedger, type CreditBalance, type DebtBalance } from './debts.js'
export {
  participantsIn,
  unitsOf,
  unitDenominator,
  nationalDenominator,
  participantsOnMap,
  unitsOnMap,
  nationalDenominatorOnMap,
  type Denominator,
} from './figures.js'
export { ratio, reportHeader, type ReportHeader } from './report-header.js'
export { historyDecoder, historySink } from './lines.js'
export {
  encodeHistorySnapshot,
  decodeHistorySnapshot,
  type DecodeSnapshotOptions,
  HISTORY_SNAPSHOT_VERSION,
  type SnapshotUnreadable,
} from './snapshot.js'
export {
  CAUSES,
  HEADER_FIELDS,
  KeyedSum,
  figuresOf,
  flattenFigures,
  telescope,
  PairRows,
  countingRow,
  covers,
  dateOf,
  endingLapse,
  firstRow,
  lastCoveredDay,
  scopeOf,
  participantList,
  accountsOf,
  allocateAccount,
  endOfDayMillis,
  periodEnds,
  revisionTriangle,
  compareReports,
  reproduction,
  savedQuestion,
  explanationJson,
  formula,
  ratioOf,
  recordList,
  recordLists,
  estimateRef,
  estimateUsed,
  quotaInForce,
  quotaRecordsOf,
  quotaRefs,
  modelDiff,
  modelRevisions,
  describeAuditError,
  type Cause,
  type CauseGroup,
  type Contribution,
  type EventIds,
  type EventRef,
  type FieldDelta,
  type FieldValues,
  type RefOf,
  type Step,
  type Scope,
  type EnrolmentRef,
  type LapseRef,
  type ParticipantList,
  type ParticipantQuestion,
  type ParticipantRecord,
  type AccountCredit,
  type AccountRecords,
  type DebtAllocation,
  type Payment,
  type BadRange,
  type Every,
  type RevisionTriangle,
  type TriangleRow,
  type Backdated,
  type ChainEvidence,
  type FigureMismatch,
  type NotAReport,
  type Reproduction,
  type SavedQuestion,
  type Explanation,
  type Formula,
  type NotAFigure,
  type RecordKind,
  type RecordList,
  type EstimateRef,
  type QuotaRef,
  type FigureModel,
  type PairContext,
  type AuditError,
  type BadKnownAt,
  type ReportDiff,
} from './audit/index.js'
export type { DebtRecord, SettlementRecord } from './debts.js'
export type { QuotaRecord, EstimateRecord } from './registers.js'
export { AgentEnrolments, AGENT_KINDS, type AgentCounts, type AgentFigures, type AgentKind } from './agents.js'
export { Revenue, type RevenuePlanRecord } from './revenue.js'
export { participantsAnyScheme } from './participation-any.js'
