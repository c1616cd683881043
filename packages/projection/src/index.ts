/**
 * `@ansinh/projection`: the temporal machinery the coverage, plan and debt reports share — a
 * `History` of positioned events with known-at views, geography, registers, the participation
 * index and the debt ledger — and the report shapes.
 */
export { History, HistoryView, type Basis, type PositionedEvent, type PositionNotIncreasing } from './history.js'
export { Geography, compareCodes, type RegisteredUnit } from './geography.js'
export { Participation, SCHEME_INDEX } from './participation.js'
export { Denominators, Quotas, denominatorOf, type Estimate } from './registers.js'
export { DebtLedger, type CreditBalance, type DebtBalance } from './debts.js'
export { participantsIn, unitsOf, unitDenominator, nationalDenominator, type Denominator } from './figures.js'
export * from './reports.js'
export { encodeHistorySnapshot, decodeHistorySnapshot, type SnapshotUnreadable } from './snapshot.js'
