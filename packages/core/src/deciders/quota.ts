/**
 * The quota decider (stream `quota-{unit}-{scheme}-{year}`): plan targets and their revisions.
 *
 * @module deciders/quota
 */
import * as E from 'fp-ts/lib/Either.js'
import type { BusinessDate } from '../values.js'
import { type BodyOf, type CommandOf, type Decider, emit } from './decider.js'
import { domainError } from './domain-error.js'
import { refuseDissolved } from './geography.js'

/** Assign (or revise) the plan target of a unit, scheme and year; produces QuotaAssigned. */
export type AssignQuota = CommandOf<'AssignQuota', 'QuotaAssigned'>

/** The state of a quota stream: how many assignments it holds and the latest one recorded. */
export interface QuotaState {
  readonly assignments: number
  readonly latest: { readonly target: number; readonly assignedOn: BusinessDate } | null
}

const evolve = (state: QuotaState, event: BodyOf<'QuotaAssigned'>): QuotaState => ({
  assignments: state.assignments + 1,
  latest: { target: event.data.target, assignedOn: event.data.assignedOn },
})

/**
 * Decides plan assignments: the target is not negative and, when the registry is known, the unit is
 * established. A revision needs nothing of the earlier assignments: the latest `assignedOn` wins.
 *
 * @example quotaDecider.decide({ type: 'AssignQuota', id, data }, quotaDecider.initialState, { units })
 */
export const quotaDecider: Decider<AssignQuota, 'QuotaAssigned', QuotaState> = {
  initialState: { assignments: 0, latest: null },
  evolve,
  decide: (command, _state, context) => {
    const d = command.data
    // The codec already refuses a negative target; commands built in code are checked again here.
    if (!(d.target >= 0)) {
      return E.left(domainError('NegativeTarget', 'quota.target-non-negative', 'data.target', 'is below 0', d.target))
    }
    if (context?.units !== undefined && !context.units.has(d.unit)) {
      return E.left(
        domainError('UnitNotEstablished', 'quota.unit-established', 'data.unit', 'is not an established unit', d.unit),
      )
    }
    const dissolved = refuseDissolved(context, 'data.unit', d.unit, d.assignedOn)
    if (dissolved !== null) return E.left(dissolved)
    return E.right([emit('QuotaAssigned', command)])
  },
}
