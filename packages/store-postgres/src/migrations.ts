/**
 * The schema, as numbered migrations recorded in `ansinh_migrations`. Running them again is a
 * no-op; two processes opening the same database at once take turns on an advisory lock.
 * A migration, once released, is never edited: a change is a new migration.
 *
 * @module migrations
 */
import type { SqlDriver } from './driver.js'

/** One schema step. */
export interface Migration {
  readonly version: number
  readonly name: string
  readonly statements: readonly string[]
}

/** Every migration, in order. */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'events table',
    statements: [
      // id is text, not uuid: uuid would lower-case an id written in capitals, and the id is part
      // of the hashed canonical form, so it must come back exactly as written.
      `CREATE TABLE ansinh_events (
        position bigint PRIMARY KEY CHECK (position > 0),
        stream text NOT NULL,
        revision integer NOT NULL CHECK (revision >= 0),
        id text NOT NULL UNIQUE,
        type text NOT NULL,
        schema_version integer NOT NULL,
        data jsonb NOT NULL,
        recorded_at text NOT NULL,
        recorded_at_ms bigint NOT NULL,
        hash char(64) NOT NULL,
        CONSTRAINT ansinh_events_stream_revision UNIQUE (stream, revision)
      )`,
      // Known-at cut-offs select by recording time.
      `CREATE INDEX ansinh_events_recorded_at_ms ON ansinh_events (recorded_at_ms)`,
    ],
  },
  {
    version: 2,
    name: 'data as json text',
    statements: [
      // json keeps the text as written (the canonical JSON the chain hashed) instead of building
      // jsonb's binary form: imports load about twice as fast and reads hand the text back as is.
      // Rows stored as jsonb come out in jsonb's key order; the codecs restore the declared order.
      `ALTER TABLE ansinh_events ALTER COLUMN data TYPE json USING data::json`,
    ],
  },
  {
    version: 3,
    name: 'projection checkpoints',
    statements: [
      // One row per projection: its position and its snapshot at that position, replaced together.
      `CREATE TABLE ansinh_checkpoints (
        name text PRIMARY KEY,
        position bigint NOT NULL CHECK (position >= 0),
        snapshot bytea NOT NULL,
        saved_at timestamptz NOT NULL
      )`,
    ],
  },
  {
    version: 4,
    name: 'read-model snapshots',
    statements: [
      // One row per read model: the sealed envelope (format, position, chain hash, payload,
      // checksum). position and hash repeat the envelope's stamp for people reading the table;
      // a reader trusts only the checksummed envelope, checked against the chain.
      `CREATE TABLE ansinh_snapshots (
        name text PRIMARY KEY,
        position bigint NOT NULL CHECK (position >= 0),
        hash char(64) NOT NULL,
        envelope bytea NOT NULL,
        saved_at timestamptz NOT NULL
      )`,
    ],
  },
]

/**
 * The indexes of `ansinh_events` as the migrations leave them (migration 1: the primary key, the
 * unique id, the unique (stream, revision), the recording-time index), to drop before a first
 * load into the empty table and build again after it, under the same names
 * (the store option `indexAfterFirstLoad`). Building an index over loaded rows sorts them
 * once; keeping it while loading inserts each key where it belongs, and the id index's keys are
 * random UUIDs.
 */
export const EVENT_INDEXES = {
  drop: [
    `ALTER TABLE ansinh_events DROP CONSTRAINT ansinh_events_pkey, DROP CONSTRAINT ansinh_events_id_key,
       DROP CONSTRAINT ansinh_events_stream_revision`,
    `DROP INDEX ansinh_events_recorded_at_ms`,
  ],
  build: [
    `ALTER TABLE ansinh_events ADD CONSTRAINT ansinh_events_pkey PRIMARY KEY (position)`,
    `ALTER TABLE ansinh_events ADD CONSTRAINT ansinh_events_id_key UNIQUE (id)`,
    `ALTER TABLE ansinh_events ADD CONSTRAINT ansinh_events_stream_revision UNIQUE (stream, revision)`,
    `CREATE INDEX ansinh_events_recorded_at_ms ON ansinh_events (recorded_at_ms)`,
  ],
} as const

/** The advisory-lock key serializing migrations (distinct from the append lock). */
const MIGRATION_LOCK = 0x616e7369 // "ansi"

/** Brings the schema up to date; returns the versions it applied. */
export const migrate = async (driver: SqlDriver): Promise<number[]> =>
  driver.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK])
    await tx.query(`CREATE TABLE IF NOT EXISTS ansinh_migrations (
      version integer PRIMARY KEY,
      name text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`)
    const done = new Set(
      (await tx.query<{ version: number }>('SELECT version FROM ansinh_migrations')).map((r) => Number(r.version)),
    )
    const applied: number[] = []
    for (const m of MIGRATIONS) {
      if (done.has(m.version)) continue
      for (const statement of m.statements) await tx.query(statement)
      await tx.query('INSERT INTO ansinh_migrations (version, name) VALUES ($1, $2)', [m.version, m.name])
      applied.push(m.version)
    }
    return applied
  })
