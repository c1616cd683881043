/**
 * The tampering matrix of the reliability suite: seven ways to change a SQL store's rows behind
 * ansinh's back, written as SQL (and, for the re-hashing forger, the chain recomputed the way a
 * forger who read docs/hash-chain.md would). Each takes raw SQL on the store's database and the
 * store itself, to read the decoded rows for re-hashing.
 *
 * @module test/tamper
 */
import * as E from 'fp-ts/lib/Either.js'
import {
  type EventStore,
  GENESIS_HASH,
  type ReadAllOptions,
  type RecordedEvent,
  chainHash,
  describeStoreError,
} from '@ansinh/store'

/** Raw SQL on a store's database. */
export interface Sql {
  query(text: string, params?: readonly unknown[]): Promise<unknown>
}

/** One way of tampering; `position` is where the chain is changed. */
export interface Tampering {
  readonly name: string
  /** What a chain walk can see without a published head: the chain breaks (`detect`) or it verifies to another head (`rehashed`). */
  readonly seen: 'detect' | 'rehashed'
  readonly position: number
  readonly apply: (sql: Sql, store: EventStore) => Promise<void>
}

/** The store's rows, decoded; a store that cannot be read is no place to tamper with (the test's setup fails). */
const rows = async function* (store: EventStore, options: ReadAllOptions): AsyncGenerator<RecordedEvent> {
  for await (const r of store.readAll(options)) {
    if (E.isLeft(r)) throw new Error(`cannot tamper with a store that fails: ${describeStoreError(r.left)}`)
    yield r.right
  }
}

/** Recomputes every hash from `from` on, as a forger with write access would. */
const rehashFrom = async (sql: Sql, store: EventStore, from: number): Promise<void> => {
  let previous = GENESIS_HASH
  for await (const e of rows(store, { pageSize: 1_000 })) {
    if (e.position >= from) {
      const hash = chainHash(previous, e)
      if (hash !== e.hash) await sql.query('UPDATE ansinh_events SET hash = $1 WHERE position = $2', [hash, e.position])
      previous = hash
    } else previous = e.hash
  }
}

/**
 * The seven tamperings. `edit` is the row whose data carries `"amount":9000000` (a debt), `middle`
 * any row after the snapshot that is not the last.
 */
export const tamperings = (edit: number, middle: number): readonly Tampering[] => [
  {
    name: 'edit',
    seen: 'detect',
    position: edit,
    apply: async (sql) =>
      void (await sql.query(
        `UPDATE ansinh_events SET data = replace(data::text, '"amount":9000000', '"amount":1009000000')::json WHERE position = $1`,
        [edit],
      )),
  },
  {
    name: 'delete',
    seen: 'detect',
    position: middle,
    apply: async (sql) => void (await sql.query('DELETE FROM ansinh_events WHERE position = $1', [middle])),
  },
  {
    name: 'swap',
    seen: 'detect',
    position: middle,
    apply: async (sql) => {
      await sql.query('UPDATE ansinh_events SET position = 1000000 WHERE position = $1', [middle])
      await sql.query('UPDATE ansinh_events SET position = $1 WHERE position = $2', [middle, middle + 1])
      await sql.query('UPDATE ansinh_events SET position = $1 WHERE position = 1000000', [middle + 1])
    },
  },
  {
    name: 're-time',
    seen: 'detect',
    position: edit,
    apply: async (sql) =>
      void (await sql.query(
        `UPDATE ansinh_events SET recorded_at = '2019-12-31T09:00:00+07:00', recorded_at_ms = 1577757600000 WHERE position = $1`,
        [edit],
      )),
  },
  {
    name: 'rehash-from',
    seen: 'rehashed',
    position: edit,
    apply: async (sql, store) => {
      await sql.query(
        `UPDATE ansinh_events SET data = replace(data::text, '"amount":9000000', '"amount":1009000000')::json WHERE position = $1`,
        [edit],
      )
      await rehashFrom(sql, store, edit)
    },
  },
  {
    name: 'renumber',
    seen: 'rehashed',
    position: middle,
    apply: async (sql, store) => {
      let removed: { stream: string; revision: number } | undefined
      for await (const e of rows(store, { fromPosition: middle })) {
        removed = { stream: e.stream, revision: e.revision }
        break
      }
      await sql.query('DELETE FROM ansinh_events WHERE position = $1', [middle])
      // in two steps each: positions and (stream, revision) are unique
      await sql.query('UPDATE ansinh_events SET position = position + 1000000 WHERE position > $1', [middle])
      await sql.query('UPDATE ansinh_events SET position = position - 1000001 WHERE position > 1000000')
      await sql.query('UPDATE ansinh_events SET revision = revision + 1000000 WHERE stream = $1 AND revision > $2', [
        removed!.stream,
        removed!.revision,
      ])
      await sql.query(
        'UPDATE ansinh_events SET revision = revision - 1000001 WHERE stream = $1 AND revision > 1000000',
        [removed!.stream],
      )
      await rehashFrom(sql, store, middle)
    },
  },
  {
    name: 'truncate',
    seen: 'rehashed',
    position: middle,
    apply: async (sql) => void (await sql.query('DELETE FROM ansinh_events WHERE position > $1', [middle])),
  },
]
