/**
 * Commands that break a write rule, each paired with the rule id and the error tag the deciders
 * must answer with. Each case is a valid history (plus, where the rule needs it, a few valid events
 * that set the scene, e.g. the enrolment a second one overlaps) and one command that breaks exactly
 * the rule named.
 *
 * Two rules have no case: `unit.no-cycle` cannot be broken through a registry that obeys the level
 * rules (every parent is a level up, so parent chains climb and end), and `history.unique-id` is a
 * rule of histories, not of a decider (`HistoryChecker` refuses a reused id).
 *
 * @module invalid
 */
import fc from 'fast-check'
import {
  type BusinessDate,
  type Command,
  type DomainErrorTag,
  type DomainEvent,
  type EventDataMap,
  type Instant,
  type Month,
  type Scheme,
  type UnitCode,
  type WriteRule,
  civilToDays,
  fromDayNumber,
  instantMillis,
} from '@ansinh/core'
import { formatInstant } from './brands.js'
import { type GeneratedHistory, type HistoryOptions, eventIdOf, history, participantIdOf } from './history/index.js'

/** A rule a command can break, and the tag of the refusal. */
export interface BrokenRule {
  readonly rule: WriteRule
  readonly tag: DomainErrorTag
}

/** Every (rule, tag) pair {@link invalidCommand} generates. */
export const BROKEN_RULES: readonly BrokenRule[] = [
  { rule: 'enrol.period-order', tag: 'CoveredThroughBeforeCoveredFrom' },
  { rule: 'enrol.end-required', tag: 'CoveredThroughRequired' },
  { rule: 'enrol.no-overlap', tag: 'CoverageOverlap' },
  { rule: 'enrol.unit-established', tag: 'UnitNotEstablished' },
  { rule: 'lapse.cuts-coverage', tag: 'NoCoverageToCut' },
  { rule: 'quota.target-non-negative', tag: 'NegativeTarget' },
  { rule: 'quota.unit-established', tag: 'UnitNotEstablished' },
  { rule: 'debt.not-before-period', tag: 'DebtRecordedBeforePeriod' },
  { rule: 'settlement.within-outstanding', tag: 'SettlementExceedsOutstanding' },
  { rule: 'unit.new-code', tag: 'UnitAlreadyEstablished' },
  { rule: 'unit.level-matches-code', tag: 'LevelMismatch' },
  { rule: 'unit.parent', tag: 'ProvinceWithParent' },
  { rule: 'unit.parent', tag: 'ParentRequired' },
  { rule: 'unit.parent', tag: 'ParentNotEstablished' },
  { rule: 'unit.parent', tag: 'ParentLevel' },
  { rule: 'population.labour-force-within-population', tag: 'LabourForceExceedsPopulation' },
  { rule: 'collection.amount-positive', tag: 'NonPositiveAmount' },
  { rule: 'collection.unit-established', tag: 'UnitNotEstablished' },
  { rule: 'revenue-plan.amount-non-negative', tag: 'NegativePlan' },
  { rule: 'revenue-plan.unit-established', tag: 'UnitNotEstablished' },
  // version 2
  { rule: 'unit.exists-on-day', tag: 'UnitNotEstablished' },
  { rule: 'unit.successor', tag: 'SuccessorIsUnit' },
  { rule: 'unit.successor', tag: 'SuccessorNotExisting' },
  { rule: 'unit.dissolved', tag: 'UnitDissolved' },
  { rule: 'participant.one-link', tag: 'AlreadyLinked' },
]

/** A refused command: the rule and tag it breaks, the valid events before it, and the command. */
export interface InvalidCommandCase extends BrokenRule {
  /** The valid generated history the case starts from. */
  readonly history: GeneratedHistory
  /** The history's events and the scene-setting events after them: all valid. */
  readonly given: readonly DomainEvent[]
  readonly command: Command
}

// Codes the generated histories never use (they count up from 10, 100 and 10000).
const UNUSED_PROVINCE = '98' as UnitCode
const UNUSED_DISTRICT = '998' as UnitCode
const UNUSED_COMMUNE = '99999' as UnitCode
const NEW_EMPLOYER = 'Doanh nghiệp chưa đăng ký'

