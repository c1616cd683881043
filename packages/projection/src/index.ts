/**
 * `@ansinh/projection`: the temporal machinery the coverage, plan and debt reports share — a
 * `History` of positioned events with known-at views, geography, registers, the participation
 * index and the debt ledger — and the header every report carries. Each report's own types, helpers and naive reference
 * live in its package (`@ansinh/projection-coverage`, `-plan`, `-debt`).
 */
export { History, HistoryView, type Basis, type EventColumns, type PositionNotIncreasing, type ViewParts } from './history.js'
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
export { encodeHistorySnapshot, decodeHistorySnapshot, HISTORY_SNAPSHOT_VERSION, type SnapshotUnreadable } from './snapshot.js'
