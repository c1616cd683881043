/**
 * The History snapshot payload: a versioned binary of a history's columns and built indexes
 * (binary.ts), so a process restores a province in about the time of one copy of the bytes instead
 * of re-folding its events. The store wraps these bytes in its own envelope (position, chain hash,
 * checksum); this format knows nothing of stores. A restored history answers every report as the
 * one encoded, and events appended after restoring fold as they would have before.
 *
 * Layout, format version 1 (each item one section, in this order): meta (JSON: unit codes, odd
 * participant ids, the small registers, the string table of debts, what the built index rests on);
 * positions, recording instants; the pair table (keys, ids; gone in version 4), pair schemes, pair keys; the eight
 * enrolment and lapse columns; the debt and settlement columns; then, when an index was built, its
 * arrays (index.ts's `FullIndex`, including the year-end masks).
 *
 * Format version 2 adds (agents-revenue), after the settlement columns and before the index: the
 * agent enrolment columns (ordinal, agent), the collection columns (unit, scheme, day, amount,
 * ordinal); the meta section gains the agent names, the collection unit codes and the revenue plans.
 *
 * Format version 4 leaves the pair table out: it is rebuilt from the pair keys on restore. Since
 * version 4 an index is always written, built over every row (`Participation.settle`).
 *
 * @module snapshot
 */
import * as E from 'fp-ts/lib/Either.js'
import type { DebtScheme } from '@ansinh/core'
import { SectionReader, SectionWriter, Unreadable } from './binary.js'
import { FloatColumn, IntColumn } from './columns.js'
import { DebtLedger } from './debts.js'
import { Geography, type UnitRecord } from './geography.js'
import { History } from './history.js'
import { KeyTable } from './intern.js'
import type { FirstDays, FullIndex, Partition } from './participation-index.js'
import type { Masks } from './year-ends.js'
import { type Ids, Participation } from './participation.js'
import { Denominators, type EstimateRecord, type QuotaRecord, Quotas } from './registers.js'
import { SegmentBuffer } from './segments.js'
import { AgentEnrolments } from './agents.js'
import { Revenue, type RevenuePlanRecord } from './revenue.js'

/** The format version written in the header; a snapshot of another version is refused. */
export const HISTORY_SNAPSHOT_VERSION = 4

/** Why snapshot bytes could not be restored. */
export interface SnapshotUnreadable {
  readonly _tag: 'SnapshotUnreadable'
  readonly message: string
}

interface Meta {
  readonly units: string[]
  readonly odd: [string, number][]
  /** Geography records: UnitEstablished (with establishedOn and level), UnitChanged, UnitDissolved (version 2). */
  readonly geography: UnitRecord[]
  /** Known id links `[participantId, personalId, ordinal]` (version 2). */
  readonly links: [string, string, number][]
  readonly denominators: EstimateRecord[]
  readonly quotas: QuotaRecord[]
  readonly strings: string[]
  readonly built: { enrolments: number; lapses: number; unitKeys: number; firstYear: number; segments: number } | null
  readonly agentNames: string[]
  readonly collectionUnits: string[]
  readonly revenuePlans: RevenuePlanRecord[]
}

