/**
 * A store error as one line for stderr.
 *
 * @module commands/store-errors
 */
import { formatProblem } from '@ansinh/core'
import type { StoreError } from '@ansinh/store'

/** Describes a store error in one line. */
export const describeStoreError = (e: StoreError): string => {
  switch (e._tag) {
    case 'WrongExpectedRevision':
      return `stream ${e.stream}: expected revision ${typeof e.expected === 'string' ? e.expected : e.expected.exact}, found ${e.actual} (another writer appended meanwhile; run again)`
    case 'DuplicateEventId':
      return `stream ${e.stream}: ${e.message} (got "${e.id}")`
    case 'EventNotInStream':
      return `event ${e.id} belongs to stream ${e.expectedStream}, not ${e.stream}`
    case 'InvalidEvent':
      return `event ${e.id}: ${e.problems.map(formatProblem).join('; ')}`
    case 'StoreUnavailable':
      return `store failed: ${e.message}`
  }
}