interface Knobs {
  readonly day: number
  readonly length: number
  readonly offset: number
  readonly amount: number
  readonly extra: number
  readonly scheme: Scheme
  readonly variant: number
}

const knobs = (h: GeneratedHistory): fc.Arbitrary<Knobs> =>
  fc.record({
    // Far enough into the window that the days before a scene are real dates of the window too.
    day: fc.integer({
      min: Math.min(civilToDays(h.years.from, 1, 1) + 400, civilToDays(h.years.to, 12, 31)),
      max: civilToDays(h.years.to, 12, 31),
    }),
    length: fc.integer({ min: 2, max: 400 }),
    offset: fc.integer({ min: 0, max: 1000 }),
    amount: fc.integer({ min: 1, max: 2_000_000_000 }),
    extra: fc.integer({ min: 1, max: 1_000_000 }),
    scheme: fc.constantFrom<Scheme>('voluntary', 'compulsory', 'health', 'unemployment'),
    variant: fc.integer({ min: 0, max: 2 }),
  })

/** Builds the case of one broken rule from a history and the knobs. */
const build = (h: GeneratedHistory, broken: BrokenRule, k: Knobs): InvalidCommandCase => {
  const setup: DomainEvent[] = []
  const last =
    h.events.length === 0
      ? civilToDays(h.years.from, 1, 1) * 86_400_000
      : Math.max(...h.events.map((e) => instantMillis(e.recordedAt)))
  const at = (n: number): Instant => formatInstant(last + n * 60_000, 420, false)
  const scene = <T extends DomainEvent['type']>(type: T, data: EventDataMap[T]): void => {
    setup.push({
      id: eventIdOf(h.events.length + setup.length + 1),
      type,
      recordedAt: at(setup.length + 1),
      data,
    } as DomainEvent)
  }
  const date = (d: number): BusinessDate => fromDayNumber(d)
  const participantId = participantIdOf(h.participants.length + 1)
  const commune = h.units.communes[0]!
  const from = k.day
  const through = from + k.length - 1
  const envelope = () => ({ id: eventIdOf(h.events.length + setup.length + 1), recordedAt: at(setup.length + 1) })
  const make = (command: Record<string, unknown>): Command => ({ ...envelope(), ...command }) as unknown as Command

  let command: Command
  switch (broken.tag) {
    case 'CoveredThroughBeforeCoveredFrom':
      command = make({
        type: 'EnrolParticipant',
        data: {
          participantId,
          scheme: k.scheme,
          unit: commune,
          coveredFrom: date(from),
          coveredThrough: date(from - 1 - (k.offset % 365)),
        },
      })
      break
    case 'CoveredThroughRequired':
      command = make({
        type: 'EnrolParticipant',
        data: {
          participantId,
          scheme: k.variant === 0 ? 'health' : 'voluntary',
          unit: commune,
          coveredFrom: date(from),
          coveredThrough: null,
        },
      })
      break
    case 'CoverageOverlap': {
      scene('ParticipantEnrolled', {
        participantId,
        scheme: k.scheme,
        unit: commune,
        coveredFrom: date(from),
        coveredThrough: date(through),
      })
      // Start inside the known period, or start before it and end inside it.
      const inside = from + (k.offset % k.length)
      const data =
        k.variant === 0
          ? {
              participantId,
              scheme: k.scheme,
              unit: commune,
              coveredFrom: date(inside),
              coveredThrough: date(inside + k.length),
            }
          : {
              participantId,
              scheme: k.scheme,
              unit: commune,
              coveredFrom: date(from - 1 - (k.offset % 200)),
              coveredThrough: date(inside),
            }
      command = make({ type: 'EnrolParticipant', data })
      break
    }
    case 'UnitNotEstablished':
      command =
        broken.rule === 'unit.exists-on-day'
          ? make({ type: 'ChangeUnit', data: { code: UNUSED_COMMUNE, effectiveOn: date(from), name: 'Xã mới' } })
          : broken.rule === 'enrol.unit-established'
            ? make({
                type: 'EnrolParticipant',
                data: {
                  participantId,
                  scheme: 'voluntary',
                  unit: UNUSED_COMMUNE,
                  coveredFrom: date(from),
                  coveredThrough: date(through),
                },
              })
            : broken.rule === 'collection.unit-established'
              ? make({
                  type: 'CollectContribution',
                  data: { unit: UNUSED_COMMUNE, scheme: k.scheme, amount: k.amount, collectedOn: date(from) },
                })
              : broken.rule === 'revenue-plan.unit-established'
                ? make({
                    type: 'AssignRevenuePlan',
                    data: { unit: UNUSED_COMMUNE, year: h.years.from, amount: k.amount, assignedOn: date(from) },
                  })
                : make({
                    type: 'AssignQuota',
                    data: {
                      unit: UNUSED_COMMUNE,
                      scheme: k.scheme,
                      year: h.years.from,
                      target: k.extra,
                      assignedOn: date(from),
                    },
                  })
      break
    case 'NonPositiveAmount':
      // Past the codec (a command built in code): 0 or a negative amount.
      command = make({
        type: 'CollectContribution',
        data: { unit: commune, scheme: k.scheme, amount: k.variant === 0 ? 0 : -k.amount, collectedOn: date(from) },
      })
      break
    case 'NegativePlan':
      command = make({
        type: 'AssignRevenuePlan',
        data: { unit: commune, year: h.years.from, amount: -k.extra, assignedOn: date(from) },
      })
      break
    case 'NoCoverageToCut': {
      scene('ParticipantEnrolled', {
        participantId,
        scheme: k.scheme,
        unit: commune,
        coveredFrom: date(from),
        coveredThrough: date(through),
      })
      // On the first day (nothing started before it), after the end, or before the start.
      const lapsedOn =
        k.variant === 0 ? from : k.variant === 1 ? through + 1 + (k.offset % 300) : from - 1 - (k.offset % 300)
      command = make({
        type: 'LapseParticipant',
        data: { participantId, scheme: k.scheme, lapsedOn: date(lapsedOn), reason: 'stopped-paying' },
      })
      break
    }
    case 'NegativeTarget':
      command = make({
        type: 'AssignQuota',
        data: { unit: commune, scheme: k.scheme, year: h.years.from, target: -k.extra, assignedOn: date(from) },
      })
      break
    case 'DebtRecordedBeforePeriod': {
      const month = date(from).slice(0, 7) as Month
      command = make({
        type: 'RecordDebt',
        data: {
          employer: NEW_EMPLOYER,
          unit: commune,
          scheme: 'compulsory',
          period: month,
          amount: k.amount,
          recordedOn: date(civilToDays(+month.slice(0, 4), +month.slice(5, 7), 1) - 1 - (k.offset % 60)),
        },
      })
      break
    }
    case 'SettlementExceedsOutstanding': {
      scene('DebtRecorded', {
        employer: NEW_EMPLOYER,
        unit: commune,
        scheme: 'health',
        period: date(from).slice(0, 7) as Month,
        amount: k.amount,
        recordedOn: date(from),
      } as EventDataMap['DebtRecorded'])
      // More than the debt on or after its day, or anything before the debt stands.
      const data =
        k.variant === 0
          ? {
              employer: NEW_EMPLOYER,
              scheme: 'health',
              amount: k.amount + k.extra,
              settledOn: date(from + (k.offset % 300)),
            }
          : { employer: NEW_EMPLOYER, scheme: 'health', amount: k.extra, settledOn: date(from - 1 - (k.offset % 300)) }
      command = make({ type: 'SettleDebt', data })
      break
    }
    case 'UnitAlreadyEstablished': {
      const existing = h.events.find((e) => e.type === 'UnitEstablished')!
      command = make({ type: 'EstablishUnit', data: existing.data })
      break
    }
    case 'LevelMismatch':
      command = make({
        type: 'EstablishUnit',
        data: {
          code: UNUSED_COMMUNE,
          name: 'Xã mới',
          level: k.variant === 0 ? 'province' : 'district',
          parent: h.units.provinces[0]!,
          establishedOn: date(from),
        },
      })
      break
    case 'ProvinceWithParent':
      command = make({
        type: 'EstablishUnit',
        data: {
          code: UNUSED_PROVINCE,
          name: 'Tỉnh mới',
          level: 'province',
          parent: h.units.provinces[0]!,
          establishedOn: date(from),
        },
      })
      break
    case 'ParentRequired':
      command = make({
        type: 'EstablishUnit',
        data: {
          code: k.variant === 0 ? UNUSED_DISTRICT : UNUSED_COMMUNE,
          name: 'Đơn vị mới',
          level: k.variant === 0 ? 'district' : 'commune',
          establishedOn: date(from),
        },
      })
      break
    case 'ParentNotEstablished':
      command = make({
        type: 'EstablishUnit',
        data: {
          code: UNUSED_COMMUNE,
          name: 'Xã mới',
          level: 'commune',
          parent: UNUSED_DISTRICT,
          establishedOn: date(from),
        },
      })
      break
    case 'ParentLevel':
      // A district under a commune, or a commune under a commune.
      command =
        k.variant === 0
          ? make({
              type: 'EstablishUnit',
              data: {
                code: UNUSED_DISTRICT,
                name: 'Huyện mới',
                level: 'district',
                parent: commune,
                establishedOn: date(from),
              },
            })
          : make({
              type: 'EstablishUnit',
              data: {
                code: UNUSED_COMMUNE,
                name: 'Xã mới',
                level: 'commune',
                parent: commune,
                establishedOn: date(from),
              },
            })
      break
    case 'SuccessorIsUnit':
      command = make({ type: 'DissolveUnit', data: { code: commune, dissolvedOn: date(from), successor: commune } })
      break
    case 'SuccessorNotExisting':
      command = make({
        type: 'DissolveUnit',
        data: { code: commune, dissolvedOn: date(from), successor: UNUSED_COMMUNE },
      })
      break
    case 'UnitDissolved': {
      // dissolved into its province; then anything dated on or after that day for it is refused
      scene('UnitDissolved', {
        code: commune,
        dissolvedOn: date(from),
        successor: h.units.provinces[0]!,
      } as EventDataMap['UnitDissolved'])
      const on = date(from + (k.offset % 300))
      command =
        k.variant === 0
          ? make({
              type: 'EnrolParticipant',
              data: {
                participantId,
                scheme: 'voluntary',
                unit: commune,
                coveredFrom: on,
                coveredThrough: date(from + (k.offset % 300) + k.length),
              },
            })
          : k.variant === 1
            ? make({
                type: 'AssignQuota',
                data: { unit: commune, scheme: k.scheme, year: h.years.to, target: k.extra, assignedOn: on },
              })
            : make({ type: 'DissolveUnit', data: { code: commune, dissolvedOn: on, successor: h.units.provinces[0]! } })
      break
    }
    case 'AlreadyLinked': {
      const personal = (n: number): string => `9${String(n).padStart(11, '0')}`
      scene('ParticipantIdentified', {
        participantId,
        personalId: personal(1),
        identifiedOn: date(from),
      } as unknown as EventDataMap['ParticipantIdentified'])
      command = make({
        type: 'IdentifyParticipant',
        data: { participantId, personalId: personal(2 + (k.offset % 1000)), identifiedOn: date(from) },
      })
      break
    }
    case 'LabourForceExceedsPopulation':
      command = make({
        type: 'EstimatePopulation',
        data: { unit: commune, year: h.years.from, population: k.amount, labourForce: k.amount + k.extra },
      })
      break
    default:
      throw new Error(`no invalid command is generated for ${broken.tag}`)
  }
  return { ...broken, history: h, given: [...h.events, ...setup], command }
}

/** Options of {@link invalidCommand}: the history's, and which rules to break (default: every one of {@link BROKEN_RULES}). */
export interface InvalidCommandOptions extends HistoryOptions {
  readonly rules?: readonly WriteRule[]
}

/**
 * Commands that break a write rule, with the rule and the expected error tag, e.g.
 * `fc.property(invalidCommand(), (c) => decideAgainst(c.given, c.command))` is always a refusal
 * tagged `c.tag`.
 */
export const invalidCommand = (options: InvalidCommandOptions = {}): fc.Arbitrary<InvalidCommandCase> => {
  const rules = options.rules === undefined ? BROKEN_RULES : BROKEN_RULES.filter((b) => options.rules!.includes(b.rule))
  if (rules.length === 0) throw new Error(`no invalid command breaks ${options.rules!.join(', ')}`)
  return fc
    .tuple(history(options), fc.constantFrom(...rules))
    .chain(([h, broken]) => knobs(h).map((k) => build(h, broken, k)))
}