/** The snapshot payload of `history`. */
export const encodeHistorySnapshot = (history: History): Uint8Array => {
  const view = history.view()
  const participation = view.participation
  const ids = participation.interned
  // the index goes with the columns, built over all of them: a restore then answers without a build
  participation.settle()
  const built = participation.built()
  const strings: string[] = []
  const stringIds = new Map<string, number>()
  const intern = (s: string): number => {
    let id = stringIds.get(s)
    if (id === undefined) {
      id = strings.length
      strings.push(s)
      stringIds.set(s, id)
    }
    return id
  }
  const { debts: nd, settlements: ns } = view.debts.counts
  const d = {
    employer: new Int32Array(nd),
    scheme: new Int32Array(nd),
    unit: new Int32Array(nd),
    period: new Int32Array(nd),
    recordedOn: new Int32Array(nd),
    amount: new Float64Array(nd),
    position: new Float64Array(nd),
    ordinal: new Int32Array(nd),
  }
  let k = 0
  for (const r of view.debts.debtRecords()) {
    d.employer[k] = intern(r.employer)
    d.scheme[k] = intern(r.scheme)
    d.unit[k] = intern(r.unit)
    d.period[k] = intern(r.period)
    d.recordedOn[k] = r.recordedOn
    d.amount[k] = r.amount
    d.position[k] = r.position
    d.ordinal[k++] = r.ordinal
  }
  const s = {
    employer: new Int32Array(ns),
    scheme: new Int32Array(ns),
    settledOn: new Int32Array(ns),
    amount: new Float64Array(ns),
    position: new Float64Array(ns),
    ordinal: new Int32Array(ns),
  }
  k = 0
  for (const r of view.debts.settlementRecords()) {
    s.employer[k] = intern(r.employer)
    s.scheme[k] = intern(r.scheme)
    s.settledOn[k] = r.settledOn
    s.amount[k] = r.amount
    s.position[k] = r.position
    s.ordinal[k++] = r.ordinal
  }
  const w = new SectionWriter()
  const meta: Meta = {
    units: ids.unitCodes,
    odd: [...ids.odd],
    geography: [...view.geography.records()],
    links: participation.links(),
    denominators: [...view.denominators.records()],
    quotas: [...view.quotas.records()],
    strings,
    built:
      built === null
        ? null
        : {
            enrolments: built.enrolments,
            lapses: built.lapses,
            unitKeys: built.index.unitKeys,
            firstYear: built.index.yearEnds.firstYear,
            segments: built.index.segments.length,
          },
    agentNames: view.agents.interned.names,
    collectionUnits: view.revenue.interned.codes,
    revenuePlans: [...view.revenue.planRecords()],
  }
  w.json(meta)
  const columns = history.columns()
  w.f64(columns.positions)
  w.f64(columns.recordedAt)
  w.i32(ids.pairScheme.view())
  w.f64(ids.pairKey.view())
  const c = participation.columns()
  for (const a of [c.enrPair, c.enrFrom, c.enrThrough, c.enrUnit, c.enrEvent, c.lapPair, c.lapDay, c.lapEvent]) w.i32(a)
  for (const a of [d.employer, d.scheme, d.unit, d.period, d.recordedOn]) w.i32(a)
  w.f64(d.amount)
  w.f64(d.position)
  w.i32(d.ordinal)
  for (const a of [s.employer, s.scheme, s.settledOn]) w.i32(a)
  w.f64(s.amount)
  w.f64(s.position)
  w.i32(s.ordinal)
  const agents = view.agents.columns()
  w.i32(agents.event)
  w.i32(agents.agent)
  const collections = view.revenue.columns()
  for (const a of [collections.unit, collections.scheme, collections.day]) w.i32(a)
  w.f64(collections.amount)
  w.i32(collections.event)
  if (built !== null) writeIndex(w, built.index)
  return w.finish(HISTORY_SNAPSHOT_VERSION)
}

/** Options of {@link decodeHistorySnapshot}. */
export interface DecodeSnapshotOptions {
  /**
   * Let the history view `bytes` in place instead of copying them, when they start on an 8-byte
   * boundary (default false). The caller gives the bytes up: the history reads them, and may
   * change them, for as long as it lives. Saves one copy of a snapshot of tens of megabytes.
   */
  readonly inPlace?: boolean
}

/** The history a snapshot payload holds, or why the bytes cannot be one. */
export const decodeHistorySnapshot = (
  bytes: Uint8Array,
  options: DecodeSnapshotOptions = {},
): E.Either<SnapshotUnreadable, History> => {
  try {
    return E.right(readSnapshot(bytes, options.inPlace ?? false))
  } catch (err) {
    if (err instanceof Unreadable) return E.left({ _tag: 'SnapshotUnreadable', message: err.message })
    return E.left({
      _tag: 'SnapshotUnreadable',
      message: `snapshot does not hold a history: ${(err as Error).message}`,
    })
  }
}

