/**
 * The money deciders (version 2, agents-revenue): collections (stream `collection-{unit}`) and
 * revenue plans (stream `revenue-plan-{unit}-{year}`).
 *
 * @module deciders/money
 */
import * as E from 'fp-ts/lib/Either.js'
import { type BodyOf, type CommandOf, type Decider, emit } from './decider.js'
import { domainError } from './domain-error.js'

/** Record a contribution received; produces ContributionCollected. */
export type CollectContribution = CommandOf<'CollectContribution', 'ContributionCollected'>

/** Assign (or revise) a unit's collection target for a year; produces RevenuePlanAssigned. */
export type AssignRevenuePlan = CommandOf<'AssignRevenuePlan', 'RevenuePlanAssigned'>

/** The state of a collection stream: how many payments and how much money it holds. */
export interface CollectionState {
  readonly collections: number
  readonly amount: number
}

/** The state of a revenue-plan stream: how many assignments it holds and the latest one recorded. */
export interface RevenuePlanState {
  readonly assignments: number
  readonly latest: { readonly amount: number; readonly assignedOn: string } | null
}

/**
 * Decides collections: the amount is above 0 and, when the registry is known, the unit is
 * established. Nothing else is asked of the stream: any number of payments may arrive on a day.
 *
 * @example collectionDecider.decide({ type: 'CollectContribution', id, data }, collectionDecider.initialState, { units })
 */
export const collectionDecider: Decider<CollectContribution, 'ContributionCollected', CollectionState> = {
  initialState: { collections: 0, amount: 0 },
  evolve: (state: CollectionState, event: BodyOf<'ContributionCollected'>) => ({
    collections: state.collections + 1,
    amount: state.amount + event.data.amount,
  }),
  decide: (command, _state, context) => {
    const d = command.data
    // The codec already refuses an amount of 0 or less; commands built in code are checked again here.
    if (!(d.amount > 0))
      return E.left(
        domainError('NonPositiveAmount', 'collection.amount-positive', 'data.amount', 'is not above 0', d.amount),
      )
    if (context?.units !== undefined && !context.units.has(d.unit)) {
      return E.left(
        domainError(
          'UnitNotEstablished',
          'collection.unit-established',
          'data.unit',
          'is not an established unit',
          d.unit,
        ),
      )
    }
    return E.right([emit('ContributionCollected', command)])
  },
}

/**
 * Decides revenue plans: the amount is not negative and, when the registry is known, the unit is
 * established. A revision needs nothing of the earlier assignments: the latest `assignedOn` wins.
 *
 * @example revenuePlanDecider.decide({ type: 'AssignRevenuePlan', id, data }, revenuePlanDecider.initialState, { units })
 */
export const revenuePlanDecider: Decider<AssignRevenuePlan, 'RevenuePlanAssigned', RevenuePlanState> = {
  initialState: { assignments: 0, latest: null },
  evolve: (state: RevenuePlanState, event: BodyOf<'RevenuePlanAssigned'>) => ({
    assignments: state.assignments + 1,
    latest: { amount: event.data.amount, assignedOn: event.data.assignedOn },
  }),
  decide: (command, _state, context) => {
    const d = command.data
    if (!(d.amount >= 0))
      return E.left(
        domainError('NegativePlan', 'revenue-plan.amount-non-negative', 'data.amount', 'is below 0', d.amount),
      )
    if (context?.units !== undefined && !context.units.has(d.unit)) {
      return E.left(
        domainError(
          'UnitNotEstablished',
          'revenue-plan.unit-established',
          'data.unit',
          'is not an established unit',
          d.unit,
        ),
      )
    }
    return E.right([emit('RevenuePlanAssigned', command)])
  },
}
