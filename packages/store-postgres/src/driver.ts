/**
 * The two ways to reach PostgreSQL: a `pg` pool (a server) and PGlite (PostgreSQL compiled to
 * WebAssembly, in a folder). The store speaks only this interface, so both run the same SQL.
 * Parameters are text or numbers only (arrays travel as JSON), so the drivers' type mappings
 * never matter. Bulk rows travel as COPY text: PGlite reads it from a blob, a server from STDIN.
 *
 * @module driver
 */
import type { PGlite } from '@electric-sql/pglite'
import type pg from 'pg'

/** Runs one SQL statement. */
export interface SqlQueryable {
  /** The rows of one statement with `$1`-style parameters. */
  query<R = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<R[]>
  /** Loads rows in COPY text format (tab-separated, one row a line) into `table (columns)`. */
  copy(table: string, columns: readonly string[], text: string): Promise<void>
}

/** A connection to PostgreSQL, however it is reached. */
export interface SqlDriver extends SqlQueryable {
  /** Which engine this is (PGlite has one connection; a server has many). */
  readonly kind: 'postgres' | 'pglite'
  /** Runs `body` in one transaction: committed when it resolves, rolled back when it rejects. */
  transaction<T>(body: (tx: SqlQueryable) => Promise<T>): Promise<T>
  /** Calls `onNotify` on every NOTIFY on `channel` from any session; resolves to an unlisten. */
  listen(channel: string, onNotify: () => void): Promise<() => Promise<void>>
  /** Releases the connections. */
  close(): Promise<void>
}

/**
 * `COPY … FROM STDIN` on one `pg` client, as a custom query (pg's submittable interface, the one
 * pg-cursor uses). The data follows the statement at once instead of after the server's
 * CopyInResponse, so the server loads it while this thread goes on (plans the next slice); the
 * protocol drops copy data that arrives when the statement failed before reading it.
 */
const copyIn = (client: pg.PoolClient, sql: string, text: string): Promise<void> =>
  new Promise((resolve, reject) => {
    const submittable = {
      submit: (connection: PgConnection) => {
        connection.query(sql)
        connection.sendCopyFromChunk(Buffer.from(text, 'utf8'))
        connection.endCopyFrom()
      },
      handleCopyInResponse: () => undefined,
      handleCommandComplete: () => undefined,
      // pg detaches a failed query before the server's ReadyForQuery: the error is its last word.
      handleError: (err: unknown) => reject(err),
      handleReadyForQuery: () => resolve(),
    }
    void client.query(submittable as never)
  })

/** The part of pg's connection a custom query uses. */
interface PgConnection {
  query(text: string): void
  sendCopyFromChunk(chunk: Buffer): void
  endCopyFrom(): void
}

const copySql = (table: string, columns: readonly string[], source: string): string => `COPY ${table} (${columns.join(', ')}) FROM ${source}`

/** A driver over a `pg` pool; `close` ends the pool. */
export const pgDriver = (pool: pg.Pool): SqlDriver => {
  // An idle client losing its server must not crash the process; the next query reports it.
  pool.on('error', () => undefined)
  return {
    kind: 'postgres',
    // The caller names the row type it selected (SqlQueryable.query); pg's rows are untyped.
    query: async <R>(text: string, params?: readonly unknown[]) => (await pool.query(text, params as unknown[])).rows as R[],
    copy: async (table, columns, text) => {
      const client = await pool.connect()
      try {
        await copyIn(client, copySql(table, columns, 'STDIN'), text)
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
          query: async <R>(text: string, params?: readonly unknown[]) => (await client.query(text, params as unknown[])).rows as R[],
          copy: (table, columns, text) => copyIn(client, copySql(table, columns, 'STDIN'), text),
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

/** A driver over a PGlite instance; `close` closes it unless `ownsDatabase` is false. */
export const pgliteDriver = (db: PGlite, ownsDatabase = true): SqlDriver => ({
  kind: 'pglite',
  query: async (text, params) => (await db.query(text, params as unknown[])).rows as never,
  copy: async (table, columns, text) => void (await db.query(copySql(table, columns, `'/dev/blob'`), [], { blob: new Blob([text]) })),
  transaction: (body) =>
    db.transaction((tx) =>
      body({
        query: async (text, params) => (await tx.query(text, params as unknown[])).rows as never,
        copy: async (table, columns, text) => void (await tx.query(copySql(table, columns, `'/dev/blob'`), [], { blob: new Blob([text]) })),
      }),
    ),
  listen: async (channel, onNotify) => db.listen(channel, onNotify),
  close: async () => {
    if (ownsDatabase) await db.close()
  },
})