const readSnapshot = (bytes: Uint8Array, inPlace: boolean): History => {
  const r = new SectionReader(bytes, inPlace)
  if (r.version !== HISTORY_SNAPSHOT_VERSION)
    throw new Unreadable(`snapshot format version ${r.version}, this library reads version ${HISTORY_SNAPSHOT_VERSION}`)
  const meta = r.json() as Meta
  if (meta === null || !Array.isArray(meta.units) || !Array.isArray(meta.strings))
    throw new Unreadable('snapshot meta section is not a history description')
  const positions = r.f64(),
    recordedAt = r.f64()
  same('recording instants', recordedAt.length, positions.length)
  const pairScheme = new IntColumn(),
    pairKey = new FloatColumn()
  pairScheme.adopt(r.i32())
  pairKey.adopt(r.f64())
  same('pair keys', pairKey.length, pairScheme.length)
  // The pair table is not stored (its slots, a quarter full, would be a third of the snapshot): it
  // is rebuilt from the pair keys when a participant id is first looked up, i.e. when an event is
  // appended. A report from a snapshot at the head never needs it.
  let table: KeyTable | null = null
  const rebuild = (): KeyTable => {
    const t = new KeyTable(pairKey.length)
    const keys = pairKey.view()
    // Stryker disable next-line EqualityOperator: `<=` reads one past the end, undefined is not ≥ 0 and is skipped: equivalent
    for (let p = 0; p < keys.length; p++) {
      const key = keys[p]!
      // the checksum held, so two pairs with one key is a bug of the writer, not a damaged file
      if (key >= 0 && t.intern(key, p) !== p)
        throw new RangeError(`snapshot: pair key ${key} held by pairs ${t.get(key)} and ${p}`)
    }
    return t
  }
  const ids: Ids = {
    get table() {
      return (table ??= rebuild())
    },
    odd: new Map(meta.odd),
    pairScheme,
    pairKey,
    units: new Map(meta.units.map((u, i) => [u, i])),
    unitCodes: meta.units,
  }
  const [enrPair, enrFrom, enrThrough, enrUnit, enrEvent, lapPair, lapDay, lapEvent] = Array.from({ length: 8 }, () =>
    r.i32(),
  ) as [Int32Array, Int32Array, Int32Array, Int32Array, Int32Array, Int32Array, Int32Array, Int32Array]
  for (const a of [enrFrom, enrThrough, enrUnit, enrEvent]) same('enrolment column', a.length, enrPair.length)
  for (const a of [lapDay, lapEvent]) same('lapse column', a.length, lapPair.length)
  const debts = readDebts(r, meta.strings)
  if (!Array.isArray(meta.agentNames) || !Array.isArray(meta.collectionUnits) || !Array.isArray(meta.revenuePlans))
    throw new Unreadable('snapshot meta section lacks the agents, collections or revenue plans')
  const agentEvent = r.i32(),
    agentOf = r.i32()
  same('agent column', agentOf.length, agentEvent.length)
  for (const a of agentOf)
    if (a < 0 || a >= meta.agentNames.length) throw new Unreadable(`agent ${a} is not in the snapshot's agent names`)
  const [cUnit, cScheme, cDay] = [r.i32(), r.i32(), r.i32()]
  const cAmount = r.f64(),
    cEvent = r.i32()
  for (const a of [cScheme, cDay, cAmount, cEvent]) same('collection column', a.length, cUnit.length)
  for (const u of cUnit)
    if (u < 0 || u >= meta.collectionUnits.length)
      throw new Unreadable(`collection unit ${u} is not in the snapshot's unit codes`)
  for (const sc of cScheme) if (sc < 0 || sc > 3) throw new Unreadable(`collection scheme ${sc} is not a scheme index`)
  const agents = AgentEnrolments.restore(meta.agentNames, { event: agentEvent, agent: agentOf })
  const revenue = Revenue.restore(
    meta.collectionUnits,
    { unit: cUnit, scheme: cScheme, day: cDay, amount: cAmount, event: cEvent },
    meta.revenuePlans,
  )
  let built: { index: FullIndex; enrolments: number; lapses: number } | null = null
  if (meta.built !== null)
    built = { index: readIndex(r, meta.built), enrolments: meta.built.enrolments, lapses: meta.built.lapses }
  r.end()
  const participation = Participation.restore(
    ids,
    { enrPair, enrFrom, enrThrough, enrUnit, enrEvent, lapPair, lapDay, lapEvent },
    built,
  )
  participation.restoreLinks(meta.links ?? [])
  const geography = new Geography()
  for (const u of meta.geography) geography.addRecord(u)
  const denominators = new Denominators()
  for (const e of meta.denominators) denominators.addRecord(e)
  const quotas = new Quotas()
  for (const q of meta.quotas) quotas.addRecord(q)
  return History.restore(
    { positions, recordedAt },
    { participation, geography, denominators, quotas, debts, agents, revenue },
  )
}

const same = (what: string, n: number, expected: number): void => {
  if (n !== expected) throw new Unreadable(`${what}: ${n} values, ${expected} expected`)
}

