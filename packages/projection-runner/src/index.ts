/**
 * `@ansinh/projection-runner`: feeds read models from a store's subscription, with durable
 * checkpoints and snapshots so a restarted process resumes exactly where a crashed one stopped.
 */
export { ProjectionRunner, type RunnerError, type RunnerOptions } from './runner.js'
export type { Projector, ProjectorError } from './projector.js'
export { historyProjector } from './history-projector.js'
export {
  HISTORY_SNAPSHOT,
  HISTORY_SNAPSHOT_FORMAT,
  type LoadOptions,
  type StoredHistory,
  loadStoredHistory,
  openHistorySnapshot,
  sealHistory,
  snapshotWithAppend,
} from './stored-history.js'
