/**
 * `@ansinh/store`: the EventStore port, the in-memory store, the hash chain, the append
 * semantics adapters share, and polling subscriptions. The contract suite every adapter runs is
 * the package `@ansinh/store-testing` (it imports vitest).
 */
export {
  type AppendManyOptions,
  type AppendResult,
  describeStoreError,
  type EventRead,
  type EventStore,
  type ExpectedRevision,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  isStoreError,
  type StoreError,
  type StreamWrite,
  type SubscribeOptions,
  type Subscription,
} from './port.js'
export {
  breakOfReadError,
  type ChainBreak,
  chainHash,
  chainHashAt,
  type ChainHashError,
  chainHashOf,
  chainInput,
  type ChainStamp,
  type ChainVerdict,
  ChainWalk,
  describeChainHashError,
  formatChainStamp,
  GENESIS_HASH,
  parseChainStamp,
  type UnhashedEvent,
  verifyChain,
} from './chain.js'
export {
  type AppendPlan,
  canonicalJsonWith,
  planAppend,
  prepareAppend,
  type PreparedAppend,
  type PreparedEvent,
  type PreparedWrite,
  satisfies,
  type StoreState,
} from './plan.js'
export { writesInOrder } from './writes.js'
export { ChangeNotifier, type PollingSource, pollingSubscription, trackedSubscription } from './subscription.js'
export { InMemoryEventStore, type InMemoryOptions } from './memory.js'
export { unavailableStore } from './unavailable.js'
export { type Checkpoint, type CheckpointStore, InMemoryCheckpointStore } from './checkpoint.js'
export {
  type AppendSnapshot,
  ChainCheckpoints,
  describeSnapshotError,
  ENVELOPE_STAMP_BYTES,
  envelopeStamp,
  InMemorySnapshotStore,
  keepsSnapshots,
  type OpenedSnapshot,
  openSnapshot,
  sealSnapshot,
  SNAPSHOT_ENVELOPE_VERSION,
  type SnapshotError,
  type SnapshotKeeping,
  type SnapshotStamp,
  type SnapshotStore,
  type SnapshotStoreFailed,
} from './snapshot.js'
export {
  type KeepsEveryChainHash,
  type RemembersChainHashes,
  type VouchesHead,
  checkAgainstChain,
  keepEveryChainHashOf,
  rememberHashOf,
  rememberedHashOf,
  vouchedHeadOf,
} from './snapshot-trust.js'
export { readsIdsAt, type IdsByPosition } from './ids.js'