const readDebts = (r: SectionReader, strings: readonly string[]): DebtLedger => {
  const str = (i: number): string => {
    const v = strings[i]
    if (v === undefined) throw new Unreadable(`string ${i} is not in the snapshot's string table`)
    return v
  }
  const [employer, scheme, unit, period, recordedOn] = [r.i32(), r.i32(), r.i32(), r.i32(), r.i32()]
  const amount = r.f64(),
    position = r.f64(),
    ordinal = r.i32()
  for (const a of [scheme, unit, period, recordedOn, amount, position, ordinal])
    same('debt column', a.length, employer.length)
  const [sEmployer, sScheme, settledOn] = [r.i32(), r.i32(), r.i32()]
  const sAmount = r.f64(),
    sPosition = r.f64(),
    sOrdinal = r.i32()
  for (const a of [sScheme, settledOn, sAmount, sPosition, sOrdinal])
    same('settlement column', a.length, sEmployer.length)
  const ledger = new DebtLedger()
  for (let k = 0; k < employer.length; k++) {
    ledger.addDebtRecord({
      employer: str(employer[k]!),
      scheme: str(scheme[k]!) as DebtScheme,
      unit: str(unit[k]!),
      period: str(period[k]!),
      recordedOn: recordedOn[k]!,
      amount: amount[k]!,
      position: position[k]!,
      ordinal: ordinal[k]!,
    })
  }
  for (let k = 0; k < sEmployer.length; k++) {
    ledger.addSettlementRecord({
      employer: str(sEmployer[k]!),
      scheme: str(sScheme[k]!) as DebtScheme,
      settledOn: settledOn[k]!,
      amount: sAmount[k]!,
      position: sPosition[k]!,
      ordinal: sOrdinal[k]!,
    })
  }
  return ledger
}

const writePartition = (w: SectionWriter, p: Partition): void => {
  w.i32(p.offsets)
  w.i32(p.starts)
  w.i32(p.ends)
}
const readPartition = (r: SectionReader): Partition => ({ offsets: r.i32(), starts: r.i32(), ends: r.i32() })
const writeFirst = (w: SectionWriter, f: FirstDays): void => {
  w.i32(f.offsets)
  w.i32(f.days)
}
const readFirst = (r: SectionReader): FirstDays => ({ offsets: r.i32(), days: r.i32() })
const writeMasks = (w: SectionWriter, m: Masks): void => {
  w.u16(m.startMask)
  w.u16(m.endMask)
  w.i32(m.startRank)
  w.i32(m.endRank)
}
const readMasks = (r: SectionReader): Masks => ({
  startMask: r.u16(),
  endMask: r.u16(),
  startRank: r.i32(),
  endRank: r.i32(),
})

const writeIndex = (w: SectionWriter, ix: FullIndex): void => {
  for (const a of [ix.pairSeg, ix.pairScheme, ix.firstDay, ix.firstUnit]) w.i32(a)
  const n = ix.segments.length
  for (const a of [ix.segments.start, ix.segments.end, ix.segments.unit]) w.i32(a.subarray(0, n))
  writePartition(w, ix.byUnit)
  writePartition(w, ix.national)
  writeFirst(w, ix.firstByUnit)
  writeFirst(w, ix.firstNational)
  w.i32(ix.yearEnds.days)
  writeMasks(w, ix.yearEnds.byUnit)
  writeMasks(w, ix.yearEnds.national)
  for (const a of [ix.order, ix.offsets, ix.laps, ix.lapOffsets]) w.i32(a)
}

const readIndex = (r: SectionReader, b: NonNullable<Meta['built']>): FullIndex => {
  const [pairSeg, pairScheme, firstDay, firstUnit] = [r.i32(), r.i32(), r.i32(), r.i32()]
  const segments = SegmentBuffer.of(r.i32(), r.i32(), r.i32())
  same('segments', segments.length, b.segments)
  const byUnit = readPartition(r),
    national = readPartition(r)
  const firstByUnit = readFirst(r),
    firstNational = readFirst(r)
  const days = r.i32()
  const yearEnds = { firstYear: b.firstYear, days, byUnit: readMasks(r), national: readMasks(r) }
  const [order, offsets, laps, lapOffsets] = [r.i32(), r.i32(), r.i32(), r.i32()]
  return {
    pairSeg,
    pairScheme,
    firstDay,
    firstUnit,
    segments,
    unitKeys: b.unitKeys,
    byUnit,
    national,
    firstByUnit,
    firstNational,
    yearEnds,
    notCoveredOn: new Map(),
    order,
    offsets,
    laps,
    lapOffsets,
  }
}
