/**
 * Laws every projection must obey, as fast-check properties a user runs against their own read
 * model: describe it as a {@link Projection}, say which queries to ask, and check.
 *
 * - determinism: the same history gives the same answers (fresh copies, any earlier questions);
 * - known-at: the answer as known at K is the answer over only the events recorded by K;
 * - incremental: building a prefix and appending the rest gives what building it all gives;
 * - snapshot (when the projection has one): snapshot of a prefix, restored, plus the tail, likewise;
 * - additivity (when it describes a hierarchy): a figure is the sum of its children's figures;
 * - counting (when it counts participants): the count is the participants the spec's coverage
 *   rules count, among those the projection selects (the oracle of `oracle.ts`).
 *
 * Additivity and counting rely on what generated histories guarantee: every enrolment and debt is
 * in a commune, and every unit is established.
 *
 * @module laws
 */
import fc from 'fast-check'
import type { BusinessDate, ParticipantEnrolled, PositionedEvent, Scheme } from '@ansinh/core'
import { differences } from './diff.js'
import { type GeneratedHistory, type HistoryOptions, history, knownAt } from './history/index.js'
import { countedParticipants, knownEvents, subtreeOf } from './oracle.js'

// -------------------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------------------

/** What the counting law needs to know of a projection that counts participants. */
export interface Counting<Query, Answer> {
  readonly scheme: (query: Query) => Scheme
  readonly asOf: (query: Query) => BusinessDate
  /** Whether a participant counted by `enrolment` belongs in the answer (`inUnit(code, root)`: subtree test on the known units). */
  readonly selects: (
    enrolment: ParticipantEnrolled,
    query: Query,
    inUnit: (code: string, root: string | null) => boolean,
  ) => boolean
  /** The count the answer gives. */
  readonly count: (answer: Answer) => number
}

/** What the additivity law needs: a figure of an answer, and the queries of its parts. */
export interface Additivity<Query, Answer> {
  readonly measure: (answer: Answer) => number
  /** The queries of the parts, or null where the law does not apply (a leaf counts its own). */
  readonly parts: (query: Query, answer: Answer) => readonly Query[] | null
}

/** A read model under test. */
export interface Projection<Model, Query, Answer> {
  readonly name: string
  /** Builds the model from a whole history (events in position order). */
  readonly build: (events: readonly PositionedEvent[]) => Model
  /** Folds one more event in (its position greater than all before); may change `model` and return it. */
  readonly append: (model: Model, event: PositionedEvent) => Model
  /** Answers `query` as known at `knownAt` (epoch ms; null: every event counts). */
  readonly answer: (model: Model, query: Query, knownAt: number | null) => Answer
  /** A JSON-ready snapshot of the model (the snapshot law runs when this and `restore` are given). */
  readonly snapshot?: (model: Model) => unknown
  /** The model of a snapshot (after a JSON round trip). */
  readonly restore?: (snapshot: unknown) => Model
  readonly additivity?: Additivity<Query, Answer>
  readonly counting?: Counting<Query, Answer>
}

/** The names of the laws. */
export type LawName = 'determinism' | 'knownAt' | 'incremental' | 'snapshot' | 'additivity' | 'counting'

/** What a law is checked on: a generated history, a query, a known-at cut and a split point. */
export type LawInput<Query> = [GeneratedHistory, Query, number | null, number]

/** How to check the laws. */
export interface LawOptions<Query> {
  /** The queries to ask of a history, e.g. `(h) => fc.record({ asOf: asOfDate(h), scheme: fc.constant('voluntary') })`. */
  readonly queries: (h: GeneratedHistory) => fc.Arbitrary<Query>
  /** The histories (default: small untidy ones). */
  readonly history?: HistoryOptions
  /** Other histories instead, e.g. `roughHistory()` (well-formed, rule-breaking); overrides `history`. */
  readonly histories?: fc.Arbitrary<GeneratedHistory>
  /** Runs per law (default 100). */
  readonly numRuns?: number
  /** Skip laws that do not apply. */
  readonly skip?: readonly LawName[]
}

/** A law did not hold: which, for which projection, and the difference of the two answers. */
export class LawViolation extends Error {
  readonly law: LawName
  constructor(law: LawName, projection: string, what: string, expected: unknown, actual: unknown) {
    super(
      [
        `${projection} breaks the ${law} law: ${what}`,
        'difference (- expected, + actual):',
        ...differences(expected, actual).map((l) => '  ' + l),
      ].join('\n'),
    )
    this.name = 'LawViolation'
    this.law = law
  }
}

/** The histories laws run on by default: small, with late and out-of-order records and moves. */
export const LAW_HISTORIES: HistoryOptions = {
  participants: { min: 0, max: 8 },
  lateRecords: true,
  outOfOrderRecordedAt: true,
  moves: true,
}

// -------------------------------------------------------------------------------------------------
// laws
// -------------------------------------------------------------------------------------------------

const same = <A>(law: LawName, p: { name: string }, what: string, expected: A, actual: A): true => {
  if (differences(expected, actual).length > 0) throw new LawViolation(law, p.name, what, expected, actual)
  return true
}

const copy = (events: readonly PositionedEvent[]): PositionedEvent[] => events.map((e) => structuredClone(e))

const positioned = (h: GeneratedHistory): PositionedEvent[] =>
  h.positioned.map(({ event, position }) => ({ event, position }))

