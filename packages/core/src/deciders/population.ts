/**
 * The population decider (stream `population-{unit}`): published denominators.
 *
 * @module deciders/population
 */
import * as E from 'fp-ts/lib/Either.js'
import { type BodyOf, type CommandOf, type Decider, emit } from './decider.js'
import { domainError } from './domain-error.js'

/** Publish a unit's population (and labour force) for a year; produces PopulationEstimated. */
export type EstimatePopulation = CommandOf<'EstimatePopulation', 'PopulationEstimated'>

/** The state of a population stream: the years estimated so far, each with how many estimates. */
export interface PopulationState {
  readonly estimatesByYear: ReadonlyMap<number, number>
}

const evolve = (state: PopulationState, event: BodyOf<'PopulationEstimated'>): PopulationState => {
  const estimatesByYear = new Map(state.estimatesByYear)
  estimatesByYear.set(event.data.year, (estimatesByYear.get(event.data.year) ?? 0) + 1)
  return { estimatesByYear }
}

/**
 * Decides population estimates: the labour force is part of the population, so never larger. A
 * second estimate for a year is a correction (the later position wins in the reports).
 *
 * @example populationDecider.decide({ type: 'EstimatePopulation', id, data }, populationDecider.initialState)
 */
export const populationDecider: Decider<EstimatePopulation, 'PopulationEstimated', PopulationState> = {
  initialState: { estimatesByYear: new Map() },
  evolve,
  decide: (command) => {
    const d = command.data
    if (d.labourForce !== undefined && d.labourForce > d.population) {
      return E.left(
        domainError(
          'LabourForceExceedsPopulation',
          'population.labour-force-within-population',
          'data.labourForce',
          `exceeds the population ${d.population}`,
          d.labourForce,
        ),
      )
    }
    return E.right([emit('PopulationEstimated', command)])
  },
}
