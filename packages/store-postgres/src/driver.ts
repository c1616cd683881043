/**
 * The interface the store speaks to reach PostgreSQL, and its `pg` pool implementation (a
 * server); `@ansinh/store-pglite` implements it over PGlite (PostgreSQL compiled to WebAssembly,
 * in a folder), so both run the same SQL.
 * Parameters are text or numbers only (arrays travel as JSON), so the drivers' type mappings
 * never matter. Bulk rows travel as COPY text: PGlite reads it from a blob, a server from STDIN.
 *
 * @module driver
 */
import { finished } from 'node:stream/promises'
import type pg from 'pg'
import type * as CopyStreams from 'pg-copy-streams'

/** pg-copy-streams, loaded on the first COPY: a process that only opens PGlite never loads pg's modules. */
const copyStreams = (): Promise<typeof CopyStreams> => import('pg-copy-streams')

/** Runs one SQL statement. */
export interface SqlQueryable {
  /** The rows of one statement with `$1`-style parameters. */
  query<R = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<R[]>
  /**
   * Loads rows in COPY text format (tab-separated, one row a line) into `table (columns)`;
   * settles once they are loaded. A server driver calls `onSent` as soon as the text is on its
   * way (the server then loads while the caller computes); an embedded one may never call it.
   */
  copy(table: string, columns: readonly string[], text: string, onSent?: () => void): Promise<void>
}

/** A connection to PostgreSQL, however it is reached. */
export interface SqlDriver extends SqlQueryable {
  /** Which engine this is (PGlite has one connection; a server has many). */
  readonly kind: 'postgres' | 'pglite'
  /** Runs `body` in one transaction: committed when it resolves, rolled back when it rejects. */
  /**
   * Runs `COPY (select) TO …` in PostgreSQL's binary COPY format and returns its bytes: how large
   * values (a snapshot's envelope) leave the database without a text encoding (see `copyField`).
   * `select` takes no parameters: COPY does not.
   */
  copyOut(select: string): Promise<Uint8Array>
  transaction<T>(body: (tx: SqlQueryable) => Promise<T>): Promise<T>
  /** Calls `onNotify` on every NOTIFY on `channel` from any session; resolves to an unlisten. */
  listen(channel: string, onNotify: () => void): Promise<() => Promise<void>>
  /** Releases the connections. */
  close(): Promise<void>
}

/**
 * `COPY … FROM STDIN` on one `pg` client through pg-copy-streams (the maintained way to stream
 * COPY data into pg). Settles when the server has loaded the text (or refused it, with the
 * server's error); `onSent` is called once the text is handed to the socket, so a caller can
 * plan its next slice while the server loads this one.
 */
const copyIn = async (client: pg.PoolClient, sql: string, text: string, onSent?: () => void): Promise<void> => {
  const { from: copyFrom } = await copyStreams()
  const stream = client.query(copyFrom(sql))
  const loaded = finished(stream)
  // pg-copy-streams holds the data until the server's CopyInResponse, then calls back.
  stream.write(Buffer.from(text, 'utf8'), () => onSent?.())
  stream.end()
  return loaded
}

/** `COPY table (columns) FROM source`; PGlite's driver reads from `'/dev/blob'`, a server from STDIN. */
export const copySql = (table: string, columns: readonly string[], source: string): string =>
  `COPY ${table} (${columns.join(', ')}) FROM ${source}`

/** A driver over a `pg` pool; `close` ends the pool. */
export const pgDriver = (pool: pg.Pool): SqlDriver => {
  // An idle client losing its server must not crash the process; the next query reports it.
  pool.on('error', () => undefined)
  return {
    kind: 'postgres',
    // The caller names the row type it selected (SqlQueryable.query); pg's rows are untyped.
    query: async <R>(text: string, params?: readonly unknown[]) =>
      (await pool.query(text, params as unknown[])).rows as R[],
    copy: async (table, columns, text, onSent) => {
      const client = await pool.connect()
      try {
        await copyIn(client, copySql(table, columns, 'STDIN'), text, onSent)
      } finally {
        client.release()
      }
    },
    copyOut: async (select) => {
      const client = await pool.connect()
      try {
        const chunks: Buffer[] = []
        const { to: copyTo } = await copyStreams()
        const stream = client.query(copyTo(`COPY (${select}) TO STDOUT WITH (FORMAT binary)`))
        stream.on('data', (chunk: Buffer) => chunks.push(chunk))
        await finished(stream)
        return Buffer.concat(chunks)
      } finally {
        client.release()
      }
    },
    transaction: async (body) => {
      const client = await pool.connect()
      try {
        // Read committed whatever the server's default: after taking the append lock, the next
        // statement must see what the previous writer committed.
        await client.query('BEGIN ISOLATION LEVEL READ COMMITTED')
        const tx: SqlQueryable = {
          query: async <R>(text: string, params?: readonly unknown[]) =>
            (await client.query(text, params as unknown[])).rows as R[],
          copy: (table, columns, text, onSent) => copyIn(client, copySql(table, columns, 'STDIN'), text, onSent),
        }
        const result = await body(tx)
        await client.query('COMMIT')
        return result
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined)
        throw err
      } finally {
        client.release()
      }
    },
    listen: async (channel, onNotify) => {
      const client = await pool.connect()
      client.on('error', () => undefined)
      client.on('notification', (n) => {
        if (n.channel === channel) onNotify()
      })
      await client.query(`LISTEN ${channel}`)
      return async () => {
        await client.query(`UNLISTEN ${channel}`).catch(() => undefined)
        client.release()
      }
    },
    close: () => pool.end(),
  }
}