/** One value of an arbitrary, fixed by a seed. */
const drawn = <A>(arbitrary: fc.Arbitrary<A>, seed: number): A => fc.sample(arbitrary, { seed, numRuns: 1 })[0]!

/**
 * The input arbitrary of the laws: a history, a query of it, a cut-off and a split point.
 *
 * The query and cut-off are drawn from seeds generated beside the history rather than chained on
 * it: fast-check then shrinks the history with the seeds fixed, and the query (snapped to the
 * history's edges by `asOfDate`) stays the one that failed while unrelated events go away.
 */
export const lawInput = <Query>(options: LawOptions<Query>): fc.Arbitrary<LawInput<Query>> =>
  fc
    .tuple(options.histories ?? history(options.history ?? LAW_HISTORIES), fc.integer(), fc.integer(), fc.nat())
    .map(([h, querySeed, cutSeed, split]) => [
      h,
      drawn(options.queries(h), querySeed),
      drawn(knownAt(h), cutSeed),
      split % (h.events.length + 1),
    ])

/**
 * The properties of every law that applies to `projection`, by name, to run with `fc.assert` or
 * inspect with `fc.check`, e.g. `fc.assert(projectionLaws(p, { queries }).knownAt!)`.
 */
export const projectionLaws = <Model, Query, Answer>(
  p: Projection<Model, Query, Answer>,
  options: LawOptions<Query>,
): Partial<Record<LawName, fc.IProperty<[LawInput<Query>]>>> => {
  const input = lawInput(options)
  const laws: Partial<Record<LawName, (...args: LawInput<Query>) => boolean>> = {
    determinism: (h, q, k) => {
      const events = positioned(h)
      const first = p.build(copy(events))
      const second = p.build(copy(events))
      const answer = p.answer(first, q, k)
      same('determinism', p, 'two builds of the same history answer differently', answer, p.answer(second, q, k))
      // Asking other questions first (other cut-offs fill caches) must not change the answer.
      p.answer(second, q, null)
      for (const e of h.events.slice(0, 3)) p.answer(second, q, Date.parse(e.recordedAt))
      return same('determinism', p, 'the answer changed after other questions', answer, p.answer(second, q, k))
    },
    knownAt: (h, q, k) => {
      if (k === null) return true
      const events = positioned(h)
      const all = p.answer(p.build(events), q, k)
      return same(
        'knownAt',
        p,
        `the answer as known at ${new Date(k).toISOString()} differs from the answer over the events recorded by then`,
        p.answer(p.build(knownEvents(events, k)), q, k),
        all,
      )
    },
    incremental: (h, q, k, split) => {
      const events = positioned(h)
      let model = p.build(events.slice(0, split))
      for (const e of events.slice(split)) model = p.append(model, e)
      return same(
        'incremental',
        p,
        `building ${split} events and appending ${events.length - split} differs from building them all`,
        p.answer(p.build(events), q, k),
        p.answer(model, q, k),
      )
    },
  }
  if (p.snapshot !== undefined && p.restore !== undefined) {
    const { snapshot, restore } = p
    laws.snapshot = (h, q, k, split) => {
      const events = positioned(h)
      let model = restore(JSON.parse(JSON.stringify(snapshot(p.build(events.slice(0, split))))))
      for (const e of events.slice(split)) model = p.append(model, e)
      return same(
        'snapshot',
        p,
        `a snapshot of ${split} events plus the tail differs from building them all`,
        p.answer(p.build(events), q, k),
        p.answer(model, q, k),
      )
    }
  }
  if (p.additivity !== undefined) {
    const { measure, parts } = p.additivity
    laws.additivity = (h, q, k) => {
      const model = p.build(positioned(h))
      const answer = p.answer(model, q, k)
      const queries = parts(q, answer)
      if (queries === null) return true
      const sum = queries.reduce((total, part) => total + measure(p.answer(model, part, k)), 0)
      return same('additivity', p, 'the figure is not the sum of its parts', measure(answer), sum)
    }
  }
  if (p.counting !== undefined) {
    const c = p.counting
    laws.counting = (h, q, k) => {
      const events: PositionedEvent[] = positioned(h)
      const known = knownEvents(events, k)
      const subtrees = new Map<string | null, (code: string) => boolean>()
      const inUnit = (code: string, root: string | null): boolean => {
        if (!subtrees.has(root)) subtrees.set(root, subtreeOf(known, root))
        return subtrees.get(root)!(code)
      }
      const counted = [...countedParticipants(events, c.scheme(q), c.asOf(q), k).values()].filter((e) =>
        c.selects(e, q, inUnit),
      )
      return same(
        'counting',
        p,
        `the count on ${c.asOf(q)} is not the participants covered then`,
        counted.length,
        c.count(p.answer(p.build(events), q, k)),
      )
    }
  }
  const skip = new Set(options.skip ?? [])
  return Object.fromEntries(
    Object.entries(laws)
      .filter(([name]) => !skip.has(name as LawName))
      .map(([name, law]) => [name, fc.property(input, (args) => law(...args))]),
  ) as Partial<Record<LawName, fc.IProperty<[LawInput<Query>]>>>
}

/** Runs every law that applies with `fc.assert`; throws the first that fails (with its shrunk counterexample). */
export const checkProjectionLaws = <Model, Query, Answer>(
  p: Projection<Model, Query, Answer>,
  options: LawOptions<Query>,
): void => {
  for (const property of Object.values(projectionLaws(p, options)))
    fc.assert(property, { numRuns: options.numRuns ?? 100 })
}
